import Testing
import TerminalText

/// Cutting, padding and wrapping by screen columns.
@Suite struct WrappingTests {
    @Test("truncate cuts to the width with an ellipsis, counting wide characters as two columns", arguments: [
        ("hello", 10, "hello"),
        ("hello world", 8, "hello w…"),
        ("名前名前名前", 7, "名前名…"),
        ("名前名前名前", 6, "名前…"),
        ("abc", 0, ""),
        ("👩‍💻👩‍💻👩‍💻", 5, "👩‍💻👩‍💻…"),
    ])
    func truncate(text: String, width: Int, expected: String) {
        #expect(TerminalText.truncate(text, width: width) == expected)
        #expect(TerminalText.displayWidth(of: TerminalText.truncate(text, width: width)) <= width)
    }

    @Test func truncateLeftKeepsTheEnd() {
        #expect(TerminalText.truncateLeft("folder/sub/event.json", width: 12) == "…/event.json")
        #expect(TerminalText.truncateLeft("短い", width: 4) == "短い")
        #expect(TerminalText.truncateLeft("名前名前.json", width: 8) == "…前.json")
    }

    @Test func padFillsToTheWidth() {
        #expect(TerminalText.pad("ab", width: 4) == "ab  ")
        #expect(TerminalText.pad("名", width: 4) == "名  ")
        #expect(TerminalText.pad("abcdef", width: 4) == "abc…")
    }

    @Test("wrap keeps words whole, splits words longer than a line, and never passes the width", arguments: [
        ("one two three four", 10, ["one two", "three four"]),
        ("averyveryverylongword x", 10, ["averyveryv", "erylongwor", "d x"]),
        ("", 10, [""]),
        ("名前 名前名前 名前", 6, ["名前", "名前名", "前", "名前"]),
        ("名前 名前名前 名", 6, ["名前", "名前名", "前 名"]),
        ("名前名前名前名前", 5, ["名前", "名前", "名前", "名前"]),
        ("名", 1, ["名"]),
    ])
    func wrap(text: String, width: Int, expected: [String]) {
        #expect(TerminalText.wrap(text, width: width) == expected)
    }

    @Test("a long CJK paragraph wraps to lines of at most the width in columns, losing no character")
    func wrapCJK() {
        let text = String(repeating: "日本語の説明文です、", count: 12)
        for width in [10, 21, 40, 79] {
            let lines = TerminalText.wrap(text, width: width)
            #expect(lines.allSatisfy { TerminalText.displayWidth(of: $0) <= width })
            #expect(lines.joined() == text)
            #expect(lines.dropLast().allSatisfy { TerminalText.displayWidth(of: $0) >= width - 1 })
        }
    }

    @Test func wrapToAFewLinesEndsWithAnEllipsis() {
        let lines = TerminalText.wrap("one two three four five six", width: 9, maxLines: 2)
        #expect(lines == ["one two", "three fo…"])
        #expect(TerminalText.wrap("short", width: 9, maxLines: 2) == ["short"])
    }

    @Test func wrapLinesEscapesEachLine() {
        #expect(TerminalText.wrapLines("a\u{1B}[2J\r\nb\u{200B}", width: 20) == ["a\\u001b[2J", "b\\u200b"])
    }

    @Test func countGroupsThousands() {
        #expect(TerminalText.count(0) == "0")
        #expect(TerminalText.count(999) == "999")
        #expect(TerminalText.count(10_000) == "10,000")
        #expect(TerminalText.count(1_234_567) == "1,234,567")
    }
}
