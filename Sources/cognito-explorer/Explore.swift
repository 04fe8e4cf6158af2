import ArgumentParser
import CognitoTriggers
import EventSources
import ExplorerCore
import Foundation
import JSONDocument
import NcursesBackend
import NIOConcurrencyHelpers
import TerminalText

#if canImport(Glibc)
import Glibc
#endif

/// `cognito-explorer [PATH...]`: the interactive terminal UI.
///
/// The loop is thin: it draws the state's grid, reads keys, and performs the effects the state asks
/// for, feeding their results back. Everything else lives in `ExplorerCore`, where it is tested
/// without a terminal.
struct Explore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the terminal explorer on event files and folders (the default command).",
        discussion: """
            With no path, opens the bundled fixtures folder (or, when events are piped in, standard \
            input). Logs, JSON lines and gzip files list every event found in them, named by line; \
            `-` reads the events from standard input and the keys from the terminal \
            (cat app.log | cognito-explorer -). Press ? inside for every key. Needs a terminal; for \
            plain output use `cognito-explorer show FILE`, for a headless screen `cognito-explorer render`.
            """
    )

    @Argument(help: "Event files, folders and logs; - for standard input (default: the bundled fixtures).")
    var paths: [String] = []

    @Option(help: "The command that runs your trigger function for 'x', such as 'python -m awslambdaric app.handler' (default: $COGNITO_EXPLORER_FUNCTION).")
    var function: String?

    @Flag(help: "Leave the mouse to the terminal, so dragging selects text as usual (default: clicks select panes and rows and the wheel scrolls; also off when $COGNITO_EXPLORER_NO_MOUSE is set and not empty). With the mouse on, Shift+drag selects text in most terminals.")
    var noMouse = false

    /// Whether the explorer takes the mouse: not with `--no-mouse`, nor when `COGNITO_EXPLORER_NO_MOUSE`
    /// is set to anything but the empty string.
    static func mouseWanted(noMouse: Bool, environment: [String: String]) -> Bool {
        !noMouse && (environment["COGNITO_EXPLORER_NO_MOUSE"] ?? "").isEmpty
    }

    func run() throws {
        // Events piped in (`cat app.log | cognito-explorer -`, or no path with a pipe on standard
        // input, as `less` does): they are read from a copy of standard input, and the keys come
        // from the terminal, which takes standard input's place.
        let stdinIsTerminal = isatty(STDIN_FILENO) == 1
        var inputs = paths
        if inputs.isEmpty && !stdinIsTerminal && isatty(STDOUT_FILENO) == 1 { inputs = ["-"] }
        let readsStandardInput = inputs.contains("-")
        if readsStandardInput && !stdinIsTerminal && isatty(STDOUT_FILENO) != 1 {
            printError("""
                cognito-explorer: the events come from standard input, but there is no terminal to show them on \
                (standard output is not a terminal). Without a terminal use `cognito-explorer check -`, `show -` \
                or `import - --into DIR`; for a screen, `cognito-explorer render -`.
                """)
            throw ExitCode(2)
        }
        guard isatty(STDOUT_FILENO) == 1, stdinIsTerminal || readsStandardInput else {
            printError("""
                cognito-explorer: not a terminal: the explorer needs an interactive terminal on stdin and stdout.
                For plain output use `cognito-explorer show FILE` or `cognito-explorer check PATH`; \
                for a screen without a terminal use `cognito-explorer render`.
                """)
            throw ExitCode(2)
        }
        var piped: Int32?
        if readsStandardInput {
            guard !stdinIsTerminal else {
                printError("""
                    cognito-explorer: - reads events from standard input, but standard input is the terminal; \
                    pipe the events in (cat app.log | cognito-explorer -) or name the log file
                    """)
                throw ExitCode(2)
            }
            piped = try Self.takeKeysFromTerminal()
        }
        if inputs.isEmpty {
            guard let fixtures = bundledFixturesPath() else {
                printError("cognito-explorer: no paths given and no bundled fixtures folder found; name event files or folders")
                throw ExitCode(2)
            }
            inputs = [fixtures]
        }
        let mouse = Self.mouseWanted(noMouse: noMouse, environment: ProcessInfo.processInfo.environment)
        let session: TerminalSession
        do { session = try TerminalSession.start(mouse: mouse) } catch {
            printError("cognito-explorer: \(error.description)")
            throw ExitCode(2)
        }
        let functionCommand = function ?? ProcessInfo.processInfo.environment["COGNITO_EXPLORER_FUNCTION"].flatMap { $0.isEmpty ? nil : $0 }
        let (status, notes) = TerminalLoop(session: session, paths: inputs, functionCommand: functionCommand, standardInput: piped, mouse: mouse).run()
        session.end()
        for note in notes { printError(note) }
        if status != 0 { throw ExitCode(status) }
    }

    /// Keeps what is piped into standard input on a new descriptor (returned) and puts the
    /// terminal (`/dev/tty`) in standard input's place, so curses reads keys from it.
    static func takeKeysFromTerminal() throws -> Int32 {
        let piped = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 3)
        guard piped >= 0 else {
            printError("cognito-explorer: cannot keep standard input open (errno \(errno))")
            throw ExitCode(2)
        }
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else {
            printError("""
                cognito-explorer: the events come from standard input, but there is no terminal to read keys from \
                (/dev/tty: \(String(cString: strerror(errno)))). Without a terminal use `cognito-explorer check -`, \
                `show -` or `import - --into DIR`.
                """)
            throw ExitCode(2)
        }
        guard dup2(terminal, STDIN_FILENO) == STDIN_FILENO else {
            printError("cognito-explorer: cannot read keys from the terminal (errno \(errno))")
            throw ExitCode(2)
        }
        close(terminal)
        return piped
    }
}

