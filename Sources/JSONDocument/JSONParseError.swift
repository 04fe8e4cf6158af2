/// Why a text is not valid JSON, and where: a value first, a message second.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong with a number.
    public enum NumberProblem: Hashable, Sendable {
        case missingDigits, leadingZero, missingFractionDigits, missingExponentDigits
    }

    /// What was found where something else was expected.
    public enum Found: Hashable, Sendable {
        case endOfText
        case character(Unicode.Scalar)
        case byte(UInt8)
    }

    /// The kinds of problem the parser reports.
    public enum Kind: Hashable, Sendable {
        case emptyDocument
        case expectedValue(found: Found)
        case expectedKey(found: Found)
        case expectedColon(found: Found)
        case expectedCommaOrClosingBrace(found: Found)
        case expectedCommaOrClosingBracket(found: Found)
        case trailingComma(closing: Character)
        case unterminatedString
        case unescapedControlCharacter(UInt8)
        case invalidEscape(found: Found)
        case invalidUnicodeEscape
        case invalidNumber(NumberProblem)
        case invalidLiteral
        case invalidUTF8(UInt8)
        case textAfterValue(found: Found)
        case tooDeep(limit: Int)
        /// The text is longer than a document can be (`limit` bytes).
        case tooLarge(limit: Int)
    }

    public let kind: Kind
    /// Byte offset of the problem from the start of the text (the BOM, when present, counts).
    public let offset: Int
    /// 1-based line number.
    public let line: Int
    /// 1-based column, counted in Unicode characters (code points) from the start of the line.
    public let column: Int

    public init(kind: Kind, offset: Int, line: Int, column: Int) {
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The problem alone, without its position: `expected ',' or '}' after an object member`.
    public var reason: String {
        switch kind {
        case .emptyDocument: return "the text is empty; expected a JSON value"
        case .expectedValue(let found): return "expected a value, found \(found.phrase)"
        case .expectedKey(let found): return "expected a string key in double quotes, found \(found.phrase)"
        case .expectedColon(let found): return "expected ':' after an object key, found \(found.phrase)"
        case .expectedCommaOrClosingBrace(let found):
            return found == .endOfText ? "expected ',' or '}' after an object member, found the end of the text"
                : "expected ',' or '}' after an object member"
        case .expectedCommaOrClosingBracket(let found):
            return found == .endOfText ? "expected ',' or ']' after an array element, found the end of the text"
                : "expected ',' or ']' after an array element"
        case .trailingComma(let closing): return "trailing comma before '\(closing)'"
        case .unterminatedString: return "unterminated string: the closing '\"' is missing"
        case .unescapedControlCharacter(let byte): return "control character \(hexScalar(byte)) must be escaped in a string"
        case .invalidEscape(let found): return "invalid escape sequence in a string: '\\' followed by \(found.phrase)"
        case .invalidUnicodeEscape: return "invalid \\u escape: expected four hexadecimal digits"
        case .invalidNumber(let problem):
            switch problem {
            case .missingDigits: return "invalid number: expected a digit"
            case .leadingZero: return "invalid number: leading zeros are not allowed"
            case .missingFractionDigits: return "invalid number: expected a digit after '.'"
            case .missingExponentDigits: return "invalid number: expected a digit in the exponent"
            }
        case .invalidLiteral: return "invalid literal: expected true, false or null"
        case .invalidUTF8(let byte): return "invalid UTF-8 byte sequence starting with 0x\(hexByte(byte))"
        case .textAfterValue(let found): return "unexpected \(found.phrase) after the JSON value"
        case .tooDeep(let limit): return "nesting deeper than \(limit) levels"
        case .tooLarge(let limit): return "the text is longer than \(limit) bytes, the most a document can hold"
        }
    }

    /// The full message: `line 3, column 9: expected ',' or '}' after an object member`.
    public var message: String { "line \(line), column \(column): \(reason)" }

    public var description: String { message }
}

extension JSONParseError.Found {
    var phrase: String {
        switch self {
        case .endOfText: return "the end of the text"
        case .byte(let byte): return "byte 0x\(hexByte(byte))"
        case .character(let scalar):
            switch scalar {
            case "'": return "\"'\""
            case "\n": return "a line break"
            case "\r": return "a carriage return"
            case "\t": return "a tab"
            case " ": return "a space"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || !scalar.properties.isGraphemeBase && scalar.value >= 0x80 {
                    return "character \(hexScalar(scalar.value))"
                }
                return "'\(scalar)'"
            }
        }
    }
}

func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}

func hexScalar<T: BinaryInteger>(_ value: T) -> String {
    var hex = String(value, radix: 16, uppercase: true)
    while hex.count < 4 { hex = "0" + hex }
    return "U+" + hex
}
