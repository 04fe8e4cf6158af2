import CognitoTriggers
import JSONDocument
import TerminalText

/// What running the user's function on an event gave, as the explorer shows it: the report's
/// lines (the same text `invoke` prints) and the returned response, when there is one to apply.
///
/// The run itself is an effect (`Effect.runFunction`) that the run loop performs with the
/// `LambdaHost` module; this module never opens a socket or starts a process.
public struct FunctionReport: Hashable, Sendable {
    /// The event that was run.
    public var source: EventSource
    /// The report, one line each (already escaped).
    public var lines: [String]
    /// The response of the returned event, when the answer was the event.
    public var response: JSONValue?

    /// Makes a report.
    public init(source: EventSource, lines: [String], response: JSONValue?) {
        self.source = source
        self.lines = lines
        self.response = response
    }
}

extension ExplorerState {
    /// The message `x` gives when no function is configured.
    static let noFunctionMessage = "no function to run: start with --function 'python -m awslambdaric app.handler' or set COGNITO_EXPLORER_FUNCTION"

    /// `x`: run the function on the event shown, with its unsaved edits.
    mutating func runFunction() -> [Effect] {
        guard let command = options.functionCommand, !command.isEmpty else {
            message = StatusMessage(Self.noFunctionMessage, .warning)
            return []
        }
        if let running = runningFunction {
            message = StatusMessage("your function is still running on \(TerminalText.escaped(relativeName(running))); Esc stops it", .warning)
            return []
        }
        guard let current = currentEvent, let event = currentSession?.event else {
            message = StatusMessage("open an event first: the function runs on the event shown", .warning)
            return []
        }
        runningFunction = current
        return [.runFunction(command: command, event: event.document.bytes, region: try? event.region, source: current)]
    }

    /// Esc while the function runs.
    mutating func stopFunction() -> [Effect] {
        message = StatusMessage("stopping your function…", .warning)
        return [.stopFunction]
    }

    /// The run ended: its report opens in the result view.
    mutating func functionFinished(_ report: FunctionReport) -> [Effect] {
        runningFunction = nil
        message = nil
        overlay = .pager(Pager(title: "Your function on \(relativeName(report.source))",
                               text: report.lines.joined(separator: "\n"), scroll: 0, result: report))
        return []
    }

    /// Enter in the result view: the returned response becomes edits of the event, one per field.
    mutating func applyFunctionResult(_ report: FunctionReport) {
        overlay = nil
        guard let response = report.response else {
            message = StatusMessage("nothing to apply: the function returned no event", .warning)
            return
        }
        guard let session = sessions[report.source], let before = session.event else {
            message = StatusMessage("\(TerminalText.escaped(relativeName(report.source))) is no longer open", .warning)
            return
        }
        var after = before
        do { try after.document.setValue(response, at: ["response"], createMissing: true) } catch {
            message = StatusMessage("not applied: \(TerminalText.escaped(error.description))", .error)
            return
        }
        let changes = CognitoVerdict.changes(from: before, to: after).filter(\.isInResponse)
        guard !changes.isEmpty else {
            message = StatusMessage("the returned response equals the event's: nothing to apply")
            return
        }
        let note = changes.count == 1 ? "applied 1 response field from your function (u undoes it)"
            : "applied \(changes.count) response fields from your function (u undoes one at a time)"
        // All fields or none: a failing edit rolls back those before it.
        applyEdit(note, event: report.source) { document throws(JSONEditError) in
            try document.transaction { (document: inout JSONDocument) throws(JSONEditError) in
                for change in changes {
                    if let value = change.after {
                        try document.setValue(value, at: change.path, createMissing: true)
                    } else {
                        try document.removeValue(at: change.path)
                    }
                }
            }
        }
    }
}
