import ArgumentParser
import CognitoTriggers
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
            With no path, opens the bundled fixtures folder. Press ? inside for every key. Needs a \
            terminal; for plain output use `cognito-explorer show FILE`, for a headless screen \
            `cognito-explorer render`.
            """
    )

    @Argument(help: "Event files and folders (default: the bundled fixtures).")
    var paths: [String] = []

    @Option(help: "The command that runs your trigger function for 'x', such as 'python -m awslambdaric app.handler' (default: $COGNITO_EXPLORER_FUNCTION).")
    var function: String?

    func run() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            printError("""
                cognito-explorer: not a terminal: the explorer needs an interactive terminal on stdin and stdout.
                For plain output use `cognito-explorer show FILE` or `cognito-explorer check PATH`; \
                for a screen without a terminal use `cognito-explorer render`.
                """)
            throw ExitCode(2)
        }
        var inputs = paths
        if inputs.isEmpty {
            guard let fixtures = bundledFixturesPath() else {
                printError("cognito-explorer: no paths given and no bundled fixtures folder found; name event files or folders")
                throw ExitCode(2)
            }
            inputs = [fixtures]
        }
        let session: TerminalSession
        do { session = try TerminalSession.start() } catch {
            printError("cognito-explorer: \(error.description)")
            throw ExitCode(2)
        }
        let functionCommand = function ?? ProcessInfo.processInfo.environment["COGNITO_EXPLORER_FUNCTION"].flatMap { $0.isEmpty ? nil : $0 }
        let (status, notes) = TerminalLoop(session: session, paths: inputs, functionCommand: functionCommand).run()
        session.end()
        for note in notes { printError(note) }
        if status != 0 { throw ExitCode(status) }
    }
}

/// The run loop: state in, grid out, effects performed one at a time so the screen stays live.
struct TerminalLoop {
    let session: TerminalSession
    let paths: [String]
    let functionCommand: String?

    /// Runs until the state quits or a signal ends the program; returns the exit status and the
    /// lines to print once the terminal is given back.
    func run() -> (status: Int32, notes: [String]) {
        let environment = ProcessInfo.processInfo.environment
        let colorMode: ColorMode
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            colorMode = .none
        } else {
            switch session.colorCount {
            case 0..<8: colorMode = .none
            case 8..<256: colorMode = .eight
            default: colorMode = .full
            }
        }
        let size = session.size
        var state = ExplorerState(paths: paths, options: ExplorerOptions(colorMode: colorMode, functionCommand: functionCommand),
                                  width: size.width, height: size.height)
        let runner = EffectRunner()
        // The user's function runs on its own thread; its report comes back through this box and
        // is applied between keys, so the screen stays live while it runs.
        let functions = FunctionRunner()
        // Whatever way the loop ends, the function and every process it started end too.
        defer { functions.close() }
        let finished = NIOLockedValueBox<FunctionReport?>(nil)
        // For the end-to-end test that a crash gives the terminal back; debug builds only, so a
        // release build cannot be made to crash through its environment.
        #if DEBUG
        let crashAfterFirstFrame = environment["COGNITO_EXPLORER_TEST_CRASH"] == "after-first-frame"
        #else
        let crashAfterFirstFrame = false
        #endif
        // Effects the user waits for (open, save, editor, quit) run before the next key is read, so
        // typed-ahead keys apply to the state they were meant for, exactly as in a headless run.
        // Summary loads of the list run one batch at a time between keys, so 10,000 files never
        // freeze the screen.
        var foreground = state.start()[...]
        var background: ArraySlice<Effect> = []
        var needsDraw = true
        var watcher = FileWatcher()
        func schedule(_ effects: [Effect]) {
            for effect in effects {
                if case .load = effect { background.append(effect) } else { foreground.append(effect) }
            }
        }
        while true {
            if let signal = session.takePendingSignal() {
                needsDraw = true
                if signal == SIGINT {
                    // Ctrl-C: stops the user's function while it runs; otherwise cancels an input,
                    // or quits (asking first when edits are unsaved).
                    schedule(state.apply(state.runningFunction != nil ? .interruptFunction : .interrupt))
                    continue
                }
                // SIGTERM, SIGHUP and the other terminating signals: keep unsaved edits in recovery
                // files, then give the terminal back; saves go through a temporary file and a
                // rename, so nothing is half-written.
                return (128 + signal, Self.keepUnsavedEdits(state, signal: signal))
            }
            if session.takeBackAfterContinue() {
                needsDraw = true
            }
            if let effect = foreground.popFirst() {
                needsDraw = true
                switch effect {
                case .quit(let status):
                    return (status, [])
                case .openEditor(let text, let fileExtension):
                    let result = session.withSuspended { ExternalEditor.edit(text: text, fileExtension: fileExtension) }
                    // A Ctrl-C typed in the editor was meant for the editor, not for the explorer.
                    session.forgetCtrlC()
                    schedule(state.apply(result))
                case .runFunction(let command, let event, let region, let path):
                    Thread.detachNewThread {
                        let report = functions.run(command: command, event: event, region: region, path: path)
                        finished.withLockedValue { $0 = report }
                    }
                case .stopFunction:
                    functions.stop()
                case .copyToClipboard(let text):
                    session.copyToClipboard(text)
                default:
                    let action = runner.perform(effect)
                    watcher.performed(effect)
                    if let action { schedule(state.apply(action)) }
                }
                continue
            }
            if let report = finished.withLockedValue({ value -> FunctionReport? in
                defer { value = nil }
                return value
            }) {
                needsDraw = true
                schedule(state.apply(.functionFinished(report)))
                continue
            }
            // About once a second, and only between keys: did an open file change on disk?
            if watcher.isDue() {
                for path in watcher.changedFiles(among: state.watchedFiles) {
                    needsDraw = true
                    schedule(state.apply(.fileChangedOnDisk(path: path)))
                }
            }
            if !foreground.isEmpty { continue }
            if needsDraw {
                session.draw(state.render())
                needsDraw = false
                if crashAfterFirstFrame { crashDeliberately() }
            }
            if let input = session.readInput(timeoutMilliseconds: background.isEmpty ? 100 : 0) {
                needsDraw = true
                switch input {
                case .key(.resize):
                    let size = session.size
                    schedule(state.apply(.resize(width: size.width, height: size.height)))
                case .key(let key):
                    schedule(state.apply(.key(key)))
                case .paste(let text):
                    schedule(state.apply(.paste(text)))
                }
                continue
            }
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
        let newEvents = state.unsavedPaths.count - state.unsavedDocuments.count
        if newEvents > 0 {
            notes.append("cognito-explorer: \(name): \(newEvents) new event\(newEvents == 1 ? "" : "s") without a file \(newEvents == 1 ? "was" : "were") not kept")
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
        case .open(let path), .save(let path, _, _), .create(let path, _), .saveCopy(let path, _, _, _):
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
