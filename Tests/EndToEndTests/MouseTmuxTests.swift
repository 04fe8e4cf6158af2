import Foundation
import Testing
import TestSupport

/// The mouse in a real terminal: tmux writes SGR mouse reports into the pane (`send-keys -H`, the
/// bytes a terminal sends), ncurses or the session decodes them, and the screen shows the result.
@Suite(.enabled(if: TmuxSession.shouldRunTests && Binary.shouldRunTests, "needs tmux and the built cognito-explorer"),
       .serialized)
struct MouseTmuxTests {
    /// The bytes of an SGR report of `button` at column `x`, row `y` (from 0), pressed or released.
    static func sgr(_ button: Int, x: Int, y: Int, press: Bool = true) -> [String] {
        Array("\u{1B}[<\(button);\(x + 1);\(y + 1)\(press ? "M" : "m")".utf8).map { String(format: "%02x", $0) }
    }

    static func send(_ session: TmuxSession, _ bytes: [String]) throws {
        try session.tmux(["send-keys", "-t", session.name, "-H"] + bytes)
    }

    static func click(_ session: TmuxSession, x: Int, y: Int) throws {
        try send(session, sgr(0, x: x, y: y) + sgr(0, x: x, y: y, press: false))
    }

    /// The first screen line holding `needle`.
    static func line(of needle: String, in screen: String) throws -> Int {
        try #require(screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) },
                     "no line with \(needle) in\n\(screen)")
    }

    @Test("clicks select a list row and a response row, the wheel scrolls the pane under the pointer, past column 223 too",
          arguments: ["tmux-256color", "xterm-256color"])
    func clicksAndWheel(term: String) throws {
        let (folder, _) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        // TERM decides the protocol curses would use: xterm-256color's terminfo asks for SGR (XM
        // names 1006) and curses reads the reports; tmux-256color has no XM, so the session asks
        // for SGR itself and reads them.
        let session = try TmuxSession(["env", "TERM=\(term)", Binary.required(), folder.path], width: 260, height: 24,
                                      directory: folder.path)
        try session.waitFor(text: "Events 3")
        #expect(try session.display("#{mouse_standard_flag} #{mouse_sgr_flag}") == "1 1", "button reports in the SGR form")
        // The second list row (line 2) shows PreSignUp.
        try Self.click(session, x: 5, y: 2)
        try session.waitFor(text: "Request · Pre sign-up")
        // A click on a response row focuses the response pane and puts the cursor there: the
        // status bar names the field.
        var screen = try session.waitFor(text: "autoVerifyEmail")
        let row = try Self.line(of: "autoVerifyEmail", in: screen)
        try Self.click(session, x: 150, y: row)
        screen = try session.waitFor(text: "response.autoVerifyEmail")
        #expect(screen.contains("Enter edit"), "the response pane's hints show: \(screen)")
        // The wheel over the request pane, at column 240 (X10 reports stop at 223), scrolls it
        // by three rows while the response pane keeps the focus.
        #expect(screen.split(separator: "\n")[1].contains("version"))
        try Self.send(session, Self.sgr(65, x: 240, y: 5))
        screen = try session.waitFor("the request pane scrolled") { !$0.split(separator: "\n")[1].contains("version") }
        #expect(screen.split(separator: "\n")[1].contains("userPoolId"), "\(screen)")
        #expect(screen.contains("response.autoVerifyEmail"), "the focus stayed on the response pane")
        try Self.send(session, Self.sgr(64, x: 240, y: 5))
        try session.waitFor("the request pane scrolled back") { $0.split(separator: "\n")[1].contains("version") }
        // Keys work as before, and quitting gives the mouse back to the terminal.
        try session.send("q")
        #expect(try session.waitForExit() == 0)
        #expect(try session.display("#{mouse_standard_flag} #{mouse_sgr_flag}") == "0 0")
    }

    @Test("a terminal that sends the old X10 reports (ESC [M and three bytes) is understood too, through curses")
    func x10Reports() throws {
        let (folder, _) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let session = try ExplorerTmuxTests.start(folder)
        // Left button down and up at column 5, row 3 (from 0): bytes 32 + button, 33 + column, 33 + row.
        try Self.send(session, ["1b", "5b", "4d", "20", "26", "24", "1b", "5b", "4d", "23", "26", "24"])
        try session.waitFor(text: "Request · Migrate user")
        // The wheel down (button 65: 32 + 64 + 1) over the request pane scrolls it.
        try Self.send(session, ["1b", "5b", "4d", String(format: "%02x", 32 + 65), String(format: "%02x", 33 + 60), String(format: "%02x", 33 + 4)])
        let screen = try session.waitFor("the request pane scrolled") { !$0.split(separator: "\n")[1].contains("version") }
        #expect(!screen.contains("does nothing here"), "no stray key: \(screen)")
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("after the external editor returns, the mouse works again")
    func afterEditor() throws {
        let (folder, _) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let session = try ExplorerTmuxTests.start(folder, environment: ["EDITOR": "true", "VISUAL": "true"])
        try session.send("Tab", "Tab", "o")
        try session.waitFor(text: "no change to response.smsMessage")
        #expect(try session.display("#{mouse_standard_flag} #{mouse_sgr_flag}") == "1 1")
        try Self.click(session, x: 5, y: 3)
        try session.waitFor(text: "Request · Migrate user")
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("--no-mouse and COGNITO_EXPLORER_NO_MOUSE leave the mouse to the terminal: no mouse reports are asked for",
          arguments: [(["--no-mouse"], [:]), ([], ["COGNITO_EXPLORER_NO_MOUSE": "1"])] as [([String], [String: String])])
    func mouseOff(arguments: [String], environment: [String: String]) throws {
        let (folder, _) = try ExplorerTmuxTests.workspace()
        defer { folder.cleanUp() }
        let session = try TmuxSession([Binary.required()] + arguments + [folder.path], width: 100, height: 30,
                                      directory: folder.path, environment: environment)
        try session.waitFor(text: "Events 3")
        #expect(try session.display("#{mouse_standard_flag} #{mouse_sgr_flag} #{mouse_any_flag}") == "0 0 0")
        try session.send("Down")
        try session.waitFor(text: "Request · Pre sign-up")
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }
}
