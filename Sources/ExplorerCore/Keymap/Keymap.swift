/// The key tables of every mode: one source for key handling, status bar hints, the help screen and docs.
public enum Keymap {
    private static func chars(_ text: String) -> [Key] { text.map { Key.character($0) } }

    /// Moving through rows, shared by the list and the two trees.
    private static let movement: [Binding] = [
        Binding(keys: [.up, .character("k")], action: .moveUp, help: "previous row"),
        Binding(keys: [.down, .character("j")], action: .moveDown, help: "next row", hint: "move"),
        Binding(keys: [.pageUp, .ctrl("b")], action: .pageUp, help: "page up"),
        Binding(keys: [.pageDown, .ctrl("f")], action: .pageDown, help: "page down"),
        Binding(keys: [.character("g"), .home], action: .top, help: "first row"),
        Binding(keys: [.character("G"), .end], action: .bottom, help: "last row"),
        Binding(keys: [.tab], action: .nextPane, help: "next pane", hint: "pane"),
        Binding(keys: [.backTab], action: .previousPane, help: "previous pane"),
    ]

    /// Keys that work in every pane.
    private static let global: [Binding] = [
        Binding(keys: [.character("u")], action: .undo, help: "undo the last edit of this event", hint: "undo"),
        Binding(keys: [.ctrl("r")], action: .redo, help: "redo"),
        Binding(keys: [.character("w"), .ctrl("s")], action: .save, help: "save this event", hint: "save"),
        Binding(keys: [.character("W")], action: .saveAs, help: "save a copy under another name"),
        Binding(keys: [.character("R")], action: .reload, help: "reload from disk (asks before dropping edits)"),
        Binding(keys: [.character("r")], action: .rawEdit, help: "raw edit: set any path to any JSON value", hint: "raw"),
        Binding(keys: [.character("?"), .function(1)], action: .help, help: "help", hint: "help"),
        Binding(keys: [.character("q")], action: .quit, help: "quit (asks about unsaved edits)", hint: "quit"),
        Binding(keys: [.ctrl("c")], action: .interrupt, help: "quit (asks, as q does, about unsaved edits)"),
        Binding(keys: [.character("t")], action: .triggerMap, help: "trigger map: when each trigger runs, new events", hint: "map"),
        Binding(keys: [.character("<")], action: .narrowList, help: "narrow the list"),
        Binding(keys: [.character(">")], action: .widenList, help: "widen the list"),
        Binding(keys: [.character("L")], action: .toggleList, help: "hide or show the list"),
        Binding(keys: [.character("Z")], action: .zoom, help: "zoom the focused pane to the whole screen, or back"),
        Binding(keys: [.character("x")], action: .runFunction,
                help: "run your function (--function) on this event, edits included", hint: "run"),
    ]

    /// Tree keys shared by the request tree and the response editor.
    private static let treeNavigation: [Binding] = [
        Binding(keys: [.right, .character("l")], action: .expand, help: "expand"),
        Binding(keys: [.left, .character("h")], action: .collapse, help: "collapse, or go to the parent"),
        Binding(keys: [.character("e")], action: .expandAll, help: "expand all"),
        Binding(keys: [.character("E")], action: .collapseAll, help: "collapse all"),
        Binding(keys: [.character("v")], action: .view, help: "show the whole value in a viewer"),
        Binding(keys: [.character("/")], action: .search,
                help: "search both trees as you type (smartcase)", hint: "search"),
        Binding(keys: [.character("n")], action: .nextMatch, help: "next match, in either tree (wraps to the top)"),
        Binding(keys: [.character("N")], action: .previousMatch, help: "previous match (wraps to the bottom)"),
        Binding(keys: [.character("p")], action: .nextProblem, help: "next problem (either tree; expands what hides it)"),
        Binding(keys: [.character("P")], action: .previousProblem, help: "previous problem"),
        Binding(keys: [.character("i")], action: .details, help: "the field's problems and description, whole"),
        Binding(keys: [.character("y")], action: .copyValue, help: "copy the value to the clipboard (OSC 52)"),
        Binding(keys: [.character("Y")], action: .copyPath, help: "copy the path to the clipboard (OSC 52)"),
    ]

