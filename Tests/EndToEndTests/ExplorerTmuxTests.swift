import Foundation
import Testing
import TestSupport

/// The real binary in a real terminal (tmux): type keys, read the screen, check the files on disk.
@Suite(.enabled(if: TmuxSession.shouldRunTests && Binary.shouldRunTests, "needs tmux and the built cognito-explorer"),
       .serialized)
struct ExplorerTmuxTests {
    /// Copies three fixtures into a fresh folder, so saving never touches the repository.
    static func workspace() throws -> (TemporaryFolder, [String: String]) {
        let folder = try TemporaryFolder()
        var originals: [String: String] = [:]
        for source in ["pre-sign-up/PreSignUp_SignUp.json", "user-migration/UserMigration_Authentication.json",
                       "custom-message/CustomMessage_SignUp.json"] {
            let name = URL(fileURLWithPath: source).lastPathComponent
            let text = String(decoding: Repository.bytes(of: Repository.fixtures + "/" + source), as: UTF8.self)
            try folder.write(name, text)
            originals[name] = text
        }
        return (folder, originals)
    }

    static func start(_ folder: TemporaryFolder, width: Int = 100, height: Int = 30,
                      environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession([Binary.required(), folder.path], width: width, height: height,
                                      directory: folder.path, environment: environment)
        try session.waitFor(text: "Events 3")
        return session
    }

    static func contents(_ folder: TemporaryFolder, _ name: String) -> String {
        String(decoding: Repository.bytes(of: folder.path + "/" + name), as: UTF8.self)
    }

    /// Replaces exactly one occurrence, failing the test when the text is not there once.
    static func replacingOnce(_ text: String, _ old: String, _ new: String) -> String {
        let parts = text.components(separatedBy: old)
        #expect(parts.count == 2, "expected exactly one \(old)")
        return parts.joined(separator: new)
    }

    @Test("edit a boolean, an enum and a string with wide characters, save: only those values change")
    func editAndSave() throws {
        let (folder, originals) = try Self.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)

        // Boolean: PreSignUp (second row), response pane, Space flips autoConfirmUser.
        try session.send("Down", "Tab", "Tab")
        try session.waitFor(text: "autoConfirmUser")
        try session.send("Space")
        try session.waitFor("the unsaved mark") { $0.contains("●") }
        try session.send("w")
        try session.waitFor(text: "saved PreSignUp_SignUp.json")

        // Enum: UserMigration (third row), finalUserStatus is the second response field.
        try session.send("Tab", "Down", "Tab", "Tab", "Down", "Enter")
        try session.waitFor(text: "finalUserStatus: choose a value")
        try session.send("Down", "Enter")
        try session.waitFor(text: "RESET_REQUIRED")
        try session.send("C-s")
        try session.waitFor(text: "saved UserMigration_Authentication.json")

        // String with wide characters and cursor movement: CustomMessage (first row), emailSubject.
        try session.send("Tab", "g", "Tab", "Tab", "Down", "Down", "Enter")
        try session.waitFor(text: "response.emailSubject (text)")
        try session.type("Code 確認 👍")
        try session.send("Home")
        try session.type("Ihr ")
        try session.send("End", "Left")
        try session.type("!")
        try session.send("Enter")
        try session.waitFor(text: "Ihr Code 確認 !👍")
        try session.send("w")
        try session.waitFor(text: "saved CustomMessage_SignUp.json")

        let preSignUp = originals["PreSignUp_SignUp.json"] ?? ""
        #expect(Self.contents(folder, "PreSignUp_SignUp.json") == Self.replacingOnce(preSignUp, "\"autoConfirmUser\": false", "\"autoConfirmUser\": true"))
        let migration = originals["UserMigration_Authentication.json"] ?? ""
        #expect(Self.contents(folder, "UserMigration_Authentication.json") == Self.replacingOnce(migration, "\"finalUserStatus\": null", "\"finalUserStatus\": \"RESET_REQUIRED\""))
        let message = originals["CustomMessage_SignUp.json"] ?? ""
        #expect(Self.contents(folder, "CustomMessage_SignUp.json") == Self.replacingOnce(message, "\"emailSubject\": null", "\"emailSubject\": \"Ihr Code 確認 !👍\""))

