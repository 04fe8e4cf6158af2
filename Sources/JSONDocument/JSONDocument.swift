import Foundation
/// A JSON text parsed so that it can be read by path and edited without touching anything else.
///
/// The document keeps the original bytes. Every node knows its byte span, numbers keep their spelling,
/// strings their escapes, objects their key order and the file its whitespace, line endings and BOM.
/// Serializing an unedited document gives back the same bytes; an edit rewrites only the bytes of the
/// value it changes, and can be undone back to the exact previous bytes.
public struct JSONDocument: Sendable {
    /// The default limit on nesting of arrays and objects.
    public static let defaultMaxDepth = 512

    var storage: Storage
    /// The deepest nesting the parser accepts; deeper text fails with `tooDeep`.
    public let maxDepth: Int
    var undoStack: [Splice] = []
    var redoStack: [Splice] = []
    /// Undo-stack height of the saved text (as of the last `markSaved()` or load), or, once edits
    /// were undone past it and a new edit dropped them from the redo stack, of the text they branched from.
    var savedHeight = 0
    /// The edits that lead from the text at `savedHeight` to the saved text after a new edit dropped
    /// them from the redo stack, in redo-stack order (the last one first); empty while the saved
    /// text is on the undo or redo stack.
    var savedDetour: [Splice] = []

    /// Parses bytes of JSON (RFC 8259, UTF-8, optionally starting with a byte-order mark).
    public init(bytes: [UInt8], maxDepth: Int = JSONDocument.defaultMaxDepth) throws(JSONParseError) {
        self.maxDepth = maxDepth
        self.storage = try Storage(bytes: bytes, maxDepth: maxDepth)
    }

    /// Parses a string of JSON.
    public init(text: String, maxDepth: Int = JSONDocument.defaultMaxDepth) throws(JSONParseError) {
        try self.init(bytes: Array(text.utf8), maxDepth: maxDepth)
    }

    /// The document's bytes: the original ones, with every edit applied.
    public var bytes: [UInt8] { storage.text }

    /// Makes `bytes` cheap on a large edited document: edits leave a gap in the stored text (so
    /// that the next edit at the same place moves nothing), and while it is there `bytes` returns
    /// a copy. This moves the text after the gap into it, in place; call it before saving. Does
    /// nothing when another copy of the document shares the text (closing it would copy it too).
    public mutating func closeGap() {
        guard storage.gapLength > 0, isKnownUniquelyReferenced(&storage) else { return }
        storage.closeGap()
    }

    /// The identity of the stored text and tape, for tests that check an edit patched the storage
    /// in place: a copy made because something else still held the storage has another identity.
    @_spi(Testing) public var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

    /// The document as text.
    public var text: String { String(decoding: storage.text, as: UTF8.self) }

    /// The top-level value.
    public var root: JSONNode { JSONNode(storage: storage, index: 0) }

    /// The node at a path, or nil when some step does not exist.
    public func node(at path: JSONPath) -> JSONNode? {
        var node = root
        for component in path {
            guard let next = node.child(component) else { return nil }
            node = next
        }
        return node
    }

    /// The value at a path, or nil when some step does not exist.
    public subscript(path: JSONPath) -> JSONValue? { node(at: path)?.value }

    /// Whether the text starts with a UTF-8 byte-order mark (kept on save).
    public var hasByteOrderMark: Bool { storage.textView.starts(with: [0xEF, 0xBB, 0xBF]) }

    /// The layout the document uses, which new text follows.
    public var layout: Layout { storage.layout }

