import Testing
import TerminalText

/// Rows of a long text laid out by byte offset (`TextRows`): what the raw view and the long-string viewer draw.
@Suite("Text rows")
struct TextRowsTests {
    /// The characters of the row at `start`, joined.
    static func row(_ rows: TextRows, _ start: Int, width: Int) -> String {
        var text = ""
        rows.layoutRow(from: start, width: width) { piece, _, _ in text += piece }
        return text
    }

    /// Every row from the first, by `nextRowStart`.
    static func allRows(_ rows: TextRows, width: Int) -> [String] {
        var result: [String] = []
        var start: Int? = rows.start
        while let current = start {
            result.append(row(rows, current, width: width))
            start = rows.nextRowStart(after: current, width: width)
        }
        return result
    }

    @Test("lines wrap at the width; a line feed ends a line, the CR of a CRLF is left out, a final line feed makes no empty row")
    func wrapping() {
        let rows = TextRows(Array("abcdefgh\r\nij\n\nklm\n".utf8)[...])
        #expect(Self.allRows(rows, width: 3) == ["abc", "def", "gh", "ij", "", "klm"])
        #expect(rows.lineCount == 4)
        #expect(rows.lineNumber(of: 11) == 2)
        #expect(Self.row(rows, rows.lastRowStart(width: 3), width: 3) == "klm")
        // Moving back gives the rows moving forward gave.
        var back: [String] = []
        var start: Int? = rows.lastRowStart(width: 3)
        while let current = start {
            back.append(Self.row(rows, current, width: 3))
            start = rows.previousRowStart(before: current, width: 3)
        }
        #expect(back.reversed() == ["abc", "def", "gh", "ij", "", "klm"])
    }

    @Test("bytes that are not UTF-8 show as \\xFF, controls and bidi as escapes, wide characters take two columns")
    func escaping() {
        var bytes = Array("a".utf8) + [0xFF, 0xC3, 0x1B, 0x7F] + Array("\u{202E}東".utf8) + [0xE6, 0x9D]
        bytes += Array("z".utf8)
        let rows = TextRows(bytes[...])
        #expect(Self.allRows(rows, width: 200) == ["a\\xFF\\xC3\\u001b\\u007f\\u202e東\\xE6\\x9Dz"])
        // \xFF is four columns: a row of 5 holds "a" and it.
        #expect(Self.row(rows, rows.start, width: 5) == "a\\xFF")
        #expect(Self.allRows(rows, width: 1).contains("東"))
    }

    @Test("a 20 MB line: the last row, paging and moving back lay out a few screens of characters, and the last row is the text's end")
    func hugeLine() {
        var bytes = [UInt8]()
        bytes.reserveCapacity(20_000_100)
        let word = Array("lorem ipsum é 東京 ".utf8)
        while bytes.count < 20_000_000 { bytes += word }
        bytes += Array("END-OF-TEXT".utf8)
        let rows = TextRows(bytes[...])
        let width = 80
        let last = rows.lastRowStart(width: width)
        #expect(Self.row(rows, last, width: width).hasSuffix("東京 END-OF-TEXT"))
        #expect(rows.nextRowStart(after: last, width: width) == nil)
        let back = rows.rowStart(movedBy: -30, from: last, width: width)
        #expect(back < last)
        #expect(rows.rowStart(movedBy: 30, from: back, width: width) == last)
        let middle = rows.rowStart(containing: 10_000_000, width: width)
        #expect(middle <= 10_000_000 && middle > 10_000_000 - 4)
        _ = rows.rowStart(movedBy: 30, from: middle, width: width)
        _ = rows.rowStart(movedBy: -30, from: middle, width: width)
        #expect(rows.lineCount == 1)
        #expect(rows.charactersExamined < 20_000, "\(rows.charactersExamined) characters laid out")
    }

    @Test("rows of a short line are laid out from its start, so the row holding an offset is the one moving forward reaches")
    func rowContaining() {
        let rows = TextRows(Array("0123456789\nabcdefghij".utf8)[...])
        #expect(rows.rowStart(containing: 7, width: 4) == 4)
        #expect(rows.rowStart(containing: 11, width: 4) == 11)
        #expect(rows.rowStart(containing: 20, width: 4) == 19)
        #expect(rows.lastRowStart(width: 4) == 19)
        #expect(TextRows([UInt8]()[...]).lastRowStart(width: 4) == 0)
        #expect(Self.allRows(TextRows([UInt8]()[...]), width: 4) == [""])
    }

    @Test("the last rows of a text of many lines are found by looking back from its end, and numbered right once asked")
    func manyLines() {
        var bytes: [UInt8] = []
        for k in 0..<200_000 { bytes += Array("line \(k)\n".utf8) }
        let rows = TextRows(bytes[...])
        let last = rows.lastRowStart(width: 40)
        #expect(Self.row(rows, last, width: 40) == "line 199999")
        #expect(rows.previousRowStart(before: last, width: 40).map { Self.row(rows, $0, width: 40) } == "line 199998")
        #expect(rows.lineNumber(of: last) == 200_000)
        #expect(rows.lineStart(of: last + 3) == last)
        #expect(rows.lineCount == 200_000)
    }
}
