/// One step of a path into a JSON document: an object key or an array index.
public enum PathComponent: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    /// The key, when this step names an object member.
    public var key: String? {
        if case .key(let key) = self { return key }
        return nil
    }

    /// The index, when this step names an array element.
    public var index: Int? {
        if case .index(let index) = self { return index }
        return nil
    }

    public var description: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }
}

extension PathComponent: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .key(value) }
}

extension PathComponent: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .index(value) }
}

/// A path from the document root to a value, such as `["request", "session", 0, "challengeName"]`.
public typealias JSONPath = [PathComponent]

extension Array where Element == PathComponent {
    /// The path written with dots and brackets, as people read it: `request.session[0].challengeName`.
    ///
    /// Keys that are not plain identifiers are quoted: `request.userAttributes["custom:tier"]`.
    public var dottedString: String {
        var text = ""
        for component in self {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if key.isPlainIdentifier {
                    text += text.isEmpty ? key : "." + key
                } else {
                    text += "[" + JSONValue.string(key).compactText + "]"
                }
            }
        }
        return text
    }

    /// Parses the dotted form back into a path: `a.b[2]["c.d"]`; returns nil on malformed text.
    ///
    /// The jq spelling is read too: a leading dot (`.response.a`) and keys quoted after a dot
    /// (`.response."cognito:groups"`), each quoted key a JSON string. A plain key may not hold a
    /// double quote: `a"b` is refused rather than read as a key with quotes in its name.
    public init?(dotted text: String) {
        var result: [PathComponent] = []
        var chars = Substring(text).unicodeScalars[...]
        // jq writes every path from a leading dot; `.` alone is the whole document.
        if chars.first == "." { chars = chars.dropFirst() }
        var expectKey = true
        while let first = chars.first {
            if first == "[" {
                chars = chars.dropFirst()
                if chars.first == "\"" {
                    guard let key = Self.quotedKey(&chars), chars.first == "]" else { return nil }
                    chars = chars.dropFirst()
                    result.append(.key(key))
                } else {
                    var digits = ""
                    while let c = chars.first, c != "]" {
                        digits.unicodeScalars.append(c)
                        chars = chars.dropFirst()
                    }
                    guard chars.first == "]", let index = Int(digits), index >= 0 else { return nil }
                    chars = chars.dropFirst()
                    result.append(.index(index))
                }
                expectKey = false
            } else if first == "." {
                guard !result.isEmpty, !expectKey else { return nil }
                chars = chars.dropFirst()
                expectKey = true
            } else if first == "\"" {
                guard expectKey, let key = Self.quotedKey(&chars) else { return nil }
                result.append(.key(key))
                expectKey = false
            } else {
                guard expectKey else { return nil }
                var key = ""
                while let c = chars.first, c != ".", c != "[" {
                    guard c != "\"" else { return nil }
                    key.unicodeScalars.append(c)
                    chars = chars.dropFirst()
                }
                result.append(.key(key))
                expectKey = false
            }
        }
        if expectKey && !result.isEmpty { return nil }
        self = result
    }

    /// Reads a JSON string literal at the start of `chars` (which is at its opening quote) and
    /// moves past it; nil when it is not closed or not a valid JSON string.
    private static func quotedKey(_ chars: inout Substring.UnicodeScalarView.SubSequence) -> String? {
        var literal = "\""
        chars = chars.dropFirst()
        while let c = chars.first {
            chars = chars.dropFirst()
            literal.unicodeScalars.append(c)
            if c == "\\", let next = chars.first {
                literal.unicodeScalars.append(next)
                chars = chars.dropFirst()
            } else if c == "\"" {
                guard case .string(let key)? = try? JSONValue(parsing: literal) else { return nil }
                return key
            }
        }
        return nil
    }
}

extension String {
    var isPlainIdentifier: Bool {
        // ASCII keys (nearly all) are decided by their bytes; the Unicode properties are looked
        // up only for the others.
        if let plain = utf8.withContiguousStorageIfAvailable({ Self.isPlainASCIIIdentifier($0) }), let plain { return plain }
        guard let first = unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Whether ASCII bytes form a plain identifier; nil when some byte is not ASCII.
    private static func isPlainASCIIIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let first = bytes.first else { return false }
        var plain = first == UInt8(ascii: "_") || isASCIILetter(first)
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if !(byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)) {
                plain = false
            }
        }
        return plain
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
