import CognitoTriggers
import EventSources
import JSONDocument

/// Something that happened, fed to `ExplorerState.apply(_:)`: a key, a resize, or the result of an effect.
public enum Action: Sendable {
    /// The user pressed a key.
    case key(Key)
    /// A click or a wheel notch at a cell of the screen (ignored when `ExplorerOptions.mouse` is off).
    case mouse(MouseEvent)
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// The result of `Effect.expand`: the files found, the problem of each path that gave none,
    /// and the sources (logs, standard input) to read events from.
    case expanded(files: [String], problems: [InputProblem], sources: [String] = [])
    /// What a source (`Effect.readSource`) gave since its last report; reports keep coming until
    /// one is finished.
    case sourceRead(SourceReport)
    /// The result of `Effect.load`: one summary per file of the batch, in the same order.
    case loaded([FileSummary])
    /// The result of `Effect.open`: a file read and parsed for the tree and the editor.
    case opened(EventFiles.Opened)
    /// The result of `Effect.save`, `.create` or `.saveCopy`: the bytes now on disk at `path`, how
    /// they were written, and the purpose the effect carried, unchanged.
    case saved(SavePurpose, path: String, bytes: [UInt8], method: SaveMethod = .replaced)
    /// The result of `Effect.saveCopy` when the copy's name is the open file itself: save it plainly.
    case copyIsTheOriginal(SavePurpose, path: String)
    /// The result of `Effect.save`, `.create` or `.saveCopy` when nothing was written, with the
    /// effect's purpose unchanged; the edits stay in memory. `.alreadyExists` is a file at the name
    /// of a create or of a copy not meant to replace it; `.changedOnDisk` another program's change
    /// to the file since it was read.
    case saveFailed(SavePurpose, path: String, error: FileError)
    /// The result of `Effect.openEditor` for `target`: the edited text, or why there is none.
    case editorFinished(EditorTarget, Result<String, EditorFailure>)
    /// The file at `path` changed on disk (the run loop may watch files and report it).
    case fileChangedOnDisk(path: String)
    /// The result of `Effect.runFunction`: the report of the user's function on the event.
    case functionFinished(FunctionReport)
    /// Ctrl-C while the user's function runs: stop it (the run loop sends this instead of quitting).
    case interruptFunction
    /// Ctrl-C (SIGINT under cbreak): cancels a prompt or input; at the top level quits, asking
    /// first when edits are unsaved. Handled exactly like the key `.ctrl("c")`.
    case interrupt
    /// Text pasted into the terminal (bracketed paste), inserted into a text input at once.
    case paste(String)
    /// The result of `Effect.findRecovery`: a recovery file beside `path` holds these bytes.
    case recoveryFound(path: String, bytes: [UInt8])
}

