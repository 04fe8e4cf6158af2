import ArgumentParser
import JSONDocument
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
        subcommands: [Explore.self, Check.self, Show.self, SetFields.self, New.self, Triggers.self, Render.self, Keys.self, Invoke.self],
        defaultSubcommand: Explore.self
    )

    /// Parses the arguments from their bytes: `CommandLine.arguments` turns bytes that are not UTF-8
    /// into U+FFFD, and a file named with them could then not be opened (see `PathBytes`).
    static func main() {
        let arguments = (1..<Int(CommandLine.argc)).map { index -> String in
            guard let pointer = CommandLine.unsafeArgv[index] else { return "" }
            let length = strlen(pointer)
            return pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                PathBytes.string(UnsafeBufferPointer(start: $0, count: length))
            }
        }
        main(arguments)
    }
}
