import ArgumentParser
import CognitoTriggers
import JSONDocument

/// `cognito-explorer show FILE`: the event as a typed tree with the catalogue's explanations.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print an event as a typed tree, with what each field means and the problems found.",
        discussion: """
            Each line shows a key, its type in the field catalogue and its value; the catalogue's \
            explanation follows below every field it describes, and fields it does not describe are \
            marked (not in the catalogue). Strings are shown escaped: control characters, terminal \
            escape sequences and bidirectional overrides appear as \\u001b and the like.
            Exit status: 0 when the event has no errors (warnings allowed), 1 when it has errors, \
            2 when the file cannot be read or is not JSON.
            """
    )

    @Argument(help: "The event file to show.")
    var file: String

    @Flag(help: "Print JSON for programs: file, trigger, triggerSource, fields and problems.")
    var json = false

    func run() throws {
        let event: TriggerEvent
        switch openEvent(file) {
        case .failure(let failure):
            CLIOutput.error(failure.message)
            throw ExitCode(failure.status)
        case .success(let opened):
            event = opened.event
        }
        if json {
            CLIOutput.write(EventPrinter.json(of: event, file: file))
        } else {
            CLIOutput.write(EventPrinter.text(of: event, options: CLIOutput.printerOptions))
        }
        if TriggerEvent.hasErrors(event.validate()) { throw ExitCode(1) }
    }
}
