import ArgumentParser
import CognitoTriggers
import TerminalText

/// `cognito-explorer triggers [NAME]`: every trigger and trigger source the catalogue knows, or one.
struct Triggers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triggers",
        abstract: "List every Cognito trigger and its trigger sources, with what they mean (or only the one named)."
    )

    @Argument(help: "A trigger (preSignUp, \"pre sign-up\", preTokenGeneration) or a trigger source (CustomMessage_SignUp), in any case: print only that one.")
    var name: String?

    @Flag(help: "Print JSON for programs.")
    var json = false

    @Flag(help: "Draw the journeys (sign-up, sign-in, migration, ...) with the triggers in the order Cognito calls them.")
    var flows = false

    func run() throws {
        var selection: TriggerSelection?
        if let name {
            guard let found = TriggerSelection(name: name) else {
                printError("cognito-explorer: no trigger or trigger source is named \"\(TerminalText.escaped(name))\"; `cognito-explorer triggers` lists them all")
                throw ExitCode(2)
            }
            selection = found
        }
        if flows {
            // With a name, only the journeys in which that trigger runs.
            let shown = selection.map { selection in
                TriggerFlow.all.filter { flow in selection.specs.contains { TriggerFlow.flows(with: $0.trigger).contains(flow) } }
            } ?? TriggerFlow.all
            CLIOutput.write(TriggerFlow.text(flows: shown) + "\n")
            return
        }
        CLIOutput.write(json ? EventPrinter.triggersJSON(only: selection) : EventPrinter.triggersText(options: CLIOutput.printerOptions, only: selection))
    }
}
