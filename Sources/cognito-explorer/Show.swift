import ArgumentParser
import CognitoTriggers
import EventSources
import TerminalText
import JSONDocument

/// `cognito-explorer show FILE`: the event as a typed tree with the catalogue's explanations.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print an event as a typed tree, with what each field means and the problems found.",
        discussion: """
            Each line shows a key, its type in the field catalogue and its value; the catalogue's \
            explanation follows below every field it describes, and fields it does not describe are \
            marked (not in the catalogue). Strings are shown escaped: control characters, terminal \
            escape sequences and bidirectional overrides appear as \\u001b and the like.
            `-` reads standard input. A log, JSON lines, gzip data or a record that wraps events shows \
            every event found in it, each under a line naming where it was found (`app.log:412`); \
            with --json they come as a JSON array. Broken event lines are reported on standard error.
            Exit status: 0 when the event has no errors (warnings allowed), 1 when it has errors, \
            2 when the file cannot be read or is not JSON (or a log holds no event, or a broken one).
            """
    )

    @Argument(help: "The event file (or log, or - for standard input) to show.")
    var file: String

    @Flag(help: "Print JSON for programs: file, trigger, triggerSource, fields and problems.")
    var json = false

    func run() throws {
        let opened: EventFiles.Opened
        switch EventInputs.classify(file) {
        case .unreadable(let error):
            CLIOutput.error(TerminalText.escaped(error.description))
            throw ExitCode(2)
        case .source(let reader):
            try showSource(reader)
            return
        case .plainFile(let plain):
            opened = plain
        }
        let event: TriggerEvent
        switch openEvent(opened) {
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

    /// Every event of a source, each under its origin; problems go to standard error.
    private func showSource(_ reader: EventReader) throws {
        var shown = 0
        var hasErrors = false
        var brokenOrUnreadable = false
        var jsonItems: [String] = []
        do {
            while let item = try reader.next() {
                switch item {
                case .problem(let problem):
                    CLIOutput.error(TerminalText.escaped(problem.description))
                    brokenOrUnreadable = true
                case .event(let found):
                    let name = found.origin.name
                    if json {
                        jsonItems.append(EventPrinter.json(of: found.event, file: name))
                    } else {
                        var heading = TerminalText.escaped(name)
                        let inside = found.origin.pathDescription
                        if !inside.isEmpty { heading += " (at \(TerminalText.escaped(inside)))" }
                        CLIOutput.write((shown > 0 ? "\n" : "") + "== \(heading) ==\n")
                        CLIOutput.write(EventPrinter.text(of: found.event, options: CLIOutput.printerOptions))
                    }
                    shown += 1
                    if TriggerEvent.hasErrors(found.event.validate()) { hasErrors = true }
                }
            }
        } catch {
            CLIOutput.error(TerminalText.escaped(error.description))
            brokenOrUnreadable = true
        }
        if json {
            CLIOutput.write("[\n" + jsonItems.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }.joined(separator: ",\n") + "\n]\n")
        }
        if shown == 0 {
            CLIOutput.error("\(TerminalText.escaped(reader.name)): no Cognito event found in \(reader.counts.lines) \(reader.counts.lines == 1 ? "line" : "lines")")
            throw ExitCode(2)
        }
        if brokenOrUnreadable { throw ExitCode(2) }
        if hasErrors { throw ExitCode(1) }
    }
}