    /// The 1-based line and column (in code points) of a byte offset.
    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        TextPosition.lineAndColumn(of: offset, in: storage.textView)
    }

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

    /// The path from the root to the node at a tape index.
    func path(ofNode target: Int) -> JSONPath {
        var path: JSONPath = []
        var current = 0
        let nodes = storage.nodes
        while current != target {
            var position = 0
            var child = current + 1
            while child < Int(nodes[current].subtreeEnd) {
                if target < Int(nodes[child].subtreeEnd) { break }
                child = Int(nodes[child].subtreeEnd)
                position += 1
            }
            let node = JSONNode(storage: storage, index: child)
            path.append(nodes[current].kind == .object ? .key(node.key ?? "") : .index(position))
            current = child
        }
        return path
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

/// How a document is laid out: what an inserted key or value copies.
public struct Layout: Hashable, Sendable {
    /// One level of indentation (`"  "`, `"    "`, `"\t"`), or nil for text on one line.
    public var indentUnit: String?
    /// `"\n"` or `"\r\n"`.
    public var newline: String
    /// What stands between a key and its value: `": "` or `":"`.
    public var colon: String

    /// The layout, and how far into the text the bytes it was read from reach: an edit that starts
    /// after `extent` and adds no line break leaves the layout as it is.
    /// `firstMember` is the first node with a key, with text offsets.
    static func detectWithExtent<Text: RandomAccessCollection<UInt8>>(in bytes: Text, firstMember: RawNode?) -> (layout: Layout, extent: Int)
    where Text.Index == Int {
        var newline = "\n"
        var indentUnit: String? = nil
        var extent = 0
        let firstBreak = bytes.firstIndex(of: 0x0A)
        if let lf = firstBreak, lf > 0 && bytes[lf - 1] == 0x0D { newline = "\r\n" }
        // Text on one line, maybe with a final line break, is minified: only a break with more
        // text after it starts an indented layout. (Edits change no byte after the root value.)
        if let lf = firstBreak, bytes[(lf + 1)...].contains(where: { !Parser.isWhitespace($0) }) {
            // The first indented line after a line that opens a container gives the unit.
            var k = lf + 1
            var unit: [UInt8] = []
            while k < bytes.count && (bytes[k] == 0x20 || bytes[k] == 0x09) { unit.append(bytes[k]); k += 1 }
            extent = k
            // Subtract the indentation of the line that holds the break.
            var lineStart = lf
            while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            var outer = 0
            while lineStart + outer < lf && (bytes[lineStart + outer] == 0x20 || bytes[lineStart + outer] == 0x09) { outer += 1 }
            if unit.count > outer { indentUnit = String(decoding: unit[outer...], as: UTF8.self) } else { indentUnit = "  " }
        }
        var colon = indentUnit == nil ? ":" : ": "
        if let member = firstMember {
            colon = String(decoding: bytes[Int(member.keyEnd)..<Int(member.start)], as: UTF8.self)
            extent = max(extent, Int(member.start))
        } else {
            // No member yet: any edit may add the first one, whose colon then counts.
            extent = Int.max
        }
        return (Layout(indentUnit: indentUnit, newline: newline, colon: colon), extent)
    }
}

/// Parsed bytes and their node tape, shared by nodes.
///
/// Immutable once shared: an edit changes a storage in place only when the document holds the one
/// reference to it (`isKnownUniquelyReferenced`), and copies it otherwise. That is what makes the
/// unchecked `Sendable` safe, and why dynamic exclusivity checks (a quarter of the time of reads
/// by key) can be left out: no access can overlap a mutation.
final class Storage: @unchecked Sendable {
    /// The text with a gap in it, and the tape's offsets into it (see Storage+Gap.swift).
    @exclusivity(unchecked) var buffer: [UInt8]
    @exclusivity(unchecked) var gapStart: Int
    @exclusivity(unchecked) var gapLength = 0
    /// Tape indexes of the containers that strictly hold the gap's place in the text.
    @exclusivity(unchecked) var gapEnclosing: [Int] = []
    @exclusivity(unchecked) var nodes: [RawNode]
    @exclusivity(unchecked) var layout: Layout
    /// Where the bytes the layout was read from end (see `Layout.detectWithExtent`).
    @exclusivity(unchecked) var layoutExtent: Int
    /// Tape indexes, ascending, of the objects whose keys may repeat, once made (see
    /// Storage+RepeatedKeys.swift): made when first needed (listing duplicate keys), not by the
    /// parser, so reading a document does not pay for it; kept up to date by edits from then on.
    @exclusivity(unchecked) var knownRepeats: [Int]?
    /// Guards what reads fill in on a storage that may be shared between threads: `knownRepeats`
    /// and `queryCache`.
    let readCachesLock = NSLock()
    /// Kind and key length of each node, index for index with `nodes` (see Storage+Traits.swift).
    @exclusivity(unchecked) var traits: [UInt8]
    /// Answers to child queries on long containers, guarded by `readCachesLock` and kept up to date
    /// by edits (see Storage+QueryCache.swift); empty in a new storage.
    @exclusivity(unchecked) var queryCache = QueryCache()
    /// Which version of the tape this is: new for every parse and every patch, kept by a copy
    /// (see NodeReference.swift).
    @exclusivity(unchecked) var version = Storage.newVersion()

    init(bytes: [UInt8], maxDepth: Int) throws(JSONParseError) {
        let nodes = try Parser(maxDepth: maxDepth).parse(bytes)
        self.buffer = bytes
        self.gapStart = bytes.count
        self.nodes = nodes
        self.knownRepeats = nil
        self.traits = NodeTraits.make(nodes)
        (self.layout, self.layoutExtent) = Layout.detectWithExtent(in: bytes, firstMember: nodes.first(where: { $0.hasKey }))
    }

    /// A copy to edit while other values still read this one.
    init(copying other: Storage) {
        self.buffer = other.buffer
        self.gapStart = other.gapStart
        self.gapLength = other.gapLength
        self.gapEnclosing = other.gapEnclosing
        self.nodes = other.nodes
        self.layout = other.layout
        self.layoutExtent = other.layoutExtent
        self.knownRepeats = other.listedRepeatsIfKnown
        self.traits = other.traits
        self.version = other.version
    }
}

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

/// Decodes JSON string literals (quotes included in the span).
enum StringDecoder {
    /// The string a literal spells; a lone surrogate escape reads as U+FFFD, or as the six
    /// characters it is written with when `keepingLoneSurrogates` is true.
    static func decode(_ bytes: [UInt8], from start: Int, to end: Int, hasEscapes: Bool?, keepingLoneSurrogates: Bool = false) -> String {
        String(decoding: decodedBytes(bytes, from: start, to: end, hasEscapes: hasEscapes, keepingLoneSurrogates: keepingLoneSurrogates),
               as: UTF8.self)
    }

    /// The UTF-8 bytes a literal spells (see `decode`): a slice of `bytes` when it has no escapes,
    /// so a long string is not copied.
    static func decodedBytes(_ bytes: [UInt8], from start: Int, to end: Int, hasEscapes: Bool?,
                             keepingLoneSurrogates: Bool = false) -> ArraySlice<UInt8> {
        let inner = (start + 1)..<(end - 1)
        if hasEscapes == false || (hasEscapes == nil && !bytes[inner].contains(UInt8(ascii: "\\"))) {
            return bytes[inner]
        }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var i = inner.lowerBound
        let limit = inner.upperBound
        while i < limit {
            let b = bytes[i]
            guard b == UInt8(ascii: "\\"), i + 1 < limit else { out.append(b); i += 1; continue }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var unit = hex4(bytes, i)
                i += 4
                if (0xD800...0xDBFF).contains(unit), i + 5 < limit, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let low = hex4(bytes, i + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                if let scalar = Unicode.Scalar(unit) {
                    out += Array(String(Character(scalar)).utf8)
                } else if keepingLoneSurrogates {
                    out += bytes[(i - 6)..<i]
                } else {
                    out += [0xEF, 0xBF, 0xBD]  // U+FFFD: a lone surrogate cannot be represented
                }
            default: out.append(e)  // \" \\ \/
            }
        }
        return out[...]
    }

    private static func hex4(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<4 {
            guard at + k < bytes.count, let digit = Parser.hexValue(bytes[at + k]) else { return 0xFFFD }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
