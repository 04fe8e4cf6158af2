import TerminalText

/// One line of the help screen: pieces of text, each in its style.
struct HelpLine {
    var parts: [(text: String, style: Style)]

    init(_ text: String, _ style: Style) { parts = [(text, style)] }
    init(parts: [(text: String, style: Style)]) { self.parts = parts }

    /// The line's text.
    var text: String { parts.map(\.text).joined() }
}

/// The lines of the two scrolling overlays, the help screen and the text viewer, at a width: the
/// state scrolls through them (`scrollViewer`) and the view draws them, so both count the same lines.
enum OverlayText {
    /// The help screen: every mode's keys, then the legend of marks and colours, as lines for a
    /// box `width` columns wide.
    static func help(width: Int) -> [HelpLine] {
        var lines: [HelpLine] = []
        let intro = "Keys of every mode, grouped (panes, prompts, viewers), then what the marks and colours mean. "
            + "/ searches this help as you type (n and N for the next and previous match, Esc leaves the search). "
            + "Searches are smartcase: case counts only when the text has a capital letter. "
            + "Printable keys type themselves in text fields."
        for line in TerminalText.wrap(intro, width: max(1, width)) { lines.append(HelpLine(line, Theme.fieldHelp)) }
        let keyWidth = min(24, max(10, width / 3))
        /// A row of two columns: `left` (drawn in `leftStyle`) padded to the key column, then `right` wrapped.
        func row(_ left: String, _ leftStyle: Style, _ right: String) {
            let padding = String(repeating: " ", count: max(0, keyWidth - TerminalText.displayWidth(of: TerminalText.truncate(left, width: keyWidth))))
            for (offset, part) in TerminalText.wrap(right, width: max(1, width - keyWidth - 3)).enumerated() {
                if offset == 0 {
                    lines.append(HelpLine(parts: [("  ", Theme.key), (TerminalText.truncate(left, width: keyWidth), leftStyle),
                                                  (padding + " " + part, Theme.key)]))
                } else {
                    lines.append(HelpLine(String(repeating: " ", count: keyWidth + 2) + " " + part, Theme.key))
                }
            }
        }
        for group in Mode.groups {
            lines.append(HelpLine("", Theme.key))
            lines.append(HelpLine("━━ " + group.title + " " + String(repeating: "━", count: max(0, width - 4 - TerminalText.displayWidth(of: group.title))),
                                  Theme.focusedBorder))
            for mode in group.modes {
                lines.append(HelpLine("", Theme.key))
                lines.append(HelpLine(mode.title, Theme.heading))
                for binding in Keymap.bindings(for: mode) {
                    row(binding.keyLabel, Theme.key, binding.help)
                }
            }
        }
        lines.append(HelpLine("", Theme.key))
        lines.append(HelpLine(MouseHelp.title, Theme.heading))
        for entry in MouseHelp.entries {
            row(entry.gesture, Theme.key, entry.help)
        }
        lines.append(HelpLine("", Theme.key))
        lines.append(HelpLine("━━ Marks and colours " + String(repeating: "━", count: max(0, width - 21)), Theme.focusedBorder))
        for section in Legend.sections {
            lines.append(HelpLine("", Theme.key))
            lines.append(HelpLine("Marks · " + section.title, Theme.heading))
            for entry in section.entries {
                row(entry.sample, entry.style, entry.meaning)
            }
        }
        return lines
    }

    /// The text viewer: the text wrapped to the width, line breaks kept; a line's leading spaces
    /// indent each of its wrapped parts (reports nest their details that way).
    static func pager(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var result: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let indent = min(line.prefix { $0 == " " }.count, width / 2)
            let wrapped = TerminalText.wrapLines(String(line.dropFirst(indent)), width: width - indent)
            result += wrapped.map { String(repeating: " ", count: indent) + $0 }
        }
        return result
    }
}
