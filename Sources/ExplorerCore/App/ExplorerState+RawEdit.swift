import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    mutating func beginRawEdit() {
        guard let session = currentSession, session.event != nil else {
            message = StatusMessage("raw edit needs a JSON document; this file is not one", .warning)
            return
        }
        var pathText = "response."
        var valueText = ""
        if let row = focusedRow {
            pathText = row.path.dottedString
            if let node = node(of: row), node.span.count <= 100_000 {
                valueText = node.rawText
                if valueText.contains("\n") || valueText.contains("\r") { valueText = node.value.compactText }
            }
        }
        overlay = .raw(RawForm(path: LineEditor(pathText), value: LineEditor(valueText), isEditingValue: focusedRow != nil, error: nil))
    }

    mutating func handleRawKey(_ key: Key) -> [Effect] {
        guard case .raw(var form)? = overlay else { return [] }
        if let command = Keymap.command(for: key, in: .rawEdit) {
            switch command {
            case .cancel:
                overlay = nil
                message = StatusMessage("raw edit cancelled")
                return []
            case .switchField:
                form.isEditingValue.toggle()
            case .submit:
                overlay = nil
                switch Self.parseRaw(path: form.path.text, value: form.value.text) {
                case .failure(let error):
                    form.error = error.message
                    overlay = .raw(form)
                case .success(let (path, value)):
                    let ok = applyEdit("\(path.isEmpty ? "the whole document" : path.dottedString) = \(Self.short(value.compactText))") { document throws(JSONEditError) in
                        try document.setValue(value, at: path, createMissing: true)
                    }
                    if !ok {
                        form.error = message?.text
                        overlay = .raw(form)
                    }
                }
                return []
            default:
                if form.isEditingValue { _ = form.value.perform(command) } else { _ = form.path.perform(command) }
            }
        } else if case .character(let character) = key {
            if form.isEditingValue { form.value.insert(String(character)) } else { form.path.insert(String(character)) }
        }
        form.error = nil
        overlay = .raw(form)
        return []
    }

    /// Reads the raw editor's fields: a dotted path and a JSON value.
    static func parseRaw(path pathText: String, value valueText: String) -> Result<(JSONPath, JSONValue), PromptError> {
        let trimmed = pathText.trimmingCharacters(in: .whitespaces)
        let path: JSONPath
        do { path = trimmed.isEmpty ? [] : try FieldAssignment.parsePath(trimmed) } catch {
            return .failure(PromptError("path: \(error.message)"))
        }
        do {
            return .success((path, try JSONValue(parsing: valueText)))
        } catch {
            return .failure(PromptError("value: \(error.message) (strings need double quotes)"))
        }
    }
}