/// The run loop: state in, grid out, effects performed one at a time so the screen stays live.
struct TerminalLoop {
    let session: TerminalSession
    let paths: [String]
    let functionCommand: String?
    /// The descriptor that holds what was piped into standard input, when `-` reads it.
    let standardInput: Int32?
    /// Whether clicks and the wheel act (the session reports them only when this is on).
    let mouse: Bool

    /// Runs until the state quits or a signal ends the program; returns the exit status and the
    /// lines to print once the terminal is given back.
    func run() -> (status: Int32, notes: [String]) {
        let environment = ProcessInfo.processInfo.environment
        let colorMode = Self.colorMode(environment: environment, colorCount: session.colorCount)
        let size = session.size
        let state = ExplorerState(paths: paths, options: ExplorerOptions(colorMode: colorMode, functionCommand: functionCommand, mouse: mouse),
                                  width: size.width, height: size.height)
        // The user's function runs on its own thread; its report comes back through this box and
        // is applied between keys, so the screen stays live while it runs.
        let functions = FunctionRunner()
        // Whatever way the loop ends, the function and every process it started end too.
        defer { functions.close() }
        var running = Running(session: session, standardInput: standardInput, state: state, functions: functions)
        // For the end-to-end test that a crash gives the terminal back; debug builds only, so a
        // release build cannot be made to crash through its environment.
        #if DEBUG
        let crashAfterFirstFrame = environment["COGNITO_EXPLORER_TEST_CRASH"] == "after-first-frame"
        #else
        let crashAfterFirstFrame = false
        #endif
        running.start()
        while true {
            if let signal = session.takePendingSignal() {
                if let end = running.handle(signal: signal) { return end }
                continue
            }
            if session.takeBackAfterContinue() {
                running.needsDraw = true
            }
            if let effect = running.foreground.popFirst() {
                if let end = running.performWaitedFor(effect) { return end }
                continue
            }
            if running.applyFinishedFunction() { continue }
            running.applySourceReports()
            running.applyFilesChangedOnDisk()
            if !running.foreground.isEmpty { continue }
            if running.needsDraw {
                session.draw(running.state.render())
                running.needsDraw = false
                if crashAfterFirstFrame { crashDeliberately() }
            }
            if running.applyInput() { continue }
            running.performBackgroundEffect()
        }
    }

