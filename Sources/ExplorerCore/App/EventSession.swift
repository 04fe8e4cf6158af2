import CognitoTriggers
import JSONDocument

/// The rows, cursor, scroll position and expansion of one tree pane.
struct TreePane: Sendable {
    var rows = TreeRows()
    var cursor = 0
    var scroll = 0
    var expansion = Expansion()

    /// Row `index`, made from `document` (the session's, which the rows were made from); nil
    /// out of range or without a document.
    func row(_ index: Int, in document: JSONDocument?) -> TreeRow? {
        guard let document, rows.indices.contains(index) else { return nil }
        return rows.row(index, in: document)
    }

    /// The row under the cursor.
    func currentRow(in document: JSONDocument?) -> TreeRow? { row(cursor, in: document) }

    /// The index of the row at a path, or nil when no row shows it.
    func index(of path: JSONPath, in document: JSONDocument?) -> Int? {
        guard let document else { return nil }
        return rows.index(of: path, in: document)
    }
}

/// Where an open event comes from, which says where it is saved; it is also the event's identity
/// in the list and among the sessions.
///
/// Identities are told apart by their kind, never by the text of a name: a file may be called
/// anything, even `new: PreSignUp_SignUp` or `app.log:412`. When a new event, or one from a log,
/// is written to its first file, its identity becomes `.file` and its session and list entry move
/// with it (`ExplorerState.adoptFile`).
public enum EventSource: Hashable, Sendable {
    /// A file of its own, at this path.
    case file(path: String)
    /// A new event made from a template, with no file yet; `name` is the trigger source, with a
    /// number after the first (`PreSignUp_SignUp (2)`).
    case new(name: String)
    /// An event found in a log or standard input, listed under `key` (`app.log:412`, with a number
    /// after it when the same origin gave two events); it is edited in memory and written only to
    /// a new file.
    case log(key: String)

    /// The text the list and the messages show for the event: the file's path, `new: NAME`, or
    /// the log's key. Only for people to read: two events may show the same text.
    public var name: String {
        switch self {
        case .file(let path): return path
        case .new(let name): return "new: " + name
        case .log(let key): return key
        }
    }

    /// The path of the event's own file, or nil for a new event or one from a log.
    public var file: String? {
        if case .file(let path) = self { return path }
        return nil
    }

    /// True for an event found in a log or standard input.
    public var isFromLog: Bool {
        if case .log = self { return true }
        return false
    }
}

/// One file opened for reading and editing: its document, its problems and the state of its panes.
///
/// Sessions with unsaved edits stay in memory while other events are shown, so no edit is lost
/// by moving through the list.
struct EventSession: Sendable {
    /// What the file holds.
    enum Content: Sendable {
        case event(TriggerEvent)
        /// No event: why (never `.document`), and for JSON that does not parse the bytes, to show
        /// the lines around the error.
        case notEvent(EventFiles.Outcome, bytes: [UInt8])
    }

    /// Where the event comes from: its own file, a template, or a log.
    private(set) var source: EventSource
    /// The fingerprint of the file as last loaded or saved: a save is refused when the file on disk
    /// no longer has it. (A fingerprint rather than the bytes: a large event is not held twice.)
    var disk: Fingerprint?
    /// True when another program changed the file while this session held edits: the edits are
    /// kept, a save is refused, and the file is read again once the edits are undone or dropped.
    var changedOnDisk = false
    var content: Content
    var problems: [Problem] = []
    /// Problems by the dotted path of their field.
    var problemsByPath: [String: [Problem]] = [:]
    var request = TreePane()
    var response = TreePane()
    /// The search over both trees, while one is active; redone after every edit.
    var search: TreeSearch?

