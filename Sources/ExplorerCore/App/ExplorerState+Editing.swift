import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    // MARK: Applying edits

    /// Runs an edit on the document of `event` (default: the current one); validation and rows follow.
    @discardableResult
    mutating func applyEdit(_ description: String, event: EventSource? = nil,
                            _ body: (inout JSONDocument) throws(JSONEditError) -> Void) -> Bool {
        guard let key = event ?? currentEvent, var session = sessions[key], session.event != nil else {
            message = StatusMessage("no JSON event is open", .warning)
            return false
        }
        sessions[key] = nil
        let failure = session.edit(body)
        sessions[key] = session
        if let failure {
            message = StatusMessage("not changed: \(TerminalText.escaped(failure.description))", .error)
            return false
        }
        refreshEntry(key)
        leaveVanishedPane()
        keepCursorsVisible()
        message = StatusMessage(description, .success)
        return true
    }

    mutating func undoRedo(redo: Bool) {
        guard let key = currentEvent, sessions[key]?.event != nil else {
            message = StatusMessage("no JSON event is open", .warning)
            return
        }
        let done = withCurrentSession { $0.undoRedo(redo: redo) } ?? false
        if done {
            refreshEntry(key)
            leaveVanishedPane()
            keepCursorsVisible()
            message = StatusMessage(redo ? "redone" : "undone")
        } else {
            message = StatusMessage(redo ? "nothing to redo" : "nothing to undo")
        }
    }

    /// Moves the focus off the response editor when an edit made the document no known event.
    mutating func leaveVanishedPane() {
        if focus == .response, currentSession?.hasResponsePane != true { focus = .request }
    }

    static func short(_ text: String, limit: Int = 40) -> String {
        TerminalText.truncate(TerminalText.escaped(text), width: limit)
    }
}
