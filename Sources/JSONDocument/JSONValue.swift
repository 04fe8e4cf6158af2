import Foundation

/// A JSON number, kept exactly as it was written, with typed views of its value.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number's text, such as `1.50` or `-2E+3`; never respelled.
    public let text: String

    /// Wraps number text; returns nil when the text is not a valid JSON number.
    public init?(_ text: String) {
        guard JSONNumber.isValid(Array(text.utf8)) else { return nil }
        self.text = text
    }

    init(validatedText: String) { self.text = validatedText }

    /// Makes a number from an integer.
    public init(_ value: Int) { self.text = String(value) }

    /// Makes a number from a finite double, in the shortest spelling that reads back the same.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 {
            self.text = String(Int(value))
        } else {
            self.text = "\(value)"
        }
    }

    /// The value as an `Int`, when the number is a whole number written without fraction or exponent and fits.
    public var int: Int? { Int(text) }

    /// The value as a `Double` (the nearest one; large or long numbers lose precision).
    public var double: Double? { Double(text) }

    /// The value as a `Decimal`, which keeps up to 38 significant digits.
    public var decimal: Decimal? { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) }

    /// True when the spelling has no fraction and no exponent.
    public var isInteger: Bool { !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }

    public var description: String { text }

    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = NumberScanner(bytes: buffer, position: 0)
            return scanner.scan() == nil && scanner.position == buffer.count
        }
    }
}

/// Checks the RFC 8259 number grammar; used by the parser and by `JSONNumber.init?(_:)`.
struct NumberScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    @inline(__always)
    private func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }
    private static func isDigit(_ b: UInt8?) -> Bool { if let b { return b >= 0x30 && b <= 0x39 } else { return false } }

    /// Advances over one number; returns the reason when the text is not a valid number.
    mutating func scan() -> JSONParseError.NumberProblem? {
        if byte(position) == UInt8(ascii: "-") { position += 1 }
        guard let first = byte(position), NumberScanner.isDigit(first) else { return .missingDigits }
        if first == UInt8(ascii: "0") {
            position += 1
            if NumberScanner.isDigit(byte(position)) { return .leadingZero }
        } else {
            while NumberScanner.isDigit(byte(position)) { position += 1 }
        }
        if byte(position) == UInt8(ascii: ".") {
            position += 1
            guard NumberScanner.isDigit(byte(position)) else { return .missingFractionDigits }
            while NumberScanner.isDigit(byte(position)) { position += 1 }
        }
        if byte(position) == UInt8(ascii: "e") || byte(position) == UInt8(ascii: "E") {
            position += 1
            if byte(position) == UInt8(ascii: "+") || byte(position) == UInt8(ascii: "-") { position += 1 }
            guard NumberScanner.isDigit(byte(position)) else { return .missingExponentDigits }
            while NumberScanner.isDigit(byte(position)) { position += 1 }
        }
        return nil
    }
}

/// A JSON value held in memory: what a node reads as, and what an edit writes.
public enum JSONValue: Hashable, Sendable {
    /// One member of an object, in file order.
    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    case object([Member])
    case array([JSONValue])
    case string(String)
    case number(JSONNumber)
    case bool(Bool)
    case null

    /// Parses JSON text into a value; the error names the line and column of the problem.
    public init(parsing text: String) throws(JSONParseError) {
        let document = try JSONDocument(bytes: Array(text.utf8))
        self = document.root.value
    }

    /// The member value for a key (the last one when a key repeats), for objects.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// The kind of this value.
    public var kind: JSONKind {
        switch self {
        case .object: return .object
        case .array: return .array
        case .string: return .string
        case .number: return .number
        case .bool: return .bool
        case .null: return .null
        }
    }

    /// The string, for string values.
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    /// The boolean, for boolean values.
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    /// The number, for number values.
    public var numberValue: JSONNumber? { if case .number(let n) = self { return n } else { return nil } }
    /// The elements, for arrays.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    /// The members, for objects.
    public var objectValue: [Member]? { if case .object(let o) = self { return o } else { return nil } }
    /// True for `null`.
    public var isNull: Bool { self == .null }

    /// The value as compact JSON text without any whitespace: `{"a":[1,true]}`.
    public var compactText: String {
        var out: [UInt8] = []
        write(to: &out, style: .compact, indent: [])
        return String(decoding: out, as: UTF8.self)
    }

    /// The value as JSON text indented by `unit`, each line after the first starting with `baseIndent`.
    public func prettyText(unit: String = "  ", newline: String = "\n", baseIndent: String = "") -> String {
        var out: [UInt8] = []
        write(to: &out, style: .init(unit: Array(unit.utf8), newline: Array(newline.utf8), colon: Array(": ".utf8)), indent: Array(baseIndent.utf8))
        return String(decoding: out, as: UTF8.self)
    }

    /// How to lay out text written for new values.
    struct Style {
        /// The indentation unit; nil writes everything on one line.
        var unit: [UInt8]?
        var newline: [UInt8]
        var colon: [UInt8]
        var comma: [UInt8] = [UInt8(ascii: ",")]
        static let compact = Style(unit: nil, newline: [], colon: [UInt8(ascii: ":")])
    }

    func write(to out: inout [UInt8], style: Style, indent: [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .number(let n): out += Array(n.text.utf8)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            writeChildren(elements.count, to: &out, style: style, indent: indent) { i, out, inner in
                elements[i].write(to: &out, style: style, indent: inner)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            writeChildren(members.count, to: &out, style: style, indent: indent) { i, out, inner in
                JSONValue.writeString(members[i].key, to: &out)
                out += style.colon
                members[i].value.write(to: &out, style: style, indent: inner)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private func writeChildren(_ count: Int, to out: inout [UInt8], style: Style, indent: [UInt8],
                               _ body: (Int, inout [UInt8], [UInt8]) -> Void) {
        guard count > 0 else { return }
        let inner = indent + (style.unit ?? [])
        for i in 0..<count {
            if i > 0 { out += style.comma }
            if style.unit != nil { out += style.newline + inner }
            body(i, &out, inner)
        }
        if style.unit != nil { out += style.newline + indent }
    }

    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// The six kinds of JSON value.
public enum JSONKind: String, Sendable, CaseIterable {
    case object, array, string, number, bool, null
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = JSONNumber(value).map { .number($0) } ?? .null }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements.map { Member($0.0, $0.1) }) }
    public init(nilLiteral: ()) { self = .null }
}
