import ArgumentParser
import ExplorerCore
import Foundation

/// `cognito-explorer render`: runs the explorer without a terminal and prints the final screen.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Run the explorer headless with a key script and print the final screen.",
        discussion: """
            Loads the events (default: the bundled fixtures folder), applies the keys in tmux's \
            spelling (--keys 'Down Down Enter Tab C-s'; quoted text is typed; <click:30,4> clicks the cell \
            at column 30, row 4, counted from 0; <wheel-down:30,4> turns the wheel there), performs loads and \
            saves for real, and prints the screen. Formats: text (plain), styles (text, a blank line, \
            one letter per cell for its style, and a legend), ansi (escape codes), svg (an image).
            """
    )

    @Argument(help: "Event files and folders (default: the bundled fixtures).")
    var paths: [String] = []

    @Option(help: "Screen size as WIDTHxHEIGHT.")
    var size: String = "100x30"

    @Option(help: "Keys to press, in tmux's send-keys spelling; <click:COL,ROW>, <wheel-up:COL,ROW> and <wheel-down:COL,ROW> are mouse events at a cell (column and row from 0).")
    var keys: String = ""

    @Flag(help: "Ignore the mouse events of --keys, as the explorer with --no-mouse ignores the mouse.")
    var noMouse = false

    @Option(help: "Output format: text, styles, ansi or svg.")
    var format: OutputFormat = .text

    @Option(help: "The text an external editor would give back for 'o' (without it, 'o' is skipped).")
    var editorText: String?

    @Option(help: "Colours: 256, 8 or none (default: none when NO_COLOR is set, else 256).")
    var colors: ColorChoice?

    @Option(help: "Stop loading at first-frame (the first file is open, as when the screen first shows) or indexed (every file summarized).")
    var until: Stage = .indexed

    @Flag(help: "Print to standard error how long the first frame, indexing, the keys (with their frames) and the last key took.")
    var timing = false

    @Option(help: "The command that runs your trigger function for 'x' (default: $COGNITO_EXPLORER_FUNCTION).")
    var function: String?

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        case firstFrame = "first-frame", indexed
    }

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, styles, ansi, svg
    }

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case full = "256", eight = "8", none
    }

    func run() throws {
        let (width, height) = try screenSize()
        let script: [ScriptInput]
        do { script = try Key.parseInputs(keys) } catch { throw ValidationError(error.description) }
        let inputs = try inputPaths()
        let functionCommand = function ?? ProcessInfo.processInfo.environment["COGNITO_EXPLORER_FUNCTION"].flatMap { $0.isEmpty ? nil : $0 }
        var state = ExplorerState(paths: inputs, options: ExplorerOptions(colorMode: colorMode(), functionCommand: functionCommand, mouse: !noMouse),
                                  width: width, height: height)
        // Headless, the function runs to its end before the next key.
        let functions = FunctionRunner()
        defer { functions.close() }
        let runner = EffectRunner(editorText: editorText, functionRunner: { command, event, region, source in
            functions.run(command: command, event: event, region: region, source: source)
        })
        let clock = ContinuousClock()
        let started = clock.now
        var (status, background) = Self.runToFirstFrame(&state, runner: runner)
        var timings: [String] = []
        if timing {
            _ = state.render()
            timings.append("first frame: \(milliseconds(clock.now - started)) ms")
        }
        if status == nil && until == .indexed {
            status = runner.drain(background, into: &state)
            if timing { timings.append("indexed: \(milliseconds(clock.now - started)) ms (\(state.progress.loaded) of \(state.progress.total) files)") }
        }
        if status == nil && !script.isEmpty {
            status = apply(script, to: &state, runner: runner, timings: &timings)
        }
        if timing { printError(timings.joined(separator: "\n")) }
        write(state.render())
        if let status, status != 0 { throw ExitCode(status) }
    }

    /// The columns and rows of `--size`.
    private func screenSize() throws -> (width: Int, height: Int) {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width >= 0, height >= 0, width <= 1000, height <= 1000 else {
            throw ValidationError("--size must look like 100x30 (columns x rows, each 0 to 1000)")
        }
        return (width, height)
    }

    /// The paths given, or the bundled fixtures folder when there are none.
    private func inputPaths() throws -> [String] {
        var inputs = paths
        if inputs.isEmpty {
            guard let fixtures = bundledFixturesPath() else {
                throw ValidationError("no paths given and no fixtures folder found (run from the repository, or name files)")
            }
            inputs = [fixtures]
        }
        return inputs
    }

    /// `--colors`, or else full colour unless `NO_COLOR` is set.
    private func colorMode() -> ColorMode {
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let colorMode: ColorMode
        switch colors {
        case .full?: colorMode = .full
        case .eight?: colorMode = .eight
        case .none?: colorMode = .none
        case nil: colorMode = noColor ? .none : .full
        }
        return colorMode
    }

    /// Performs the effects of the start, as in the terminal loop: summary loads wait (returned)
    /// until the other effects are done, which is when the first frame shows. The status is set
    /// when an effect quits.
    private static func runToFirstFrame(_ state: inout ExplorerState, runner: EffectRunner) -> (status: Int32?, background: [Effect]) {
        var status: Int32?
        var queue = state.start()[...]
        var background: [Effect] = []
        while status == nil, let effect = queue.popFirst() {
            if case .load = effect { background.append(effect); continue }
            if case .quit(let code) = effect { status = code; break }
            if let action = runner.perform(effect) { queue += state.apply(action) }
        }
        return (status, background)
    }

    /// Applies the key script, each key with its effects, until one quits (its status is returned);
    /// with `--timing` each key draws its frame and the time the keys took joins `timings`.
    private func apply(_ script: [ScriptInput], to state: inout ExplorerState, runner: EffectRunner, timings: inout [String]) -> Int32? {
        var status: Int32?
        let clock = ContinuousClock()
        let keysStarted = clock.now
        var lastKeyStarted = keysStarted
        for input in script where status == nil {
            lastKeyStarted = clock.now
            status = runner.drain(state.apply(input.action), into: &state)
            if timing { _ = state.render() }
        }
        if timing {
            let total = clock.now - keysStarted
            timings.append("keys: \(script.count) in \(milliseconds(total)) ms, \(milliseconds(total / script.count)) ms per key (each with its frame)")
            timings.append("last key: \(milliseconds(clock.now - lastKeyStarted)) ms (with its frame)")
        }
        return status
    }

    /// Prints the final screen in the chosen format.
    private func write(_ grid: Grid) {
        switch format {
        case .text: CLIOutput.write(grid.text + "\n")
        case .styles: CLIOutput.write(grid.text + "\n\n" + grid.styleLayer().text + "\n")
        // The escape codes are the format; the grid has escaped what the events hold.
        case .ansi: print(grid.ansi)
        case .svg: print(grid.svg(title: "cognito-explorer"))
        }
    }
}

/// A duration in milliseconds with three decimals.
private func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.3f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
}

extension Render: TakesManyPaths {
    static let pathOptions = ManyPaths.Options(
        valued: ["--size", "--keys", "--format", "--editor-text", "--colors", "--until", "--function"],
        flags: ["--no-mouse", "--timing"])
}
