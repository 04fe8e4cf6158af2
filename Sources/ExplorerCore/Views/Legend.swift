import TerminalText
/// What every mark and colour of the explorer means: one table for the help screen and the README.
public enum Legend {
    /// One mark or colour and its meaning.
    public struct Entry: Hashable, Sendable {
        /// The mark as drawn (`✓`, `▸`), or a sample of a colour (`"text"`).
        public let sample: String
        /// The style the sample is drawn in.
        public let style: Style
        /// What it means.
        public let meaning: String
        /// The style in words, where the sample alone does not show it (Markdown has no colours).
        public var look: String? = nil
    }

    /// A heading and its entries.
    public struct Section: Hashable, Sendable {
        public let title: String
        public let entries: [Entry]
    }

    /// The list's marks, then the trees' marks and colours.
    public static let sections: [Section] = [
        Section(title: "Event list: the first column", entries: [FileStatus.valid, .warnings, .errors, .unreadable, .pending].map {
            Entry(sample: $0.mark, style: ExplorerState.statusStyle($0), meaning: $0.meaning)
        }),
        Section(title: "Event list: the second column", entries: [
            Entry(sample: "●", style: Theme.modified, meaning: "unsaved edits (a new event from the trigger map has no file yet)"),
            Entry(sample: ExplorerState.changedOnDiskMark, style: Theme.error,
                  meaning: "unsaved edits, and another program changed the file on disk: w refuses, R reloads"),
        ]),
        Section(title: "Event list: at the right of a row", entries: [
            Entry(sample: "2✗", style: Theme.error, meaning: "how many errors the event has (a row with no problem shows no count)"),
            Entry(sample: "1!", style: Theme.warning, meaning: "how many warnings it has; a narrow list drops the counts before it cuts names short"),
        ]),
        Section(title: "Request tree and response editor", entries: [
            Entry(sample: "▸ ▾", style: Theme.border, meaning: "a map, list or object, collapsed or expanded"),
            Entry(sample: "●", style: Theme.modified, meaning: "a value that differs from the file on disk: edited since the last save, or a saved edit undone", look: "orange"),
            Entry(sample: "▸ ▾", style: Theme.modified, meaning: "a map, list or object holding such a value", look: "orange"),
            Entry(sample: "✗", style: Theme.error, meaning: "an error at this field, with its message"),
            Entry(sample: "!", style: Theme.warning, meaning: "a warning at this field, with its message"),
            Entry(sample: "name", style: Theme.key.bolded, meaning: "a field the catalogue describes (its help shows under the panes)", look: "bold"),
            Entry(sample: "name", style: Theme.absent, meaning: "absent: a catalogue field the file does not have (in the response editor, Enter sets it)", look: "dim italics"),
            Entry(sample: "(unknown)", style: Theme.unknown, meaning: "a key the catalogue does not know (Cognito ignores it in a response)", look: "magenta"),
            Entry(sample: "\"text\"", style: Theme.string, meaning: "a string", look: "green"),
            Entry(sample: "42", style: Theme.number, meaning: "a number", look: "cyan"),
            Entry(sample: "true", style: Theme.bool, meaning: "a boolean", look: "yellow"),
            Entry(sample: "null", style: Theme.null, meaning: "null", look: "dim"),
            Entry(sample: "match", style: Theme.match, meaning: "a search match, in the trees or in help (n and N move between them)", look: "black on yellow"),
            Entry(sample: "█", style: Theme.border, meaning: "on the right edge: where the rows shown are among all rows"),
        ]),
    ]

    /// The legend as Markdown, for the README: a table per section.
    public static func markdown() -> String {
        var lines: [String] = ["**Marks and colours**", ""]
        for section in sections {
            lines.append("| \(section.title.lowercased()) | means |")
            lines.append("| --- | --- |")
            for entry in section.entries {
                let sample = "`\(entry.sample)`" + (entry.look.map { " (\($0))" } ?? "")
                lines.append("| \(sample) | \(entry.meaning.replacingOccurrences(of: "|", with: "\\|")) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

extension Keymap {
    /// The README's generated section: every mode's key table, what the mouse does, then the
    /// legend of marks and colours.
    ///
    /// `cognito-explorer keys --markdown` prints it; a test checks the README holds exactly this text.
    public static func readmeMarkdown() -> String {
        markdown() + "\n" + MouseHelp.markdown() + "\n" + Legend.markdown()
    }
}
