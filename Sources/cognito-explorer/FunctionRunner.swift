import CognitoTriggers
import ExplorerCore
import Foundation
import JSONDocument
import LambdaHost
import NIOConcurrencyHelpers

/// Runs the user's function for the explorer's `x`: one `LambdaHost` kept warm across runs (as
/// Lambda keeps a process), the same report `invoke` prints, and the returned response for Enter.
final class FunctionRunner: @unchecked Sendable {
    /// Seconds the function has (Cognito's limit).
    let timeout: Double
    private let lock = NIOLock()
    private var host: LambdaHost?
    private var hostCommand: String?
    private var stopped = false

    init(timeout: Double = 5) { self.timeout = timeout }

    /// The host for `command`, started on first use (a new command replaces the old host).
    private func host(for command: String) throws(HostError) -> LambdaHost {
        let (current, old) = lock.withLock { () -> (LambdaHost?, LambdaHost?) in
            if let host, hostCommand == command { return (host, nil) }
            defer { host = nil; hostCommand = nil }
            return (nil, host)
        }
        if let current { return current }
        old?.shutdown()
        // The shell splits the line as the user wrote it; `exec` leaves one process in the group.
        let made = LambdaHost(FunctionConfiguration(command: ["/bin/sh", "-c", "exec " + command], timeout: timeout))
        do { try made.start() } catch {
            made.shutdown()
            throw error
        }
        lock.withLock {
            host = made
            hostCommand = command
        }
        return made
    }

    /// Runs `command` (a shell command line, as given to `--function`) on `event`; blocks until
    /// the function answers, fails, runs out of time or is stopped.
    func run(command: String, event: [UInt8], region: String?, source: EventSource) -> FunctionReport {
        lock.withLock { stopped = false }
        let host: LambdaHost
        do { host = try self.host(for: command) } catch {
            return FunctionReport(source: source, lines: ["error: \(error.description)"], response: nil)
        }
        let invocation = host.invoke(event, region: region)
        guard let opened = try? TriggerEvent(bytes: event) else {
            return FunctionReport(source: source, lines: ["the event is not JSON"], response: nil)
        }
        let result = InvokeResult(file: source.name, event: opened, invocation: invocation, expect: false)
        var lines = result.lines()
        while lines.last?.isEmpty == true { lines.removeLast() }
        if lock.withLock({ stopped }) { lines.insert("Stopped (Esc or Ctrl-C).", at: 0) }
        var response: JSONValue?
        if let report = result.report, case .event(let returned) = report.answer {
            response = returned.document.node(at: ["response"])?.value
        }
        return FunctionReport(source: source, lines: lines, response: response)
    }

    /// Stops the running function (its whole process group); `run` then returns its report.
    func stop() {
        let running = lock.withLock { () -> LambdaHost? in
            stopped = true
            return host
        }
        running?.stopFunction()
    }

    /// Stops the function and the server, for the end of the program.
    func close() {
        let running = lock.withLock { () -> LambdaHost? in
            defer { host = nil; hostCommand = nil }
            return host
        }
        running?.shutdown()
    }
}
