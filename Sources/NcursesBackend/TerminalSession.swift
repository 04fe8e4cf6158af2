import CNcurses
import ExplorerCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal in curses mode: draws grids, reads keys, and gives the terminal back.
///
/// Curses is not thread-safe: create, use and end a session on one thread. The type is
/// `@unchecked Sendable` only so it can be stored in `Sendable` contexts; it does no locking.
public final class TerminalSession: @unchecked Sendable {
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var pairs: ColorPairTable?
    private var cursorVisible: Bool?
    private var ended = false
    private var suspended = false
    /// True when the session reads SGR mouse reports itself (see `SGRMouse`).
    private var readsSGRMouse = false

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, colors: ColorSupport?) {
        self.screen = screen
        self.window = window
        self.pairs = colors.map(ColorPairTable.init(support:))
    }

    deinit {
        end()
    }

    /// Starts curses on the process's terminal.
    ///
    /// Installs the signal guard first, sets the locale (falling back to C.UTF-8 when the
    /// environment's is not UTF-8), then `newterm`, `cbreak`, `noecho`, `nonl`, XON/XOFF off
    /// (so Ctrl-S and Ctrl-Q arrive as keys), keypad on the pane window and a 25 ms escape delay. Colours are off when `NO_COLOR` is set and not
    /// empty or the terminal has none; otherwise the terminal's default colours are kept.
    /// - Throws: `TerminalError.notATerminal` when standard input or output is not a TTY,
    ///   `.unknownTerminal` when curses does not know `TERM`.
    ///
    /// With `mouse`, curses reports left-button presses and the wheel (`mousemask`, with
    /// `mouseinterval(0)` so a press is not held back to see whether it becomes a double click);
    /// which protocol curses asks the terminal for follows the terminfo entry (see the README's
    /// "Mouse" section).
    public static func start(mouse: Bool = false) throws(TerminalError) -> TerminalSession {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        SignalGuard.install()
        if setlocale(LC_ALL, "") == nil || cte_locale_is_utf8() == 0 {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
        guard let screen = newterm(nil, cte_stdout(), cte_stdin()) else {
            SignalGuard.restore()
            throw .unknownTerminal(getenv("TERM").map { String(cString: $0) })
        }
        _ = set_term(screen)
        SignalGuard.setCursesActive(true)
        _ = cbreak()
        _ = noecho()
        _ = nonl()
        // cbreak() leaves XON/XOFF on, so Ctrl-S would freeze the screen; then record the mode
        // so ncurses restores this one after suspend and Ctrl-Z.
        _ = cte_disable_flow_control(STDIN_FILENO)
        _ = def_prog_mode()
        _ = set_escdelay(25)
        // The markers a terminal puts around pasted text become key codes of their own.
        _ = define_key(PasteMarker.startSequence, PasteMarker.startCode)
        _ = define_key(PasteMarker.endSequence, PasteMarker.endCode)

        var colors: ColorSupport?
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        if !noColor && has_colors() {
            _ = start_color()
            let defaultColors = use_default_colors() == OK
            colors = ColorSupport(colorCount: Int(cte_colors()), pairCount: Int(cte_color_pairs()),
                                  defaultColors: defaultColors)
        }
        guard let window = makeWindow() else {
            _ = endwin()
            delscreen(screen)
            SignalGuard.setCursesActive(false)
            SignalGuard.restore()
            throw .windowCreationFailed
        }
        var readsSGRMouse = false
        if mouse && mousemask(MouseDecoder.mask, nil) != 0 {
            _ = mouseinterval(0)
            // Where curses would use the X10 form, ask for SGR reports and read them here.
            if cte_curses_reads_sgr_mouse() == 0 {
                readsSGRMouse = define_key(SGRMouse.startSequence, SGRMouse.startCode) == OK
            }
        }
        let session = TerminalSession(screen: screen, window: window, colors: colors)
        session.readsSGRMouse = readsSGRMouse
        session.setCursorVisible(false)
        SignalGuard.writeSequence(PasteMarker.enableSequence)
        session.setSGRMouse(true)
        return session
    }

    /// A full-screen window with keypad decoding on.
    private static func makeWindow() -> UnsafeMutablePointer<WINDOW>? {
        guard let window = newwin(0, 0, 0, 0) else { return nil }
        _ = keypad(window, true)
        return window
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        return (Int(max(0, getmaxx(window))), Int(max(0, getmaxy(window))))
    }

    /// The number of colours in use: 0 without colour (NO_COLOR or a monochrome terminal).
    public var colorCount: Int { pairs?.support.colorCount ?? 0 }

    /// The terminating signal received and not yet taken (SIGINT for Ctrl-C, SIGTERM, SIGHUP,
    /// SIGQUIT, SIGUSR1, SIGALRM, ...), any other before SIGINT; taking it forgets it.
    ///
    /// Poll it in the input loop (read keys with a timeout). SIGINT is Ctrl-C, which the explorer
    /// answers; for the others, `end()` and exit with 128 + the signal number.
    public func takePendingSignal() -> Int32? { SignalGuard.takePendingSignal() }

    /// Forgets a Ctrl-C (SIGINT) received meanwhile, e.g. one meant for an editor that ran; other
    /// signals stay pending, so a SIGTERM during the editor still ends the explorer.
    public func forgetCtrlC() {
        SignalGuard.clearPendingSignal(SIGINT)
    }

    /// After the process was stopped and continued (SIGCONT), takes the terminal back: program
    /// mode (no echo, keys one by one), the alternate screen, keypad and bracketed paste, with a
    /// full repaint at the next `draw`. Returns true when it did so; call it from the input loop.
    ///
    /// Whoever stopped the process (a shell's job control, `kill -STOP`) may have put the terminal
    /// back in cooked mode or drawn over the screen while it was stopped.
    public func takeBackAfterContinue() -> Bool {
        guard SignalGuard.takeContinued(), !ended, !suspended else { return false }
        // endwin then a refresh is curses' own way back: the refresh restores the mode saved by
        // def_prog_mode, re-enters the alternate screen and keypad mode, and repaints everything.
        _ = endwin()
        _ = reset_prog_mode()
        SignalGuard.writeSequence(PasteMarker.enableSequence)
        setSGRMouse(true)
        cursorVisible = nil
        if let window {
            _ = clearok(window, true)
            _ = wrefresh(window)
        }
        return true
    }

    /// Puts `text` on the terminal's clipboard with an OSC 52 sequence, written after curses'
    /// last refresh (the sequence moves no cursor and draws nothing).
    public func copyToClipboard(_ text: String) {
        guard !ended, !suspended else { return }
        let bytes = Clipboard.osc52(text)
        _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// Shows `grid` on the terminal with one refresh; cells outside the terminal are left out.
    public func draw(_ grid: Grid) {
        guard let window, !ended, !suspended else { return }
        _ = werase(window)
        let (columns, rows) = size
        for y in 0..<min(rows, grid.height) {
            for x in 0..<min(columns, grid.width) {
                let cell = grid[x: x, y: y]
                guard cell.width > 0 else { continue }
                let visible = x + cell.width <= columns ? cell : Cell.blank(cell.style)
                let (attributes, pair) = cursesStyle(visible.style)
                let encoded = CellEncoder.encode(visible, maxCharacters: Int(cte_ccharw_max())) { Int(wcwidth(wchar_t(bitPattern: $0))) }
                for (offset, characters) in encoded.enumerated() {
                    var cchar = cchar_t()
                    let text = characters.map { wchar_t(bitPattern: $0) } + [0]
                    let status = text.withUnsafeBufferPointer { buffer in
                        setcchar(&cchar, buffer.baseAddress, attributes, pair, nil)
                    }
                    guard status == OK else { continue }
                    // The bottom-right cell reports ERR (the cursor cannot advance) but is written.
                    _ = mvwadd_wch(window, Int32(y), Int32(x + offset), &cchar)
                }
            }
        }
        if let cursor = grid.cursor, cursor.x < columns, cursor.y < rows {
            setCursorVisible(true)
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursorVisible(false)
        }
        _ = wrefresh(window)
    }

    /// The next key or paste, waiting up to `timeoutMilliseconds` (negative: wait for ever); nil
    /// on timeout, on a signal, or for a key the explorer does not use.
    ///
    /// A bracketed paste (the terminal's `ESC [200~` ... `ESC [201~`) comes back whole as one
    /// `.paste`, however many reads it takes; a paste whose end marker never comes ends after a
    /// second of silence. On `.resize` the pane window has already been recreated at the new size.
    public func readInput(timeoutMilliseconds: Int) -> TerminalInput? {
        guard !ended, !suspended else { return nil }
        if window == nil { recreateWindow() }
        guard let window else {
            // No window to read from: wait anyway, so a polling loop does not spin.
            _ = napms(Int32(clamping: timeoutMilliseconds < 0 ? 100 : timeoutMilliseconds))
            return nil
        }
        wtimeout(window, Int32(clamping: timeoutMilliseconds < 0 ? -1 : timeoutMilliseconds))
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        guard result != ERR else { return nil }
        if PasteMarker.isStart(isFunctionKey: result == KEY_CODE_YES, code: UInt32(code)) {
            return readPaste()
        }
        if readsSGRMouse && result == KEY_CODE_YES && Int32(code) == SGRMouse.startCode {
            return readSGRMouseReport()
        }
        if result == KEY_CODE_YES && Int32(code) == KEY_MOUSE {
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return MouseDecoder.decode(buttons: event.bstate, x: event.x, y: event.y).map(TerminalInput.mouse)
        }
        // A stray end marker (its paste was cut short) is no key, like other unknown codes.
        let key = KeyDecoder.decode(isFunctionKey: result == KEY_CODE_YES, code: UInt32(code))
        if key == .resize { recreateWindow() }
        return key.map(TerminalInput.key)
    }

    /// Reads a paste's text straight from the terminal, after curses has reported its start marker.
    ///
    /// curses reads input one byte per `read`, so nothing after the marker is in its buffer yet:
    /// reading the descriptor in large blocks here is safe, and makes a 1 MB paste a few reads
    /// instead of a million. Bytes after the end marker (keys typed after the paste) are handed
    /// back to curses. A paste whose end never comes ends after a second of silence.
    private func readPaste() -> TerminalInput {
        var reader = PasteReader()
        var block = [UInt8](repeating: 0, count: 65_536)
        while !reader.isFinished {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 1000)
            if ready < 0 && errno == EINTR {
                if SignalGuard.pendingSignal != nil { break }
                continue
            }
            guard ready > 0 else { break }
            let count = block.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            reader.consume(block[..<count])
        }
        // ungetch returns the last pushed byte first: push the leftovers in reverse.
        for byte in reader.leftover.reversed() { _ = ungetch(Int32(byte)) }
        return .paste(reader.text)
    }

    /// Reads the rest of an SGR mouse report straight from the terminal, after curses has
    /// reported its start (`ESC [<`); curses reads one byte per `read`, so the rest is still in
    /// the terminal's queue. Bytes that turn out not to be a report go back to curses as keys.
    private func readSGRMouseReport() -> TerminalInput? {
        var report = SGRMouseReport()
        var byte: UInt8 = 0
        while report.state == .reading {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0, read(STDIN_FILENO, &byte, 1) == 1 else { break }
            report.consume(byte)
        }
        guard case .finished(let event) = report.state else {
            for byte in report.bytes.reversed() { _ = ungetch(Int32(byte)) }
            return nil
        }
        return event.map(TerminalInput.mouse)
    }

    /// Turns the SGR report form on or off, when the session reads those reports itself.
    private func setSGRMouse(_ on: Bool) {
        guard readsSGRMouse else { return }
        SignalGuard.writeSequence(on ? SGRMouse.enableSequence : SGRMouse.disableSequence)
    }

    /// The next key, ignoring pastes; see `readInput`.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard case .key(let key)? = readInput(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        return key
    }

    /// Makes a new pane window at the terminal's current size.
    private func recreateWindow() {
        if let window { _ = delwin(window) }
        window = TerminalSession.makeWindow()
        if let window { _ = clearok(window, true) }
    }

    /// Gives the terminal back to the shell (e.g. to run `$EDITOR`); `resume()` takes it again.
    public func suspend() {
        guard !ended, !suspended else { return }
        _ = def_prog_mode()
        SignalGuard.writeSequence(PasteMarker.disableSequence)
        setSGRMouse(false)
        _ = endwin()
        SignalGuard.setCursesActive(false)
        suspended = true
    }

    /// Takes the terminal back after `suspend()` and redraws the last screen in full.
    public func resume() {
        guard !ended, suspended else { return }
        _ = reset_prog_mode()
        SignalGuard.writeSequence(PasteMarker.enableSequence)
        setSGRMouse(true)
        SignalGuard.setCursesActive(true)
        suspended = false
        cursorVisible = nil
        if let window {
            _ = clearok(window, true)
            _ = wrefresh(window)
        }
    }

    /// Runs `body` with the terminal given back to the shell, then resumes curses.
    public func withSuspended<T>(_ body: () throws -> T) rethrows -> T {
        suspend()
        defer { resume() }
        return try body()
    }

    /// Restores the terminal and the previous signal handlers; safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        if let window { _ = delwin(window) }
        window = nil
        if !suspended {
            SignalGuard.writeSequence(PasteMarker.disableSequence)
            setSGRMouse(false)
            _ = endwin()
        }
        SignalGuard.setCursesActive(false)
        if let screen { delscreen(screen) }
        screen = nil
        SignalGuard.restore()
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        _ = curs_set(visible ? 1 : 0)
    }

    /// The curses attributes and colour pair for `style`, allocating the pair on first use.
    private func cursesStyle(_ style: Style) -> (attr_t, Int16) {
        var attributes = cte_attr_normal
        if style.bold { attributes |= cte_attr_bold }
        if style.dim { attributes |= cte_attr_dim }
        if style.underline { attributes |= cte_attr_underline }
        if style.reverse { attributes |= cte_attr_reverse }
        if style.italic { attributes |= cte_attr_italic }
        guard var table = pairs else { return (attributes, 0) }
        let (pair, colors, isNew) = table.pair(for: style)
        if isNew { _ = init_pair(pair, colors.foreground, colors.background) }
        pairs = table
        return (attributes, pair)
    }
}