/// Work the run loop does for the state, reporting the result back as an `Action`.
public enum Effect: Hashable, Sendable {
    /// Turn the paths the user named into files (folders searched for `*.json`); answer `.expanded`.
    case expand(paths: [String])
    /// Read the events of a log or of standard input (`-`), reporting them with `.sourceRead`; a
    /// source that stays open (a pipe) keeps reporting as events arrive.
    case readSource(path: String)
    /// Read a batch of files and summarize each for the list; answer `.loaded` with one summary per path.
    case load(paths: [String])
    /// Read and parse one file completely; answer `.opened`.
    case open(path: String)
    /// Write `bytes` to `path` atomically, refusing when the file no longer has the fingerprint
    /// `expected` (nil: create or overwrite); answer `.saved` or `.saveFailed` with `purpose`.
    case save(path: String, bytes: [UInt8], expected: Fingerprint?, purpose: SavePurpose)
    /// Write `bytes` to a new file at `path` (atomically), refusing when a file is there already
    /// (`.alreadyExists`); answer `.saved` or `.saveFailed` with `purpose`.
    case create(path: String, bytes: [UInt8], purpose: SavePurpose)
    /// Write a copy of the event from `original` to `path`. Unless `replacing`, a file already at
    /// `path` is not touched: answer `.saveFailed` with `.alreadyExists` (or `.copyIsTheOriginal`
    /// when it is the original itself); otherwise `.saved` or `.saveFailed`, all with `purpose`.
    case saveCopy(path: String, bytes: [UInt8], original: String, replacing: Bool, purpose: SavePurpose)
    /// Let the user edit `text` in `$VISUAL` or `$EDITOR` (a temporary file with this extension);
    /// answer `.editorFinished` with `target`.
    case openEditor(text: String, fileExtension: String, target: EditorTarget)
    /// Run the user's function (`command`, split as a shell would) on `event`, the text of the
    /// event `source`, as Lambda would; answer `.functionFinished`. Performed without blocking keys.
    case runFunction(command: String, event: [UInt8], region: String?, source: EventSource)
    /// Stop the function that is running (its whole process group); its run still answers.
    case stopFunction
    /// Put `text` on the clipboard of the terminal (OSC 52: it works over SSH, and in tmux with
    /// `set-clipboard on`); nothing to answer. A headless run has no terminal and does nothing.
    case copyToClipboard(text: String)
    /// Leave the program with this exit status.
    case quit(status: Int32)
    /// Look for a recovery file beside `path` (see `RecoveryFile`); answer `.recoveryFound` when
    /// there is one, nothing otherwise.
    case findRecovery(path: String)
    /// Delete the recovery file beside `path`, if any; no answer.
    case removeRecovery(path: String)
}

/// What a save is for. Each save effect carries one, and its result hands it back unchanged, so
/// the state acts on what the save was for, never on which path it wrote.
public enum SavePurpose: Hashable, Sendable {
    /// `w`: this event, to its own file.
    case ownFile(EventSource)
    /// `W`: a copy of this event, written under another name; the event keeps its edits.
    case copy(of: EventSource)
    /// The first file of this event (a new event, or one from a log); the event then lives in
    /// that file.
    case firstFile(of: EventSource)
    /// A save made while quitting (its `ownFile` or `firstFile` save): once every such save has
    /// answered, the explorer quits; when one fails, it stays open.
    indirect case beforeQuitting(SavePurpose)

    /// The event being saved.
    public var event: EventSource {
        switch self {
        case .ownFile(let key), .copy(of: let key), .firstFile(of: let key): return key
        case .beforeQuitting(let purpose): return purpose.event
        }
    }
}

/// Why the external editor gave back no text; the value it was to edit stays as it was.
public enum EditorFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// Neither `$VISUAL` nor `$EDITOR` is set.
    case noEditor
    /// A run without a terminal, given no text to use in the editor's place (`--editor-text`).
    case headless
    /// The temporary file for the editor could not be written.
    case couldNotWrite(FileError)
    /// The editor command could not be started.
    case couldNotStart(command: String, reason: String)
    /// The editor ended with a status other than 0.
    case exited(status: Int32)
    /// The temporary file could not be read back after the editor ended.
    case couldNotRead(FileError)

    /// What went wrong and what to do, for the status bar.
    public var description: String {
        switch self {
        case .noEditor: return "set $VISUAL or $EDITOR to edit text in your editor"
        case .headless: return "no editor in a headless run (give --editor-text to supply the edited text)"
        case .couldNotWrite(let error), .couldNotRead(let error): return error.description
        case .couldNotStart(let command, let reason): return "could not start the editor \(command): \(reason)"
        case .exited(let status): return "the editor exited with status \(status); the value is unchanged"
        }
    }
}

/// The field an external editor is editing: the event and the field's path. The `.openEditor`
/// effect carries it and `.editorFinished` brings it back.
public struct EditorTarget: Hashable, Sendable {
    /// The event.
    public var event: EventSource
    /// The path of the text field in the event.
    public var field: JSONPath

    /// A target for the field at `field` of `event`.
    public init(event: EventSource, field: JSONPath) {
        self.event = event
        self.field = field
    }
}
