import Foundation
import CognitoTriggers
import JSONDocument

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