    init(_ opened: EventFiles.Opened) {
        source = .file(path: opened.path)
        disk = Fingerprint(opened.bytes)
        switch opened.outcome {
        case .document(let event): content = .event(event)
        case .notJSON: content = .notEvent(opened.outcome, bytes: opened.bytes)
        default: content = .notEvent(opened.outcome, bytes: [])
        }
        revalidate()
        rebuildRows()
    }

    /// A session for a new event with no file, named `name` (see `EventSource.new`).
    init(newEvent event: TriggerEvent, name: String) {
        source = .new(name: name)
        disk = nil
        content = .event(event)
        revalidate()
        rebuildRows()
    }

    /// A session for an event found in a source, listed under `key` (`app.log:412`).
    init(captured bytes: [UInt8], key: String) {
        source = .log(key: key)
        disk = nil
        do { content = .event(try TriggerEvent(bytes: bytes)) } catch { content = .notEvent(.notJSON(error), bytes: bytes) }
        revalidate()
        rebuildRows()
    }

    /// Makes a new event, or one from a log, the session of the file it was just written to.
    mutating func adopt(path: String, bytes: [UInt8]) {
        source = .file(path: path)
        didSave(bytes)
    }

    var event: TriggerEvent? {
        if case .event(let event) = content { return event }
        return nil
    }

    var trigger: Trigger? { event?.trigger }

    /// The event's document, which the rows of both panes were made from.
    var document: JSONDocument? { event?.document }

    /// True when the response editor has rows or a note to show (a known trigger).
    var hasResponsePane: Bool { trigger != nil }

    /// True when the event holds edits no file has: a new event always does, until it has a file.
    var hasUnsavedEdits: Bool {
        if case .new = source { return true }
        return event?.document.hasUnsavedEdits ?? false
    }

    var summary: FileSummary {
        switch content {
        case .event(let event):
            return FileSummary(source: source, event: event, problems: problems)
        case .notEvent(let outcome, _): return FileSummary(source: source, notEvent: outcome)
        }
    }

    /// Runs the document through an edit; validation and rows follow. Returns the error, if any.
    mutating func edit(_ body: (inout JSONDocument) throws(JSONEditError) -> Void) -> JSONEditError? {
        let cursors = cursorPaths
        let outcome = modifyEvent { event -> JSONEditError? in
            do throws(JSONEditError) { try body(&event.document) } catch { return error }
            return nil
        }
        guard let failure = outcome else { return nil }  // no event
        refresh(cursors: cursors, changed: failure == nil)
        return failure
    }

    /// Undoes or redoes one edit; false when there is nothing to undo or redo.
    mutating func undoRedo(redo: Bool) -> Bool {
        let cursors = cursorPaths
        guard let done = modifyEvent({ redo ? $0.document.redo() : $0.document.undo() }) else { return false }
        refresh(cursors: cursors, changed: done)
        return done
    }

    /// The paths of the rows under the two cursors.
    private var cursorPaths: (request: JSONPath?, response: JSONPath?) {
        let document = self.document
        return (request.currentRow(in: document)?.path, response.currentRow(in: document)?.path)
    }

    /// Runs `body` on the event where it is; nil when the session holds no event.
    ///
    /// An enum's payload cannot be changed in place, so the event is taken out and put back; while
    /// it is out, `content` holds a placeholder, so the event's document is the one reference to
    /// its storage and an edit patches it instead of copying it.
    private mutating func modifyEvent<T>(_ body: (inout TriggerEvent) -> T) -> T? {
        guard case .event(var event) = content else { return nil }
        content = .notEvent(.empty, bytes: [])
        let result = body(&event)
        content = .event(event)
        return result
    }

    /// The document's bytes, for a save. Edits leave a gap in the stored text (see JSONDocument's
    /// Storage+Gap.swift), and while it is there `bytes` is a copy: 52 MB more for a large event.
    /// The gap is closed first, in place; the rows stay valid (closing it moves no node).
    mutating func bytesToSave() -> [UInt8]? {
        modifyEvent { event in
            event.document.closeGap()
            return event.document.bytes
        }
    }

