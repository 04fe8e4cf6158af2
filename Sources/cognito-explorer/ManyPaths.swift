import ArgumentParser

/// A command whose paths may number thousands (`check DIR/*.json`): its paths are taken out of the
/// arguments before the argument parser sees them, and given back after it has parsed the rest.
///
/// The argument parser's cost per positional value grows with the number of values (each one is
/// merged into a set of every value's place so far and removed from the remaining arguments one
/// at a time), so 10,000 file names took about 2.4 s of CPU before anything was read.
protocol TakesManyPaths: ParsableCommand {
    /// The paths, in the order given.
    var paths: [String] { get set }
    /// The command's options as the command line spells them (`--size`, `-q`).
    static var pathOptions: ManyPaths.Options { get }
}

/// Splits the paths of a `TakesManyPaths` command from its options, knowing which options take a
/// value; anything it does not know for sure leaves the arguments whole to the argument parser.
enum ManyPaths {
    /// The names of a command's options: those followed by a value (`--keys j`, or `--keys=j`)
    /// and flags.
    struct Options: Sendable, Equatable {
        /// Options that take the next argument as their value.
        var valued: Set<String>
        /// Options that take no value.
        var flags: Set<String>
    }

    /// The arguments for the argument parser (every option and the first path) and all the paths.
    struct Split: Equatable {
        /// What the argument parser gets: the arguments without the paths after the first.
        var arguments: [String]
        /// Every path, in order (the first one is also in `arguments`).
        var paths: [String]
    }

    /// How the argument parser reads one argument (as `parseIndividualArg` does, by characters).
    enum Token: Equatable {
        /// A value: no leading dash, or the empty string, or `-` alone.
        case value
        /// `--`: everything after it is a value.
        case terminator
        /// An option, its name with the dashes (`--size`), and whether `=VALUE` follows.
        case option(name: String, hasValue: Bool)
        /// Three dashes or more alone: an error the argument parser reports.
        case invalid
    }

    static func token(_ argument: String) -> Token {
        guard let first = argument.firstIndex(where: { $0 != "-" }) else {
            switch argument.count {
            case 0, 1: return .value
            case 2: return .terminator
            default: return .invalid
            }
        }
        if first == argument.startIndex { return .value }
        if let equals = argument.firstIndex(of: "=") {
            return .option(name: String(argument[..<equals]), hasValue: true)
        }
        return .option(name: argument, hasValue: false)
    }

    /// Splits `arguments` (without the program's name) when the command they name takes many
    /// paths and every option in them is one it knows; nil when there is nothing to gain (fewer
    /// than two paths) or anything is unusual (an unknown option, help, `--`, an option missing
    /// its value), so that the argument parser reads the arguments whole and says what it always said.
    ///
    /// `subcommands` are the names the first argument may give; `commands` the commands that take
    /// many paths by name, and `defaultCommand` the name of the one used when the first argument
    /// names no subcommand.
    static func split(_ arguments: [String], subcommands: Set<String>, commands: [String: Options], defaultCommand: String) -> Split? {
        var start = 0
        let options: Options
        if let first = arguments.first, token(first) == .value, subcommands.contains(first) {
            guard let named = commands[first] else { return nil }
            options = named
            start = 1
        } else {
            // The argument parser falls back to the default command when the first argument is
            // not a subcommand's name (an option, or a path).
            guard let named = commands[defaultCommand] else { return nil }
            options = named
        }
        var kept = Array(arguments[..<start])
        var paths: [String] = []
        kept.reserveCapacity(arguments.count - start)
        var index = start
        while index < arguments.count {
            let argument = arguments[index]
            switch token(argument) {
            case .value:
                // The first path stays, so the argument parser sees the command as it was given.
                if paths.isEmpty { kept.append(argument) }
                paths.append(argument)
            case .option(let name, let hasValue):
                if options.flags.contains(name) && !hasValue {
                    kept.append(argument)
                } else if options.valued.contains(name) && name.hasPrefix("--") && hasValue {
                    kept.append(argument)
                } else if options.valued.contains(name) && !hasValue {
                    // Its value is the next argument, which must be one (`.next` parsing).
                    guard index + 1 < arguments.count, token(arguments[index + 1]) == .value else { return nil }
                    kept.append(argument)
                    kept.append(arguments[index + 1])
                    index += 1
                } else {
                    return nil
                }
            case .terminator, .invalid:
                return nil
            }
            index += 1
        }
        guard paths.count > 1 else { return nil }
        return Split(arguments: kept, paths: paths)
    }
}

extension CognitoExplorer {
    /// The commands whose paths `ManyPaths` takes out of the arguments, by name.
    static let manyPathCommands: [any TakesManyPaths.Type] = [Check.self, Explore.self, Render.self]

    /// Parses the arguments as `parseAsRoot` does; the paths of a command that takes many go
    /// around the argument parser. Whenever the parse of the shortened arguments fails, or gives
    /// anything but the one path it was left, the whole arguments are parsed again, so errors,
    /// help and every option read exactly as before.
    static func parseCommand(_ arguments: [String]) throws -> ParsableCommand {
        let names = Set(configuration.subcommands.map { $0.configuration.commandName ?? "" } + ["help"])
        var commands: [String: ManyPaths.Options] = [:]
        for command in manyPathCommands {
            if let name = command.configuration.commandName { commands[name] = command.pathOptions }
        }
        let defaultName = configuration.defaultSubcommand?.configuration.commandName ?? ""
        if let split = ManyPaths.split(arguments, subcommands: names, commands: commands, defaultCommand: defaultName),
           let parsed = try? parseAsRoot(split.arguments),
           var command = parsed as? any TakesManyPaths,
           command.paths == Array(split.paths.prefix(1)) {
            command.paths = split.paths
            return command
        }
        return try parseAsRoot(arguments)
    }
}
