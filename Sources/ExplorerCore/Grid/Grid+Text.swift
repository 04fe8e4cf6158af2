extension Grid {
    /// The screen as plain text: one line per row, trailing spaces trimmed, joined with "\n".
    public var text: String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
