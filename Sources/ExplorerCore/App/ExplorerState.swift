import CognitoTriggers
@_spi(Testing) import JSONDocument
import TerminalText

/// How the screen may use colour.
public enum ColorMode: Hashable, Sendable {
    /// 256 colours.
    case full
    /// The 8 base colours: every other colour is mapped to the nearest of them.
    case eight
    /// No colour at all (`NO_COLOR`): attributes such as bold and reverse only.
    case none
}

/// Settings the caller chooses, usually from the command line and the environment.
public struct ExplorerOptions: Hashable, Sendable {
    public var colorMode: ColorMode
    /// Files summarized per `Effect.load`, so the first frame never waits for a large folder.
    public var batchSize: Int
    /// Below this size the screen says it is too small.
    public var minimumWidth: Int
    public var minimumHeight: Int
    /// The command that runs the user's trigger function for `x` (from `--function` or
    /// `COGNITO_EXPLORER_FUNCTION`); nil when none is configured.
    public var functionCommand: String?
    /// Whether clicks and the wheel act (off with `--no-mouse`, which leaves the mouse to the terminal).
    public var mouse: Bool

    public init(colorMode: ColorMode = .full, batchSize: Int = 250, minimumWidth: Int = 60, minimumHeight: Int = 16,
                functionCommand: String? = nil, mouse: Bool = true) {
        self.functionCommand = functionCommand
        self.mouse = mouse
        self.colorMode = colorMode
        self.batchSize = max(1, batchSize)
        self.minimumWidth = minimumWidth
        self.minimumHeight = minimumHeight
    }
}

/// Which pane has the focus.
public enum Pane: Hashable, Sendable {
    case list, request, response
}

/// A line for the status bar, coloured by how serious it is.
public struct StatusMessage: Hashable, Sendable {
    public enum Severity: Hashable, Sendable { case info, success, warning, error }
    public var text: String
    public var severity: Severity
    public init(_ text: String, _ severity: Severity = .info) {
        self.text = text
        self.severity = severity
    }
}

/// Where quitting stands.
enum Quitting: Hashable, Sendable {
    /// Not quitting.
    case no
    /// Saving before quitting: the events whose saves (`SavePurpose.beforeQuitting`) have not
    /// answered yet, and the events with no file of their own still to be named, in order.
    case savingFirst(saving: Set<EventSource>, toName: [EventSource])
    /// Quitting with this exit status: the `.quit` effect has been asked for.
    case now(status: Int32)
}

/// The whole explorer as a value: event list, open events, panes, prompts and messages.
///
/// The run loop owns one state, feeds it `Action`s with `apply(_:)`, performs the `Effect`s it
/// returns (see `EffectRunner`), and draws `render()` after each change. Nothing here touches
/// files or the terminal.
public struct ExplorerState: Sendable {
    public let options: ExplorerOptions
    /// The screen size last reported.
    public private(set) var width: Int
    public private(set) var height: Int

    /// The paths the user named.
    let inputPaths: [String]
    /// Every file, in the order found; summaries fill in as batches load.
    var entries: [FileSummary] = []
    var indexByEvent: [EventSource: Int] = [:]
    /// The problems of paths that gave no file.
    var pathProblems: [InputProblem] = []
    var isExpanding = true
    /// How many entries have been asked for, and how many have arrived.
    var requestedCount = 0
    var loadedCount = 0
    /// Set once the first `.load` batch has been asked for.
    var isSummarizing = false

    /// Entry indexes shown in the list, after filter and sort.
    var visible: [Int] = []
    var listCursor = 0
    var listScroll = 0
    var filter = ""
    var sortByTrigger = false
    /// The widest name and user among the listed files, in the columns the row draws them in.
    var listNameWidth = 0
    var listUserWidth = 0
    /// The widest problem count among the listed files (`2✗ 1!`), in columns; 0 when none has a problem.
    var listCountsWidth = 0
    /// The list's width steps, the list hidden, and whether the focused pane is zoomed.
    var listAdjust = 0
    var listHidden = false
    var zoomed = false

    var focus: Pane = .list
    /// Opened events: the current one, and any with unsaved edits.
    var sessions: [EventSource: EventSession] = [:]
    /// The event shown in the trees (a file may still be opening).
    public internal(set) var currentEvent: EventSource?

    var overlay: Overlay?
    var message: StatusMessage?
    /// Where quitting stands (the question itself is the overlay `ConfirmPurpose.quit`).
    var quitting = Quitting.no
    /// The logs and standard input being read, in the order named, with what each gave so far.
    var sources: [SourceState] = []
    /// The text of each event found in a source, by its identity (`.log`): its session is made
    /// from it whenever it is shown (sessions without edits are dropped when another event is shown).
    var captured: [EventSource: [UInt8]] = [:]
    /// Files whose recovery file was already offered in this run (offered once, however often
    /// the file is opened again).
    var recoveryOffered: Set<String> = []
    /// The event the user's function is running on, while it runs.
    public internal(set) var runningFunction: EventSource?
    /// True once the state has asked to quit.
    public var hasQuit: Bool {
        if case .now = quitting { return true }
        return false
    }