    /// The raw view of the event's text; last in the tree tables, so that its hint is the first to
    /// give way when the status bar is narrow.
    private static let rawViewKey = Binding(keys: [.character("J")], action: .rawView,
                                            help: "raw view: the file's text with edits, this value highlighted", hint: "raw view")

    /// The event list.
    public static let list: [Binding] = [
        Binding(keys: [.enter, .right, .character("l")], action: .activate, help: "open the event in the tree", hint: "open"),
        Binding(keys: [.character("/")], action: .search, help: "filter by name, trigger or user", hint: "filter"),
        Binding(keys: [.character("s")], action: .toggleSort, help: "sort by name or by trigger"),
        Binding(keys: [.character("p")], action: .nextProblem, help: "first problem of the event"),
        Binding(keys: [.character("P")], action: .previousProblem, help: "last problem of the event"),
    ] + movement + global

    /// The request tree.
    public static let tree: [Binding] = [
        Binding(keys: [.enter], action: .activate, help: "expand, or show a long string whole", hint: "expand/view"),
    ] + treeNavigation + movement + global + [rawViewKey]

    /// The response editor.
    public static let response: [Binding] = [
        Binding(keys: [.enter], action: .activate, help: "edit the value (or expand)", hint: "edit"),
        Binding(keys: [.character(" ")], action: .toggle, help: "flip a boolean"),
        Binding(keys: [.character("a")], action: .addEntry, help: "add an entry to a map or list", hint: "add"),
        Binding(keys: [.character("d"), .delete], action: .unset, help: "unset: remove the key or entry", hint: "unset"),
        Binding(keys: [.character("z")], action: .setNull, help: "set to null"),
        Binding(keys: [.character("o")], action: .openEditor, help: "edit the text in $VISUAL or $EDITOR"),
    ] + treeNavigation + movement + global + [rawViewKey]

    /// Editing keys of every one-line text field.
    private static let lineEditing: [Binding] = [
        Binding(keys: [.left], action: .cursorLeft, help: "character left"),
        Binding(keys: [.right], action: .cursorRight, help: "character right"),
        Binding(keys: [.home, .ctrl("a")], action: .lineStart, help: "start of line"),
        Binding(keys: [.end, .ctrl("e")], action: .lineEnd, help: "end of line"),
        Binding(keys: [.ctrl("b")], action: .wordLeft, help: "word left"),
        Binding(keys: [.ctrl("f")], action: .wordRight, help: "word right"),
        Binding(keys: [.backspace], action: .deleteBackward, help: "delete before the cursor"),
        Binding(keys: [.delete, .ctrl("d")], action: .deleteForward, help: "delete under the cursor"),
        Binding(keys: [.ctrl("w")], action: .deleteWordBackward, help: "delete the word before the cursor"),
        Binding(keys: [.ctrl("u")], action: .clearLine, help: "clear the line"),
    ]

    /// A one-line text prompt; other printable keys type themselves.
    public static let textInput: [Binding] = [
        Binding(keys: [.enter], action: .submit, help: "apply", hint: "apply"),
        Binding(keys: [.escape, .ctrl("c")], action: .cancel, help: "cancel", hint: "cancel"),
    ] + lineEditing

    /// The raw editor: a path field and a JSON value field.
    public static let rawEdit: [Binding] = [
        Binding(keys: [.enter], action: .submit, help: "apply (the value must be valid JSON)", hint: "apply"),
        Binding(keys: [.escape, .ctrl("c")], action: .cancel, help: "cancel", hint: "cancel"),
        Binding(keys: [.tab, .backTab, .up, .down], action: .switchField, help: "switch between path and value", hint: "switch field"),
    ] + lineEditing

