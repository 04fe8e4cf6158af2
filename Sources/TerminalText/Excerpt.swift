extension TerminalText {
    /// One line of an excerpt: a line of the text (with its 1-based number) or the caret line under it.
    public struct ExcerptLine: Hashable, Sendable {
        /// The line's number in the text; nil for the caret line.
        public let number: Int?
        /// What to show, escaped; long lines are cut to a window around the column, with `…` where cut.
        public let text: String
        /// True for the line that holds only spaces and the `^` under the column.
        public let isCaret: Bool
    }

    /// The lines of a text around a position (a parse error's line and column), with a caret line
    /// under the column: `linesBefore` lines before it, the line itself, the caret, `linesAfter` after.
    ///
    /// `bytes` are read as UTF-8 (a byte that is not reads as U+FFFD); `column` counts Unicode
    /// scalars from 1, as the parser does; a byte-order mark at the start and the CR of a CRLF are
    /// left out. A line longer than `width` scalars shows the `width` around the column, so the
    /// caret stays in view; the caret is placed by display width, under the escaped text.
    public static func excerpt(of bytes: [UInt8], line: Int, column: Int, width: Int,
                               linesBefore: Int = 0, linesAfter: Int = 0) -> [ExcerptLine] {
        let first = max(1, line - linesBefore)
        let last = line + linesAfter
        // Where each line from `first` to `last` starts; only the text up to `last` is searched.
        var starts: [Int: Int] = [1: 0]
        var current = 1
        var index = 0
        while index < bytes.count && current < last {
            if bytes[index] == 0x0A {
                current += 1
                starts[current] = index + 1
            }
            index += 1
        }
        func scalars(of number: Int) -> [Unicode.Scalar]? {
            guard let start = starts[number] else { return nil }
            var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            var from = start
            if start == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { from = min(3, end) }
            return Array(String(decoding: bytes[from..<end], as: UTF8.self).unicodeScalars)
        }
        let room = max(10, width)
        let windowStart = max(0, column - 1 - room / 2)
        var result: [ExcerptLine] = []
        for number in first...last {
            guard let text = scalars(of: number) else { continue }
            // A final line break does not start a line worth showing.
            if number > line && text.isEmpty && starts[number] == bytes.count { continue }
            let start = min(windowStart, text.count)
            let end = min(text.count, start + room)
            let head = start > 0 ? "…" : ""
            let shown = head + escaped(String(String.UnicodeScalarView(text[start..<end]))) + (end < text.count ? "…" : "")
            result.append(ExcerptLine(number: number, text: shown, isCaret: false))
            if number == line {
                let caretAt = min(max(column - 1, start), text.count)
                let before = head + escaped(String(String.UnicodeScalarView(text[start..<caretAt])))
                result.append(ExcerptLine(number: nil, text: String(repeating: " ", count: displayWidth(of: before)) + "^", isCaret: true))
            }
        }
        return result
    }
}