    /// How many colours to draw with: none when `NO_COLOR` is set (to anything), else as many as
    /// the terminal has.
    static func colorMode(environment: [String: String], colorCount: Int) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        switch colorCount {
        case 0..<8: return .none
        case 8..<256: return .eight
        default: return .full
        }
    }
}

extension TerminalLoop {
    /// What the loop holds from one turn to the next: the state, the effects waiting to run, and
    /// the mailboxes of the threads that run the user's function and read the sources.
    private struct Running {
        let session: TerminalSession
        /// The descriptor that holds what was piped into standard input, when `-` reads it.
        let standardInput: Int32?
        var state: ExplorerState
        let runner = EffectRunner()
        let functions: FunctionRunner
        let finished = NIOLockedValueBox<FunctionReport?>(nil)
        // Logs and standard input are read on threads of their own; what they find waits here
        // and is applied between keys, so a pipe that never ends never blocks the screen.
        let sourceInbox = SourceInbox()
        // Effects the user waits for (open, save, editor, quit) run before the next key is read, so
        // typed-ahead keys apply to the state they were meant for, exactly as in a headless run.
        // Summary loads of the list run one batch at a time between keys, so 10,000 files never
        // freeze the screen.
        var foreground: ArraySlice<Effect> = []
        var background: ArraySlice<Effect> = []
        var needsDraw = true
        var watcher = FileWatcher()

        init(session: TerminalSession, standardInput: Int32?, state: ExplorerState, functions: FunctionRunner) {
            self.session = session
            self.standardInput = standardInput
            self.state = state
            self.functions = functions
        }

        /// The effects the state asks for when it starts.
        mutating func start() {
            foreground = state.start()[...]
        }

        mutating func schedule(_ effects: [Effect]) {
            for effect in effects {
                if case .load = effect { background.append(effect) } else { foreground.append(effect) }
            }
        }

        /// Ctrl-C goes to the state; any other terminating signal ends the loop with 128 + the
        /// signal, once the unsaved edits are kept.
        mutating func handle(signal: Int32) -> (status: Int32, notes: [String])? {
            needsDraw = true
            if signal == SIGINT {
                // Ctrl-C: stops the user's function while it runs; otherwise cancels an input,
                // or quits (asking first when edits are unsaved).
                schedule(state.apply(state.runningFunction != nil ? .interruptFunction : .interrupt))
                return nil
            }
            // SIGTERM, SIGHUP and the other terminating signals: keep unsaved edits in recovery
            // files, then give the terminal back; saves go through a temporary file and a
            // rename, so nothing is half-written.
            return (128 + signal, TerminalLoop.keepUnsavedEdits(state, signal: signal))
        }

        /// Performs an effect the user waits for; returns the loop's end when it is `.quit`.
        mutating func performWaitedFor(_ effect: Effect) -> (status: Int32, notes: [String])? {
            needsDraw = true
            switch effect {
            case .quit(let status):
                return (status, [])
            case .openEditor(let text, let fileExtension, let target):
                let result = session.withSuspended { ExternalEditor.edit(text: text, fileExtension: fileExtension, for: target) }
                // A Ctrl-C typed in the editor was meant for the editor, not for the explorer.
                session.forgetCtrlC()
                schedule(state.apply(result))
            case .runFunction(let command, let event, let region, let source):
                let functions = self.functions, finished = self.finished
                Thread.detachNewThread {
                    let report = functions.run(command: command, event: event, region: region, source: source)
                    finished.withLockedValue { $0 = report }
                }
            case .stopFunction:
                functions.stop()
            case .readSource(let path):
                sourceInbox.startReading(path, standardInput: standardInput)
            case .copyToClipboard(let text):
                session.copyToClipboard(text)
            default:
                let action = runner.perform(effect)
                watcher.performed(effect)
                if let action { schedule(state.apply(action)) }
            }
            return nil
        }

