/// What the mouse does, in one table that the help screen, `cognito-explorer keys` and the README
/// show, as the keymaps are shown.
public enum MouseHelp {
    /// One gesture and what it does.
    public struct Entry: Hashable, Sendable {
        /// The gesture, such as `click` or `wheel`.
        public let gesture: String
        /// What it does.
        public let help: String
    }

    /// The heading the table is shown under.
    public static let title = "Mouse (where the terminal reports it; off with --no-mouse)"

    /// Every gesture the explorer answers, and the terminal's own one it leaves alone.
    public static let entries: [Entry] = [
        Entry(gesture: "click", help: "on a list row: shows that event; on a tree row: focuses that pane and puts the cursor there; elsewhere nothing"),
        Entry(gesture: "click ▸ ▾", help: "expands or collapses that row"),
        Entry(gesture: "wheel", help: "scrolls the pane under the pointer 3 rows a notch (its cursor follows when it would leave the screen); scrolls help and the viewer"),
        Entry(gesture: "Shift+drag", help: "selects text in most terminals while the explorer has the mouse; --no-mouse leaves every drag to the terminal"),
    ]

    /// The table as Markdown, for the README.
    public static func markdown() -> String {
        var lines = ["**\(title)**", "", "| mouse | what it does |", "| --- | --- |"]
        for entry in entries { lines.append("| \(entry.gesture) | \(entry.help) |") }
        return lines.joined(separator: "\n") + "\n"
    }
}
