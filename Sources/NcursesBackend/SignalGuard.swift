import CNcurses

/// The process's signal handlers while the explorer owns the terminal.
///
/// The C state behind these functions is `static` in the shim header, so each object file that
/// calls the shim gets its own copy: every call must stay in this one file.
enum SignalGuard {
    /// Installs flag-setting handlers for SIGINT/SIGTERM/SIGHUP/SIGQUIT and terminal-restoring crash
    /// handlers for SIGSEGV/SIGILL/SIGTRAP/SIGABRT/SIGBUS/SIGFPE; call before curses starts.
    static func install() {
        _ = cte_install_signal_handlers()
    }

    /// Puts back the handlers that were there before `install`.
    static func restore() {
        cte_restore_signal_handlers()
    }

    /// The SIGINT, SIGTERM, SIGHUP or SIGQUIT received since the flag was last cleared.
    static var pendingInterrupt: Int32? {
        let signal = cte_pending_interrupt()
        return signal == 0 ? nil : signal
    }

    /// Forgets a received SIGINT, SIGTERM, SIGHUP or SIGQUIT.
    static func clearInterrupt() {
        cte_clear_interrupt()
    }

    /// Tells the crash handler whether it must call `endwin` to give the terminal back.
    static func setCursesActive(_ active: Bool) {
        cte_set_curses_active(active ? 1 : 0)
    }
}
