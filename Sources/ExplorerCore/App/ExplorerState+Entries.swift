import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    mutating func beginAddEntry() {
        guard let row = focusedRow else { return }
        guard let (path, spec) = collection(for: row) else {
            message = StatusMessage("a adds entries to maps and lists; use r to set any other value", .warning)
            return
        }
        switch spec.type {
        case .stringMap, .attributeMap:
            overlay = .prompt(Prompt(title: "\(path.dottedString): key of the new entry", editor: LineEditor(),
                                     purpose: .addKey(map: path), error: nil))
        case .claimMap:
            overlay = .prompt(Prompt(title: "\(path.dottedString): name of the new claim", editor: LineEditor(),
                                     purpose: .addKey(map: path), error: nil))
        case .stringList:
            overlay = .prompt(Prompt(title: "\(path.dottedString): value to add", editor: LineEditor(),
                                     purpose: .addValue(collection: path, key: nil), error: nil))
        case .enumerationList:
            openPicker(title: "\(path.dottedString): value to add", options: spec.allowedValues, current: nil, purpose: .appendValue(path))
        default:
            message = StatusMessage("entries of \(path.dottedString) cannot be added here; use r", .warning)
        }
    }

    /// Adds a map entry (with `key`) or a list element, creating the collection when it is absent or null.
    mutating func addEntry(to collection: JSONPath, key: String?, value: JSONValue) {
        // Only facts about the node, not the node: it would keep the storage shared during the edit.
        let (kind, count) = currentSession?.event?.document.node(at: collection).map { ($0.kind, $0.count) } ?? (nil, 0)
        let entryPath: JSONPath
        let done: Bool
        if let key {
            entryPath = collection + [.key(key)]
            let replacing = kind == .object && currentSession?.event?.document.node(at: entryPath) != nil
            done = applyEdit(replacing ? "replaced \(entryPath.dottedString)" : "added \(entryPath.dottedString)") { document throws(JSONEditError) in
                if kind == .object {
                    try document.setValue(value, at: entryPath)
                } else {
                    try document.setValue(.object([.init(key, value)]), at: collection, createMissing: true)
                }
            }
        } else {
            entryPath = collection + [.index(kind == .array ? count : 0)]
            done = applyEdit("added \(entryPath.dottedString)") { document throws(JSONEditError) in
                if kind == .array {
                    try document.appendValue(value, to: collection)
                } else {
                    try document.setValue(.array([value]), at: collection, createMissing: true)
                }
            }
        }
        guard done else { return }
        // Show the new entry.
        if let session = currentSession, let index = session.response.index(of: collection, in: session.document),
           let row = session.response.row(index, in: session.document), row.isExpandable, !row.isExpanded {
            withCurrentSession { session in
                session.response.expansion.flip(collection)
                session.rebuildRows()
            }
        }
        withCurrentSession { session in
            if let index = session.response.index(of: entryPath, in: session.document) { session.response.cursor = index }
        }
        keepCursorsVisible()
    }
}
