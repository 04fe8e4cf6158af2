import ArgumentParser
import ExplorerCore
import Foundation
import NcursesBackend

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
        let status = TerminalLoop(session: session, paths: inputs).run()
        session.end()
        if status != 0 { throw ExitCode(status) }
    }
}

/// The run loop: state in, grid out, effects performed one at a time so the screen stays live.
struct TerminalLoop {
    let session: TerminalSession
    let paths: [String]

    func run() -> Int32 {
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
        var state = ExplorerState(paths: paths, options: ExplorerOptions(colorMode: colorMode), width: size.width, height: size.height)
        let runner = EffectRunner()
        // For the end-to-end test that a crash gives the terminal back: never set in normal use.
        let crashAfterFirstFrame = environment["COGNITO_EXPLORER_TEST_CRASH"] == "after-first-frame"
        // Effects the user waits for (open, save, editor, quit) run before the next key is read, so
        // typed-ahead keys apply to the state they were meant for, exactly as in a headless run.
        // Summary loads of the list run one batch at a time between keys, so 10,000 files never
        // freeze the screen.
        var foreground = state.start()[...]
        var background: ArraySlice<Effect> = []
        var needsDraw = true
        func schedule(_ effects: [Effect]) {
            for effect in effects {
                if case .load = effect { background.append(effect) } else { foreground.append(effect) }
            }
        }
        while true {
            if let signal = session.interruptSignal {
                // Ctrl-C, SIGTERM, SIGHUP: restore the terminal; nothing is half-written, since saves
                // go through a temporary file and a rename.
                return 128 + signal
            }
            if let effect = foreground.popFirst() {
                needsDraw = true
                switch effect {
                case .quit(let status):
                    return status
                case .requestRedraw:
                    continue
                case .openEditor(let text, let fileExtension):
                    let result = session.withSuspended { ExternalEditor.edit(text: text, fileExtension: fileExtension) }
                    schedule(state.apply(result))
                default:
                    if let action = runner.perform(effect) { schedule(state.apply(action)) }
                }
                continue
            }
            if needsDraw {
                session.draw(state.render())
                needsDraw = false
                if crashAfterFirstFrame { crashDeliberately() }
            }
            if let key = session.readKey(timeoutMilliseconds: background.isEmpty ? 100 : 0) {
                needsDraw = true
                if key == .resize {
                    let size = session.size
                    schedule(state.apply(.resize(width: size.width, height: size.height)))
                } else {
                    schedule(state.apply(.key(key)))
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

/// A deliberate trap (an out-of-range index), as a real bug would cause one.
@inline(never)
func crashDeliberately() {
    let empty: [Int] = []
    _ = empty[Int(getpid()) % 1 + 1]
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
