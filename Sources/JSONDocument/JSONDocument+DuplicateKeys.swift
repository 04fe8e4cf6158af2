extension JSONDocument {
    /// Every key that occurs more than once in the same object, with the path of that object.
    ///
    /// Reading a repeated key gives its last occurrence, as most JSON readers (and Cognito's) do.
    public var duplicateKeys: [DuplicateKey] {
        // The storage knows which objects may repeat a key; only those are decoded.
        var result: [DuplicateKey] = []
        for object in storage.possibleRepeats { result += duplicateKeys(inObject: object) }
        return result.sorted { $0.offsets[0] < $1.offsets[0] }
    }

    /// The repeated keys of one object, decoded, with the object's path.
    private func duplicateKeys(inObject index: Int) -> [DuplicateKey] {
        let object = JSONNode(storage: storage, index: index)
        var seen: [String: [Int]] = [:]
        var order: [String] = []
        for member in object.children {
            let key = member.key ?? ""
            if seen[key] == nil { order.append(key) }
            seen[key, default: []].append(member.keySpan?.lowerBound ?? member.span.lowerBound)
        }
        let path = self.path(ofNode: index)
        return order.compactMap { key in
            guard let offsets = seen[key], offsets.count > 1 else { return nil }
            return DuplicateKey(objectPath: path, key: key, offsets: offsets)
        }
    }
}

/// A key that occurs more than once in one object.
public struct DuplicateKey: Hashable, Sendable {
    /// The path of the object that holds the key.
    public let objectPath: JSONPath
    public let key: String
    /// Byte offsets of each occurrence's key, in file order.
    public let offsets: [Int]
    /// The path that reading uses (it returns the last occurrence).
    public var path: JSONPath { objectPath + [.key(key)] }
}
