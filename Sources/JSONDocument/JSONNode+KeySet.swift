/// Keys to look up together in an object, by their UTF-8 bytes: made once (for example per
/// trigger, from a catalogue), used for many documents with `JSONNode.members(named:)`.
public struct KeySet: Sendable {
    /// The keys, as given.
    public let keys: [String]
    let bytes: [[UInt8]]
    /// The positions in `keys`, ordered by key length: those of the keys `n` bytes long are
    /// `positions[starts[n]..<starts[n + 1]]` (flat, so a lookup retains no inner array).
    let positions: [Int]
    let starts: [Int]

    /// A set of keys; a key given twice gets the same answer in both places.
    public init(_ keys: [String]) {
        self.keys = keys
        let utf8 = keys.map { Array($0.utf8) }
        bytes = utf8
        let longest = utf8.map(\.count).max() ?? 0
        var starts = [0]
        var positions: [Int] = []
        for length in 0...longest {
            positions += utf8.indices.filter { utf8[$0].count == length }
            starts.append(positions.count)
        }
        self.positions = positions
        self.starts = starts
    }
}

extension JSONNode {
    /// For each key of `keys`, the member with that key (the last one when a key repeats, as
    /// `self[key]` reads), or nil: one pass over the members comparing raw key bytes, with no node
    /// made for the members passed over. Keys written with escapes are decoded to compare. Gives
    /// nils when this is not an object.
    public func members(named keys: KeySet) -> [JSONNode?] {
        var found = [JSONNode?](repeating: nil, count: keys.keys.count)
        guard raw.kind == .object else { return found }
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
                        for (position, wanted) in keys.bytes.enumerated() where wanted == key || wanted == written {
                            found[position] = JSONNode(storage: storage, index: child)
                        }
                    } else if length >= 0 && length + 1 < keys.starts.count {
                        for slot in keys.starts[length]..<keys.starts[length + 1] {
                            let position = keys.positions[slot]
                            let same = keys.bytes[position].withUnsafeBufferPointer { wanted in
                                var k = 0
                                while k < length && text[start + k] == wanted[k] { k += 1 }
                                return k == length
                            }
                            if same { found[position] = JSONNode(storage: storage, index: child) }
                        }
                    }
                    child = Int(member.subtreeEnd)
                }
            }
        }
        return found
    }
}