        /// Applies the report of the user's function when its thread has left one; true when it did.
        mutating func applyFinishedFunction() -> Bool {
            guard let report = finished.withLockedValue({ value -> FunctionReport? in
                defer { value = nil }
                return value
            }) else { return false }
            needsDraw = true
            schedule(state.apply(.functionFinished(report)))
            return true
        }

        /// Everything the sources found since the last turn is applied at once, and the loop
        /// goes on to draw and read keys: a fast source never starves the keyboard.
        mutating func applySourceReports() {
            let reports = sourceInbox.take()
            if !reports.isEmpty {
                needsDraw = true
                for report in reports { schedule(state.apply(.sourceRead(report))) }
            }
        }

        /// About once a second, and only between keys: did an open file change on disk?
        mutating func applyFilesChangedOnDisk() {
            if watcher.isDue() {
                for path in watcher.changedFiles(among: state.watchedFiles) {
                    needsDraw = true
                    schedule(state.apply(.fileChangedOnDisk(path: path)))
                }
            }
        }

        /// Reads a key, a paste or a mouse event (waiting up to 0.1 s when no load is waiting)
        /// and applies it; true when there was one.
        mutating func applyInput() -> Bool {
            guard let input = session.readInput(timeoutMilliseconds: background.isEmpty ? 100 : 0) else { return false }
            needsDraw = true
            switch input {
            case .key(.resize):
                let size = session.size
                schedule(state.apply(.resize(width: size.width, height: size.height)))
            case .key(let key):
                schedule(state.apply(.key(key)))
            case .paste(let text):
                schedule(state.apply(.paste(text)))
            case .mouse(let event):
                schedule(state.apply(.mouse(event)))
            }
            return true
        }

        /// Performs one summary load of the list, between keys.
        mutating func performBackgroundEffect() {
            if let effect = background.popFirst() {
                needsDraw = true
                if let action = runner.perform(effect) { schedule(state.apply(action)) }
            }
        }
    }
}

extension TerminalLoop {
    /// Writes each file's unsaved edits to its recovery file (see `RecoveryFile`) and returns
    /// lines saying where they went, or why they could not be kept.
    static func keepUnsavedEdits(_ state: ExplorerState, signal: Int32) -> [String] {
        let name = signalName(signal)
        var notes: [String] = []
        for (path, bytes) in state.unsavedDocuments {
            do {
                try RecoveryFile.write(bytes, for: path)
                notes.append("cognito-explorer: \(name): unsaved edits of \(TerminalText.escaped(path)) kept in \(TerminalText.escaped(RecoveryFile.path(for: path))); open the file again to restore them")
            } catch {
                notes.append("cognito-explorer: \(name): could not keep the unsaved edits of \(TerminalText.escaped(path)): \(TerminalText.escaped(error.reason))")
            }
        }
        let newEvents = state.unsavedEvents.count - state.unsavedDocuments.count
        if newEvents > 0 {
            // New events from the trigger map, and edited events from logs: no file of their own to keep them beside.
            notes.append("cognito-explorer: \(name): \(newEvents) edited event\(newEvents == 1 ? "" : "s") without a file of \(newEvents == 1 ? "its" : "their") own (new, or from a log) \(newEvents == 1 ? "was" : "were") not kept")
        }
        return notes
    }

    /// The usual name of a signal, such as SIGTERM, or `signal N`.
    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGTERM: "SIGTERM", SIGUSR1: "SIGUSR1",
            SIGUSR2: "SIGUSR2", SIGALRM: "SIGALRM", SIGPIPE: "SIGPIPE", SIGVTALRM: "SIGVTALRM", SIGPROF: "SIGPROF",
            SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ", SIGIO: "SIGIO", SIGPWR: "SIGPWR",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}

/// What the threads reading logs and standard input have found and the run loop has not taken yet.
final class SourceInbox: Sendable {
    private let pending = NIOLockedValueBox<[SourceReport]>([])

