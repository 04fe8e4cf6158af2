#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Holds back signals that would end the program while a save is under way, so a save that has
/// begun always finishes (or is undone) before the program goes: no temporary file is left, and a
/// file written in place is never left half-written.
///
/// Only signals whose action is still the default (terminate) are held back; a program that
/// handles a signal itself (the explorer's terminal session) keeps its handler. A signal that
/// arrives meanwhile is raised again, with its default action, when the last save ends.
/// `SIGKILL` cannot be held back: unnamed temporary files and `removeStaleTemporaryFiles` cover it.
enum SaveSignals {
    /// The signals whose default action ends the program and which can be caught.
    static let held: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ]

    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        return lock
    }()
    /// The first held signal that arrived, or 0; written by the handler, so a plain C int.
    nonisolated(unsafe) private static let pending: UnsafeMutablePointer<Int32> = {
        let pending = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        pending.initialize(to: 0)
        return pending
    }()
    nonisolated(unsafe) private static var depth = 0
    nonisolated(unsafe) private static var replaced: [Int32] = []

    /// Starts holding signals back; pair each call with `end()`.
    static func begin() {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        depth += 1
        guard depth == 1 else { return }
        // Initialized here, never first in the handler (a lazy initialization is not signal-safe).
        pending.pointee = 0
        replaced = []
        for signal in held {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0, isDefault(current) else { continue }
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { signal in
                if SaveSignals.pending.pointee == 0 { SaveSignals.pending.pointee = signal }
            }
            #else
            action.__sigaction_u.__sa_handler = { signal in
                if SaveSignals.pending.pointee == 0 { SaveSignals.pending.pointee = signal }
            }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            if sigaction(signal, &action, nil) == 0 { replaced.append(signal) }
        }
    }

    /// Stops holding signals back once the last save has ended, and raises one that arrived.
    static func end() {
        pthread_mutex_lock(lock)
        depth -= 1
        guard depth == 0 else {
            pthread_mutex_unlock(lock)
            return
        }
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = SIG_DFL
        #else
        action.__sigaction_u.__sa_handler = SIG_DFL
        #endif
        for signal in replaced { sigaction(signal, &action, nil) }
        replaced = []
        let arrived = pending.pointee
        pending.pointee = 0
        pthread_mutex_unlock(lock)
        if arrived != 0 { raise(arrived) }
    }

    /// Runs `body` with signals held back.
    static func holding<T>(_ body: () throws(FileError) -> T) throws(FileError) -> T {
        begin()
        defer { end() }
        return try body()
    }

    private static func isDefault(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        guard let handler else { return true }
        return unsafeBitCast(handler, to: Int.self) == 0
    }
}
