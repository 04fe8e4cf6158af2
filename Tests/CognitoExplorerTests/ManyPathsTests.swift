import ArgumentParser
import Foundation
import Testing
@testable import cognito_explorer

/// The paths of `check`, `render` and the explorer go around the argument parser (`ManyPaths`);
/// these tests hold the result to what the argument parser makes of the whole arguments.
@Suite("Many paths on the command line")
struct ManyPathsTests {
    static let subcommands: Set<String> = ["check", "render", "explore", "show", "set", "help"]
    static let commands: [String: ManyPaths.Options] = [
        "check": Check.pathOptions, "render": Render.pathOptions, "explore": Explore.pathOptions,
    ]

    static func split(_ arguments: [String]) -> ManyPaths.Split? {
        ManyPaths.split(arguments, subcommands: subcommands, commands: commands, defaultCommand: "explore")
    }

    @Test("arguments read as the argument parser reads them",
          arguments: [("a.json", ManyPaths.Token.value), ("", .value), ("-", .value), ("--", .terminator), ("---", .invalid),
                      ("-q", .option(name: "-q", hasValue: false)), ("--size=80x24", .option(name: "--size", hasValue: true)),
                      ("--keys", .option(name: "--keys", hasValue: false)), ("-qx", .option(name: "-qx", hasValue: false)),
                      ("dir/-a=b.json", .value), ("-\u{301}x", .value)])
    func tokens(argument: String, token: ManyPaths.Token) {
        #expect(ManyPaths.token(argument) == token)
    }

    @Test("paths are taken out, the first one stays, options keep their values")
    func splits() throws {
        #expect(Self.split(["check", "a", "b", "c"]) == ManyPaths.Split(arguments: ["check", "a"], paths: ["a", "b", "c"]))
        #expect(Self.split(["check", "-q", "a", "b"]) == ManyPaths.Split(arguments: ["check", "-q", "a"], paths: ["a", "b"]))
        #expect(Self.split(["check", "a", "--quiet", "b"]) == ManyPaths.Split(arguments: ["check", "a", "--quiet"], paths: ["a", "b"]))
        #expect(Self.split(["a", "b"]) == ManyPaths.Split(arguments: ["a"], paths: ["a", "b"]))
        #expect(Self.split(["--no-mouse", "a", "-", "b"]) == ManyPaths.Split(arguments: ["--no-mouse", "a"], paths: ["a", "-", "b"]))
        #expect(Self.split(["render", "--keys", "j", "a", "b", "--size=80x24", "c"])
                == ManyPaths.Split(arguments: ["render", "--keys", "j", "a", "--size=80x24"], paths: ["a", "b", "c"]))
        #expect(Self.split(["render", "--keys", "-", "a", "b"]) == ManyPaths.Split(arguments: ["render", "--keys", "-", "a"], paths: ["a", "b"]))
        // A subcommand's name is one only as the first argument.
        #expect(Self.split(["--no-mouse", "check", "a"]) == ManyPaths.Split(arguments: ["--no-mouse", "check"], paths: ["check", "a"]))
    }

    @Test("anything unusual leaves the arguments whole to the argument parser",
          arguments: [["check", "a"], ["check"], [], ["check", "--help", "a", "b"], ["check", "-h", "a", "b"], ["check", "a", "--", "b"],
                      ["check", "---", "a", "b"], ["check", "--nope", "a", "b"], ["check", "-qq", "a", "b"], ["check", "--quiet=1", "a", "b"],
                      ["render", "a", "b", "--keys"], ["render", "--keys", "--timing", "a", "b"], ["render", "-size=1x1", "a", "b"],
                      ["show", "a", "b"], ["help", "check", "a"], ["set", "a", "b=c"], ["--version", "a", "b"],
                      ["--generate-completion-script", "bash", "a"], ["check", "--experimental-dump-help", "a", "b"]])
    func leavesWhole(arguments: [String]) {
        #expect(Self.split(arguments) == nil)
    }

    /// The parsed command, or the message and exit status of the parser's error.
    static func outcome(_ parse: () throws -> ParsableCommand) -> String {
        do {
            return String(describing: try parse())
        } catch {
            return "error \(CognitoExplorer.exitCode(for: error).rawValue): \(CognitoExplorer.fullMessage(for: error))"
        }
    }

    @Test("the parsed command is the one the argument parser makes of the whole arguments")
    func sameCommand() {
        let many = (0..<400).map { "events/event-\($0).json" }
        let cases: [[String]] = [
            ["check"] + many,
            ["check", "-q"] + many + ["--quiet"],
            ["check"] + many.prefix(10) + ["-q"] + many.dropFirst(10),
            many,
            ["--no-mouse"] + many + ["--function", "python app.py"],
            ["explore", "--function=node x.js"] + many,
            ["render", "--size", "80x24", "--keys", "j j Tab", "--timing"] + many + ["--until", "first-frame", "--format=svg", "--colors", "8", "--editor-text", "x", "--no-mouse"],
            ["render"] + many + ["-", ""],
            // Errors: the same messages and statuses as before.
            ["render", "--size"] + many,
            ["render", "--format", "pdf"] + many,
            ["render", "--until", "never"] + many,
            ["check", "--nope"] + many,
            ["check", "--help"] + many,
            ["check", "a", "--", "-b", "c"],
            ["check"],
            ["show", "a", "b"],
        ]
        for arguments in cases {
            let direct = Self.outcome { try CognitoExplorer.parseAsRoot(arguments) }
            let through = Self.outcome { try CognitoExplorer.parseCommand(arguments) }
            #expect(through == direct, "\(arguments.prefix(8))")
        }
        // The parsed command holds every path, in order.
        let parsed = try? CognitoExplorer.parseCommand(["check"] + many.prefix(5) + ["-q"] + many.dropFirst(5))
        #expect((parsed as? Check)?.paths == many)
        #expect((parsed as? Check)?.quiet == true)
    }

    /// What `--experimental-dump-help` says of a command's arguments.
    struct Declared: Equatable {
        var valued: Set<String> = []
        var flags: Set<String> = []
        var strategies: Set<String> = []
    }

    static func declared(_ command: String) throws -> Declared {
        var text = ""
        do {
            _ = try CognitoExplorer.parseAsRoot([command, "--experimental-dump-help"])
        } catch {
            text = CognitoExplorer.fullMessage(for: error)
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let info = try #require(json["command"] as? [String: Any])
        let arguments = try #require(info["arguments"] as? [[String: Any]])
        var declared = Declared()
        for argument in arguments {
            declared.strategies.insert(argument["parsingStrategy"] as? String ?? "?")
            let names = (argument["names"] as? [[String: Any]] ?? []).map { name -> String in
                (name["kind"] as? String == "short" ? "-" : "--") + (name["name"] as? String ?? "")
            }
            guard !names.contains("--help") else { continue }
            switch argument["kind"] as? String {
            case "option": declared.valued.formUnion(names)
            case "flag": declared.flags.formUnion(names)
            default: break
            }
        }
        return declared
    }

    @Test("each command's table of options is the one the argument parser declares",
          arguments: ["check", "render", "explore"])
    func tablesMatchDeclarations(command: String) throws {
        let declared = try Self.declared(command)
        let table = try #require(Self.commands[command])
        #expect(declared.valued == table.valued)
        #expect(declared.flags == table.flags)
        // `.next` for every option and plain positional paths: what the split assumes.
        #expect(declared.strategies == ["default"])
        #expect(CognitoExplorer.manyPathCommands.contains { $0.configuration.commandName == command })
    }
}