    /// Records that the file on disk now holds `bytes`.
    mutating func didSave(_ bytes: [UInt8]) {
        disk = Fingerprint(bytes)
        changedOnDisk = false
        modifyEvent { event in
            if event.document.bytes == bytes { event.document.markSaved() }
        }
    }

    /// Validation and rows after the document changed; cursors stay on these paths where they still exist.
    private mutating func refresh(cursors: (request: JSONPath?, response: JSONPath?), changed: Bool) {
        if changed {
            revalidate()
            if let search, let event { self.search = search.rerun(in: event) }
        }
        rebuildRows(cursors: cursors, afterEdit: true)
    }

    /// Puts both trees back as they were: expansion, cursor paths and scroll (Esc in a search).
    mutating func restore(_ view: TreeView.Saved) {
        request.expansion = view.requestExpansion
        response.expansion = view.responseExpansion
        rebuildRows(cursors: (view.requestCursor, view.responseCursor), afterEdit: false)
        request.scroll = view.requestScroll
        response.scroll = view.responseScroll
    }

    /// What `restore` puts back.
    var savedView: TreeView.Saved {
        TreeView.Saved(requestExpansion: request.expansion, responseExpansion: response.expansion,
                       requestCursor: cursorPaths.request, responseCursor: cursorPaths.response,
                       requestScroll: request.scroll, responseScroll: response.scroll)
    }

    mutating func revalidate() {
        guard let event else {
            problems = []
            problemsByPath = [:]
            return
        }
        problems = event.validate()
        var byPath: [String: [Problem]] = [:]
        for problem in problems { byPath[problem.path.dottedString, default: []].append(problem) }
        problemsByPath = byPath
    }

    /// Rebuilds both trees' rows, keeping each cursor on the same path when it still exists.
    ///
    /// After an edit removed the row, the cursor keeps its index (the next row moves up under it);
    /// after a collapse hid it, the cursor moves to its nearest ancestor.
    mutating func rebuildRows() {
        rebuildRows(cursors: cursorPaths, afterEdit: false)
    }

    private mutating func rebuildRows(cursors: (request: JSONPath?, response: JSONPath?), afterEdit: Bool) {
        guard let event else {
            request.rows = TreeRows()
            response.rows = TreeRows()
            return
        }
        let document = event.document
        request.rows = TreeBuilder.requestRows(document: document, trigger: event.trigger, expansion: request.expansion)
        Self.restoreCursor(&request, to: cursors.request, keepIndex: afterEdit, in: document)
        if let trigger = event.trigger {
            response.rows = TreeBuilder.responseRows(document: document, trigger: trigger, expansion: response.expansion)
        } else {
            response.rows = TreeRows()
        }
        Self.restoreCursor(&response, to: cursors.response, keepIndex: afterEdit, in: document)
    }

    /// Puts the cursor back on `path`, or on its nearest ancestor still shown (after a collapse).
    private static func restoreCursor(_ pane: inout TreePane, to path: JSONPath?, keepIndex: Bool, in document: JSONDocument) {
        // Mostly the row is where it was (an edit of a value, an undo): no search through a long map.
        if let path, pane.currentRow(in: document)?.path == path { return }
        if let path, let index = pane.rows.index(of: path, in: document) {
            pane.cursor = index
            return
        }
        if let path, !keepIndex {
            var length = path.count - 1
            while length > 0 {
                let prefix = JSONPath(path.prefix(length))
                if let index = pane.rows.index(of: prefix, in: document) {
                    pane.cursor = index
                    return
                }
                length -= 1
            }
        }
        pane.cursor = max(0, min(pane.cursor, pane.rows.count - 1))
    }

    /// The worst problem at exactly this path, if any.
    func problem(at path: JSONPath) -> Problem? {
        problemsByPath[path.dottedString]?.min { $0.severity < $1.severity }
    }
}
