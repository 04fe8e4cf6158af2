import CognitoTriggers
import Foundation
import JSONDocument
import LambdaHost
import TerminalText

/// One event's run through the function, and every way of printing it.
struct InvokeResult {
    /// What happened to the event file after the run, when --write or --output was given.
    enum Saved {
        case saved(String)
        case failed(String)
    }

    let file: String
    let event: TriggerEvent?
    let invocation: Invocation?
    let report: CognitoVerdict.Report?
    let expect: Bool
    /// The message when the event could not be read (exit status 2).
    let failure: String?
    var saved: Saved?

    init(file: String, failure: String) {
        self.file = file
        self.failure = failure
        event = nil
        invocation = nil
        report = nil
        expect = false
    }

    init(file: String, event: TriggerEvent, invocation: Invocation, expect: Bool) {
        self.file = file
        self.event = event
        self.invocation = invocation
        self.expect = expect
        failure = nil
        if case .answered(let bytes) = invocation.outcome {
            report = CognitoVerdict.report(answer: bytes, to: event)
        } else {
            report = nil
        }
    }

    /// With --expect: the response fields that differ from the file's own response.
    var differences: [CognitoVerdict.Change] {
        guard expect, let report else { return [] }
        return report.changes.filter(\.isInResponse)
    }

    /// 0 clean, 1 answered with problems or differences, 3 the function failed, 2 bad input.
    var status: Int32 {
        if failure != nil { return 2 }
        guard let invocation else { return 2 }
        switch invocation.outcome {
        case .couldNotStart, .hostFailed: return 2
        default: if invocation.outcome.isFailure { return 3 }
        }
        guard let report, report.isClean, differences.isEmpty else { return 1 }
        if case .failed? = saved { return 1 }
        return 0
    }

    /// The worse of two exit statuses: 2 over 3 over 1 over 0.
    static func worse(_ a: Int32, _ b: Int32) -> Int32 {
        let rank: [Int32: Int] = [0: 0, 1: 1, 3: 2, 2: 3]
        return (rank[a] ?? 3) >= (rank[b] ?? 3) ? a : b
    }

    private var fileName: String { TerminalText.escaped(file) }

    private var triggerText: String {
        guard let event else { return "" }
        let source = TerminalText.escaped((try? event.triggerSourceName) ?? "no triggerSource")
        return "\(event.spec?.title ?? "Unknown trigger") (\(source))"
    }

    private static func milliseconds(_ seconds: Double) -> String { "\(Int((seconds * 1000).rounded())) ms" }

    // MARK: - Full text

    /// The full report of one event.
    func lines() -> [String] {
        // The message of an unreadable event already names its file.
        guard let event, let invocation else { return [failure ?? "\(fileName): not read", ""] }
        var lines: [String] = []
        let verb = invocation.outcome.isFailure ? "failed after" : "answered in"
        lines.append("\(fileName): \(triggerText), \(verb) \(Self.milliseconds(invocation.duration))\(invocation.coldStart ? " (cold start)" : "")")
        lines += outputLines(invocation)
        for line in invocation.hostLog { lines.append("Runtime API: \(TerminalText.escaped(line))") }
        switch invocation.outcome {
        case .answered:
            lines += answerLines()
        case .couldNotStart, .hostFailed:
            lines += Self.failureLines(invocation.outcome)
        default:
            lines += Self.failureLines(invocation.outcome)
            lines.append("What Cognito does:")
            lines += Self.cognitoAfterFailure(invocation.outcome, trigger: event.trigger).map { "  " + $0 }
        }
        switch saved {
        case .saved(let line)?: lines.append(line)
        case .failed(let line)?: lines.append(line)
        case nil: break
        }
        lines.append("")
        return lines
    }

    private func answerLines() -> [String] {
        guard let report else { return [] }
        var lines: [String] = []
        switch report.answer {
        case .event:
            let inside = report.changes.filter(\.isInResponse)
            if expect {
                if inside.isEmpty {
                    lines.append("As expected: the response equals the one in the file.")
                } else {
                    lines.append("Differs from the expected response (the one in the file):")
                    lines += inside.map { "  " + Self.expectation($0) }
                }
            } else if inside.isEmpty {
                lines.append("Changed: nothing in the response.")
            } else {
                lines.append("Changed:")
                lines += inside.map { "  " + $0.description }
            }
            if !report.ignoredChanges.isEmpty {
                lines.append("Changed outside response (Cognito reads only the response, so these are ignored):")
                lines += report.ignoredChanges.map { "  " + $0.description }
            }
            lines += EventPrinter.problemLines(report.problems)
        case .onlyResponse(let value):
            lines.append("The answer is only the response object: \(TerminalText.escaped(Self.clipped(value.compactText, 200)))")
        case .notTheEvent(let reason):
            lines.append("The answer is not the event: \(TerminalText.escaped(reason)).")
        case .notUTF8(let error):
            lines.append("The answer is not valid UTF-8: \(TerminalText.escaped(error.message)).")
        case .notJSON(let error):
            lines.append("The answer is not JSON: \(TerminalText.escaped(error.message)).")
        }
        lines.append("What Cognito does:")
        lines += report.cognitoDoes.map { "  " + $0 }
        return lines
    }