    /// Creates a state for `paths` (files and folders) at a screen size; call `start()` for the first effects.
    public init(paths: [String], options: ExplorerOptions = ExplorerOptions(), width: Int = 80, height: Int = 24) {
        self.inputPaths = paths
        self.options = options
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The effects that begin loading: find the files.
    public mutating func start() -> [Effect] {
        isExpanding = true
        return [.expand(paths: inputPaths)]
    }

    /// The mode the next key is read in.
    public var mode: Mode {
        switch overlay {
        case .help(let help)?: return help.editor == nil ? .help : .textInput
        case .pager(let pager)?: return pager.result == nil ? .pager : .functionResult
        case .text(let viewer)?: return viewer.isRaw ? .rawView : .pager
        case .prompt?: return .textInput
        case .picker?: return .enumPicker
        case .confirm(let confirm)?:
            switch confirm.purpose {
            case .quit: return .confirm
            case .replaceFile: return .replaceFile
            case .reload: return .reloadFile
            }
        case .recovery?: return .recovery
        case .raw?: return .rawEdit
        case .triggerMap?: return .triggerMap
        case nil:
            switch focus {
            case .list: return .list
            case .request: return .tree
            case .response: return .response
            }
        }
    }

    /// The pane with the focus.
    public var focusedPane: Pane { focus }

    /// The pane sizes the layout uses: the list sized to its rows, then the user's choices.
    var paneSizes: PaneSizes {
        let counts = listCountsWidth > 0 ? listCountsWidth + 1 : 0
        let content = listNameWidth == 0 ? nil : 2 + 3 + listNameWidth + 1 + 10 + 1 + min(listUserWidth, 36) + counts
        return PaneSizes(listContent: content, listAdjust: listAdjust, listHidden: listHidden, zoomed: zoomed ? focus : nil)
    }

    /// The current status message, if any.
    public var statusMessage: StatusMessage? { message }

    /// The number of files found, and how many of them are summarized.
    public var progress: (loaded: Int, total: Int) { (loadedCount, entries.count) }

    /// True while files are still being found or summarized.
    public var isLoading: Bool { isExpanding || loadedCount < entries.count || sources.contains { !$0.isFinished } }

    /// The events with edits not saved yet: files, new events with no file yet, and events from
    /// logs, in the order of their names.
    public var unsavedEvents: [EventSource] {
        sessions.values.filter(\.hasUnsavedEdits).map(\.source).sorted { $0.name < $1.name }
    }

    /// The files the run loop should watch for outside changes: the current file and every file
    /// with unsaved edits, once opened (new events have no file to watch).
    public var watchedFiles: [String] {
        var paths = unsavedEvents.compactMap(\.file)
        if let file = currentSession?.source.file, !paths.contains(file) {
            paths.insert(file, at: 0)
        }
        return paths
    }

    /// The JSON path under the cursor of the focused tree, if any.
    public var cursorPath: JSONPath? {
        guard let session = currentSession else { return nil }
        switch focus {
        case .list: return nil
        case .request: return session.request.currentRow(in: session.document)?.path
        case .response: return session.response.currentRow(in: session.document)?.path
        }
    }

    /// The text of the current file as edited so far, when it is JSON.
    public var currentDocumentBytes: [UInt8]? { currentSession?.event?.document.bytes }

    /// The storage identity of the current file's document (see `JSONDocument.storageIdentity`).
    @_spi(Testing) public var currentStorageIdentity: ObjectIdentifier? { currentSession?.event?.document.storageIdentity }

    /// The path of the file shown, when the event shown is a file of its own.
    public var currentFile: String? { currentEvent?.file }

    var currentSession: EventSession? {
        guard let currentEvent else { return nil }
        return sessions[currentEvent]
    }

    /// Changes the current session in place.
    mutating func withCurrentSession<T>(_ body: (inout EventSession) -> T) -> T? {
        guard let currentEvent, var session = sessions[currentEvent] else { return nil }
        sessions[currentEvent] = nil
        let result = body(&session)
        sessions[currentEvent] = session
        return result
    }

    // MARK: Update

    /// Applies an action and returns the effects the run loop must perform.
    public mutating func apply(_ action: Action) -> [Effect] {
        let effects = update(action)
        // A file that changed on disk while it had edits is read again as soon as it has none.
        return effects + reloadFilesChangedOnDisk()
    }

    private mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handleKey(key)
        case .mouse(let event):
            return handleMouse(event)
        case .resize(let width, let height):
            self.width = max(0, width)
            self.height = max(0, height)
            keepCursorsVisible()
            return []
        case .expanded(let files, let problems, let sources):
            return didExpand(files: files, problems: problems, sources: sources)
        case .sourceRead(let report):
            return didRead(report)
        case .loaded(let summaries):
            return didLoad(summaries)
        case .opened(let opened):
            return didOpen(opened)
        case .saved(let purpose, let path, let bytes, let method):
            return didSave(purpose, path: path, bytes: bytes, method: method)
        case .copyIsTheOriginal(let purpose, _):
            return saveOwnFile(purpose.event)
        case .saveFailed(let purpose, let path, let error):
            return didFailSaving(purpose, path: path, error: error)
        case .editorFinished(let target, let outcome):
            return editorFinished(target, outcome)
        case .fileChangedOnDisk(let path):
            return fileChanged(path: path)
        case .functionFinished(let report):
            return functionFinished(report)
        case .interruptFunction:
            return runningFunction == nil ? [] : stopFunction()
        case .interrupt:
            return handleKey(.ctrl("c"))
        case .paste(let text):
            return paste(text)
        case .recoveryFound(let path, let bytes):
            return offerRecovery(path: path, bytes: bytes)
        }
    }

    mutating func handleKey(_ key: Key) -> [Effect] {
        if key == .resize { return [] }
        if overlay == nil { message = nil }
        // Esc stops a running function from any pane; the result view opens when it has stopped.
        if runningFunction != nil, key == .escape, overlay == nil { return stopFunction() }
        switch overlay {
        case .help?: return handleHelpKey(key)
        case .pager?, .text?: return handleScrollingOverlay(key)
        case .prompt?: return handlePromptKey(key)
        case .picker?: return handlePickerKey(key)
        case .confirm?: return handleConfirmKey(key)
        case .recovery?: return handleRecoveryKey(key)
        case .raw?: return handleRawKey(key)
        case .triggerMap?: return handleTriggerMapKey(key)
        case nil: break
        }
        guard let command = Keymap.command(for: key, in: mode) else {
            // Named as the key tables name it: Space, Ctrl-X, F5, ←.
            message = StatusMessage("\(key.displayName) does nothing here; press ? for the keys of this pane")
            return []
        }
        return run(command)
    }

    /// Runs a command of the list, tree or response mode.
    mutating func run(_ command: Command) -> [Effect] {
        switch command {
        case .help:
            overlay = .help(HelpState())
            return []
        case .quit:
            return requestQuit()
        case .interrupt:
            return requestQuit(interrupted: true)
        case .nextPane:
            cycleFocus(forward: true)
            return []
        case .previousPane:
            cycleFocus(forward: false)
            return []
        case .undo, .redo:
            undoRedo(redo: command == .redo)
            return []
        case .save:
            return saveCurrent()
        case .saveAs:
            return beginSaveAs()
        case .rawEdit:
            beginRawEdit()
            return []
        case .triggerMap:
            openTriggerMap()
            return []
        case .reload:
            return requestReload()
        case .narrowList, .widenList, .toggleList, .zoom:
            changeLayout(command)
            return []
        case .nextProblem, .previousProblem:
            stepProblem(forward: command == .nextProblem)
            return []
        case .runFunction:
            return runFunction()
        default:
            break
        }
        switch focus {
        case .list: return runListCommand(command)
        case .request, .response: return runTreeCommand(command)
        }
    }

    /// `<` `>` narrow and widen the list, `L` hides or shows it, `Z` zooms the focused pane.
    mutating func changeLayout(_ command: Command) {
        switch command {
        case .narrowList, .widenList:
            if listHidden || zoomed {
                listHidden = false
                zoomed = false
            }
            let before = layout.list.width
            listAdjust += command == .widenList ? 1 : -1
            let after = layout.list.width
            if after == before { listAdjust -= command == .widenList ? 1 : -1 }
            message = StatusMessage(after == before ? "the list is as \(command == .widenList ? "wide" : "narrow") as it can be" : "list \(after) columns wide")
        case .toggleList:
            listHidden.toggle()
            zoomed = false
            if listHidden && focus == .list && currentSession != nil { focus = .request }
            message = StatusMessage(listHidden ? "list hidden: L shows it again" : "list shown")
        case .zoom:
            zoomed.toggle()
            message = StatusMessage(zoomed ? "zoomed: Z goes back to all panes; Tab moves the zoom to the next pane" : "all panes")
        default:
            break
        }
        keepCursorsVisible()
    }

    mutating func cycleFocus(forward: Bool) {
        var order: [Pane] = listHidden && currentSession != nil ? [] : [.list]
        if let session = currentSession {
            order.append(.request)
            if session.hasResponsePane { order.append(.response) }
        }
        let index = order.firstIndex(of: focus) ?? 0
        focus = order[(index + (forward ? 1 : order.count - 1)) % order.count]
    }
}
