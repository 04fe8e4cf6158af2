import CNcurses

/// The process's signal handlers while the explorer owns the terminal.
///
/// The C state behind these functions is `static` in the shim header, so each object file that
/// calls the shim gets its own copy: every call must stay in this one file.
enum SignalGuard {
    /// Installs the handlers (see the shim): terminating signals are marked pending for the input
    /// loop, SIGCONT marks that the terminal must be taken back, and faults give the terminal back,
    /// print a backtrace and exit with 128 + the signal. Call before curses starts.
    static func install() {
        _ = cte_install_signal_handlers()
    }

    /// Puts back the handlers that were there before `install`.
    static func restore() {
        cte_restore_signal_handlers()
    }

    /// True when the guard handles `signal` (false for one the process was started ignoring).
    static func isGuarded(_ signal: Int32) -> Bool {
        cte_signal_is_guarded(signal) != 0
    }

    /// The terminating signal received and not yet taken, if any, without clearing it; any
    /// other signal comes before SIGINT.
    static var pendingSignal: Int32? {
        let signal = cte_pending_signal(0)
        return signal == 0 ? nil : signal
    }

    /// Like `pendingSignal`, and forgets the one returned.
    static func takePendingSignal() -> Int32? {
        let signal = cte_pending_signal(1)
        return signal == 0 ? nil : signal
    }

    /// Forgets `signal` if it was received.
    static func clearPendingSignal(_ signal: Int32) {
        cte_clear_pending_signal(signal)
    }

    /// Forgets every received terminating signal.
    static func clearPendingSignals() {
        cte_clear_pending_signals()
    }

    /// True once after each SIGCONT (the process was stopped and continued).
    static func takeContinued() -> Bool {
        cte_take_continued() != 0
    }

    /// The real-time signals (SIGRTMIN...SIGRTMAX), which also end the process by default.
    static var realTimeSignals: ClosedRange<Int32> { cte_sigrtmin()...cte_sigrtmax() }

    /// Tells the crash handler whether it must call `endwin` to give the terminal back.
    static func setCursesActive(_ active: Bool) {
        cte_set_curses_active(active ? 1 : 0)
    }

    /// Writes a control sequence straight to the terminal, bypassing curses' buffer.
    static func writeSequence(_ sequence: String) {
        cte_write_sequence(sequence)
    }
}
