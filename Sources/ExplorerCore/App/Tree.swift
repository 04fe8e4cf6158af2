import CognitoTriggers
import JSONDocument

/// One line of a tree pane: a field, map entry or list element, at a depth, maybe expandable.
public struct TreeRow: Sendable {
    /// How the row relates to the catalogue.
    public enum Role: Hashable, Sendable {
        /// A field the catalogue describes.
        case field
        /// An entry of a map or list field the catalogue describes (a user attribute, a scope).
        case entry
        /// A key the catalogue does not know, where it knows the object around it.
        case unknown
        /// A value inside an entry or an unknown field, or any value of JSON that is no event.
        case plain
    }

    /// Where the value is (or would be, for an absent field).
    public var path: JSONPath
    /// Nesting level from 0.
    public var depth: Int
    /// The key, `[index]`, or the field name.
    public var label: String
    /// The value, or nil when the field is absent.
    public var node: JSONNode?
    /// The catalogue's description of the field, when there is one.
    public var spec: FieldSpec?
    public var role: Role
    /// True when the row has children to show (a non-empty container, or a catalogue object).
    public var isExpandable: Bool
    public var isExpanded: Bool

    /// True for a catalogue field the event does not hold.
    public var isAbsent: Bool { node == nil }
}

/// Which rows of a tree are open: a default rule, changed by expand all / collapse all and by single toggles.
struct Expansion: Hashable, Sendable {
    enum Baseline: Hashable, Sendable { case defaults, all, none }
    var baseline: Baseline = .defaults
    /// Paths whose state differs from the baseline.
    var toggled: Set<JSONPath> = []

    func isExpanded(_ path: JSONPath, byDefault: Bool) -> Bool {
        let base: Bool
        switch baseline {
        case .defaults: base = byDefault
        case .all: base = true
        case .none: base = false
        }
        return base != toggled.contains(path)
    }

    mutating func flip(_ path: JSONPath) {
        if toggled.contains(path) { toggled.remove(path) } else { toggled.insert(path) }
    }

    mutating func reset(to baseline: Baseline) {
        self.baseline = baseline
        toggled = []
    }
}

/// Flattens documents into the visible rows of the request tree and the response editor.
enum TreeBuilder {
    /// A value waiting to become a row.
    private struct Pending {
        var node: JSONNode
        var path: JSONPath
        var label: String
        var depth: Int
        var spec: FieldSpec?
        var role: TreeRow.Role
    }

    /// The request tree: common fields and `request` of an event, or the whole document for JSON that is no event.
    static func requestRows(document: JSONDocument, trigger: Trigger?, expansion: Expansion) -> [TreeRow] {
        var rows: [TreeRow] = []
        let root = document.root
        guard let trigger else {
            // Not a known event: the whole document as a plain tree.
            if root.kind == .object || root.kind == .array {
                for child in children(of: root) {
                    let item = Pending(node: child.node, path: [child.component], label: child.label, depth: 0, spec: nil, role: .plain)
                    appendSubtree(&rows, item, trigger: nil, expansion: expansion, byDefault: { $0.path.count <= 1 && $0.node.count <= 50 })
                }
            } else {
                rows.append(TreeRow(path: [], depth: 0, label: "(value)", node: root, spec: nil, role: .plain, isExpandable: false, isExpanded: false))
            }
            return rows
        }
        for member in root.members where member.key != "response" {
            let path: JSONPath = [.key(member.key)]
            let spec = Catalogue.field(at: [member.key], in: trigger)
            let item = Pending(node: member.value, path: path, label: member.key, depth: 0, spec: spec, role: spec == nil ? .unknown : .field)
            appendSubtree(&rows, item, trigger: trigger, expansion: expansion, byDefault: { $0.path.count <= 1 })
        }
        return rows
    }

    /// The response editor: every response field of the trigger, present or absent, with entries
    /// of maps and lists and any keys the catalogue does not know.
    static func responseRows(document: JSONDocument, trigger: Trigger, expansion: Expansion) -> [TreeRow] {
        var rows: [TreeRow] = []
        let fields = Catalogue.spec(for: trigger).responseFields
        appendCatalogueChildren(&rows, of: ["response"], depth: 0, fields: fields, document: document, trigger: trigger, expansion: expansion)
        return rows
    }

