import ArgumentParser
import CognitoTriggers

/// `cognito-explorer triggers`: every trigger and trigger source the catalogue knows.
struct Triggers: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every Cognito trigger and its trigger sources, with what they mean."
    )

    @Flag(help: "Print JSON for programs.")
    var json = false

    @Flag(help: "Draw the journeys (sign-up, sign-in, migration, ...) with the triggers in the order Cognito calls them.")
    var flows = false

    func run() throws {
        if flows {
            CLIOutput.write(TriggerFlow.text() + "\n")
            return
        }
        CLIOutput.write(json ? EventPrinter.triggersJSON() : EventPrinter.triggersText(options: CLIOutput.printerOptions))
    }
}
