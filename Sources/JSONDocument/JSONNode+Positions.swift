/// Reaching the n-th child of a long container without walking all the children before it.
///
/// The tape stores children one after another, each followed by its subtree, so the n-th child
/// is found by skipping n siblings. `ChildMarks` remembers where every `stride`-th child starts,
/// so a lookup skips at most `stride - 1` siblings. Marks belong to one version of a document:
/// after an edit, make them again.
public struct ChildMarks: Sendable {
    let stride: Int
    let tapeIndexes: [UInt32]

    /// No marks: lookups walk from the first child.
    public static let none = ChildMarks(stride: 0, tapeIndexes: [])
}

extension JSONNode {
    /// Marks every `stride`-th child of this container (costs one walk over the children).
    public func childMarks(every stride: Int = 64) -> ChildMarks {
        guard stride > 0, kind == .object || kind == .array, count > stride else { return .none }
        var marks: [UInt32] = []
        marks.reserveCapacity(count / stride + 1)
        storage.nodes.withUnsafeBufferPointer { nodes in
            var position = 0
            var child = index + 1
            let end = Int(nodes[index].subtreeEnd)
            while child < end {
                if position % stride == 0 { marks.append(UInt32(truncatingIfNeeded: child)) }
                position += 1
                child = Int(nodes[child].subtreeEnd)
            }
        }
        return ChildMarks(stride: stride, tapeIndexes: marks)
    }

    /// The child at a position (0-based, in file order), or nil past the end.
    public func child(atPosition position: Int, marks: ChildMarks = .none) -> JSONNode? {
        guard kind == .object || kind == .array, position >= 0, position < count else { return nil }
        return storage.nodes.withUnsafeBufferPointer { nodes in
            var child = index + 1
            var remaining = position
            if marks.stride > 0, position / marks.stride < marks.tapeIndexes.count {
                child = Int(marks.tapeIndexes[position / marks.stride])
                remaining = position % marks.stride
            }
            while remaining > 0 {
                child = Int(nodes[child].subtreeEnd)
                remaining -= 1
            }
            return JSONNode(storage: storage, index: child)
        }
    }

    /// The position of the child a path step names (for a repeated key, its last occurrence,
    /// as reads by key give), or nil when there is none.
    public func position(of component: PathComponent) -> Int? {
        switch component {
        case .index(let wanted):
            return kind == .array && wanted >= 0 && wanted < count ? wanted : nil
        case .key(let key):
            guard kind == .object else { return nil }
            var key = key
            let unique = stopsAtFirstMatch
            return key.withUTF8 { wanted in
                var found: Int? = nil
                var position = 0
                for child in children {
                    if child.keyEquals(wanted) {
                        found = position
                        if unique { break }
                    }
                    position += 1
                }
                return found
            }
        }
    }

    /// The path step from this container to its child at a position: the key, or the index.
    public func component(atPosition position: Int, marks: ChildMarks = .none) -> PathComponent? {
        guard let child = child(atPosition: position, marks: marks) else { return nil }
        if kind == .array { return .index(position) }
        return .key(child.key ?? "")
    }
}
