import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// `W` and `w` against hostile or existing targets: devices and pipes are refused, an existing file
/// is replaced only after asking, the file's own name is a plain save.
@Suite("Save targets")
struct SaveTargetTests {
    static let preSignUp = "pre-sign-up/PreSignUp_SignUp.json"

    @Test("W onto an existing file asks; n keeps it and asks for another name; y replaces it")
    func saveAsOntoAnExistingFileAsks() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        let other = try file.folder.write("other.json", "{\"keep\": \"me\"}\n")
        var harness = ExplorerHarness([file.path], width: 120)
        try harness.press("Tab Tab Enter W C-u '\(other)' Enter")
        #expect(harness.state.mode == .replaceFile)
        #expect(harness.text.contains("already exists. Replace it with this event?"))
        #expect(harness.text.contains("y replace"))
        #expect(String(decoding: Repository.bytes(of: other), as: UTF8.self) == "{\"keep\": \"me\"}\n")
        try harness.press("n")
        #expect(harness.state.mode == .textInput)
        #expect(harness.text.contains("is kept\nas it is; type another name") || harness.text.contains("as it is; type another name"))
        #expect(String(decoding: Repository.bytes(of: other), as: UTF8.self) == "{\"keep\": \"me\"}\n")
        try harness.press("Enter y")
        #expect(String(decoding: Repository.bytes(of: other), as: UTF8.self) == harness.documentText)
        #expect(harness.state.statusMessage?.text.hasPrefix("wrote a copy to") == true)
        #expect(file.onDisk == file.original)
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
    }

    @Test("W with Esc at the question keeps the file")
    func escapeKeepsTheFile() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        let other = try file.folder.write("other.json", "{}\n")
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Enter W C-u '\(other)' Enter Escape Escape")
        #expect(String(decoding: Repository.bytes(of: other), as: UTF8.self) == "{}\n")
        #expect(harness.state.mode == .response)
    }

    @Test("W to the file's own name, however it is spelled, is a plain save")
    func saveAsToTheOwnNameIsAPlainSave() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Enter W Enter")
        #expect(harness.state.statusMessage?.text == "saved PreSignUp_SignUp.json")
        #expect(harness.state.unsavedEvents.isEmpty)
        #expect(file.onDisk == harness.documentText)
        // Another spelling of the same file.
        try harness.press("Space W C-u '\(file.folder.path)/./PreSignUp_SignUp.json' Enter")
        #expect(harness.state.statusMessage?.text == "saved PreSignUp_SignUp.json")
        #expect(harness.state.unsavedEvents.isEmpty)
        #expect(file.onDisk == file.original)
    }

    @Test("W to a device or a named pipe is refused with a clear message and replaces nothing",
          arguments: ["/dev/null", "pipe"])
    func saveAsToADeviceOrPipeIsRefused(target: String) throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var path = target
        if target == "pipe" {
            path = file.folder.path + "/pipe.json"
            #expect(mkfifo(path, 0o600) == 0)
        }
        var before = stat()
        stat(path, &before)
        var harness = ExplorerHarness([file.path], width: 160)
        try harness.press("Tab Tab Enter W C-u '\(path)' Enter")
        let kind = target == "pipe" ? "a named pipe (FIFO)" : "a character device"
        #expect(harness.state.statusMessage?.text == "\(path): is \(kind), not a regular file; cannot replace it; your edits are kept")
        var after = stat()
        stat(path, &after)
        #expect(after.st_ino == before.st_ino && (after.st_mode & S_IFMT) == (before.st_mode & S_IFMT))
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
    }

    @Test("a save of a hard-linked file says it was written in place")
    func saveInPlaceIsReported() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        #expect(link(file.path, file.folder.path + "/second-name.json") == 0)
        var harness = ExplorerHarness([file.path], width: 160)
        try harness.press("Tab Tab Enter w")
        #expect(harness.state.statusMessage?.text == "saved PreSignUp_SignUp.json (written in place, behind a backup copy, because it has 2 hard links)")
        #expect(String(decoding: Repository.bytes(of: file.folder.path + "/second-name.json"), as: UTF8.self) == harness.documentText)
    }
}