    /// Starts a thread that reads `path` (`-`: the piped descriptor) and posts what it finds.
    func startReading(_ path: String, standardInput: Int32?) {
        Thread.detachNewThread { [self] in
            // The reader is not Sendable: it is made and used on this thread only.
            switch ExplorerInputs.openSource(path, standardInput: standardInput) {
            case .failure(let error):
                var report = SourceReport(source: path)
                report.error = error
                report.isFinished = true
                post(report)
            case .success(let reader):
                reader.onRead = { [self] counts in
                    var report = SourceReport(source: path)
                    report.counts = counts
                    post(report)
                }
                var report = SourceReport(source: path)
                do throws(SourceError) {
                    while let item = try reader.next() {
                        report.add(item)
                        report.counts = reader.counts
                        post(report)
                        report = SourceReport(source: path)
                    }
                } catch {
                    report.error = error
                }
                report.counts = reader.counts
                report.isFinished = true
                post(report)
            }
        }
    }

    /// Adds a report, merged into the last one waiting for the same source.
    private func post(_ report: SourceReport) {
        pending.withLockedValue { reports in
            if let last = reports.indices.last, reports[last].source == report.source, !reports[last].isFinished {
                reports[last].events += report.events
                reports[last].problems += report.problems
                reports[last].counts = report.counts
                reports[last].isFinished = report.isFinished
                reports[last].error = report.error ?? reports[last].error
            } else {
                reports.append(report)
            }
        }
    }

    /// The reports waiting, oldest first; taking them empties the inbox.
    func take() -> [SourceReport] {
        pending.withLockedValue { reports in
            defer { reports = [] }
            return reports
        }
    }
}

/// A deliberate trap (an out-of-range index), as a real bug would cause one.
@inline(never)
func crashDeliberately() {
    let empty: [Int] = []
    _ = empty[Int(getpid()) % 1 + 1]
}

func printError(_ text: String) {
    CLIOutput.error(text)
}

/// Notices when a watched file changes on disk, by its size and modification time.
///
/// The run loop asks at most once a second, and only for the files the state names (the current
/// file and those with unsaved edits), so watching costs a `stat` or two per second.
struct FileWatcher {
    /// Size and modification time, or nil when the file could not be read.
    struct Stamp: Equatable {
        let size: Int64
        let seconds: Int
        let nanoseconds: Int
    }

    private var stamps: [String: Stamp?] = [:]
    private var lastCheck = Date.distantPast
    let interval: TimeInterval

    init(interval: TimeInterval = 1) {
        self.interval = interval
    }

    static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard PathCalls.fileStatus(path, &info) == 0 else { return nil }
        return Stamp(size: Int64(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }

    /// Records what the program itself just read or wrote, so its own saves are not reported.
    mutating func performed(_ effect: Effect) {
        switch effect {
        case .open(let path), .save(let path, _, _, _), .create(let path, _, _), .saveCopy(let path, _, _, _, _):
            stamps[path] = .some(Self.stamp(of: path))
        default:
            break
        }
    }

    /// True when the last check was `interval` or more ago.
    func isDue(now: Date = Date()) -> Bool {
        now.timeIntervalSince(lastCheck) >= interval
    }

    /// The files among `paths` whose size or modification time changed since they were loaded or
    /// saved (or, for a file watched for the first time, since this check).
    mutating func changedFiles(among paths: [String], now: Date = Date()) -> [String] {
        lastCheck = now
        // Forget files no longer watched; a file watched again starts from its state then.
        let watched = Set(paths)
        stamps = stamps.filter { watched.contains($0.key) }
        var changed: [String] = []
        for path in paths {
            let current = Self.stamp(of: path)
            guard let known = stamps[path] else {
                stamps[path] = .some(current)
                continue
            }
            if known != current {
                stamps[path] = .some(current)
                changed.append(path)
            }
        }
        return changed
    }
}

extension Explore: TakesManyPaths {
    static let pathOptions = ManyPaths.Options(valued: ["--function"], flags: ["--no-mouse"])
}
