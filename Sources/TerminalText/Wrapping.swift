/// Fitting text into screen columns by display width: cutting, padding and wrapping.
extension TerminalText {
    /// `text` cut to `width` columns, ending with `…` when cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        guard displayWidth(of: text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = displayWidth(of: character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// `text` cut from the left to `width` columns, starting with `…` when cut (keeps file names whole).
    public static func truncateLeft(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        guard displayWidth(of: text) > width else { return text }
        var result: [Character] = []
        var used = 0
        for character in text.reversed() {
            let w = displayWidth(of: character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return "…" + String(result.reversed())
    }

    /// `text` padded with spaces to `width` columns (cut with `…` when longer).
    public static func pad(_ text: String, width: Int) -> String {
        let cut = truncate(text, width: width)
        return cut + String(repeating: " ", count: max(0, width - displayWidth(of: cut)))
    }

    /// Word-wraps one paragraph (no line breaks) to `width` columns; words longer than a line are split.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            var word = String(word)
            var wordWidth = displayWidth(of: word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 || !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while wordWidth > width {
                var head = ""
                var used = 0
                var rest = Substring(word)
                while let first = rest.first, used + displayWidth(of: first) <= width {
                    head.append(first)
                    used += displayWidth(of: first)
                    rest = rest.dropFirst()
                }
                if head.isEmpty, let first = rest.first {  // a wide character in a 1-column line
                    head.append(first)
                    rest = rest.dropFirst()
                }
                lines.append(head)
                word = String(rest)
                wordWidth = displayWidth(of: word)
            }
            line = word
            lineWidth = wordWidth
        }
        // A last word split to the end leaves nothing for a line of its own.
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Wraps text that may hold line breaks; each line is escaped first.
    public static func wrapLines(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        // "\r\n" is one Character, so it is a separator of its own.
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            result += wrap(escaped(String(paragraph)), width: width)
        }
        return result
    }

    /// Wraps to at most `maxLines` lines, the last ending with `…` when text was left out.
    public static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        let lines = wrap(text, width: width)
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        var kept = Array(lines.prefix(maxLines))
        kept[maxLines - 1] = truncate(kept[maxLines - 1] + " " + lines[maxLines], width: width)
        if !kept[maxLines - 1].hasSuffix("…") { kept[maxLines - 1] = truncate(kept[maxLines - 1], width: width - 1) + "…" }
        return kept
    }

    /// A count as people read it, with thousands separators: 10,000.
    public static func count(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
