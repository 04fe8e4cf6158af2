/// Keys to look up together in an object, by their UTF-8 bytes: made once (for example per
/// trigger, from a catalogue), used for many documents with `JSONNode.members(named:)`.
public struct KeySet: Sendable {
    /// The keys, as given.
    public let keys: [String]
    let bytes: [[UInt8]]
    /// For each key length up to `longest`, the positions in `keys` of the keys that long.
    let byLength: [[Int]]

    /// A set of keys; a key given twice gets the same answer in both places.
    public init(_ keys: [String]) {
        self.keys = keys
        bytes = keys.map { Array($0.utf8) }
        var byLength = [[Int]](repeating: [], count: (bytes.map(\.count).max() ?? 0) + 1)
        for (position, key) in bytes.enumerated() { byLength[key.count].append(position) }
        self.byLength = byLength
    }
}

extension JSONNode {
    /// For each key of `keys`, the member with that key (the last one when a key repeats, as
    /// `self[key]` reads), or nil: one pass over the members comparing raw key bytes, with no node
    /// made for the members passed over. Keys written with escapes are decoded to compare. Gives
    /// nils when this is not an object.
    public func members(named keys: KeySet) -> [JSONNode?] {
        var found = [Int](repeating: -1, count: keys.keys.count)
        guard raw.kind == .object else { return found.map { _ in nil } }
        storage.buffer.withUnsafeBufferPointer { text in
            storage.nodes.withUnsafeBufferPointer { tape in
                var child = index + 1
                let end = Int(tape[index].subtreeEnd)
                while child < end {
                    let member = tape[child]
                    let start = Int(member.keyStart) + 1
                    let length = Int(member.keyEnd) - 1 - start
                    if member.keyHasEscapes {
                        // Rare: decode the key once and compare it with each wanted one (and, as
                        // `self[key]` does, its bytes as written).
                        let key = JSONNode(storage: storage, index: child).key.map { Array($0.utf8) } ?? []
                        let written = Array(text[start..<(start + max(0, length))])
                        for (position, wanted) in keys.bytes.enumerated() where wanted == key || wanted == written { found[position] = child }
                    } else if length < keys.byLength.count {
                        for position in keys.byLength[length] {
                            let wanted = keys.bytes[position]
                            var k = 0
                            while k < length && text[start + k] == wanted[k] { k += 1 }
                            if k == length { found[position] = child }
                        }
                    }
                    child = Int(member.subtreeEnd)
                }
            }
        }
        return found.map { $0 < 0 ? nil : JSONNode(storage: storage, index: $0) }
    }
}
