/// Finding the string a byte of the text belongs to, so that a view of the text can colour any
/// part of it (a screen that starts inside a 100 MB string) without reading it from the start.
extension JSONDocument {
    /// A member key or a string value, quotes included, as a range of the text.
    public struct StringToken: Hashable, Sendable {
        /// The token's bytes in the text, quotes included.
        public let span: Range<Int>
        /// True for a member key, false for a string value.
        public let isKey: Bool
    }

    /// The string token that holds the byte at `offset`, or nil when the byte lies outside every
    /// key and string value (punctuation, white space, numbers, literals). A binary search of the
    /// tape: costs the logarithm of the node count, whatever the offset.
    public func stringToken(containing offset: Int) -> StringToken? {
        let storage = self.storage
        guard offset >= 0, offset < storage.count, !storage.nodes.isEmpty else { return nil }
        let physical = storage.physicalStart(offset)
        // The last node whose first byte (its key's, or its own) is at or before the offset: the
        // tape is in text order, and a string token belongs to the node that starts with or at it.
        let found: RawNode? = storage.nodes.withUnsafeBufferPointer { tape in
            var low = 0, high = tape.count
            while low < high {
                let middle = (low + high) / 2
                let raw = tape[middle]
                if Int(raw.hasKey ? raw.keyStart : raw.start) <= physical { low = middle + 1 } else { high = middle }
            }
            return low > 0 ? tape[low - 1] : nil
        }
        guard let raw = found else { return nil }
        if raw.hasKey, Int(raw.keyStart) <= physical, physical < Int(raw.keyEnd) {
            return StringToken(span: storage.textStart(raw.keyStart)..<storage.textEnd(raw.keyEnd), isKey: true)
        }
        if raw.kind == .string, Int(raw.start) <= physical, physical < Int(raw.end) {
            return StringToken(span: storage.textStart(raw.start)..<storage.textEnd(raw.end), isKey: false)
        }
        return nil
    }
}
