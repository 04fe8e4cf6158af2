import Foundation
import Testing
import TestSupport

/// The trigger map and the file watcher in the real binary, in tmux.
@Suite(.enabled(if: TmuxSession.shouldRunTests && Binary.shouldRunTests, "needs tmux and the built cognito-explorer"),
       .serialized)
struct TriggerMapTmuxTests {
    static func start(_ folder: TemporaryFolder) throws -> TmuxSession {
        let session = try TmuxSession([Binary.required(), folder.path], directory: folder.path)
        try session.waitFor(text: "Events 1")
        return session
    }

    static func fixture(_ relative: String) -> String {
        String(decoding: Repository.bytes(of: Repository.fixtures + "/" + relative), as: UTF8.self)
    }

    @Test("t, Enter on a trigger, w with a name: the new event is written to that file, and quitting asks nothing")
    func newEventFromTheMap() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("PreSignUp_SignUp.json", Self.fixture("pre-sign-up/PreSignUp_SignUp.json"))
        let session = try Self.start(folder)
        try session.send("t")
        try session.waitFor(text: "Trigger map")
        try session.send("Down", "Enter")
        try session.waitFor(text: "new: CustomMessage_Sign")
        try session.send("w")
        try session.waitFor(text: "Save the new event as")
        try session.send("C-u")
        try session.type("welcome.json")
        try session.send("Enter")
        try session.waitFor(text: "saved the new event as welcome.json")
        let written = String(decoding: Repository.bytes(of: folder.path + "/welcome.json"), as: UTF8.self)
        #expect(written.contains("\"triggerSource\": \"CustomMessage_SignUp\""))
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("a file changed by another program is reloaded within a few seconds")
    func watchesTheOpenFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = Self.fixture("pre-sign-up/PreSignUp_SignUp.json")
        let path = try folder.write("PreSignUp_SignUp.json", original)
        let session = try Self.start(folder)
        try session.send("Tab", "Tab")
        try session.waitFor(text: "autoConfirmUser")
        // Another program writes the file: a different size, so the change shows however coarse mtime is.
        try Data(original.replacingOccurrences(of: "\"autoConfirmUser\": false", with: "\"autoConfirmUser\": true ").utf8)
            .write(to: URL(fileURLWithPath: path))
        try session.waitFor(text: "changed on disk; reloaded", timeout: 10)
        try session.waitFor("the new value") { $0.contains("autoConfirmUser boolean   true") }
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("a file changed on disk while it has unsaved edits keeps the edits and says so")
    func watchKeepsEdits() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = Self.fixture("pre-sign-up/PreSignUp_SignUp.json")
        let path = try folder.write("PreSignUp_SignUp.json", original)
        let session = try Self.start(folder)
        try session.send("Tab", "Tab")
        try session.waitFor(text: "autoConfirmUser")
        try session.send("Space")
        try session.waitFor("the unsaved mark") { $0.contains("● unsaved") }
        try Data((original + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try session.waitFor(text: "changed on disk; your edits are kept", timeout: 10)
        try session.send("q")
        try session.waitFor("the quit question") { $0.lowercased().contains("discard") }
        try session.send("d")
        #expect(try session.waitForExit() == 0)
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == original + "\n")
    }

    @Test("after an outside change to a file with edits, the row and status bar show ≠, and u back to no edits reloads it")
    func undoReloadsAChangedFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = Self.fixture("pre-sign-up/PreSignUp_SignUp.json")
        let path = try folder.write("PreSignUp_SignUp.json", original)
        let session = try Self.start(folder)
        try session.send("Tab", "Tab")
        try session.waitFor(text: "autoConfirmUser")
        try session.send("Space")
        try session.waitFor("the unsaved mark") { $0.contains("● unsaved") }
        let outside = original.replacingOccurrences(of: "\"autoVerifyEmail\": false", with: "\"autoVerifyEmail\": true ")
        try Data(outside.utf8).write(to: URL(fileURLWithPath: path))
        try session.waitFor("the changed-on-disk marks", timeout: 10) {
            $0.contains("✓≠ PreSignUp_SignUp") && $0.contains("PreSignUp_SignUp.json  ≠ changed on disk")
        }
        try session.send("w")
        try session.waitFor(text: "not saved: the file changed on disk")
        try session.send("u")
        try session.waitFor("the file as it is now") {
            $0.contains("autoVerifyEmail boolean   true") && $0.contains("autoConfirmUser boolean   false") && !$0.contains("≠")
        }
        try session.send("q")
        #expect(try session.waitForExit() == 0)
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == outside)
    }

    @Test("y puts the value under the cursor on the clipboard with OSC 52: tmux, with set-clipboard on, gets it as its buffer")
    func copyReachesTheClipboard() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        _ = try folder.write("PreSignUp_SignUp.json", Self.fixture("pre-sign-up/PreSignUp_SignUp.json"))
        let session = try Self.start(folder)
        _ = try session.tmux(["set-option", "-s", "set-clipboard", "on"])
        try session.send("Tab", "j", "Y")
        try session.waitFor(text: "copied the path triggerSource")
        try session.waitFor("the path in tmux's buffer", timeout: 5) { _ in
            ((try? session.tmux(["show-buffer"])) ?? "") == "triggerSource"
        }
        try session.send("y")
        try session.waitFor(text: "copied the value of triggerSource")
        try session.waitFor("the value in tmux's buffer", timeout: 5) { _ in
            ((try? session.tmux(["show-buffer"])) ?? "") == "PreSignUp_SignUp"
        }
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }
}

