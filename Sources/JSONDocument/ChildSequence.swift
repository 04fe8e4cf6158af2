/// The direct children of a node, in file order.
public struct ChildSequence: Sequence, Sendable {
    let storage: Storage
    let parent: Int

    public struct Iterator: IteratorProtocol {
        let storage: Storage
        var position: Int
        let end: Int
        public mutating func next() -> JSONNode? {
            guard position < end else { return nil }
            let node = JSONNode(storage: storage, index: position)
            position = Int(storage.nodes[position].subtreeEnd)
            return node
        }
    }

    public func makeIterator() -> Iterator {
        let raw = storage.nodes[parent]
        let isContainer = raw.kind == .object || raw.kind == .array
        return Iterator(storage: storage, position: parent + 1, end: isContainer ? Int(raw.subtreeEnd) : parent + 1)
    }

    public var underestimatedCount: Int { Int(storage.nodes[parent].childCount) }
}
