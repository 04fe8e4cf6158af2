/// A read-only view of one value in a document: its kind, span, text and children.
public struct JSONNode: Sendable {
    let storage: Storage
    let index: Int

    var raw: RawNode { storage.nodes[index] }

    /// The kind of value.
    public var kind: JSONKind { raw.kind }

    /// The byte range of the value in the document.
    public var span: Range<Int> { storage.textStart(raw.start)..<storage.textEnd(raw.end) }

    /// The byte range of the member key (quotes included), when this value is an object member.
    public var keySpan: Range<Int>? { raw.hasKey ? storage.textStart(raw.keyStart)..<storage.textEnd(raw.keyEnd) : nil }

    /// The value's text exactly as written in the file.
    public var rawText: String { String(decoding: rawBytes, as: UTF8.self) }

    /// The value's bytes exactly as written (a string with its quotes): a slice of the stored
    /// text for a string, number, `true`, `false` or `null`, a copy for a container (only a
    /// container can hold the gap edits leave in the text).
    public var rawBytes: ArraySlice<UInt8> {
        let r = raw
        if r.kind == .object || r.kind == .array { return ArraySlice(storage.bytes(in: span)) }
        return storage.buffer[Int(r.start)..<Int(r.end)]
    }

    /// The member key's bytes exactly as written, quotes included, when this value is an object member.
    public var rawKeyBytes: ArraySlice<UInt8>? {
        let r = raw
        return r.hasKey ? storage.buffer[Int(r.keyStart)..<Int(r.keyEnd)] : nil
    }

    /// The decoded string, for strings.
    public var stringValue: String? {
        guard raw.kind == .string else { return nil }
        return StringDecoder.decode(storage.buffer, from: Int(raw.start), to: Int(raw.end), hasEscapes: raw.hasEscapes)
    }

    /// The string for showing to people, for strings: as `stringValue`, except that an escaped lone
    /// surrogate (`\ud800`), which no Swift string can hold, stays as it is written instead of
    /// reading as U+FFFD.
    public var displayString: String? {
        guard raw.kind == .string else { return nil }
        return StringDecoder.decode(storage.buffer, from: Int(raw.start), to: Int(raw.end), hasEscapes: raw.hasEscapes,
                                    keepingLoneSurrogates: true)
    }

    /// The bytes of `displayString` (UTF-8, not checked): for a string written without escapes, a
    /// slice of the document's text, so a 100 MB value is not copied.
    public var displayStringBytes: ArraySlice<UInt8>? {
        guard raw.kind == .string else { return nil }
        return StringDecoder.decodedBytes(storage.buffer, from: Int(raw.start), to: Int(raw.end), hasEscapes: raw.hasEscapes,
                                          keepingLoneSurrogates: true)
    }

    /// The start of `displayString`: what the first `maxBytes` bytes of the literal spell (cut at a
    /// character, not inside one), and whether anything was left out. Costs the prefix, not the string.
    public func displayStringPrefix(maxBytes: Int) -> (text: String, isCut: Bool)? {
        guard raw.kind == .string else { return nil }
        let start = Int(raw.start), end = Int(raw.end)
        guard end - start - 2 > maxBytes else { return displayString.map { ($0, false) } }
        let buffer = storage.buffer
        var cut = start + 1 + max(0, maxBytes)
        // Back to the first byte of a character, then before an escape the cut would split.
        while cut > start + 1 && buffer[cut] & 0xC0 == 0x80 { cut -= 1 }
        var backslash = cut
        while backslash > start + 1 && cut - backslash < 12 && buffer[backslash - 1] != UInt8(ascii: "\\") { backslash -= 1 }
        if backslash > start + 1 && cut - backslash < 12 { cut = backslash - 1 }
        let text = StringDecoder.decode(buffer, from: start, to: cut + 1, hasEscapes: raw.hasEscapes, keepingLoneSurrogates: true)
        return (text, true)
    }

    /// The number with its exact spelling, for numbers.
    public var numberValue: JSONNumber? {
        guard raw.kind == .number else { return nil }
        return JSONNumber(validatedText: rawText)
    }

    /// The boolean, for `true` and `false`.
    public var boolValue: Bool? {
        guard raw.kind == .bool else { return nil }
        return storage.buffer[Int(raw.start)] == UInt8(ascii: "t")
    }

    /// True for `null`.
    public var isNull: Bool { raw.kind == .null }

    /// The number of members or elements (repeated keys count each time); 0 for scalars.
    public var count: Int { Int(raw.childCount) }

    /// The direct children in file order.
    public var children: ChildSequence { ChildSequence(storage: storage, parent: index) }

    /// Members of an object in file order, repeated keys included.
    public var members: [(key: String, value: JSONNode)] {
        guard raw.kind == .object else { return [] }
        return children.map { ($0.key ?? "", $0) }
    }

    /// Elements of an array in order.
    public var elements: [JSONNode] {
        guard raw.kind == .array else { return [] }
        return Array(children)
    }

    /// The children whose kind is not `kind`, in file order; for checking that a large map or list
    /// holds one kind of value without making a node for every child. The answer for a long
    /// container is kept, so asking again after an edit does not walk it again.
    public func children(notOfKind kind: JSONKind) -> [JSONNode] {
        guard raw.kind == .object || raw.kind == .array else { return [] }
        if count >= QueryCache.minimumChildren {
            return storage.keptAnswer(to: .notOfKind(kind), in: index).map { JSONNode(storage: storage, index: $0) }
        }
        var result: [JSONNode] = []
        storage.forEachChild(from: index + 1, to: Int(raw.subtreeEnd), passing: ChildTest(notOfKind: kind)) { child in
            result.append(JSONNode(storage: storage, index: child))
            return true
        }
        return result
    }