        try session.send("q")
        #expect(try session.waitForExit() == 0)
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test("the newcomer's tutorial: find the CustomMessage problem, read the field's meaning, fix it, save")
    func tutorial() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let name = "custom-message-missing-code.json"
        let original = String(decoding: Repository.bytes(of: Repository.fixtures + "/invalid/" + name), as: UTF8.self)
        try folder.write(name, original)
        let session = try TmuxSession([Binary.required(), folder.path], width: 100, height: 30, directory: folder.path)
        try session.waitFor(text: "Events 1")
        // The list marks the file as having errors; the response pane says where.
        // The row: its mark, its name (cut to leave room for the error count), the count.
        try session.waitFor("the list row with its error count") { $0.contains("✗  custom-message-missi") && $0.contains("1✗") }
        try session.send("Tab", "Tab", "Down")
        let focused = try session.waitFor(text: "response.emailMessage")
        #expect(focused.contains("does not contain the code placeholder {####}"))
        #expect(focused.contains("The email body"))  // the field explains itself
        try session.send("Enter", "End")
        try session.type("<p>Your code: {####}</p>")
        try session.send("Enter")
        try session.waitFor(text: "Response · valid")
        try session.send("w")
        try session.waitFor(text: "saved \(name)")
        #expect(Self.contents(folder, name) == Self.replacingOnce(original, "</body></html>\"", "</body></html><p>Your code: {####}</p>\""))
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("quitting with unsaved changes asks; cancel keeps them, discard leaves the file as it was")
    func quitWithUnsavedChangesAsks() throws {
        let (folder, originals) = try Self.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        try session.send("Down", "Tab", "Tab")
        try session.waitFor(text: "autoConfirmUser")
        try session.send("Space")
        try session.waitFor("the unsaved mark") { $0.contains("●") }
        try session.send("q")
        let prompt = try session.waitFor("a save / discard / cancel question") { $0.lowercased().contains("discard") }
        #expect(prompt.lowercased().contains("save"))
        try session.send("Escape")
        try session.waitFor("the prompt to close") { !$0.lowercased().contains("discard") }
        #expect(try session.display("#{pane_dead}") == "0")
        try session.send("q")
        try session.waitFor("the question again") { $0.lowercased().contains("discard") }
        try session.send("d")
        #expect(try session.waitForExit() == 0)
        #expect(Self.contents(folder, "PreSignUp_SignUp.json") == originals["PreSignUp_SignUp.json"])
    }

    @Test("resizing redraws at the new size; a tiny terminal says what it needs")
    func resize() throws {
        let (folder, _) = try Self.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        try session.resize(width: 30, height: 8)
        try session.waitFor(text: "terminal too small")
        try session.resize(width: 80, height: 24)
        let screen = try session.waitFor(text: "Events 3")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { !$0.isEmpty }.count <= 24)
        #expect(lines.allSatisfy { $0.count <= 80 })
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("Ctrl-C with unsaved edits asks; a second Ctrl-C exits with status 130 and gives the terminal back")
    func interrupt() throws {
        let (folder, originals) = try Self.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        try session.send("Down", "Tab", "Tab", "Space")
        try session.waitFor("the unsaved mark") { $0.contains("●") }
        try session.send("C-c")
        try session.waitFor("the save / discard / cancel question") { $0.lowercased().contains("discard") }
        #expect(try session.display("#{pane_dead}") == "0")
        try session.send("C-c")
        #expect(try session.waitForExit() == 130)
        #expect(try session.display("#{alternate_on}") == "0")
        // Nothing half-written: the file is the original, and no temporary file is left.
        #expect(Self.contents(folder, "PreSignUp_SignUp.json") == originals["PreSignUp_SignUp.json"])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") || $0.contains("tmp") }
        #expect(names.sorted() == ["CustomMessage_SignUp.json", "PreSignUp_SignUp.json", "UserMigration_Authentication.json"])
    }

