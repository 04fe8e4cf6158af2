import Foundation
import JSONDocument

/// A message for a prompt whose input cannot be used.
struct PromptError: Error, Hashable, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}

/// What a text prompt is for.
enum PromptPurpose: Hashable, Sendable {
    /// Filter the event list, live; the previous filter comes back on cancel.
    case filter(previous: String)
    /// Search keys and values of both trees as the user types, from where the search began.
    case search(SearchStart)
    /// Set the value at a path.
    case editValue(path: JSONPath)
    /// The key of a new map entry; the value is asked next.
    case addKey(map: JSONPath)
    /// The value of a new entry: a map entry when `key` is set, else a list element.
    case addValue(collection: JSONPath, key: String?)
    /// A file name to write a copy to.
    case saveAs
    /// A file name for a new event (from the trigger map), which has no file yet.
    case saveNew(key: EventSource)
}

/// Where a search began: matches are looked for from there, and Esc goes back to it.
struct SearchStart: Hashable, Sendable {
    var focus: Pane
    var view: TreeView.Saved
    /// The tree order of the cursor's row (see `SearchMatch.order`).
    var order: [Int]
    /// The search that was active before, back on Esc.
    var previous: TreeSearch?
}

/// A one-line prompt over the screen.
struct Prompt: Hashable, Sendable {
    var title: String
    var editor: LineEditor
    var purpose: PromptPurpose
    var error: String?
}

/// What choosing in the picker does.
enum PickerPurpose: Hashable, Sendable {
    case setValue(JSONPath)
    case appendValue(JSONPath)
}

/// A list of values to choose from.
struct Picker: Hashable, Sendable {
    var title: String
    var options: [String]
    var cursor: Int
    var purpose: PickerPurpose
}

/// What a question over the panes is about.
enum ConfirmPurpose: Hashable, Sendable {
    /// Unsaved edits at quitting: save, discard or cancel.
    case quit
    /// `W` named an existing file: replace it, or keep it and type another name.
    case replaceFile(String)
    /// `R` on a file with unsaved edits: read it again from disk, dropping them, or keep them.
    case reload(String)
}

/// A question with a few answers (the keymap of its mode lists them).
struct Confirm: Hashable, Sendable {
    var question: String
    var purpose: ConfirmPurpose
}

/// Unsaved edits found in a recovery file beside a file being opened.
struct RecoveryOffer: Hashable, Sendable {
    /// The event file the edits belong to.
    var path: String
    /// The edited text the recovery file holds.
    var bytes: [UInt8]
}

/// The raw editor: any path, any JSON value.
struct RawForm: Hashable, Sendable {
    var path: LineEditor
    var value: LineEditor
    var isEditingValue: Bool
    var error: String?
}

/// The help screen: how far it is scrolled, and its search.
struct HelpState: Hashable, Sendable {
    var scroll = 0
    /// The search text, while a search is active (its matches are highlighted).
    var query: String?
    /// The search being typed; nil when the keys scroll the help.
    var editor: LineEditor?
    /// Where the search being typed began, and the search before it: Esc goes back to them.
    var startScroll = 0
    var previousQuery: String?
    var previousMatchLine: Int?
    /// The line of the match the view was last moved to.
    var matchLine: Int?
}

/// A long text shown whole.
struct Pager: Hashable, Sendable {
    var title: String
    var text: String
    var scroll: Int
    /// Set when the text is the report of the user's function, which Enter can apply.
    var result: FunctionReport? = nil
}

/// What covers the panes, taking the keys.
enum Overlay: Hashable, Sendable {
    case help(HelpState)
    case pager(Pager)
    /// A long text laid out a screen at a time: the raw view, or a long string value.
    case text(TextViewer)
    case prompt(Prompt)
    case picker(Picker)
    case confirm(Confirm)
    case recovery(RecoveryOffer)
    case raw(RawForm)
    case triggerMap(TriggerMapState)
}
