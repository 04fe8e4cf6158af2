import Foundation
import Testing
import TestSupport

/// Signals from outside and Ctrl-C in a real terminal (tmux): the terminal always comes back, a
/// stopped explorer takes it back on SIGCONT, a crash never hangs, unsaved edits survive SIGTERM.
@Suite(.enabled(if: TmuxSession.shouldRunTests && Binary.shouldRunTests, "needs tmux and the built cognito-explorer"),
       .serialized)
struct SignalTmuxTests {
    static func start(_ folder: TemporaryFolder, environment: [String: String] = [:]) throws -> TmuxSession {
        try ExplorerTmuxTests.start(folder, environment: environment)
    }

    static func pid(_ session: TmuxSession) throws -> pid_t {
        let text = try session.display("#{pane_pid}")
        guard let pid = pid_t(text), pid > 1 else { throw TmuxSession.Failure.commandFailed("pane_pid", text) }
        return pid
    }

    /// The terminal settings of the pane, as `stty -a` prints them.
    static func terminalSettings(_ session: TmuxSession) throws -> String {
        let tty = try session.display("#{pane_tty}")
        return try session.run(["stty", "-F", tty, "-a"])
    }

    /// The state letter of a process in /proc (R running, S sleeping, T stopped), if it exists.
    static func processState(_ pid: pid_t) -> String? {
        let stat = String(decoding: Repository.bytes(of: "/proc/\(pid)/stat"), as: UTF8.self)
        // The name in parentheses may hold spaces: the state follows the last ')'.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ").first.map(String.init)
    }

    /// Starts copying everything the program writes to the terminal into a file, and returns its path.
    ///
    /// tmux reports no cursor for a dead pane (`#{cursor_flag}` is 0 even after `tput cnorm`), so
    /// whether the cursor was made visible again is read from the output itself.
    static func logOutput(_ session: TmuxSession, in folder: TemporaryFolder) throws -> String {
        let path = folder.path + "/terminal-output.log"
        try session.tmux(["pipe-pane", "-t", session.name, "-o", "cat >> '\(path)'"])
        return path
    }

