#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NIOConcurrencyHelpers

/// One piece of what the function wrote, in the order it arrived.
public struct OutputChunk: Sendable, Hashable {
    /// The stream a chunk came from.
    public enum Stream: String, Sendable, Hashable {
        /// Standard output.
        case stdout
        /// Standard error.
        case stderr
    }

    /// Which stream.
    public let stream: Stream
    /// The bytes as written (not necessarily whole lines or whole UTF-8 sequences).
    public let bytes: [UInt8]

    /// Makes a chunk.
    public init(stream: Stream, bytes: [UInt8]) {
        self.stream = stream
        self.bytes = bytes
    }
}

/// How a function process ended.
public enum ProcessEnd: Sendable, Hashable, CustomStringConvertible {
    /// It exited with this status.
    case exited(Int32)
    /// A signal ended it.
    case signaled(Int32)

    /// Decodes a `waitpid` status.
    init(waitStatus status: Int32) {
        if status & 0x7F == 0 {
            self = .exited((status >> 8) & 0xFF)
        } else {
            self = .signaled(status & 0x7F)
        }
    }

    /// "exit status 1" or "signal 9 (SIGKILL)".
    public var description: String {
        switch self {
        case .exited(let status): return "exit status \(status)"
        case .signaled(let signal): return "signal \(signal)\(ProcessEnd.signalName(signal).map { " (\($0))" } ?? "")"
        }
    }

    private static func signalName(_ signal: Int32) -> String? {
        switch signal {
        case SIGKILL: return "SIGKILL"
        case SIGTERM: return "SIGTERM"
        case SIGSEGV: return "SIGSEGV"
        case SIGABRT: return "SIGABRT"
        case SIGINT: return "SIGINT"
        case SIGBUS: return "SIGBUS"
        case SIGILL: return "SIGILL"
        case SIGPIPE: return "SIGPIPE"
        default: return nil
        }
    }
}

/// Why the function's command could not be started.
public struct LaunchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The command as given (its first word).
    public let command: String
    /// The `errno` that `posix_spawnp` returned.
    public let code: Int32

    /// What failed and what to do about it.
    public var description: String {
        let name = "'\(command)'"
        switch code {
        case ENOENT:
            if command.contains("/") { return "cannot start the function: \(name) does not exist" }
            return "cannot start the function: \(name) was not found in PATH"
        case EACCES:
            return "cannot start the function: \(name) is not executable (make it executable with chmod +x, or name its interpreter first)"
        case ENOEXEC:
            return "cannot start the function: \(name) is not a program this system can run (a script needs a #! line)"
        default:
            return "cannot start the function: \(name): \(String(cString: strerror(code)))"
        }
    }
}

/// The user's function process: started in its own process group, its output captured, its end
/// watched. Every member may be used from any thread.
final class FunctionProcess: @unchecked Sendable {
    /// The process id, which is also its process group id.
    let pid: pid_t
    private let lock = NIOLock()
    private var chunks: [OutputChunk] = []
    private var keptBytes = 0
    private var droppedBytes = 0
    private var lastArrival = DispatchTime.now()
    private var end: ProcessEnd?
    private var openStreams = 2
    private let ended = DispatchSemaphore(value: 0)
    /// How many bytes of output are kept per event (the rest is counted, not kept).
    private let outputLimit: Int
    /// Called once, on another thread, when the process has ended.
    private let onEnd: @Sendable (pid_t, ProcessEnd) -> Void

    private init(pid: pid_t, outputLimit: Int, onEnd: @escaping @Sendable (pid_t, ProcessEnd) -> Void) {
        self.pid = pid
        self.outputLimit = outputLimit
        self.onEnd = onEnd
    }