    /// The picker of allowed values.
    public static let enumPicker: [Binding] = [
        Binding(keys: [.up, .character("k")], action: .moveUp, help: "previous value"),
        Binding(keys: [.down, .character("j")], action: .moveDown, help: "next value", hint: "move"),
        Binding(keys: [.character("g"), .home], action: .top, help: "first value"),
        Binding(keys: [.character("G"), .end], action: .bottom, help: "last value"),
        Binding(keys: [.enter, .character(" ")], action: .choose, help: "choose", hint: "choose"),
        Binding(keys: [.escape, .character("q"), .ctrl("c")], action: .cancel, help: "cancel", hint: "cancel"),
    ]

    /// The save / discard / cancel question.
    public static let confirm: [Binding] = [
        Binding(keys: [.character("s"), .character("y")], action: .answerSave, help: "save, then go on", hint: "save"),
        Binding(keys: [.character("d"), .character("n")], action: .answerDiscard, help: "discard the edits, then go on", hint: "discard"),
        Binding(keys: [.character("c"), .escape], action: .answerCancel, help: "cancel", hint: "cancel"),
        Binding(keys: [.ctrl("c")], action: .interrupt, help: "when quitting: quit without saving", hint: "quit"),
    ]

    /// The question about a recovery file found beside a file being opened.
    public static let recovery: [Binding] = [
        Binding(keys: [.character("r"), .character("y")], action: .answerRestore, help: "restore the edits, as unsaved edits", hint: "restore"),
        Binding(keys: [.character("d")], action: .answerDiscard, help: "discard them: delete the recovery file", hint: "discard"),
        Binding(keys: [.character("k"), .escape, .ctrl("c")], action: .answerKeep, help: "keep the recovery file for later", hint: "keep for later"),
    ]

    /// The question whether `W` may replace an existing file.
    public static let replaceFile: [Binding] = [
        Binding(keys: [.character("y"), .character("r")], action: .answerReplace, help: "replace the file with this event", hint: "replace"),
        Binding(keys: [.character("n"), .escape, .ctrl("c")], action: .answerKeep, help: "keep the file; type another name", hint: "keep"),
    ]

    /// The question whether `R` may drop unsaved edits to read the file again.
    public static let reloadFile: [Binding] = [
        Binding(keys: [.character("y"), .character("R")], action: .answerReload, help: "drop the edits and read the file from disk", hint: "reload"),
        Binding(keys: [.character("n"), .escape], action: .answerKeep, help: "keep the edits", hint: "keep"),
    ]

    /// Scrolling keys of the help screen and the text viewer.
    private static let scrolling: [Binding] = [
        Binding(keys: [.up, .character("k")], action: .moveUp, help: "scroll up"),
        Binding(keys: [.down, .character("j")], action: .moveDown, help: "scroll down", hint: "move"),
        Binding(keys: [.pageUp, .ctrl("b")], action: .pageUp, help: "page up"),
        Binding(keys: [.pageDown, .ctrl("f"), .character(" ")], action: .pageDown, help: "page down", hint: "page"),
        Binding(keys: [.character("g"), .home], action: .top, help: "top"),
        Binding(keys: [.character("G"), .end], action: .bottom, help: "bottom"),
    ]

    /// The help screen.
    public static let help: [Binding] = scrolling + [
        Binding(keys: [.character("/")], action: .search, help: "search the help as you type", hint: "search"),
        Binding(keys: [.character("n")], action: .nextMatch, help: "next match (wraps to the top)"),
        Binding(keys: [.character("N")], action: .previousMatch, help: "previous match (wraps to the bottom)"),
        Binding(keys: [.escape, .character("q"), .character("?"), .enter, .ctrl("c")], action: .close, help: "close help", hint: "close"),
    ]

    /// The text viewer for long strings.
    public static let pager: [Binding] = scrolling + [
        Binding(keys: [.escape, .character("q"), .enter, .ctrl("c")], action: .close, help: "close", hint: "close"),
    ]

    /// The raw view of the event's text.
    public static let rawView: [Binding] = scrolling + [
        Binding(keys: [.escape, .character("q"), .character("J"), .ctrl("c")], action: .close, help: "close the raw view", hint: "close"),
    ]