    private static func appendCatalogueChildren(
        _ rows: inout [TreeRow], of parent: [String], depth: Int, fields: [FieldSpec],
        document: JSONDocument, trigger: Trigger, expansion: Expansion
    ) {
        let parentPath = JSONPath(parent.map { PathComponent.key($0) })
        let known = fields.filter { $0.path.count == parent.count + 1 && Array($0.path.dropLast()) == parent }
        for field in known {
            let path = JSONPath(field.path.map { PathComponent.key($0) })
            let node = document.node(at: path)
            let hasChildren: Bool
            if field.type == .object {
                hasChildren = true
            } else if let node, node.kind == .object || node.kind == .array {
                hasChildren = node.count > 0
            } else {
                hasChildren = false
            }
            let expanded = hasChildren && expansion.isExpanded(path, byDefault: true)
            rows.append(TreeRow(path: path, depth: depth, label: field.name, node: node, spec: field, role: .field,
                                isExpandable: hasChildren, isExpanded: expanded))
            guard expanded else { continue }
            if field.type == .object {
                appendCatalogueChildren(&rows, of: field.path, depth: depth + 1, fields: fields, document: document, trigger: trigger, expansion: expansion)
            } else if let node {
                for child in children(of: node) {
                    let item = Pending(node: child.node, path: path + [child.component], label: child.label, depth: depth + 1, spec: nil, role: .entry)
                    appendSubtree(&rows, item, trigger: trigger, expansion: expansion, byDefault: { _ in false })
                }
            }
        }
        // Keys the catalogue does not know, in file order.
        if let object = document.node(at: parentPath), object.kind == .object {
            let knownNames = Set(known.map(\.name))
            for member in object.members where !knownNames.contains(member.key) {
                let item = Pending(node: member.value, path: parentPath + [.key(member.key)], label: member.key, depth: depth, spec: nil, role: .unknown)
                appendSubtree(&rows, item, trigger: trigger, expansion: expansion, byDefault: { _ in false })
            }
        }
    }

    /// Appends a value and, where expanded, its descendants, without recursion.
    private static func appendSubtree(
        _ rows: inout [TreeRow], _ first: Pending, trigger: Trigger?, expansion: Expansion,
        byDefault: (Pending) -> Bool
    ) {
        var stack = [first]
        while let item = stack.popLast() {
            let node = item.node
            let isContainer = node.kind == .object || node.kind == .array
            let expandable = isContainer && node.count > 0
            let expanded = expandable && expansion.isExpanded(item.path, byDefault: byDefault(item))
            rows.append(TreeRow(path: item.path, depth: item.depth, label: item.label, node: node, spec: item.spec,
                                role: item.role, isExpandable: expandable, isExpanded: expanded))
            guard expanded else { continue }
            // Children of catalogue objects are looked up in the catalogue; others are entries or plain values.
            let looksUp = trigger != nil && (item.spec?.type == .object || item.spec?.type == .objectList)
            let childRole: TreeRow.Role
            if let spec = item.spec, spec.type != .object, spec.type != .objectList {
                childRole = .entry
            } else {
                childRole = .plain
            }
            var pending: [Pending] = []
            pending.reserveCapacity(node.count)
            for child in children(of: node) {
                let path = item.path + [child.component]
                var spec: FieldSpec? = nil
                var role = childRole
                if looksUp {
                    spec = Catalogue.field(at: path.map(\.description), in: trigger)
                    role = spec == nil ? .unknown : .field
                }
                pending.append(Pending(node: child.node, path: path, label: child.label, depth: item.depth + 1, spec: spec, role: role))
            }
            stack.append(contentsOf: pending.reversed())
        }
    }

    /// The children of a container with their path step and label (`key` or `[3]`).
    static func children(of node: JSONNode) -> [(component: PathComponent, label: String, node: JSONNode)] {
        switch node.kind {
        case .object:
            return node.members.map { (.key($0.key), $0.key, $0.value) }
        case .array:
            return node.elements.enumerated().map { (.index($0.offset), "[\($0.offset)]", $0.element) }
        default:
            return []
        }
    }
}