    /// Starts `command` (looked up in PATH when it has no slash) with exactly `environment`, in
    /// the current folder, standard input from /dev/null, in a new process group.
    static func start(command: [String], environment: [String: String], outputLimit: Int,
                      onEnd: @escaping @Sendable (pid_t, ProcessEnd) -> Void) throws(LaunchError) -> FunctionProcess {
        guard let program = command.first, !program.isEmpty else { throw LaunchError(command: "", code: ENOENT) }
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0 else { throw LaunchError(command: program, code: errno) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw LaunchError(command: program, code: errno)
        }
        // The child gets the write ends as 1 and 2 (dup2 clears the flag there); no other copy leaks.
        for descriptor in outPipe + errPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        var noSignal = sigset_t()
        sigemptyset(&noSignal)
        posix_spawnattr_setsigmask(&attributes, &noSignal)

        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw LaunchError(command: program, code: status)
        }
        let process = FunctionProcess(pid: pid, outputLimit: outputLimit, onEnd: onEnd)
        process.read(outPipe[0], as: .stdout)
        process.read(errPipe[0], as: .stderr)
        process.watch()
        return process
    }

    private func read(_ descriptor: Int32, as stream: OutputChunk.Stream) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                lock.withLock {
                    lastArrival = .now()
                    let room = max(0, outputLimit - keptBytes)
                    let kept = min(room, count)
                    if kept > 0 {
                        chunks.append(OutputChunk(stream: stream, bytes: Array(buffer[0..<kept])))
                        keptBytes += kept
                    }
                    droppedBytes += count - kept
                }
            }
            close(descriptor)
            lock.withLock { openStreams -= 1 }
        }
        thread.start()
    }

    private func watch() {
        let thread = Thread { [self] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            let end = ProcessEnd(waitStatus: status)
            lock.withLock { self.end = end }
            // Whoever waits for the end finds its consequences done.
            onEnd(pid, end)
            ended.signal()
        }
        thread.start()
    }

    /// How the process ended, or nil while it runs.
    var processEnd: ProcessEnd? { lock.withLock { end } }

    /// Forgets the output kept so far, so each event of a warm process has the whole output limit
    /// (what a new process wrote before its first event is kept for that event).
    func startEvent() {
        lock.withLock {
            chunks.removeAll()
            keptBytes = 0
            droppedBytes = 0
        }
    }

    /// The output since a mark, and how many bytes beyond the kept limit were dropped in all.
    func output(since mark: Int) -> (chunks: [OutputChunk], dropped: Int) {
        lock.withLock { (Array(chunks[min(mark, chunks.count)...]), droppedBytes) }
    }


    /// Waits until no output has arrived for `quiet` seconds (at most `limit` seconds), so lines
    /// written just before an answer are not lost to thread timing.
    func settleOutput(quiet: Double = 0.02, limit: Double = 1) {
        let start = DispatchTime.now()
        while true {
            let (last, open) = lock.withLock { (lastArrival, openStreams) }
            let now = DispatchTime.now()
            if open == 0 { return }
            if Double(now.uptimeNanoseconds - max(last.uptimeNanoseconds, start.uptimeNanoseconds)) / 1e9 >= quiet { return }
            if Double(now.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 >= limit { return }
            usleep(5_000)
        }
    }

    /// The last `count` lines the process wrote to standard error.
    func lastErrorLines(_ count: Int) -> [String] {
        let bytes = lock.withLock { chunks.filter { $0.stream == .stderr }.flatMap(\.bytes) }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.suffix(count).map(String.init)
    }

    /// Sends SIGKILL to the whole process group (the function and every child it started), then
    /// waits up to `wait` seconds for the process to be reaped. True when it has ended.
    @discardableResult
    func killGroup(wait: Double = 2) -> Bool {
        // The group outlives its leader while any child is left, so it is signalled either way.
        killpg(pid, SIGKILL)
        return waitForEnd(wait)
    }

    /// Waits up to `seconds` for the process to end; true when it has.
    func waitForEnd(_ seconds: Double) -> Bool {
        if processEnd != nil { return true }
        if ended.wait(timeout: .now() + seconds) == .success {
            ended.signal()
            return true
        }
        return false
    }
}
