import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    mutating func openFocusedInEditor() -> [Effect] {
        guard let row = focusedRow, let current = currentEvent else { return [] }
        let node = node(of: row)
        let isString = row.spec?.type == .string || node?.kind == .string
            || (row.role == .entry && collection(for: row).map { $0.spec.type != .claimMap } == true)
        guard isString, node.map({ $0.kind == .string || $0.isNull }) ?? true else {
            message = StatusMessage("o edits text values; use r for other values", .warning)
            return []
        }
        let text = node?.stringValue ?? ""
        let target = EditorTarget(event: current, field: row.path)
        let lowered = text.lowercased()
        let looksLikeHTML = lowered.contains("<html") || lowered.contains("<body") || lowered.contains("<p>") || lowered.contains("<br")
        return [.openEditor(text: text, fileExtension: looksLikeHTML ? "html" : "txt", target: target)]
    }

    mutating func editorFinished(_ target: EditorTarget, _ outcome: Result<String, EditorFailure>) -> [Effect] {
        var text: String
        switch outcome {
        case .success(let edited): text = edited
        case .failure(let failure):
            message = StatusMessage(failure.description, .warning)
            return []
        }
        let original = sessions[target.event]?.event?.document.node(at: target.field)?.stringValue ?? ""
        // Editors add a final newline; drop it unless the value had one.
        if text.hasSuffix("\n") && !original.hasSuffix("\n") { text.removeLast() }
        if text.hasSuffix("\r") && !original.hasSuffix("\r") { text.removeLast() }
        guard text != original else {
            message = StatusMessage("no change to \(target.field.dottedString)")
            return []
        }
        let value = text
        applyEdit("\(target.field.dottedString) set from the editor", event: target.event) { document throws(JSONEditError) in
            try document.setValue(.string(value), at: target.field, createMissing: true)
        }
        return []
    }
}
