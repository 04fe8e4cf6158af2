import Testing
@testable import JSONDocument

/// Exact parse error messages. `1️⃣` marks where the error must point; it is removed before parsing,
/// and the expected line and column come from the marker, not from counting by hand.
@Suite struct ParseErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let marked: String
        let reason: String
        var testDescription: String { reason }
    }

    static let cases: [Case] = [
        Case(marked: "1️⃣", reason: "the text is empty; expected a JSON value"),
        Case(marked: "  \n 1️⃣", reason: "the text is empty; expected a JSON value"),
        Case(marked: "{\n  \"a\": 1,\n  \"b\" 1️⃣2\n}", reason: "expected ':' after an object key, found '2'"),
        Case(marked: "{\n  \"a\": 1\n  1️⃣\"b\": 2\n}", reason: "expected ',' or '}' after an object member"),
        Case(marked: "[1, 2 1️⃣3]", reason: "expected ',' or ']' after an array element"),
        Case(marked: "[1, 21️⃣", reason: "expected ',' or ']' after an array element, found the end of the text"),
        Case(marked: "{\"a\": 11️⃣", reason: "expected ',' or '}' after an object member, found the end of the text"),
        Case(marked: "{\"a\": 1,1️⃣}", reason: "trailing comma before '}'"),
        Case(marked: "[1, 2, 1️⃣]", reason: "trailing comma before ']'"),
        Case(marked: "{1️⃣a: 1}", reason: "expected a string key in double quotes, found 'a'"),
        Case(marked: "{1️⃣'a': 1}", reason: "expected a string key in double quotes, found \"'\""),
        Case(marked: "[]1️⃣]", reason: "unexpected ']' after the JSON value"),
        Case(marked: "{\"a\": 1}1️⃣x", reason: "unexpected 'x' after the JSON value"),
        Case(marked: "[1️⃣\"abc]", reason: "unterminated string: the closing '\"' is missing"),
        Case(marked: "[\"a1️⃣\tb\"]", reason: "control character U+0009 must be escaped in a string"),
        Case(marked: "[\"a1️⃣\\xb\"]", reason: "invalid escape sequence in a string: '\\' followed by 'x'"),
        Case(marked: "[\"1️⃣\\u12G4\"]", reason: "invalid \\u escape: expected four hexadecimal digits"),
        Case(marked: "[01️⃣1]", reason: "invalid number: leading zeros are not allowed"),
        Case(marked: "[-1️⃣]", reason: "invalid number: expected a digit"),
        Case(marked: "[1.1️⃣]", reason: "invalid number: expected a digit after '.'"),
        Case(marked: "[1e1️⃣]", reason: "invalid number: expected a digit in the exponent"),
        Case(marked: "[1️⃣.5]", reason: "expected a value, found '.'"),
        Case(marked: "[1️⃣tru]", reason: "invalid literal: expected true, false or null"),
        Case(marked: "[1️⃣True]", reason: "expected a value, found 'T'"),
        Case(marked: "{\"a\":1️⃣}", reason: "expected a value, found '}'"),
        Case(marked: "{\"名前\": 1️⃣é}", reason: "expected a value, found 'é'"),
        Case(marked: "[[1️⃣[1]]]", reason: "nesting deeper than 2 levels"),
    ]

    @Test("exact message for each malformed text", arguments: cases)
    func message(_ testCase: Case) throws {
        let (text, line, column) = Self.unmark(testCase.marked)
        let maxDepth = testCase.reason.hasPrefix("nesting") ? 2 : JSONDocument.defaultMaxDepth
        let error = #expect(throws: JSONParseError.self) { try JSONDocument(text: text, maxDepth: maxDepth) }
        #expect(error?.reason == testCase.reason)
        #expect(error?.message == "line \(line), column \(column): \(testCase.reason)")
    }

    @Test("the offset points at the marker in bytes, and the column counts characters")
    func offsetsAndColumns() throws {
        let error = #expect(throws: JSONParseError.self) { try JSONDocument(text: "{\"名前\": é}") }
        #expect(error?.offset == 11)  // `{"` 2 + 名前 6 + `": ` 3
        #expect(error?.column == 8)
    }

    @Test("invalid UTF-8 is an error with the offending byte")
    func invalidUTF8() throws {
        let bytes: [UInt8] = Array("[\"a".utf8) + [0xC3, 0x28] + Array("\"]".utf8)
        let error = #expect(throws: JSONParseError.self) { try JSONDocument(bytes: bytes) }
        #expect(error?.message == "line 1, column 4: invalid UTF-8 byte sequence starting with 0xC3")
        let lone = #expect(throws: JSONParseError.self) { try JSONDocument(bytes: [0x5B, 0x22, 0xFF, 0x22, 0x5D]) }
        #expect(lone?.message == "line 1, column 3: invalid UTF-8 byte sequence starting with 0xFF")
        let surrogate = #expect(throws: JSONParseError.self) { try JSONDocument(bytes: [0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D]) }
        #expect(surrogate?.reason == "invalid UTF-8 byte sequence starting with 0xED")
    }

    @Test("a byte-order mark is not a column, and the message after it still counts from 1")
    func bomColumn() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{x}".utf8)
        let error = #expect(throws: JSONParseError.self) { try JSONDocument(bytes: bytes) }
        #expect(error?.message == "line 1, column 2: expected a string key in double quotes, found 'x'")
        #expect(error?.offset == 4)
    }

    @Test("100,000 nested brackets fail cleanly at the depth limit")
    func deepNesting() throws {
        let text = String(repeating: "[", count: 100_000)
        let error = #expect(throws: JSONParseError.self) { try JSONDocument(text: text) }
        #expect(error?.kind == .tooDeep(limit: 512))
        #expect(error?.column == 513)
        let deepButAllowed = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONDocument(text: deepButAllowed) }
    }

    static func unmark(_ marked: String) -> (text: String, line: Int, column: Int) {
        let marker = "1️⃣"
        guard let range = marked.range(of: marker) else { return (marked, 0, 0) }
        let before = marked[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let column = before[lineStart...].unicodeScalars.count + 1
        return (marked.replacingOccurrences(of: marker, with: ""), line, column)
    }
}