    /// The members whose key is one of `keys` (escapes decoded), in file order, repeated keys each
    /// time; only keys of a matching length (or written with escapes) are decoded. The answer for
    /// a long object is kept, as for `children(notOfKind:)`.
    public func members(withKeyIn keys: Set<String>) -> [JSONNode] {
        guard raw.kind == .object, !keys.isEmpty else { return [] }
        if count >= QueryCache.minimumChildren {
            return storage.keptAnswer(to: .keyIn(keys), in: index).map { JSONNode(storage: storage, index: $0) }
        }
        var result: [JSONNode] = []
        // Keys that cannot repeat: once each wanted key is found, none can follow.
        let limit = stopsAtFirstMatch ? keys.count : Int.max
        storage.forEachChild(from: index + 1, to: Int(raw.subtreeEnd), passing: ChildTest(keyIn: keys)) { child in
            result.append(JSONNode(storage: storage, index: child))
            return result.count < limit
        }
        return result
    }

    /// Whether a read by key in this object may stop at its first match: its keys cannot repeat.
    /// Objects of a few members are not asked (reading them whole costs less than asking).
    var stopsAtFirstMatch: Bool { count > 16 && !storage.mayRepeatKeys(inObject: index) }

    /// True when this node is an object member whose key is `key` (escapes decoded).
    public func hasKey(_ key: String) -> Bool {
        guard raw.hasKey else { return false }
        var key = key
        return key.withUTF8 { keyEquals($0) }
    }

    /// The key of this node, when it is an object member.
    public var key: String? {
        guard raw.hasKey else { return nil }
        return StringDecoder.decode(storage.buffer, from: Int(raw.keyStart), to: Int(raw.keyEnd), hasEscapes: raw.keyHasEscapes)
    }

    /// The key for showing to people, when this node is an object member: as `key`, except that an
    /// escaped lone surrogate stays as it is written (see `displayString`).
    public var displayKey: String? {
        guard raw.hasKey else { return nil }
        return StringDecoder.decode(storage.buffer, from: Int(raw.keyStart), to: Int(raw.keyEnd), hasEscapes: raw.keyHasEscapes,
                                    keepingLoneSurrogates: true)
    }

    /// The member for a key (the last occurrence when a key repeats).
    public subscript(key: String) -> JSONNode? {
        guard raw.kind == .object else { return nil }
        var key = key
        // One pass over the tape comparing raw key bytes, no node per member; only keys written
        // with escapes are decoded.
        let unique = stopsAtFirstMatch
        let found = key.withUTF8 { wanted in
            storage.buffer.withUnsafeBufferPointer { bytes in
                storage.nodes.withUnsafeBufferPointer { tape in
                    var found = -1
                    var child = index + 1
                    let end = Int(tape[index].subtreeEnd)
                    while child < end {
                        let member = tape[child]
                        let start = Int(member.keyStart) + 1
                        if Int(member.keyEnd) - 1 - start == wanted.count {
                            var k = 0
                            while k < wanted.count && bytes[start + k] == wanted[k] { k += 1 }
                            if k == wanted.count {
                                found = child
                                // Keys that cannot repeat: the first match is the last.
                                if unique { break }
                            }
                        }
                        if member.keyHasEscapes && found != child && JSONNode(storage: storage, index: child).keyEquals(wanted) {
                            found = child
                        }
                        child = Int(member.subtreeEnd)
                    }
                    return found
                }
            }
        }
        return found < 0 ? nil : JSONNode(storage: storage, index: found)
    }

    /// The element at an index, for arrays.
    public subscript(index: Int) -> JSONNode? {
        guard raw.kind == .array, index >= 0, index < count else { return nil }
        var position = 0
        for child in children {
            if position == index { return child }
            position += 1
        }
        return nil
    }

    /// The child that one path step names.
    public func child(_ component: PathComponent) -> JSONNode? {
        switch component {
        case .key(let key): return self[key]
        case .index(let index): return self[index]
        }
    }

    /// The value held in memory (the whole subtree for containers).
    public var value: JSONValue {
        switch raw.kind {
        case .null: return .null
        case .bool: return .bool(boolValue ?? false)
        case .number: return .number(JSONNumber(validatedText: rawText))
        case .string: return .string(stringValue ?? "")
        case .array: return .array(children.map { $0.value })
        case .object: return .object(children.map { JSONValue.Member($0.key ?? "", $0.value) })
        }
    }

    func keyEquals(_ wanted: [UInt8]) -> Bool {
        wanted.withUnsafeBufferPointer { keyEquals($0) }
    }

    func keyEquals(_ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = raw
        let start = Int(r.keyStart) + 1, end = Int(r.keyEnd) - 1
        let bytes = storage.buffer
        if end - start == wanted.count {
            var same = true
            for k in 0..<wanted.count where bytes[start + k] != wanted[k] { same = false; break }
            if same { return true }
        }
        // A key written with escapes can still equal the wanted key.
        guard r.keyHasEscapes else { return false }
        return key.map { $0.utf8.elementsEqual(wanted) } ?? false
    }
}
