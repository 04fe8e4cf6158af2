import Testing
import TerminalText

/// The lines around a parse error, with a caret under its column.
@Suite struct ExcerptTests {
    func shown(_ text: String, line: Int, column: Int, width: Int = 80, before: Int = 0, after: Int = 0) -> [String] {
        TerminalText.excerpt(of: Array(text.utf8), line: line, column: column, width: width, linesBefore: before, linesAfter: after)
            .map { ($0.number.map(String.init) ?? "") + "|" + $0.text }
    }

    @Test func theLinesAroundWithTheCaretUnderTheColumn() {
        let text = "{\n  \"a\": 1\n  \"b\": 2\n}\n"
        #expect(shown(text, line: 3, column: 3, before: 2, after: 1) == ["1|{", "2|  \"a\": 1", "3|  \"b\": 2", "|  ^", "4|}"])
        #expect(shown(text, line: 3, column: 3) == ["3|  \"b\": 2", "|  ^"])
        // The first line has none before it; the final line break starts no line to show.
        #expect(shown(text, line: 1, column: 1, before: 2) == ["1|{", "|^"])
        #expect(shown(text, line: 4, column: 2, after: 1) == ["4|}", "| ^"])
    }

    @Test func theCaretMovesByDisplayWidthUnderEscapedText() {
        #expect(shown("{\"名前\": 1 x}", line: 1, column: 10) == ["1|{\"名前\": 1 x}", "|           ^"])
        #expect(shown("{\"a\":\t\"x\u{1B}\"}", line: 1, column: 9) == ["1|{\"a\":\\t\"x\\u001b\"}", "|         ^"])
    }

    @Test func aByteOrderMarkAndCRLFAreLeftOut() {
        #expect(shown("\u{FEFF}{\r\n  \"a\" 1\r\n}", line: 1, column: 1) == ["1|{", "|^"])
        #expect(shown("\u{FEFF}{\r\n  \"a\" 1\r\n}", line: 2, column: 7) == ["2|  \"a\" 1", "|      ^"])
    }

    @Test("a long line shows a window around the column, the caret still under the error")
    func longLinesAreCut() throws {
        let text = String(repeating: "a", count: 200) + "X" + String(repeating: "b", count: 200)
        let lines = TerminalText.excerpt(of: Array(text.utf8), line: 1, column: 201, width: 40)
        #expect(lines.count == 2)
        #expect(lines[0].text.hasPrefix("…") && lines[0].text.hasSuffix("…"))
        #expect(lines[0].text.count == 42)
        let caret = try #require(lines[1].text.firstIndex(of: "^"))
        let offset = lines[1].text.distance(from: lines[1].text.startIndex, to: caret)
        #expect(Array(lines[0].text)[offset] == "X")
    }

    @Test func aLineBeyondTheTextGivesNothing() {
        #expect(shown("{}", line: 5, column: 1).isEmpty)
        #expect(shown("", line: 1, column: 1) == ["1|", "|^"])
    }
}
