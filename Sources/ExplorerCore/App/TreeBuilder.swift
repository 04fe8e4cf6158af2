import Foundation
import CognitoTriggers
import JSONDocument

/// When a value is expanded unless the user toggled it.
enum DefaultExpansion: Sendable {
    /// Never by default: entries of maps and lists, unknown keys.
    case never
    /// The top-level fields of an event.
    case topLevel
    /// The top-level values of a document that is no event, when they are small.
    case topLevelSmall

    func isExpanded(pathCount: Int, childCount: Int) -> Bool {
        switch self {
        case .never: return false
        case .topLevel: return pathCount <= 1
        case .topLevelSmall: return pathCount <= 1 && childCount <= 50
        }
    }

    /// False when no value at this depth is expanded by default, whatever its size.
    func mayExpand(pathCount: Int) -> Bool { self != .never && pathCount <= 1 }
}

/// Flattens documents into the visible rows of the request tree and the response editor.
enum TreeBuilder {
    /// Containers with more children than this keep them as runs. Tests lower and raise it to
    /// compare runs with rows made one by one.
    static let runThreshold = 256

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
    static func requestRows(document: JSONDocument, trigger: Trigger?, expansion: Expansion, runThreshold: Int = runThreshold) -> TreeRows {
        var rows = TreeRows()
        let root = document.root
        guard let trigger else {
            // Not a known event: the whole document as a plain tree.
            if root.kind == .object || root.kind == .array {
                appendChildren(&rows, of: root, path: [], depth: 0, looksUp: false, role: .plain, trigger: nil,
                               expansion: expansion, rule: .topLevelSmall, runThreshold: runThreshold)
            } else {
                rows.append(TreeRow(path: [], depth: 0, label: "(value)", reference: root.reference, spec: nil, role: .plain, isExpandable: false, isExpanded: false))
            }
            return rows
        }
        for member in root.members where member.key != "response" {
            let path: JSONPath = [.key(member.key)]
            let spec = Catalogue.field(at: [.key(member.key)], in: trigger)
            let item = Pending(node: member.value, path: path, label: member.key, depth: 0, spec: spec, role: spec == nil ? .unknown : .field)
            appendSubtree(&rows, item, trigger: trigger, expansion: expansion, rule: .topLevel, runThreshold: runThreshold)
        }
        return rows
    }

    /// The response editor: every response field of the trigger, present or absent, with entries
    /// of maps and lists and any keys the catalogue does not know.
    static func responseRows(document: JSONDocument, trigger: Trigger, expansion: Expansion, runThreshold: Int = runThreshold) -> TreeRows {
        var rows = TreeRows()
        let fields = Catalogue.spec(for: trigger).responseFields
        appendCatalogueChildren(&rows, of: ["response"], depth: 0, fields: fields, document: document, trigger: trigger, expansion: expansion, runThreshold: runThreshold)
        return rows
    }

