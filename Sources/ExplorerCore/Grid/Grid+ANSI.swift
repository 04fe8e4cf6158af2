extension Grid {
    /// The screen as text with SGR escape codes, for printing to a terminal that is not in curses mode.
    ///
    /// Codes are written only where the style changes; each line that changed style ends with
    /// a reset (`ESC[0m`). Trailing plain spaces are trimmed. Lines are joined with "\n".
    public var ansi: String {
        (0..<height).map(ansiLine).joined(separator: "\n")
    }

    private func ansiLine(_ y: Int) -> String {
        let cells = row(y).filter { $0.width > 0 }
        var end = cells.endIndex
        while end > cells.startIndex, cells[end - 1].grapheme == " ", cells[end - 1].style == .plain {
            end -= 1
        }
        var line = ""
        var current = Style.plain
        for cell in cells[cells.startIndex..<end] {
            if cell.style != current {
                line += sgr(for: cell.style)
                current = cell.style
            }
            line += cell.grapheme
        }
        if current != .plain { line += "\u{1B}[0m" }
        return line
    }

    /// The escape sequence that sets exactly `style`, starting from a reset.
    private func sgr(for style: Style) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.italic { codes.append("3") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if let code = sgrColor(style.foreground, base: 30, brightBase: 90, extended: 38) { codes.append(code) }
        if let code = sgrColor(style.background, base: 40, brightBase: 100, extended: 48) { codes.append(code) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private func sgrColor(_ color: Color, base: Int, brightBase: Int, extended: Int) -> String? {
        switch color {
        case .default: return nil
        case .indexed(let index): return "\(extended);5;\(index)"
        default:
            guard let index = color.paletteIndex else { return nil }
            return index < 8 ? "\(base + index)" : "\(brightBase + index - 8)"
        }
    }
}
