import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct CognitoExplorer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cognito-explorer",
        abstract: "Browse, check and edit Amazon Cognito user pool Lambda trigger events.",
        subcommands: [Explore.self, Check.self, Show.self, SetFields.self, New.self, Triggers.self, Render.self, Keys.self],
        defaultSubcommand: Explore.self
    )

    /// Parses the arguments and runs the command, as the argument parser's own `main` does, except
    /// that its messages (which quote the arguments, file names among them) are printed through
    /// `CLIOutput` like every other line.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { CLIOutput.write(message + "\n") }
            } else if !message.isEmpty {
                CLIOutput.error(message)
            }
            endProcess(code.rawValue)
        }
    }
}

/// Ends the process with a status (outside the command type, whose `exit` means something else).
private func endProcess(_ status: Int32) -> Never {
    exit(status)
}