    private static func expectation(_ change: CognitoVerdict.Change) -> String {
        let expected = change.before.map(\.compactText) ?? "(absent)"
        let got = change.after.map(\.compactText) ?? "(absent)"
        return TerminalText.escaped("\(change.path.dottedString): expected \(expected), got \(got)")
    }

    private static func clipped(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// The function's output, a line each, marked by stream; long output shows its start and end.
    private func outputLines(_ invocation: Invocation) -> [String] {
        let all = Self.splitOutput(invocation.output)
        guard !all.isEmpty || invocation.droppedOutputBytes > 0 else { return [] }
        var lines = ["Function output:"]
        let shown = 40
        func line(_ entry: (OutputChunk.Stream, String)) -> String {
            (entry.0 == .stdout ? "  out| " : "  err| ") + TerminalText.escaped(Self.clipped(entry.1, 300))
        }
        if all.count <= shown {
            lines += all.map(line)
        } else {
            lines += all.prefix(shown / 2).map(line)
            lines.append("  … \(all.count - shown) lines not shown …")
            lines += all.suffix(shown / 2).map(line)
        }
        if invocation.droppedOutputBytes > 0 {
            lines.append("  … and \(invocation.droppedOutputBytes) bytes more, not kept")
        }
        return lines
    }

    /// Splits the chunks into lines per stream (a chunk may end inside a line).
    static func splitOutput(_ chunks: [OutputChunk]) -> [(OutputChunk.Stream, String)] {
        var lines: [(OutputChunk.Stream, String)] = []
        var pending: [OutputChunk.Stream: [UInt8]] = [:]
        for chunk in chunks {
            var current = pending[chunk.stream] ?? []
            for byte in chunk.bytes {
                if byte == 0x0A {
                    lines.append((chunk.stream, String(decoding: current, as: UTF8.self)))
                    current.removeAll(keepingCapacity: true)
                } else {
                    current.append(byte)
                }
            }
            pending[chunk.stream] = current
        }
        for stream in [OutputChunk.Stream.stdout, .stderr] {
            if let rest = pending[stream], !rest.isEmpty { lines.append((stream, String(decoding: rest, as: UTF8.self))) }
        }
        return lines
    }

    /// What went wrong, for every outcome but an answer.
    static func failureLines(_ outcome: InvocationOutcome) -> [String] {
        func errorLines(_ error: FunctionError) -> [String] {
            var lines: [String] = []
            let text = [error.type, error.message].compactMap { $0 }.joined(separator: ": ")
            lines.append("  " + TerminalText.escaped(text.isEmpty ? clipped(String(decoding: error.body, as: UTF8.self), 300) : text))
            if !error.stackTrace.isEmpty {
                lines.append("  Stack trace:")
                lines += error.stackTrace.prefix(30).map { "    " + TerminalText.escaped($0) }
            }
            return lines
        }
        switch outcome {
        case .answered:
            return []
        case .functionError(let error):
            return ["The function reported an error:"] + errorLines(error)
        case .initError(let error):
            return ["The function could not start (it reported an init error):"] + errorLines(error)
        case .exited(let end, let asked, let lastLines):
            var lines = [asked
                ? "The function's process ended (\(end)) while handling the event, without answering."
                : "The function's process ended (\(end)) before asking for an event."]
            if lastLines.isEmpty {
                lines.append("  It wrote nothing to stderr.")
            } else {
                lines.append("  Its last lines on stderr:")
                lines += lastLines.map { "    " + TerminalText.escaped(clipped($0, 300)) }
            }
            return lines
        case .timedOut(let seconds, let asked, let again):
            var lines = ["No answer within \(formatted(seconds)) s: the function's process group (the function and every process it started) was stopped."]
            if !asked { lines.append("  It never asked for the event (it was still starting, or it does not speak the Lambda Runtime API).") }
            if again { lines.append("  It asked for another event without answering this one.") }
            return lines
        case .answerTooLarge(let bytes, let limit):
            return ["The answer is \(bytes) bytes, over the limit of \(limit) bytes (Lambda's 6 MB limit for an answer to a synchronous call); Lambda reports an error instead."]
        case .couldNotStart(let error):
            return [TerminalText.escaped(error.description)]
        case .hostFailed(let error):
            return ["error: \(TerminalText.escaped(error.description))"]
        }
    }

    private static func formatted(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    /// Cognito's reaction to a failed run.
    static func cognitoAfterFailure(_ outcome: InvocationOutcome, trigger: Trigger?) -> [String] {
        switch outcome {
        case .functionError(let error):
            return CognitoVerdict.afterError(trigger, message: error.message ?? error.type)
        case .timedOut:
            let facts = CognitoVerdict.isSynchronous(trigger) ? [CognitoVerdict.timeLimitFact] : []
            return facts + CognitoVerdict.afterError(trigger, message: nil)
        default:
            return CognitoVerdict.afterError(trigger, message: nil)
        }
    }

    // MARK: - Summary (--expect over several events)

    /// One line (and the differences under it) for the summary.
    func summaryLines() -> [String] {
        guard let invocation else {
            let first = (failure ?? "not read").split(separator: "\n").first.map(String.init) ?? ""
            return ["\(fileName): not run: \(first)"]
        }
        let time = Self.milliseconds(invocation.duration)
        if invocation.outcome.isFailure {
            let reason = Self.failureLines(invocation.outcome).first ?? "failed"
            return ["\(fileName): failed: \(reason) (\(time))"]
        }
        guard let report, case .event = report.answer else {
            return ["\(fileName): unusable answer: \(answerLines().first ?? "") (\(time))"]
        }
        let differing = differences
        if differing.isEmpty {
            return ["\(fileName): as expected\(report.isClean ? "" : ", with problems") (\(time))"]
        }
        return ["\(fileName): differs in \(differing.count) field\(differing.count == 1 ? "" : "s") (\(time))"]
            + differing.map { "  " + Self.expectation($0) }
    }

    /// The totals line after a summary.
    static func totals(_ results: [InvokeResult]) -> String {
        var expected = 0, differ = 0, failed = 0, unusable = 0, unread = 0
        for result in results {
            guard let invocation = result.invocation else { unread += 1; continue }
            if invocation.outcome.isFailure { failed += 1; continue }
            guard let report = result.report, case .event = report.answer else { unusable += 1; continue }
            if result.differences.isEmpty { expected += 1 } else { differ += 1 }
        }
        var parts = ["\(expected) as expected", "\(differ) differ\(differ == 1 ? "s" : "")", "\(failed) failed"]
        if unusable > 0 { parts.append("\(unusable) with an unusable answer") }
        if unread > 0 { parts.append("\(unread) not read") }
        return "\(results.count) event\(results.count == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }

    // MARK: - JSON

    /// The machine-readable result of one event.
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("file", .string(file))]
        if let failure { members.append(("error", .string(failure))) }
        if let event {
            members.append(("triggerSource", ((try? event.triggerSourceName)).map(JSONValue.string) ?? .null))
        }
        if let invocation {
            members.append(("requestId", .string(invocation.requestID)))
            members.append(("durationMs", JSONNumber(Double(Int((invocation.duration * 1000).rounded()))).map(JSONValue.number) ?? .null))
            members.append(("coldStart", .bool(invocation.coldStart)))
            members.append(("outcome", .string(Self.outcomeName(invocation.outcome))))
            members.append(("output", .array(Self.splitOutput(invocation.output).map { .object([JSONValue.Member("stream", .string($0.0.rawValue)), JSONValue.Member("text", .string($0.1))]) })))
            if invocation.outcome.isFailure {
                members.append(("failure", .array(Self.failureLines(invocation.outcome).map { .string($0.trimmingCharacters(in: .whitespaces)) })))
                members.append(("cognito", .array(Self.cognitoAfterFailure(invocation.outcome, trigger: event?.trigger).map(JSONValue.string))))
            }
            if !invocation.hostLog.isEmpty { members.append(("runtimeAPI", .array(invocation.hostLog.map(JSONValue.string)))) }
        }
        if let report {
            members.append(("changes", .array(report.changes.map { change in
                .object([
                    JSONValue.Member("path", .string(change.path.dottedString)),
                    JSONValue.Member("before", change.before ?? .null),
                    JSONValue.Member("after", change.after ?? .null),
                    JSONValue.Member("inResponse", .bool(change.isInResponse)),
                ])
            })))
            members.append(("problems", .array(report.problems.map { .string($0.description) })))
            members.append(("cognito", .array(report.cognitoDoes.map(JSONValue.string))))
            if expect { members.append(("asExpected", .bool(differences.isEmpty))) }
        }
        members.append(("status", .number(JSONNumber(Int(status)))))
        return .object(members.map { JSONValue.Member($0.0, $0.1) })
    }

    /// Every result as one JSON array.
    static func json(_ results: [InvokeResult]) -> String {
        JSONValue.array(results.map(\.jsonValue)).prettyText()
    }

    private static func outcomeName(_ outcome: InvocationOutcome) -> String {
        switch outcome {
        case .answered: return "answered"
        case .functionError: return "error"
        case .initError: return "initError"
        case .exited: return "exited"
        case .timedOut: return "timedOut"
        case .answerTooLarge: return "answerTooLarge"
        case .couldNotStart: return "couldNotStart"
        case .hostFailed: return "hostFailed"
        }
    }
}
