import ArgumentParser
import JSONDocument
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct CognitoExplorer: ParsableCommand {
    /// The version `--version` prints; raise it with each release.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "cognito-explorer",
        abstract: "Browse, check and edit Amazon Cognito user pool Lambda trigger events.",
        discussion: """
            cognito-explorer --version prints the version. In the explorer, a click selects a pane's row and \
            the wheel scrolls the pane under the pointer; `cognito-explorer --no-mouse` (or \
            COGNITO_EXPLORER_NO_MOUSE=1) leaves the mouse to the terminal. With the mouse on, Shift+drag \
            selects text in most terminals.
            """,
        subcommands: [Explore.self, Check.self, Show.self, Import.self, SetFields.self, Redact.self, New.self, Triggers.self, Render.self, Keys.self, Invoke.self],
        defaultSubcommand: Explore.self
    )

    /// Parses the arguments from their bytes and runs the command, as the argument parser's own
    /// `main` does, with two differences: `CommandLine.arguments` turns bytes that are not UTF-8
    /// into U+FFFD, and a file named with them could then not be opened (see `PathBytes`); and the
    /// parser's messages (which quote the arguments, file names among them) are printed through
    /// `CLIOutput` like every other line; and many paths go around the parser (`parseCommand`).
    static func main() {
        let arguments = (1..<Int(CommandLine.argc)).map { index -> String in
            guard let pointer = CommandLine.unsafeArgv[index] else { return "" }
            let length = strlen(pointer)
            return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                PathBytes.string(UnsafeBufferPointer(start: $0, count: length))
            }
        }
        // Only on its own: `new --version 2` is the event version (a version flag that
        // ArgumentParser adds would show in every subcommand's help, beside that option).
        if arguments == ["--version"] {
            CLIOutput.write("cognito-explorer \(version)\n")
            return
        }
        do {
            var command = try parseCommand(arguments)
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