    /// The report of the user's function: scroll it, apply the returned response, close.
    public static let functionResult: [Binding] = scrolling + [
        Binding(keys: [.enter], action: .applyResult, help: "apply the returned response to the event as edits (u undoes them)", hint: "apply"),
        Binding(keys: [.escape, .character("q"), .ctrl("c")], action: .close, help: "close without applying", hint: "close"),
    ]

    /// The trigger map: move between steps, pick a trigger source, open a template.
    public static let triggerMap: [Binding] = [
        Binding(keys: [.up, .character("k")], action: .moveUp, help: "previous trigger"),
        Binding(keys: [.down, .character("j")], action: .moveDown, help: "next trigger", hint: "move"),
        Binding(keys: [.right, .character("l")], action: .nextSource, help: "next trigger source of this trigger", hint: "source"),
        Binding(keys: [.left, .character("h")], action: .previousSource, help: "previous trigger source"),
        Binding(keys: [.tab], action: .nextJourney, help: "first trigger of the next journey"),
        Binding(keys: [.backTab], action: .previousJourney, help: "first trigger of the previous journey"),
        Binding(keys: [.pageUp, .ctrl("b")], action: .pageUp, help: "page up"),
        Binding(keys: [.pageDown, .ctrl("f")], action: .pageDown, help: "page down"),
        Binding(keys: [.character("g"), .home], action: .top, help: "first trigger"),
        Binding(keys: [.character("G"), .end], action: .bottom, help: "last trigger"),
        Binding(keys: [.character("v")], action: .nextVersion, help: "pre token generation: switch the event version (1, 2, 3)"),
        Binding(keys: [.enter], action: .activate, help: "new unsaved event from the template of the selected trigger source", hint: "new event"),
        Binding(keys: [.escape, .character("t"), .character("q"), .ctrl("c")], action: .close, help: "close the map", hint: "close"),
    ]

    /// The table of a mode.
    public static func bindings(for mode: Mode) -> [Binding] {
        switch mode {
        case .list: return list
        case .tree: return tree
        case .response: return response
        case .textInput: return textInput
        case .enumPicker: return enumPicker
        case .confirm: return confirm
        case .recovery: return recovery
        case .replaceFile: return replaceFile
        case .reloadFile: return reloadFile
        case .help: return help
        case .pager: return pager
        case .rawView: return rawView
        case .rawEdit: return rawEdit
        case .triggerMap: return triggerMap
        case .functionResult: return functionResult
        }
    }

    /// The command `key` runs in `mode`, or nil when the key is not bound there.
    public static func command(for key: Key, in mode: Mode) -> Command? {
        bindings(for: mode).first { $0.keys.contains(key) }?.action
    }

    /// The status bar hints of a mode: `↓ next row  Tab next pane  ? help`.
    public static func hints(for mode: Mode) -> [(key: String, help: String)] {
        bindings(for: mode).compactMap { binding in binding.hint.map { (binding.keys.first?.displayName ?? "", $0) } }
    }
}

extension Keymap {
    /// Every mode's keys as Markdown: a heading and a two-column table per mode, for the README.
    ///
    /// `cognito-explorer keys --markdown` prints it; a test checks the README holds exactly this text.
    public static func markdown() -> String {
        var lines: [String] = []
        for (index, mode) in Mode.groups.flatMap(\.modes).enumerated() {
            if index > 0 { lines.append("") }
            lines.append("**\(mode.title)**")
            lines.append("")
            lines.append("| keys | what they do |")
            lines.append("| --- | --- |")
            for binding in bindings(for: mode) {
                let keys = binding.keys.map { markdownKey($0.displayName) }.joined(separator: " ")
                lines.append("| \(keys) | \(binding.help.replacingOccurrences(of: "|", with: "\\|")) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A key name as a Markdown code span that is safe in a table cell.
    private static func markdownKey(_ name: String) -> String {
        switch name {
        case "|": return "`\\|`"
        case "`": return "`` ` ``"
        default: return "`\(name)`"
        }
    }
}
