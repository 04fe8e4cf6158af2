import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    /// Opens a prompt to type a new value for a row, filled with the current one as the editing
    /// grammar (`EventEditing`) reads it back.
    mutating func promptValue(_ row: TreeRow) {
        let trigger = currentSession?.trigger
        var text = ""
        if let node = node(of: row), !node.isNull {
            switch node.kind {
            case .string: text = EventEditing.text(for: .string(node.stringValue ?? ""), at: row.path, in: trigger)
            case .object, .array: text = node.value.compactText
            default: text = node.rawText
            }
        }
        overlay = .prompt(Prompt(title: "\(row.path.dottedString) (\(EventEditing.inputHint(at: row.path, in: trigger)))", editor: LineEditor(text),
                                 purpose: .editValue(path: row.path), error: nil))
    }

    /// The value typed for `path`, read by the editing grammar; the message is the prompt's error.
    func typedValue(_ text: String, at path: JSONPath) -> Result<JSONValue, PromptError> {
        do {
            return .success(try EventEditing.parseValue(text, at: path, in: currentSession?.trigger))
        } catch {
            // The prompt's title names the field; a deeper path (a map's member) is named here.
            return .failure(PromptError(error.path == path ? error.message : error.description))
        }
    }

    mutating func handlePromptKey(_ key: Key) -> [Effect] {
        guard case .prompt(var prompt)? = overlay else { return [] }
        if let command = Keymap.command(for: key, in: .textInput) {
            switch command {
            case .submit:
                overlay = nil
                return submit(prompt)
            case .cancel:
                overlay = nil
                if case .filter(let previous) = prompt.purpose { return setFilter(previous) }
                if case .search(let start) = prompt.purpose {
                    cancelSearch(from: start)
                    return []
                }
                if case .saveNew = prompt.purpose, case .savingFirst = quitting {
                    quitting = .no
                    message = StatusMessage("quit cancelled: the new event has no file yet (q, then d, discards it)", .warning)
                    return []
                }
                message = StatusMessage("cancelled")
                return []
            default:
                _ = prompt.editor.perform(command)
            }
        } else if case .character(let character) = key {
            prompt.editor.insert(String(character))
        } else {
            return []
        }
        prompt.error = nil
        overlay = .prompt(prompt)
        return promptTextChanged(prompt)
    }

    /// Live prompts follow their text: the list filter, and the search in the trees.
    mutating func promptTextChanged(_ prompt: Prompt) -> [Effect] {
        switch prompt.purpose {
        case .filter: return setFilter(prompt.editor.text)
        case .search(let start): searchAsYouType(prompt.editor.text, from: start)
        default: break
        }
        return []
    }

    mutating func submit(_ prompt: Prompt) -> [Effect] {
        let text = prompt.editor.text
        switch prompt.purpose {
        case .filter:
            message = StatusMessage(filter.isEmpty ? "filter cleared" : "\(visible.count) of \(entries.count) events match")
            return []
        case .search(let start):
            // Enter on an empty prompt repeats the last search, as in vim and less.
            acceptSearch(text, from: start)
            return []
        case .editValue(let path):
            submitValue(text, at: path, from: prompt)
            return []
        case .addKey(let map):
            guard !text.isEmpty else {
                reopen(prompt, "the key cannot be empty")
                return []
            }
            overlay = .prompt(Prompt(title: "\(JSONPath(map + [.key(text)]).dottedString): value", editor: LineEditor(),
                                     purpose: .addValue(collection: map, key: text), error: nil))
            return []
        case .addValue(let collection, let key):
            submitEntry(text, to: collection, key: key, from: prompt)
            return []
        case .saveAs:
            guard let target = fileName(text, from: prompt) else { return [] }
            return saveAs(to: target)
        case .saveNew(let key):
            guard let target = fileName(text, from: prompt) else { return [] }
            switch saveNew(key, to: target) {
            case .success(let effects): return effects
            case .failure(let error):
                reopen(prompt, error.message)
                return []
            }
        }
    }

    /// Shows the prompt again, with the text as it was and an error under it.
    private mutating func reopen(_ prompt: Prompt, _ error: String) {
        var again = prompt
        again.error = error
        overlay = .prompt(again)
    }

    /// Sets the value typed for `path`; a value the grammar refuses, or an edit that fails,
    /// reopens the prompt with the reason.
    private mutating func submitValue(_ text: String, at path: JSONPath, from prompt: Prompt) {
        switch typedValue(text, at: path) {
        case .failure(let error):
            reopen(prompt, error.message)
        case .success(let value):
            if !applyEdit("\(path.dottedString) = \(Self.short(value.compactText))", { document throws(JSONEditError) in
                try document.setValue(value, at: path, createMissing: true)
            }) {
                reopen(prompt, message?.text ?? "could not set the value")
            }
        }
    }

    /// Adds the value typed for a new entry of a map (with `key`) or a list.
    private mutating func submitEntry(_ text: String, to collection: JSONPath, key: String?, from prompt: Prompt) {
        // The new entry's path, so the grammar knows what the collection holds.
        let count = currentSession?.event?.document.node(at: collection).map { $0.kind == .array ? $0.count : 0 } ?? 0
        let entry = key.map { collection + [.key($0)] } ?? collection + [.index(count)]
        switch typedValue(text, at: entry) {
        case .failure(let error): reopen(prompt, error.message)
        case .success(let value): addEntry(to: collection, key: key, value: value)
        }
    }

    /// The file name typed, trimmed; nil (the prompt reopened) when there is none.
    private mutating func fileName(_ text: String, from prompt: Prompt) -> String? {
        let target = text.trimmingCharacters(in: .whitespaces)
        guard !target.isEmpty else {
            reopen(prompt, "type a file name")
            return nil
        }
        return target
    }
}
