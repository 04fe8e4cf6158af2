import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    // MARK: Applying edits

    /// Runs an edit on the document of `file` (default: the current one); validation and rows follow.
    @discardableResult
    mutating func applyEdit(_ description: String, file: String? = nil,
                            _ body: (inout JSONDocument) throws(JSONEditError) -> Void) -> Bool {
        guard let path = file ?? currentPath, var session = sessions[path], session.event != nil else {
            message = StatusMessage("no JSON event is open", .warning)
            return false
        }
        sessions[path] = nil
        let failure = session.edit(body)
        sessions[path] = session
        if let failure {
            message = StatusMessage("not changed: \(TerminalText.escaped(failure.description))", .error)
            return false
        }
        refreshEntry(path)
        leaveVanishedPane()
        keepCursorsVisible()
        message = StatusMessage(description, .success)
        return true
    }

    mutating func undoRedo(redo: Bool) {
        guard let path = currentPath, sessions[path]?.event != nil else {
            message = StatusMessage("no JSON event is open", .warning)
            return
        }
        let done = withCurrentSession { $0.undoRedo(redo: redo) } ?? false
        if done {
            refreshEntry(path)
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
