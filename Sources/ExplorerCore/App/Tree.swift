import Foundation
import CognitoTriggers
import JSONDocument

/// One line of a tree pane: a field, map entry or list element, at a depth, maybe expandable.
///
/// A row names its value by a `NodeReference`, not a node: rows live in the explorer's state
/// across edits, and a node would keep the document's storage shared, so that every edit copied
/// the whole document. The value is read from the document when it is needed (`node(in:)`).
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
    /// Where the value is in the version of the document the row was made from, or nil when the
    /// field is absent.
    public var reference: NodeReference?
    /// The catalogue's description of the field, when there is one.
    public var spec: FieldSpec?
    public var role: Role
    /// True when the row has children to show (a non-empty container, or a catalogue object).
    public var isExpandable: Bool
    public var isExpanded: Bool

    /// True for a catalogue field the event does not hold.
    public var isAbsent: Bool { reference == nil }

    /// The row's value in `document`, or nil when the field is absent (or the document is not the
    /// version the row was made from).
    public func node(in document: JSONDocument?) -> JSONNode? {
        guard let reference else { return nil }
        return document?.node(reference)
    }
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

/// The rows of a tree pane, in order.
///
/// The children of a long map or list are kept as a run and made into rows only when one is asked
/// for (to draw the visible part, or to move the cursor), so opening, editing and redrawing an event
/// with a map of 150,000 claims costs about what an event with ten does. Children that are expanded
/// are made into rows, with their descendants, between the runs of their siblings.
///
/// Runs name their container by reference, so making a row from a run takes the document the rows
/// were made from (`row(_:in:)`).
struct TreeRows: Sendable {
    /// Consecutive children of one container, none of them expanded.
    struct Run: Sendable {
        var container: NodeReference
        /// Where every 64th child starts, found the first time a child past the 64th is asked for
        /// (shared by the copies of this run; a rebuild after an edit makes a new one).
        var marks: LazyChildMarks
        var parentPath: JSONPath
        var depth: Int
        var positions: Range<Int>
        /// The children are catalogue fields (their specs are looked up), else `role` applies.
        var trigger: Trigger?
        var looksUp: Bool
        var role: TreeRow.Role

        /// The container in the document the run was made from.
        func containerNode(in document: JSONDocument) -> JSONNode {
            guard let node = document.node(container) else {
                preconditionFailure("a run outlived the version of the document it was made from")
            }
            return node
        }

        func row(atPosition position: Int, in document: JSONDocument) -> TreeRow {
            row(atPosition: position, of: containerNode(in: document)).row
        }

        /// The row at a position and its node, given the run's container.
        func row(atPosition position: Int, of container: JSONNode) -> (row: TreeRow, node: JSONNode) {
            let node = position < 64 ? container.child(atPosition: position) : container.child(atPosition: position, marks: marks.get(container))
            guard let node else {
                preconditionFailure("a run outlived the document it was made from")
            }
            let component: PathComponent = container.kind == .array ? .index(position) : .key(node.key ?? "")
            let path = parentPath + [component]
            let (spec, role) = TreeBuilder.field(at: path, looksUp: looksUp, otherwise: self.role, trigger: trigger)
            let label = container.kind == .array ? "[\(position)]" : (node.key ?? "")
            let expandable = (node.kind == .object || node.kind == .array) && node.count > 0
            let row = TreeRow(path: path, depth: depth, label: label, reference: node.reference, spec: spec, role: role,
                              isExpandable: expandable, isExpanded: false)
            return (row, node)
        }
    }

    enum Part: Sendable {
        case row(TreeRow)
        case run(Run)

        var count: Int {
            switch self {
            case .row: return 1
            case .run(let run): return run.positions.count
            }
        }
    }

    private(set) var parts: [Part] = []
    /// The index of the first row of each part.
    private var starts: [Int] = []
    /// The number of rows.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }
    var indices: Range<Int> { 0..<count }

    init() {}

    init(_ rows: [TreeRow]) {
        for row in rows { append(row) }
    }

    mutating func append(_ row: TreeRow) {
        parts.append(.row(row))
        starts.append(count)
        count += 1
    }

    mutating func append(_ run: Run) {
        guard !run.positions.isEmpty else { return }
        parts.append(.run(run))
        starts.append(count)
        count += run.positions.count
    }

    /// The part that holds row `index`.
    private func part(holding index: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Row `index`, made from `document`, the version of the document the rows were made from.
    func row(_ index: Int, in document: JSONDocument) -> TreeRow {
        precondition(index >= 0 && index < count, "row index out of range")
        let which = part(holding: index)
        switch parts[which] {
        case .row(let row): return row
        case .run(let run): return run.row(atPosition: run.positions.lowerBound + index - starts[which], in: document)
        }
    }

    /// The rows in `range`, made from `document`.
    func rows(_ range: Range<Int>, in document: JSONDocument) -> [TreeRow] {
        range.map { row($0, in: document) }
    }

    /// The depth of row `index`, without making the row.
    func depth(at index: Int) -> Int {
        switch parts[part(holding: index)] {
        case .row(let row): return row.depth
        case .run(let run): return run.depth
        }
    }

    /// The index of the row at a path, or nil when no row shows it.
    func index(of path: JSONPath, in document: JSONDocument) -> Int? {
        for (which, part) in parts.enumerated() {
            switch part {
            case .row(let row):
                if row.path == path { return starts[which] }
            case .run(let run):
                guard path.count == run.parentPath.count + 1, path.starts(with: run.parentPath),
                      let position = run.containerNode(in: document).position(of: path[path.count - 1]),
                      run.positions.contains(position) else { continue }
                return starts[which] + position - run.positions.lowerBound
            }
        }
        return nil
    }

    /// The nearest row before `index` that is less deep: the parent of a row.
    func parentIndex(of index: Int) -> Int? {
        guard index > 0, index < count else { return nil }
        let depth = self.depth(at: index)
        var which = part(holding: index)
        // Rows before it in the same run are its siblings, as deep as it is.
        which -= 1
        while which >= 0 {
            switch parts[which] {
            case .row(let row):
                if row.depth < depth { return starts[which] }
            case .run(let run):
                if run.depth < depth { return starts[which] + run.positions.count - 1 }
            }
            which -= 1
        }
        return nil
    }
}

/// Child marks of one container, made when first needed: drawing the top of a long map, or moving
/// the cursor near its start, never walks all of its children.
final class LazyChildMarks: @unchecked Sendable {
    private let lock = NSLock()
    private var marks: ChildMarks?

    func get(_ container: JSONNode) -> ChildMarks {
        lock.lock()
        defer { lock.unlock() }
        if let marks { return marks }
        let made = container.childMarks()
        marks = made
        return made
    }
}

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
