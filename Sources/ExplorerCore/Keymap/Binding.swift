/// One entry of a keymap: the keys, the command they run, and a short description for help screens.
public struct Binding: Hashable, Sendable {
    /// The keys that run the command; the first is the one hints show.
    public let keys: [Key]
    /// What the keys do.
    public let action: Command
    /// A few words for the status bar and the help screen, such as "expand".
    public let help: String
    /// One or two words for the status bar, or nil when the binding is not shown there.
    public let hint: String?

    /// Creates a binding; a `hint` puts it in the status bar of its mode.
    public init(keys: [Key], action: Command, help: String, hint: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.hint = hint
    }

    /// The keys as people read them: `↓ j`, `Ctrl-S`.
    public var keyLabel: String { keys.map(\.displayName).joined(separator: " ") }
}

/// What the explorer is doing, which decides the keymap in use.
public enum Mode: String, Hashable, Sendable, CaseIterable {
    /// The event list has the focus.
    case list
    /// The request tree has the focus.
    case tree
    /// The response editor has the focus.
    case response
    /// A one-line text prompt is open (values, filters, searches, file names).
    case textInput
    /// A list of allowed values is open.
    case enumPicker
    /// A question with a few answers is open (save, discard or cancel).
    case confirm
    /// A recovery file was found beside a file being opened: restore, discard or keep it.
    case recovery
    /// The question whether to replace an existing file is open (`W` to a name that exists).
    case replaceFile
    /// The question whether to reload a file from disk and drop its unsaved edits is open (`R`).
    case reloadFile
    /// The help screen is open.
    case help
    /// A long string is shown whole.
    case pager
    /// The event's JSON text is shown as the file holds it.
    case rawView
    /// The raw editor is open: any path, any JSON value.
    case rawEdit
    /// The trigger map is open: the journeys with their triggers in Cognito's order.
    case triggerMap
    /// The report of the user's function on an event is open.
    case functionResult

    /// The heading of this mode on the help screen.
    public var title: String {
        switch self {
        case .list: return "Event list"
        case .tree: return "Request tree"
        case .response: return "Response editor"
        case .textInput: return "Text input"
        case .enumPicker: return "Value picker"
        case .confirm: return "Save, discard or cancel"
        case .recovery: return "Recovery file found"
        case .replaceFile: return "Replace an existing file"
        case .reloadFile: return "Reload from disk, dropping edits"
        case .help: return "Help screen"
        case .pager: return "Text viewer"
        case .rawView: return "Raw view (the event's text as in the file)"
        case .rawEdit: return "Raw edit (any path, any JSON value)"
        case .triggerMap: return "Trigger map"
        case .functionResult: return "Your function's result"
        }
    }
}

extension Mode {
    /// The modes in the groups the help screen and the README list them in; each mode once.
    public static let groups: [(title: String, modes: [Mode])] = [
        ("Panes", [.list, .tree, .response]),
        ("Prompts and questions", [.textInput, .enumPicker, .rawEdit, .confirm, .recovery, .replaceFile, .reloadFile]),
        ("Viewers and maps", [.help, .pager, .rawView, .functionResult, .triggerMap]),
    ]
}