    @Test("SIGTERM restores the terminal and exits with 143")
    func terminate() throws {
        let (folder, _) = try Self.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        let pid = try session.display("#{pane_pid}")
        kill(pid_t(pid) ?? 0, SIGTERM)
        #expect(try session.waitForExit() == 143)
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test("SIGHUP (the terminal went away) restores the terminal and exits with 129")
    func hangUp() throws {
        let (folder, _) = try Self.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        let pid = try session.display("#{pane_pid}")
        kill(pid_t(pid) ?? 0, SIGHUP)
        #expect(try session.waitForExit() == 129)
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test("a crash gives the terminal back")
    func crash() throws {
        let (folder, _) = try Self.workspace()
        defer { folder.cleanUp() }
        let session = try TmuxSession([Binary.required(), folder.path], width: 100, height: 30,
                                      directory: folder.path, environment: ["COGNITO_EXPLORER_TEST_CRASH": "after-first-frame"])
        let status = try session.waitForExit(timeout: 30)
        #expect(status > 128, "expected death by a signal, got \(status)")
        #expect(try session.display("#{alternate_on}") == "0")
    }

    @Test("a 256-colour terminal gets 256 colours; an 8-colour terminal only the 8 base colours")
    func eightColours() throws {
        let (folder, _) = try Self.workspace()
        defer { folder.cleanUp() }
        func styledScreen(term: String) throws -> String {
            // `env` sets TERM for the program itself; tmux would otherwise give it its default-terminal.
            let session = try TmuxSession(["/usr/bin/env", "TERM=\(term)", Binary.required(), folder.path],
                                          width: 100, height: 30, directory: folder.path)
            try session.waitFor(text: "Events 3")
            let styled = try session.styledScreen()
            try session.send("q")
            #expect(try session.waitForExit() == 0)
            return styled
        }
        let rich = try styledScreen(term: "tmux-256color")
        #expect(rich.contains("38;5;"), "the 256-colour theme is in use")
        let poor = try styledScreen(term: "xterm")
        #expect(!poor.contains("38;5;") && !poor.contains("48;5;"), "256-colour codes on an 8-colour terminal")
        let baseColours = (30...37).map { "\u{1B}[\($0)m" } + (30...37).map { ";\($0)m" }
        #expect(baseColours.contains { poor.contains($0) }, "some base colour is still used")
    }

    @Test("without a terminal it says so and suggests show")
    func noTerminal() throws {
        let result = try Binary.run([Repository.fixtures])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a terminal"))
        #expect(result.stderr.contains("cognito-explorer show FILE"))
    }

    @Test("NO_COLOR draws without colour")
    func noColor() throws {
        let (folder, _) = try Self.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder, environment: ["NO_COLOR": "1"])
        let styled = try session.styledScreen()
        // The same screen without NO_COLOR has colour, so the check below can fail.
        let coloured = try Self.start(folder)
        #expect((try coloured.styledScreen()).contains("38;5;"))
        try coloured.send("q")
        // Reverse video and bold may appear; colour escapes (30-37, 38;5, 90-97) may not.
        let colourCodes = styled.components(separatedBy: "\u{1B}[").dropFirst().filter { sequence in
            let codes = sequence.prefix { $0 != "m" }.split(separator: ";").compactMap { Int($0) }
            return codes.contains { (30...37).contains($0) || (40...47).contains($0) || (90...97).contains($0) || $0 == 38 || $0 == 48 }
        }
        #expect(colourCodes.isEmpty, "\(colourCodes.prefix(3))")
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("J opens the raw view in a real terminal: the file's lines, numbered, the unsaved edit in them; Esc leaves")
    func rawView() throws {
        let (folder, _) = try Self.workspace()
        defer { folder.cleanUp() }
        let session = try Self.start(folder)
        // The list is sorted by name: CustomMessage, PreSignUp, UserMigration.
        try session.send("Down", "Tab", "Tab")
        try session.waitFor(text: "autoConfirmUser")
        try session.send("Space", "J")
        let screen = try session.waitFor(text: "Raw · PreSignUp_SignUp.json")
        #expect(screen.contains("with unsaved edits"))
        #expect(screen.contains("\"autoConfirmUser\": true"))
        #expect(screen.contains(" 26     \"autoConfirmUser\": true,"), "opens at the value under the cursor")
        try session.send("g")
        try session.waitFor(text: "  1 {")
        try session.send("G")
        try session.waitFor(text: "100%")
        try session.send("Escape")
        try session.waitFor("the raw view to close") { !$0.contains("Raw · ") }
        try session.send("q")
        try session.waitFor("the unsaved-edits question") { $0.lowercased().contains("discard") }
        try session.send("d")
        #expect(try session.waitForExit() == 0)
    }
}
