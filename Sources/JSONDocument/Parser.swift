/// One node of the parsed document, stored flat in document order (a "tape").
///
/// A node's descendants follow it directly; `subtreeEnd` is the index just past the last of them,
/// so siblings are reached by jumping. Offsets are byte offsets into the document's bytes.
///
/// Six 32-bit words, 24 bytes (a large event has a million nodes): the kind and the two escape
/// flags live in the top bits of three of them, so offsets stay below 2 GiB (`Parser.maximumLength`
/// with room for edits) and counts of children below 2^29.
struct RawNode: Sendable, Equatable {
    private var startWord: UInt32
    /// The end offset, and in the top bit whether a string has escapes.
    private var endWord: UInt32
    var keyStart: UInt32
    /// The key's end offset, and in the top bit whether the key has escapes.
    private var keyEndWord: UInt32
    var subtreeEnd: UInt32
    /// The number of children, and in the top three bits the kind.
    private var countWord: UInt32

    private static let flag: UInt32 = 1 << 31
    private static let countMask: UInt32 = (1 << 29) - 1

    init(kind: JSONKind, hasEscapes: Bool, start: UInt32, end: UInt32, keyStart: UInt32, keyEnd: UInt32,
         subtreeEnd: UInt32, childCount: UInt32) {
        startWord = start
        endWord = end
        self.keyStart = keyStart
        keyEndWord = keyEnd
        self.subtreeEnd = subtreeEnd
        countWord = 0
        self.kind = kind
        self.hasEscapes = hasEscapes
        self.childCount = childCount
    }

    var start: UInt32 {
        get { startWord }
        set { startWord = newValue }
    }

    var end: UInt32 {
        get { endWord & ~Self.flag }
        set { endWord = (endWord & Self.flag) | (newValue & ~Self.flag) }
    }

    /// Span of the member key, quotes included (`keyStart..<keyEnd`); equal values mean "no key"
    /// (root or array element).
    var keyEnd: UInt32 {
        get { keyEndWord & ~Self.flag }
        set { keyEndWord = (keyEndWord & Self.flag) | (newValue & ~Self.flag) }
    }

    /// For strings: the text between the quotes contains a backslash escape.
    var hasEscapes: Bool {
        get { endWord & Self.flag != 0 }
        set { endWord = newValue ? endWord | Self.flag : endWord & ~Self.flag }
    }

    /// For object members: the key contains a backslash escape.
    var keyHasEscapes: Bool {
        get { keyEndWord & Self.flag != 0 }
        set { keyEndWord = newValue ? keyEndWord | Self.flag : keyEndWord & ~Self.flag }
    }

    var childCount: UInt32 {
        get { countWord & Self.countMask }
        set { countWord = (countWord & ~Self.countMask) | (newValue & Self.countMask) }
    }

    var kind: JSONKind {
        get {
            switch countWord >> 29 {
            case 0: return .object
            case 1: return .array
            case 2: return .string
            case 3: return .number
            case 4: return .bool
            default: return .null
            }
        }
        set { countWord = (countWord & Self.countMask) | (UInt32(NodeTraits.code(newValue)) << 29) }
    }

    var hasKey: Bool { keyEnd > keyStart }
}

/// Builds the node tape from bytes, without recursion.
struct Parser {
    let maxDepth: Int

    /// Where parsing stopped and why; turned into a `JSONParseError` with line and column once.
    private struct Failure: Error {
        let kind: JSONParseError.Kind
        let offset: Int

        static func at(_ kind: JSONParseError.Kind, _ offset: Int) -> Failure { Failure(kind: kind, offset: offset) }
    }

    /// The longest text the tape can describe, with room for edits to grow it: 1 GiB (offsets
    /// are 31 bits wide, see `RawNode`).
    static let maximumLength = 1 << 30

