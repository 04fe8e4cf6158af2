import ArgumentParser
import CognitoTriggers
import Foundation
import JSONDocument
import TerminalText

/// `cognito-explorer new TRIGGER_SOURCE`: a complete example event to start from.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a complete example event for a trigger source.",
        discussion: """
            The event has every common and request field the catalogue knows for the trigger, with \
            example values, and the response as Cognito sends it before the function runs. \
            `cognito-explorer triggers` lists the trigger sources.
            Exit status: 0 when written, 1 when the output file exists (use --force) or cannot be \
            written, 2 for an unknown trigger source or a version that does not have it.
            """
    )

    @Argument(help: "The trigger source, such as PreSignUp_SignUp or TokenGeneration_HostedAuth.")
    var triggerSource: String

    @Option(help: "The event version (1, 2 or 3); only pre token generation has versions 2 and 3.")
    var version: Int?

    @Option(name: .shortAndLong, help: "Write the event to this file instead of standard output.")
    var output: String?

    @Flag(help: "Overwrite the output file when it exists.")
    var force = false

    func run() throws {
        let text: String
        do {
            let source = try Templates.source(named: triggerSource)
            text = try Templates.text(for: source, version: version)
        } catch {
            CLIOutput.error("error: \(error.description)")
            throw ExitCode(2)
        }
        guard let output else {
            CLIOutput.write(text)
            return
        }
        var existing = stat()
        if !force && PathCalls.linkStatus(output, &existing) == 0 {
            CLIOutput.error("error: \(TerminalText.escaped(output)): the file exists; use --force to overwrite it")
            throw ExitCode(1)
        }
        do {
            let method = try FileStore.write(Array(text.utf8), to: output)
            if let note = method.note { CLIOutput.error("\(TerminalText.escaped(output)): \(note)") }
        } catch {
            CLIOutput.error("error: \(TerminalText.escaped(error.description))")
            throw ExitCode(1)
        }
    }
}
