import ArgumentParser
import CognitoTriggers
import Foundation
import JSONDocument
import LambdaHost
import TerminalText

/// `cognito-explorer invoke EVENT... -- COMMAND [ARGS...]`: runs the user's function on events
/// through a local Lambda Runtime API and says what Cognito would do with each answer.
struct Invoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoke",
        abstract: "Run your trigger function on events, as Lambda would, and say what Cognito does with each answer.",
        discussion: """
            COMMAND is your function's runtime: anything that speaks the Lambda Runtime API, such as \
            `python -m awslambdaric app.handler`, a custom runtime's ./bootstrap, or a Go, Rust or \
            Swift Lambda binary. It is started with AWS_LAMBDA_RUNTIME_API pointing at a server on \
            127.0.0.1 and the usual Lambda variables (AWS_LAMBDA_FUNCTION_NAME, AWS_REGION from the \
            event, AWS_LAMBDA_FUNCTION_MEMORY_SIZE, AWS_LAMBDA_FUNCTION_TIMEOUT, LAMBDA_TASK_ROOT, \
            _HANDLER with --handler); the rest of the environment is passed through. One process \
            serves every event, as a warm Lambda does, unless --cold is given.
            For each event: the trigger, the time taken, the function's output, the fields it \
            changed (changes outside response are flagged: Cognito reads only the response), the \
            problems of the returned event, and what Cognito does with it.
            With --expect, the response already in each event file is the expected answer: \
            differences are listed, and over several events one line per event and the totals.
            Exit status: 0 when every answer is valid (and as expected with --expect), 1 when an \
            answer has problems, differs, or is not the event (not JSON, only the response), 3 when \
            the function failed (an error, an init error, a crash, no answer in time, an answer over \
            6 MB), 2 for bad usage, unreadable events, or a command that cannot be started.
            """
    )

    @Argument(help: ArgumentHelp("Event files and folders (folders are searched for *.json), then -- and the command that runs your function, with its arguments.", valueName: "EVENT... -- COMMAND"))
    var arguments: [String] = []

    /// Everything after the first `--` of the command line: the function's command. (The parser
    /// allows no second list of positional arguments, so the line is split here.)
    private var command: [String] {
        let line = CommandLine.arguments
        guard let terminator = line.firstIndex(of: "--") else { return [] }
        return Array(line[(terminator + 1)...])
    }

    /// The event files and folders: the arguments before the command.
    private var paths: [String] { Array(arguments.dropLast(command.count)) }

    @Option(help: "Seconds the function has for each event (default 5, Cognito's limit).")
    var timeout: Double = 5

    @Flag(help: "Start a new process for every event (a cold start each time).")
    var cold = false

    @Flag(help: "Write the returned response into the event file (only the response's bytes change).")
    var write = false

    @Option(name: .shortAndLong, help: "Write the event with the returned response to this file instead.")
    var output: String?

    @Flag(help: "Print a machine-readable result.")
    var json = false

    @Flag(help: "Compare each answer's response with the response in its event file.")
    var expect = false

    @Option(help: "_HANDLER for the function, such as app.handler.")
    var handler: String?

    @Option(help: "AWS_LAMBDA_FUNCTION_NAME.")
    var functionName = "cognito-trigger"

    @Option(help: "AWS_LAMBDA_FUNCTION_MEMORY_SIZE, in MB.")
    var memory = 128

    @Option(help: "Listen on this port of 127.0.0.1 (default: a free one).")
    var port = 0

    /// Bad usage ends with exit status 2 and one line that says what to change.
    func validate() throws {
        var problem: String?
        if paths.isEmpty { problem = "give at least one event file or folder before --" }
        else if command.isEmpty { problem = "give the function's command after --, such as: -- python -m awslambdaric app.handler" }
        else if !(timeout > 0 && timeout <= 900) { problem = "--timeout must be more than 0 and at most 900 seconds (Lambda's longest)" }
        else if write && output != nil { problem = "give --write or --output, not both" }
        else if (write || output != nil) && expect { problem = "--expect compares with the file's response; it cannot also write it" }
        else if !(0...65535).contains(port) { problem = "--port must be between 0 and 65535" }
        else if memory < 128 || memory > 10240 { problem = "--memory must be between 128 and 10240 MB, as in Lambda" }
        if let problem {
            CLIOutput.error("error: \(problem) (see cognito-explorer invoke --help)")
            throw ExitCode(2)
        }
    }

    func run() throws {
        let (files, pathProblems) = EventFiles.expand(paths)
        for problem in pathProblems { CLIOutput.error(TerminalText.escaped(problem.description)) }
        if files.isEmpty {
            if pathProblems.isEmpty { CLIOutput.error("no *.json files found in \(paths.map(TerminalText.escaped).joined(separator: ", "))") }
            throw ExitCode(2)
        }
        if output != nil && files.count != 1 {
            CLIOutput.error("error: --output takes one event; \(files.count) were given")
            throw ExitCode(2)
        }
        let host = LambdaHost(FunctionConfiguration(
            command: command, functionName: functionName, handler: handler, memorySize: memory,
            timeout: timeout, coldStarts: cold, port: port))
        do { try host.start() } catch {
            CLIOutput.error("error: \(error.description)")
            throw ExitCode(2)
        }
        defer { host.shutdown() }

        var worst: Int32 = pathProblems.isEmpty ? 0 : 2
        var results: [InvokeResult] = []
        let summary = expect && files.count > 1
        for file in files {
            let result = invoke(file, host: host)
            worst = InvokeResult.worse(worst, result.status)
            results.append(result)
            if json {
                continue
            } else if summary {
                CLIOutput.write(result.summaryLines().joined(separator: "\n") + "\n")
            } else {
                CLIOutput.write(result.lines().joined(separator: "\n") + "\n")
            }
            // A command that cannot start fails the same way for every event.
            if case .couldNotStart? = result.invocation?.outcome { break }
        }
        if json {
            CLIOutput.write(InvokeResult.json(results) + "\n")
        } else if summary {
            CLIOutput.write(InvokeResult.totals(results) + "\n")
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    private func invoke(_ file: String, host: LambdaHost) -> InvokeResult {
        let bytes: [UInt8]
        do { bytes = try FileStore.read(file) } catch {
            return InvokeResult(file: file, failure: TerminalText.escaped(error.description))
        }
        let disk = Fingerprint(bytes)
        let event: TriggerEvent
        switch openEvent(EventFiles.Opened(path: file, bytes: bytes, outcome: EventFiles.classify(bytes))) {
        case .failure(let failure): return InvokeResult(file: file, failure: failure.message)
        case .success(let opened): event = opened.event
        }
        let invocation = host.invoke(bytes, region: try? event.region)
        var result = InvokeResult(file: file, event: event, invocation: invocation, expect: expect)
        if write || output != nil, case .answered = invocation.outcome, let report = result.report, case .event = report.answer {
            result.saved = save(report.changes.filter(\.isInResponse), to: event, file: file, disk: disk)
        }
        return result
    }

    /// Applies the response changes to the event as edits and saves it; the line to print.
    private func save(_ changes: [CognitoVerdict.Change], to event: TriggerEvent, file: String, disk: Fingerprint) -> InvokeResult.Saved {
        var edited = event
        do {
            for change in changes {
                if let value = change.after {
                    try edited.document.setValue(value, at: change.path, createMissing: true)
                } else {
                    try edited.document.removeValue(at: change.path)
                }
            }
        } catch {
            return .failed("error: \(TerminalText.escaped(error.description)); \(TerminalText.escaped(file)) is unchanged")
        }
        edited.document.closeGap()
        do {
            if let output {
                try FileStore.write(edited.document.bytes, to: output)
                return .saved("Wrote the event with the returned response to \(TerminalText.escaped(output)).")
            }
            guard !changes.isEmpty else { return .saved("The response is unchanged; \(TerminalText.escaped(file)) is left as it is.") }
            try FileStore.write(edited.document.bytes, to: file, expecting: disk)
            return .saved("Saved the returned response to \(TerminalText.escaped(file)) (\(changes.count) field\(changes.count == 1 ? "" : "s")).")
        } catch {
            return .failed("error: \(TerminalText.escaped(error.description))")
        }
    }
}