    func parse(_ bytes: [UInt8]) throws(JSONParseError) -> [RawNode] {
        guard bytes.count <= Parser.maximumLength else {
            throw JSONParseError(kind: .tooLarge(limit: Parser.maximumLength), offset: 0, line: 1, column: 1)
        }
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(Failure) in try parse(buffer) }
        } catch {
            let (line, column) = TextPosition.lineAndColumn(of: error.offset, in: bytes)
            throw JSONParseError(kind: error.kind, offset: error.offset, line: line, column: column)
        }
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    private static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
    private static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":")

    @inline(__always)
    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private func found(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> JSONParseError.Found {
        guard i < p.count else { return .endOfText }
        let b = p[i]
        if b < 0x80 { return .character(Unicode.Scalar(b)) }
        // Decode one scalar for the message, if the bytes are valid UTF-8.
        var iterator = p[i..<min(p.count, i + 4)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return .character(scalar) }
        return .byte(b)
    }

    /// Parses the text into a tape.
    private func parse(_ p: UnsafeBufferPointer<UInt8>) throws(Failure) -> [RawNode] {
        let count = p.count
        var nodes: [RawNode] = []
        nodes.reserveCapacity(max(16, count / 12))
        var stack: [Int] = []  // indexes of open containers
        var i = 0
        if count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { i = 3 }
        while i < count && Parser.isWhitespace(p[i]) { i += 1 }
        if i == count { throw .at(.emptyDocument, i) }

        var keyStart = 0, keyEnd = 0, keyHasEscapes = false
        while true {
            // State: a value starts at i (whitespace already skipped).
            guard i < count else { throw .at(.expectedValue(found: .endOfText), i) }
            let c = p[i]
            let nodeIndex = nodes.count
            if let parent = stack.last { nodes[parent].childCount += 1 }
            var node = RawNode(kind: .null, hasEscapes: false, start: UInt32(truncatingIfNeeded: i), end: 0,
                               keyStart: UInt32(truncatingIfNeeded: keyStart), keyEnd: UInt32(truncatingIfNeeded: keyEnd),
                               subtreeEnd: 0, childCount: 0)
            node.keyHasEscapes = keyHasEscapes
            keyStart = 0; keyEnd = 0; keyHasEscapes = false
            var opened = false
            switch c {
            case Parser.openBrace, Parser.openBracket:
                if stack.count >= maxDepth { throw .at(.tooDeep(limit: maxDepth), i) }
                node.kind = c == Parser.openBrace ? .object : .array
                nodes.append(node)
                stack.append(nodeIndex)
                i += 1
                while i < count && Parser.isWhitespace(p[i]) { i += 1 }
                let closer = c == Parser.openBrace ? Parser.closeBrace : Parser.closeBracket
                if i < count && p[i] == closer {
                    // Empty container: close it right here and fall through to "after value".
                    i += 1
                    nodes[nodeIndex].end = UInt32(truncatingIfNeeded: i)
                    nodes[nodeIndex].subtreeEnd = UInt32(truncatingIfNeeded: nodes.count)
                    stack.removeLast()
                } else if c == Parser.openBrace {
                    (keyStart, keyEnd, keyHasEscapes) = try parseKey(p, &i, afterComma: false)
                    continue
                } else {
                    continue
                }
                opened = true
            case Parser.quote:
                node.kind = .string
                node.hasEscapes = try scanString(p, &i)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                node.kind = .number
                var scanner = NumberScanner(bytes: p, position: i)
                if let problem = scanner.scan() { throw .at(.invalidNumber(problem), scanner.position) }
                i = scanner.position
            case UInt8(ascii: "t"):
                node.kind = .bool
                try expectLiteral(p, &i, "true")
            case UInt8(ascii: "f"):
                node.kind = .bool
                try expectLiteral(p, &i, "false")
            case UInt8(ascii: "n"):
                node.kind = .null
                try expectLiteral(p, &i, "null")
            default:
                if let parent = stack.last, p[i] == (nodes[parent].kind == .array ? Parser.closeBracket : Parser.closeBrace),
                   nodes[parent].childCount > 1 {
                    throw .at(.trailingComma(closing: nodes[parent].kind == .array ? "]" : "}"), i)
                }
                throw .at(.expectedValue(found: found(p, i)), i)
            }
            if !opened {
                node.end = UInt32(truncatingIfNeeded: i)
                node.subtreeEnd = UInt32(truncatingIfNeeded: nodeIndex + 1)
                nodes.append(node)
            }

            // State: after a value; close containers until one continues.
            while true {
                while i < count && Parser.isWhitespace(p[i]) { i += 1 }
                guard let top = stack.last else {
                    if i < count { throw .at(.textAfterValue(found: found(p, i)), i) }
                    return nodes
                }
                let isObject = nodes[top].kind == .object
                guard i < count else {
                    throw .at(isObject ? .expectedCommaOrClosingBrace(found: .endOfText) : .expectedCommaOrClosingBracket(found: .endOfText), i)
                }
                let b = p[i]
                if b == Parser.comma {
                    i += 1
                    while i < count && Parser.isWhitespace(p[i]) { i += 1 }
                    if isObject { (keyStart, keyEnd, keyHasEscapes) = try parseKey(p, &i, afterComma: true) }
                    break
                } else if b == (isObject ? Parser.closeBrace : Parser.closeBracket) {
                    i += 1
                    nodes[top].end = UInt32(truncatingIfNeeded: i)
                    nodes[top].subtreeEnd = UInt32(truncatingIfNeeded: nodes.count)
                    stack.removeLast()
                } else {
                    throw .at(isObject ? .expectedCommaOrClosingBrace(found: found(p, i)) : .expectedCommaOrClosingBracket(found: found(p, i)), i)
                }
            }
        }
    }

    /// Reads `"key"` `:` and the whitespace after it; leaves `i` at the value. Returns the key's span
    /// and whether it holds escapes.
    private func parseKey(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, afterComma: Bool) throws(Failure) -> (Int, Int, Bool) {
        guard i < p.count, p[i] == Parser.quote else {
            if afterComma, i < p.count, p[i] == Parser.closeBrace { throw .at(.trailingComma(closing: "}"), i) }
            throw .at(.expectedKey(found: found(p, i)), i)
        }
        let start = i
        let escapes = try scanString(p, &i)
        let end = i
        while i < p.count && Parser.isWhitespace(p[i]) { i += 1 }
        guard i < p.count, p[i] == Parser.colon else { throw .at(.expectedColon(found: found(p, i)), i) }
        i += 1
        while i < p.count && Parser.isWhitespace(p[i]) { i += 1 }
        return (start, end, escapes)
    }

    private func expectLiteral(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ word: StaticString) throws(Failure) {
        let length = word.utf8CodeUnitCount
        let w = word.utf8Start
        for k in 0..<length {
            guard i + k < p.count, p[i + k] == w[k] else { throw .at(.invalidLiteral, i) }
        }
        i += length
    }

    /// Scans a string starting at its opening quote; leaves `i` after the closing quote.
    /// Returns whether it holds escapes. Checks escapes, control characters and UTF-8.
    private func scanString(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Failure) -> Bool {
        let count = p.count
        let start = i
        var j = i + 1
        var escapes = false
        while true {
            j = Parser.skipPlainASCII(p, from: j)
            guard j < count else { throw .at(.unterminatedString, start) }
            let b = p[j]
            if b == Parser.quote {
                i = j + 1
                return escapes
            } else if b == Parser.backslash {
                escapes = true
                guard j + 1 < count else { throw .at(.unterminatedString, start) }
                switch p[j + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    j += 2
                case UInt8(ascii: "u"):
                    for k in 2..<6 {
                        guard j + k < count, Parser.hexValue(p[j + k]) != nil else { throw .at(.invalidUnicodeEscape, j) }
                    }
                    j += 6
                default:
                    throw .at(.invalidEscape(found: found(p, j + 1)), j)
                }
            } else if b < 0x20 {
                throw .at(.unescapedControlCharacter(b), j)
            } else if b < 0x80 {
                j += 1
            } else {
                j = try scanUTF8(p, j)
            }
        }
    }

    /// The offset of the first byte at or after `j` that is not plain ASCII text inside a string
    /// (a quote, a backslash, a control character or a byte of a multi-byte sequence), eight bytes at
    /// a time; `p.count` when there is none.
    @inline(__always)
    private static func skipPlainASCII(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var j = start
        #if _endian(little)
        guard let base = p.baseAddress else { return j }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        while j + 8 <= p.count {
            let word = raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
            let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
            // A byte is flagged when it is zero after the xor (a quote or backslash), below 0x20, or
            // has its high bit set. Borrows only flag bytes above a flagged one, so the lowest flag is exact.
            let special = (((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
                | ((word &- ones &* 0x20) & ~word) | word) & high
            if special != 0 { return j + special.trailingZeroBitCount >> 3 }
            j += 8
        }
        #endif
        while j < p.count {
            let b = p[j]
            if b == quote || b == backslash || b < 0x20 || b >= 0x80 { return j }
            j += 1
        }
        return j
    }

    /// Validates one multi-byte UTF-8 sequence at `j` (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
    private func scanUTF8(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) throws(Failure) -> Int {
        let b0 = p[j]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw .at(.invalidUTF8(b0), j)
        }
        for k in 1..<length {
            guard j + k < p.count else { throw .at(.invalidUTF8(b0), j) }
            let b = p[j + k]
            let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard b >= lo && b <= hi else { throw .at(.invalidUTF8(b0), j) }
        }
        return j + length
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Line and column arithmetic over document bytes.
enum TextPosition {
    /// 1-based line and column (in code points) of a byte offset; a leading BOM is not counted as a column.
    static func lineAndColumn<Text: RandomAccessCollection<UInt8>>(of offset: Int, in bytes: Text) -> (line: Int, column: Int)
    where Text.Index == Int {
        var line = 1
        var lineStart = 0
        let limit = min(offset, bytes.count)
        var k = 0
        while k < limit {
            if bytes[k] == 0x0A { line += 1; lineStart = k + 1 }
            k += 1
        }
        var column = 1
        var j = lineStart
        if line == 1 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { j = min(3, limit) }
        while j < limit {
            if bytes[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return (line, column)
    }
}