    /// True when the output ends with the cursor shown: its last "show cursor" sequence comes after
    /// its last "hide cursor" one (waits up to 5 s for the pane's last output to reach the log).
    static func cursorShownAtEnd(_ logPath: String) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        repeat {
            let text = String(decoding: Repository.bytes(of: logPath), as: UTF8.self)
            let hidden = text.range(of: "\u{1B}[?25l", options: .backwards)?.lowerBound
            if let shown = text.range(of: "\u{1B}[?25h", options: .backwards)?.lowerBound, hidden.map({ shown > $0 }) ?? true {
                return true
            }
            usleep(20_000)
        } while Date() < deadline
        return false
    }

    /// True when the pane's output holds `text` (waits up to 5 s for the output to reach the log).
    static func output(_ logPath: String, contains text: String) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        repeat {
            if String(decoding: Repository.bytes(of: logPath), as: UTF8.self).contains(text) { return true }
            usleep(20_000)
        } while Date() < deadline
        return false
    }

    /// Flips the boolean autoConfirmUser of PreSignUp_SignUp.json: one unsaved edit.
    static func makeAnEdit(_ session: TmuxSession) throws {
        try session.send("Down", "Tab", "Tab")
        try session.waitFor(text: "autoConfirmUser")
        try session.send("Space")
        try session.waitFor("the unsaved mark") { $0.contains("●") }
    }

    // MARK: Item 12: terminating signals

    @Test("SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM and a real-time signal give the terminal back and exit with 128 + the signal",
          arguments: [SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGRTMIN_PLUS_2])
    func terminatingSignal(signal: Int32) throws {
        let (folder, _) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        let log = try Self.logOutput(session, in: folder)
        #expect(try session.display("#{alternate_on}") == "1")
        #expect(try session.display("#{cursor_flag}") == "0")
        kill(try Self.pid(session), signal)
        let status = try session.waitForExit()
        #expect(status == 128 + signal)
        // Exited by itself with a status, not killed by the signal's default action.
        #expect(try session.display("#{pane_dead_signal}") == "")
        #expect(try session.display("#{alternate_on}") == "0")
        #expect(Self.cursorShownAtEnd(log))
    }

    // MARK: Item 11: stop and continue

    @Test("kill -STOP, the terminal reset to cooked mode and drawn over, kill -CONT: keys do not echo and the screen is repainted")
    func stopAndContinue() throws {
        let (folder, _) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        let pid = try Self.pid(session)
        #expect(try Self.terminalSettings(session).contains("-echo"))
        // tmux sends SIGCONT to a pane's process as soon as it sees it stop, which would race with
        // the test; stopping the tmux server first keeps the explorer stopped until we continue both.
        guard let server = pid_t(try session.display("#{pid}")) else { throw TmuxSession.Failure.commandFailed("pid", "") }
        let tty = try session.display("#{pane_tty}")
        kill(server, SIGSTOP)
        defer { kill(server, SIGCONT) }
        kill(pid, SIGSTOP)
        // kill returns before the process has stopped: wait until /proc says it has.
        let deadline = Date().addingTimeInterval(5)
        while Self.processState(pid) != "T" && Date() < deadline { usleep(5_000) }
        #expect(Self.processState(pid) == "T")
        // What a shell does to a stopped job's terminal, and output of something else meanwhile.
        try session.run(["stty", "-F", tty, "sane"])
        #expect(try session.run(["stty", "-F", tty, "-a"]).contains(" echo "))
        try Data("\u{1B}[2J\u{1B}[HSCRIBBLED WHILE STOPPED\r\n".utf8).write(to: URL(fileURLWithPath: tty))
        kill(server, SIGCONT)
        kill(pid, SIGCONT)
        // The scribble cleared the screen: the panes are back only if the explorer repainted.
        try session.waitFor("the repaint") { $0.contains("Events 3") && !$0.contains("SCRIBBLED") }
        let settings = try Self.terminalSettings(session)
        #expect(settings.contains("-echo"))
        #expect(settings.contains("-icanon"))
        // Typed text is not echoed: an unbound key only gets the status bar's one-character note.
        try session.type("%%%")
        try session.waitFor(text: "does nothing here")
        #expect(!(try session.screen()).contains("%%%"))
        // And the keys still work.
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    // MARK: Item 13: crashes

    @Test("a trap with Swift's interactive backtracer on a terminal: terminal back, a crash line and a backtrace, exit 132, no hang")
    func crashNeverHangs() throws {
        let (folder, _) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let session = try TmuxSession([Binary.required(), folder.path], width: 100, height: 30,
                                      directory: folder.path,
                                      environment: ["COGNITO_EXPLORER_TEST_CRASH": "after-first-frame",
                                                    "SWIFT_BACKTRACE": "enable=yes,interactive=yes"])
        let status = try session.waitForExit(timeout: 20)
        #expect(status == 128 + SIGILL || status == 128 + SIGTRAP, "expected 132 or 133, got \(status)")
        #expect(try session.display("#{pane_dead_signal}") == "")
        #expect(try session.display("#{alternate_on}") == "0")
        
        let screen = try session.screen()
        #expect(screen.contains("cognito-explorer crashed"))
        #expect(screen.contains("Backtrace:"))
    }

    @Test("SIGSEGV and SIGABRT from outside, with the interactive backtracer: exit 128 + the signal, terminal back",
          arguments: [SIGSEGV, SIGABRT])
    func faultSignal(signal: Int32) throws {
        let (folder, _) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder, environment: ["SWIFT_BACKTRACE": "enable=yes,interactive=yes"])
        let log = try Self.logOutput(session, in: folder)
        kill(try Self.pid(session), signal)
        #expect(try session.waitForExit(timeout: 20) == 128 + signal)
        #expect(try session.display("#{alternate_on}") == "0")
        #expect(Self.cursorShownAtEnd(log))
        // The log, not the screen: the backtrace under the crash line can be longer than the
        // pane (deep stacks, long binary paths) and push the line off the top.
        #expect(Self.output(log, contains: "cognito-explorer crashed"))
    }

    // MARK: Item 4: Ctrl-C and recovery files

    @Test("Ctrl-C in a text input cancels it and keeps the edits; at the top it asks, and a second Ctrl-C quits with 130")
    func ctrlCCancelsThenAsks() throws {
        let (folder, originals) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        try Self.makeAnEdit(session)
        try session.send("/")
        try session.waitFor(text: "Enter keep · Esc back")
        try session.type("half typed")
        try session.waitFor(text: "half typed")
        try session.send("C-c")
        try session.waitFor("the prompt to close") { !$0.contains("half typed") && !$0.contains("Enter keep") }
        #expect(try session.display("#{pane_dead}") == "0")
        #expect(try session.screen().contains("●"))
        try session.send("C-c")
        try session.waitFor(text: "Ctrl-C again quits without saving")
        try session.send("C-c")
        #expect(try session.waitForExit() == 130)
        #expect(try session.display("#{alternate_on}") == "0")
        #expect(ExplorerTmuxTests.contents(folder, "PreSignUp_SignUp.json") == originals["PreSignUp_SignUp.json"])
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/.PreSignUp_SignUp.json.recover"))
    }

    @Test("Ctrl-C without unsaved edits quits at once with 130")
    func ctrlCWithoutEditsQuits() throws {
        let (folder, _) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        try session.send("C-c")
        #expect(try session.waitForExit() == 130)
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test("SIGTERM and SIGHUP with unsaved edits keep them in a private recovery file, offered the next time: restore, then save",
          arguments: [SIGTERM, SIGHUP])
    func recoveryAfterSignal(signal: Int32) throws {
        let (folder, originals) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let name = "PreSignUp_SignUp.json"
        let recovery = folder.path + "/." + name + ".recover"
        let session = try Self.start(folder)
        try Self.makeAnEdit(session)
        kill(try Self.pid(session), signal)
        #expect(try session.waitForExit() == 128 + signal)
        #expect(try session.display("#{alternate_on}") == "0")
        #expect(try session.screen().contains("kept in"))
        // The file itself is untouched; the edit is in the recovery file, readable by its owner only.
        #expect(ExplorerTmuxTests.contents(folder, name) == originals[name])
        let edited = ExplorerTmuxTests.replacingOnce(originals[name] ?? "", "\"autoConfirmUser\": false", "\"autoConfirmUser\": true")
        #expect(ExplorerTmuxTests.contents(folder, "." + name + ".recover") == edited)
        let mode = (try FileManager.default.attributesOfItem(atPath: recovery)[.posixPermissions] as? Int) ?? -1
        #expect(mode == 0o600)

        let again = try Self.start(folder)
        try again.send("Down")
        try again.waitFor(text: "Recovery file found")
        try again.send("r")
        try again.waitFor("the restored edit") { $0.contains("restored") && $0.contains("●") }
        #expect(!FileManager.default.fileExists(atPath: recovery))
        try again.send("w")
        try again.waitFor(text: "saved \(name)")
        #expect(ExplorerTmuxTests.contents(folder, name) == edited)
        try again.send("q")
        #expect(try again.waitForExit() == 0)
    }

    @Test("a recovery file kept for later is offered again in the next run; discard deletes it")
    func recoveryKeepThenDiscard() throws {
        let (folder, originals) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let name = "PreSignUp_SignUp.json"
        let recovery = folder.path + "/." + name + ".recover"
        let session = try Self.start(folder)
        try Self.makeAnEdit(session)
        kill(try Self.pid(session), SIGTERM)
        #expect(try session.waitForExit() == 143)

        let keep = try Self.start(folder)
        try keep.send("Down")
        try keep.waitFor(text: "Recovery file found")
        try keep.send("k")
        try keep.waitFor(text: "for later")
        #expect(!(try keep.screen()).contains("●"))
        try keep.send("q")
        #expect(try keep.waitForExit() == 0)
        #expect(FileManager.default.fileExists(atPath: recovery))

        let discard = try Self.start(folder)
        try discard.send("Down")
        try discard.waitFor(text: "Recovery file found")
        try discard.send("d")
        try discard.waitFor(text: "discarded the recovery file")
        try discard.send("q")
        #expect(try discard.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: recovery))
        #expect(ExplorerTmuxTests.contents(folder, name) == originals[name])
    }

    /// An `$EDITOR` that leaves the text as it is and returns only once `flag` exists (then removes it).
    static func waitingEditor(in folder: TemporaryFolder) throws -> (editor: String, flag: String) {
        let flag = folder.path + "/editor-may-return"
        let editor = try folder.write("editor.sh", "#!/bin/sh\nwhile [ ! -f '\(flag)' ]; do sleep 0.02; done\nrm -f '\(flag)'\n")
        chmod(editor, 0o755)
        return (editor, flag)
    }

    @Test("Ctrl-C while $EDITOR runs is the editor's: the explorer keeps running with its edits; SIGTERM then still keeps them")
    func signalsDuringTheEditor() throws {
        let (folder, originals) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let (editor, flag) = try Self.waitingEditor(in: folder)
        let session = try Self.start(folder, environment: ["EDITOR": editor, "VISUAL": editor])
        let name = "CustomMessage_SignUp.json"
        try session.send("Tab", "Tab", "j", "j", "Enter")
        try session.waitFor(text: "emailSubject (text)")
        try session.type("Hello")
        try session.send("Enter")
        try session.waitFor("the unsaved mark") { $0.contains("●") }
        try session.send("o")
        try session.waitFor("the editor to take the terminal") { !$0.contains("Events 3") }
        try session.send("C-c")
        FileManager.default.createFile(atPath: flag, contents: nil)
        try session.waitFor(text: "Events 3")
        #expect(try session.display("#{pane_dead}") == "0", "a Ctrl-C typed in the editor does not end the explorer")
        #expect(try session.screen().contains("●"))

        try session.send("o")
        try session.waitFor("the editor to take the terminal") { !$0.contains("Events 3") }
        kill(try Self.pid(session), SIGTERM)
        FileManager.default.createFile(atPath: flag, contents: nil)
        #expect(try session.waitForExit() == 143)
        #expect(try session.display("#{alternate_on}") == "0")
        #expect(ExplorerTmuxTests.contents(folder, name) == originals[name])
        #expect(ExplorerTmuxTests.contents(folder, "." + name + ".recover").contains("\"emailSubject\": \"Hello\""))
    }

    // MARK: Item 10: bracketed paste

    @Test("a bracketed paste (tmux paste-buffer -p) lands in a text input as one insertion; Enter and Esc inside it are text")
    func bracketedPaste() throws {
        let (folder, _) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        try session.send("/")
        try session.waitFor("the filter prompt") { $0.lowercased().contains("filter") }
        // Without bracketed paste, the Escape would cancel the prompt and q would then quit.
        try session.tmux(["set-buffer", "-b", "cte", "Sign\u{1B}q"])
        try session.tmux(["paste-buffer", "-p", "-b", "cte", "-t", session.name])
        try session.waitFor(text: "Sign\\u001bq")
        #expect(try session.display("#{pane_dead}") == "0")
        try session.send("C-u")
        // Keys typed right after a paste, in the same read, are keys again.
        try session.type("\u{1B}[200~zzz\u{1B}[201~yyy")
        try session.waitFor(text: "zzzyyy")
        try session.send("Escape")
        try session.waitFor("the prompt to close") { !$0.contains("zzzyyy") }
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("a 300 KB paste into a value arrives whole, and Enter and w save it")
    func largePaste() throws {
        let (folder, _) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        // CustomMessage_SignUp.json is first; its response's emailSubject is a text input.
        try session.send("Tab", "Tab", "j", "j", "Enter")
        try session.waitFor(text: "emailSubject (text)")
        let text = String(repeating: "0123456789", count: 30_000) + "名END"
        let bufferFile = try folder.write("paste.txt", text)
        try session.tmux(["load-buffer", "-b", "big", bufferFile])
        try session.tmux(["paste-buffer", "-p", "-b", "big", "-t", session.name])
        try session.waitFor(text: "名END")
        try session.send("Enter")
        try session.waitFor(text: "emailSubject = ")
        try session.send("w")
        try session.waitFor(text: "saved CustomMessage_SignUp.json")
        let saved = ExplorerTmuxTests.contents(folder, "CustomMessage_SignUp.json")
        #expect(saved.contains("\"emailSubject\": \"\(text)\""))
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }
}

/// A real-time signal, as glibc numbers them for programs (SIGRTMIN is 34 and glibc keeps two).
let SIGRTMIN_PLUS_2: Int32 = 36
