import Foundation

/// A private tmux server running one program in a pane of exact size, driven like a person would:
/// send keys, wait for text on the screen, read it, resize. Never sleeps a fixed time.
public final class TmuxSession {
    /// Whether tmux is installed.
    public static let isAvailable: Bool = {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether the suites that need tmux run: when it is installed, and always in a CI run
    /// (`CI=true`), where a missing tmux makes them fail (`init` throws `Failure.notInstalled`)
    /// instead of skipping.
    public static var shouldRunTests: Bool {
        shouldRun(isInstalled: isAvailable, environment: ProcessInfo.processInfo.environment)
    }

    /// The decision behind `shouldRunTests`, from the facts it depends on.
    public static func shouldRun(isInstalled: Bool, environment: [String: String]) -> Bool {
        isInstalled || environment["CI"] == "true"
    }

    /// Why the suites that need tmux are skipped.
    public static let skipReason = "tmux is not installed (apt-get install tmux; .ci/run installs it)"

    /// Throws `Failure.notInstalled` unless `isInstalled`: what a session checks before it starts tmux.
    public static func requireInstalled(_ isInstalled: Bool) throws {
        guard isInstalled else { throw Failure.notInstalled }
    }

    public let socket: String
    public let name = "cte"
    private let config: String
    private let folder: TemporaryFolder

    public enum Failure: Error, CustomStringConvertible {
        case commandFailed(String, String)
        case timedOut(waitingFor: String, screen: String)
        case notInstalled
        public var description: String {
            switch self {
            case .notInstalled:
                return "tmux is not installed, and this run has CI=true, where a test that needs it fails instead of "
                    + "skipping: install tmux (apt-get install tmux; .ci/run does)"
            case .commandFailed(let command, let output): return "tmux \(command) failed: \(output)"
            case .timedOut(let what, let screen): return "timed out waiting for \(what); the screen was:\n\(screen)"
            }
        }
    }

    /// Starts `command` (argv) in a detached session of `width`×`height`.
    public init(_ command: [String], width: Int = 100, height: Int = 30, directory: String = Repository.root,
                environment: [String: String] = [:]) throws {
        try Self.requireInstalled(Self.isAvailable)
        folder = try TemporaryFolder()
        socket = "cte-\(getpid())-\(UUID().uuidString.prefix(8))"
        config = try folder.write("tmux.conf", """
            set -g default-terminal "tmux-256color"
            set -g status off
            set -g remain-on-exit on
            set -sg escape-time 0
            set -g history-limit 0
            """)
        var arguments = ["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "-c", directory,
                         "-e", "LANG=C.UTF-8", "-e", "SWIFT_BACKTRACE=interactive=no"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments += command
        try tmux(arguments)
    }

    deinit {
        _ = try? tmux(["kill-server"])
        folder.cleanUp()
    }

    /// Runs a tmux command against this server and returns its output.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        let argv = ["tmux", "-L", socket, "-f", config] + arguments
        let (succeeded, text) = try Self.spawn(argv, outputFolder: folder.path)
        guard succeeded else { throw Failure.commandFailed(arguments.joined(separator: " "), text) }
        return text
    }

    /// Runs a program (looked up in PATH) with an empty signal mask and returns what it printed;
    /// throws when it fails. For tools the tests use beside tmux, such as `stty`.
    @discardableResult
    public func run(_ argv: [String]) throws -> String {
        let (succeeded, text) = try Self.spawn(argv, outputFolder: folder.path)
        guard succeeded else { throw Failure.commandFailed(argv.joined(separator: " "), text) }
        return text
    }

    /// Spawns `argv`, waits, and returns whether it exited with 0 and its output.
    private static func spawn(_ argv: [String], outputFolder: String) throws -> (Bool, String) {
        // posix_spawn and waitpid rather than Foundation's Process: the tmux client forks the server,
        // and Process sometimes never notices the client's exit inside the test runner. Output goes to
        // a file, not a pipe, because the server inherits the client's descriptors.
        let outputPath = outputFolder + "/out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        // The test runner may set NO_COLOR; the program under test must only see it when a test asks.
        environment.removeValue(forKey: "NO_COLOR")
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let cArgs = argv.map { strdup($0) } + [nil]
        defer {
            envp.forEach { free($0) }
            cArgs.forEach { free($0) }
        }
        // The test runner's threads block signals, and a spawned process inherits that mask: the tmux
        // server would never see SIGCHLD (so exits go unnoticed) and the program under test would
        // never see SIGWINCH or SIGINT. Start tmux with an empty mask and default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptySet = sigset_t()
        sigemptyset(&emptySet)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &emptySet)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, envp)
        guard spawned == 0 else { throw Failure.commandFailed(argv.joined(separator: " "), String(cString: strerror(spawned))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = String(decoding: Repository.bytes(of: outputPath), as: UTF8.self)
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        return (exited && code == 0, text)
    }

    /// Sends key names (`Down`, `Enter`, `C-s`, `BTab`, ...).
    public func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// Types literal text.
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// The screen as text, one line per row.
    public func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// The screen with colour escapes.
    public func styledScreen() throws -> String { try tmux(["capture-pane", "-p", "-e", "-N", "-t", name]) }

    /// A tmux format value, such as `#{cursor_x}` or `#{alternate_on}`.
    public func display(_ format: String) throws -> String {
        try tmux(["display", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the pane (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen satisfies `condition`; returns that screen.
    @discardableResult
    public func waitFor(_ description: String, timeout: Double = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(20_000)
        }
        throw Failure.timedOut(waitingFor: description, screen: last)
    }

    /// Waits until `text` appears on the screen.
    @discardableResult
    public func waitFor(text: String, timeout: Double = 15) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits for the program to exit and returns its exit status (or 128+signal).
    public func waitForExit(timeout: Double = 15) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try display("#{pane_dead}") == "1" {
                let status = try display("#{pane_dead_status}")
                if let value = Int32(status) { return value }
                let signal = try display("#{pane_dead_signal}")
                if let value = Int32(signal) { return 128 + value }
                // Debian's tmux can miss SIGCHLD: nudge the server so it reaps the child.
                if let pid = Int32(try display("#{pid}")) { kill(pid, SIGCHLD) }
            }
            usleep(20_000)
        }
        throw Failure.timedOut(waitingFor: "the program to exit", screen: (try? screen()) ?? "")
    }
}