    private static func appendCatalogueChildren(
        _ rows: inout TreeRows, of parent: [String], depth: Int, fields: [FieldSpec],
        document: JSONDocument, trigger: Trigger, expansion: Expansion, runThreshold: Int
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
            rows.append(TreeRow(path: path, depth: depth, label: field.name, reference: node?.reference, spec: field, role: .field,
                                isExpandable: hasChildren, isExpanded: expanded))
            guard expanded else { continue }
            if field.type == .object {
                appendCatalogueChildren(&rows, of: field.path, depth: depth + 1, fields: fields, document: document, trigger: trigger, expansion: expansion, runThreshold: runThreshold)
            } else if let node {
                appendChildren(&rows, of: node, path: path, depth: depth + 1, looksUp: false, role: .entry, trigger: trigger,
                               expansion: expansion, rule: .never, runThreshold: runThreshold)
            }
        }
        // Keys the catalogue does not know, in file order.
        if let object = document.node(at: parentPath), object.kind == .object {
            let knownNames = Set(known.map(\.name))
            for member in object.members where !knownNames.contains(member.key) {
                let item = Pending(node: member.value, path: parentPath + [.key(member.key)], label: member.key, depth: depth, spec: nil, role: .unknown)
                appendSubtree(&rows, item, trigger: trigger, expansion: expansion, rule: .never, runThreshold: runThreshold)
            }
        }
    }

    /// Appends a value and, where expanded, its descendants. Small containers are walked with a
    /// stack; long ones hand their children to `appendChildren`.
    private static func appendSubtree(
        _ rows: inout TreeRows, _ first: Pending, trigger: Trigger?, expansion: Expansion, rule: DefaultExpansion, runThreshold: Int
    ) {
        var stack = [first]
        while let item = stack.popLast() {
            let node = item.node
            let isContainer = node.kind == .object || node.kind == .array
            let expandable = isContainer && node.count > 0
            let expanded = expandable && expansion.isExpanded(item.path, byDefault: rule.isExpanded(pathCount: item.path.count, childCount: node.count))
            rows.append(TreeRow(path: item.path, depth: item.depth, label: item.label, reference: node.reference, spec: item.spec,
                                role: item.role, isExpandable: expandable, isExpanded: expanded))
            guard expanded else { continue }
            let (looksUp, childRole) = childLookup(spec: item.spec, trigger: trigger)
            if node.count > runThreshold {
                // Long: runs of children.
                appendChildren(&rows, of: node, path: item.path, depth: item.depth + 1, looksUp: looksUp, role: childRole,
                               trigger: trigger, expansion: expansion, rule: rule, runThreshold: runThreshold)
                continue
            }
            var pending: [Pending] = []
            pending.reserveCapacity(node.count)
            for child in children(of: node) {
                let path = item.path + [child.component]
                let (spec, role) = field(at: path, looksUp: looksUp, otherwise: childRole, trigger: trigger)
                pending.append(Pending(node: child.node, path: path, label: child.label, depth: item.depth + 1, spec: spec, role: role))
            }
            stack.append(contentsOf: pending.reversed())
        }
    }

    /// The catalogue's field at a child's path and the child's role: looked up when the children
    /// are catalogue fields (`looksUp`), else no field and the role `otherwise`.
    static func field(at path: JSONPath, looksUp: Bool, otherwise role: TreeRow.Role, trigger: Trigger?) -> (FieldSpec?, TreeRow.Role) {
        guard looksUp, let trigger else { return (nil, role) }
        let spec = Catalogue.field(at: path, in: trigger)
        return (spec, spec == nil ? .unknown : .field)
    }

    /// Whether the children of a value are catalogue fields, and else the role they get.
    private static func childLookup(spec: FieldSpec?, trigger: Trigger?) -> (looksUp: Bool, role: TreeRow.Role) {
        let looksUp = trigger != nil && (spec?.type == .object || spec?.type == .objectList)
        if let spec, spec.type != .object, spec.type != .objectList { return (looksUp, .entry) }
        return (looksUp, .plain)
    }

    /// Appends the children of an expanded container (the container's own row is already there):
    /// runs of children that are not expanded, and the expanded ones with their subtrees.
    ///
    /// With `looksUp` the children are catalogue fields, else they get `role`; `rule` says which
    /// are expanded by default.
    private static func appendChildren(
        _ rows: inout TreeRows, of node: JSONNode, path: JSONPath, depth: Int, looksUp: Bool, role childRole: TreeRow.Role,
        trigger: Trigger?, expansion: Expansion, rule: DefaultExpansion, runThreshold: Int
    ) {
        if node.count <= runThreshold {
            // Few children: a row each, through the stack walk.
            for child in children(of: node) {
                let childPath = path + [child.component]
                let (spec, role) = field(at: childPath, looksUp: looksUp, otherwise: childRole, trigger: trigger)
                appendSubtree(&rows, Pending(node: child.node, path: childPath, label: child.label, depth: depth, spec: spec, role: role),
                              trigger: trigger, expansion: expansion, rule: rule, runThreshold: runThreshold)
            }
            return
        }
        let expanded = expandedPositions(of: node, path: path, expansion: expansion, rule: rule)
        let run = TreeRows.Run(container: node.reference, marks: LazyChildMarks(), parentPath: path, depth: depth, positions: 0..<0,
                               trigger: trigger, looksUp: looksUp, role: childRole)
        var next = 0
        for position in expanded {
            var before = run
            before.positions = next..<position
            rows.append(before)
            let (child, childNode) = run.row(atPosition: position, of: node)
            appendSubtree(&rows, Pending(node: childNode, path: child.path, label: child.label, depth: depth,
                                         spec: child.spec, role: child.role),
                          trigger: trigger, expansion: expansion, rule: rule, runThreshold: runThreshold)
            next = position + 1
        }
        var rest = run
        rest.positions = next..<node.count
        rows.append(rest)
    }

    /// The positions of the children of a container that show expanded, in order. Only the
    /// toggled children are looked at, unless some children may be expanded by default.
    private static func expandedPositions(of node: JSONNode, path: JSONPath, expansion: Expansion, rule: DefaultExpansion) -> [Int] {
        let pathCount = path.count + 1
        var toggled = Set<Int>()
        for candidate in expansion.toggled where candidate.count == pathCount && candidate.starts(with: path) {
            if let position = node.position(of: candidate[pathCount - 1]) { toggled.insert(position) }
        }
        let scans: Bool
        switch expansion.baseline {
        case .all: scans = true
        case .none: scans = false
        case .defaults: scans = rule.mayExpand(pathCount: pathCount)
        }
        guard scans else {
            return toggled.sorted().filter { position in
                guard let child = node.child(atPosition: position) else { return false }
                return (child.kind == .object || child.kind == .array) && child.count > 0
            }
        }
        var result: [Int] = []
        var position = 0
        for child in node.children {
            defer { position += 1 }
            guard (child.kind == .object || child.kind == .array) && child.count > 0 else { continue }
            let byDefault = expansion.baseline == .all || rule.isExpanded(pathCount: pathCount, childCount: child.count)
            if byDefault != toggled.contains(position) { result.append(position) }
        }
        return result
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
