import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    /// The catalogue field of the map or list a row belongs to (the row itself, or its parent for entries).
    func collection(for row: TreeRow) -> (path: JSONPath, spec: FieldSpec)? {
        if row.role == .field, let spec = row.spec, spec.type.isObjectLike || spec.type.isArrayLike, spec.type != .object {
            return (row.path, spec)
        }
        if row.role == .entry, let trigger = currentSession?.trigger {
            let parent = JSONPath(row.path.dropLast())
            if let spec = Catalogue.field(at: parent, in: trigger) { return (parent, spec) }
        }
        return nil
    }

    mutating func activateResponseRow() -> [Effect] {
        guard let row = focusedRow else { return [] }
        if row.role == .field, let spec = row.spec {
            switch spec.type {
            case .boolean:
                toggleBoolean()
            case .enumeration:
                openPicker(title: "\(spec.name): choose a value", options: spec.allowedValues,
                           current: node(of: row)?.stringValue, purpose: .setValue(row.path))
            case .string, .integer, .number, .any:
                promptValue(row)
            case .object:
                setExpanded(row, !row.isExpanded)
            case .stringMap, .claimMap, .attributeMap, .stringList, .enumerationList, .objectList:
                if row.isExpandable {
                    setExpanded(row, !row.isExpanded)
                } else {
                    beginAddEntry()
                }
            }
            return []
        }
        if row.isExpandable {
            setExpanded(row, !row.isExpanded)
            return []
        }
        if row.role == .entry, let (_, spec) = collection(for: row) {
            switch spec.type {
            case .enumerationList:
                openPicker(title: "\(row.path.dottedString): choose a value", options: spec.allowedValues,
                           current: node(of: row)?.stringValue, purpose: .setValue(row.path))
                return []
            case .stringMap, .attributeMap, .stringList:
                promptValue(row)
                return []
            default:
                break
            }
        }
        // Booleans flip; any other value is typed anew.
        if node(of: row)?.kind == .bool { toggleBoolean() } else { promptValue(row) }
        return []
    }

    // The three edits below read what they need from the focused row in a function of its own
    // and edit by path: a row holds a node, and a node alive during the edit keeps the document's
    // storage shared, so the edit would copy it instead of patching it in place.

    mutating func toggleBoolean() {
        guard let (path, newValue) = plannedToggle() else { return }
        applyEdit("\(path.dottedString) = \(newValue)") { document throws(JSONEditError) in
            try document.setValue(.bool(newValue), at: path, createMissing: true)
        }
    }

    private mutating func plannedToggle() -> (JSONPath, Bool)? {
        guard focus == .response, let row = focusedRow else { return nil }
        let node = node(of: row)
        let isBooleanField = row.spec?.type == .boolean || node?.kind == .bool
        guard isBooleanField, !(node.map { $0.kind == .object || $0.kind == .array } ?? false) else {
            message = StatusMessage("Space flips booleans; press Enter to edit this value", .warning)
            return nil
        }
        if let current = node?.boolValue { return (row.path, !current) }
        return (row.path, node?.stringValue != "false")
    }

    mutating func unsetFocused() {
        guard let path = focusedPath(unless: { $0 == nil }, "is already absent") else { return }
        applyEdit("removed \(path.dottedString)") { document throws(JSONEditError) in
            try document.removeValue(at: path)
        }
    }

    mutating func setFocusedToNull() {
        guard let path = focusedPath(unless: { $0?.isNull == true }, "is already null") else { return }
        applyEdit("\(path.dottedString) = null") { document throws(JSONEditError) in
            try document.setValue(.null, at: path, createMissing: true)
        }
    }

    /// The focused row's path, or nil (with `note` after the path as the message) when its node
    /// makes the edit pointless.
    private mutating func focusedPath(unless pointless: (JSONNode?) -> Bool, _ note: String) -> JSONPath? {
        guard let row = focusedRow else { return nil }
        if pointless(node(of: row)) {
            message = StatusMessage("\(row.path.dottedString) \(note)")
            return nil
        }
        return row.path
    }
}
