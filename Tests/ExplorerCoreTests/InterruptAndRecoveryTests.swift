import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

extension ExplorerHarness {
    /// Applies an action as the terminal loop does (Ctrl-C arrives as `.interrupt`, a paste as
    /// `.paste`), performing the effects it leads to.
    mutating func apply(_ action: Action) {
        if let status = runner.drain(state.apply(action), into: &state) { exitStatus = status }
    }
}

/// Ctrl-C (SIGINT under cbreak) cancels what is open and quits like `q`, headless.
@Suite("Ctrl-C")
struct InterruptTests {
    static let preSignUp = "pre-sign-up/PreSignUp_SignUp.json"

    @Test("Ctrl-C in each input, question and overlay closes it; nothing quits and edits stay", arguments: [
        ("Tab /", Mode.textInput), ("/", .textInput), ("r", .rawEdit), ("?", .help), ("t", .triggerMap),
        ("Tab Enter", .pager),
    ])
    func cancelsWhatIsOpen(script: String, mode: Mode) throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Space")  // one unsaved edit
        let edited = harness.documentText
        try harness.press("Escape Tab " + script)
        guard harness.state.mode == mode else {
            Issue.record("the script \(script) opened \(harness.state.mode), not \(mode)")
            return
        }
        harness.apply(.interrupt)
        #expect(harness.state.mode != mode, "Ctrl-C closed the \(mode)")
        #expect(harness.exitStatus == nil)
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
        #expect(harness.documentText == edited)
    }

    @Test("Ctrl-C in a text input throws away what was typed there, not the edits")
    func cancelsTyping() throws {
        let file = try FixtureCopy("custom-message/CustomMessage_SignUp.json")
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab j j Enter 'first' Enter Enter")
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
        #expect(harness.state.mode == .textInput)
        try harness.press("C-u 'half typed'")
        let edited = harness.state.currentDocumentBytes
        harness.apply(.interrupt)
        #expect(harness.state.mode == .response)
        #expect(harness.state.currentDocumentBytes == edited)
        #expect(!harness.text.contains("half typed"))
    }

    @Test("without unsaved edits Ctrl-C quits at once with status 130")
    func quitsAtOnce() throws {
        var harness = ExplorerHarness([Repository.fixtures + "/" + Self.preSignUp])
        harness.apply(.interrupt)
        #expect(harness.exitStatus == 130)
    }

    @Test("with unsaved edits Ctrl-C asks like q; a second Ctrl-C quits with 130 without saving")
    func asksThenQuits() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Space")
        harness.apply(.interrupt)
        #expect(harness.exitStatus == nil)
        #expect(harness.state.mode == .confirm)
        #expect(harness.text.contains("Ctrl-C again quits without saving"))
        harness.apply(.interrupt)
        #expect(harness.exitStatus == 130)
        #expect(file.onDisk == file.original)
    }

    @Test("at q's question Ctrl-C also quits without saving; Esc there keeps everything")
    func ctrlCAtTheQuitQuestion() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Space q Escape")
        #expect(harness.exitStatus == nil)
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
        try harness.press("q")
        #expect(harness.state.mode == .confirm)
        harness.apply(.interrupt)
        #expect(harness.exitStatus == 130)
        #expect(file.onDisk == file.original)
    }

    @Test("a key script's C-c is the same Ctrl-C (headless runs match the terminal)")
    func keyScriptCtrlC() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Space C-c")
        #expect(harness.state.mode == .confirm)
        try harness.press("c")
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
        try harness.press("C-c C-c")
        #expect(harness.exitStatus == 130)
    }
}

/// Recovery files: written on a terminating signal, offered when the file is opened again.
@Suite("Recovery files", .serialized)
struct RecoveryTests {
    static let preSignUp = "pre-sign-up/PreSignUp_SignUp.json"

    static func edited(_ file: FixtureCopy) -> [UInt8] {
        Array(file.original.replacingOccurrences(of: "\"autoConfirmUser\": false", with: "\"autoConfirmUser\": true").utf8)
    }

    @Test("the name is .NAME.recover beside the file")
    func naming() {
        #expect(RecoveryFile.path(for: "/tmp/a/Event.json") == "/tmp/a/.Event.json.recover")
        #expect(RecoveryFile.path(for: "Event.json") == ".Event.json.recover")
        #expect(RecoveryFile.path(for: "dir/x y.json") == "dir/.x y.json.recover")
    }

    @Test("written private (0600) whatever the umask, replacing an older one, and read back byte for byte")
    func writtenPrivately() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        let target = RecoveryFile.path(for: file.path)
        _ = try file.folder.write("." + (file.path.split(separator: "/").last.map(String.init) ?? "") + ".recover", "old and public")
        chmod(target, 0o644)
        let previous = umask(0)
        defer { umask(previous) }
        let bytes = Self.edited(file) + [0, 0xFF, 0x0A]
        try RecoveryFile.write(bytes, for: file.path)
        var info = stat()
        #expect(stat(target, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(RecoveryFile.read(for: file.path) == bytes)
        // No temporary file is left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: file.folder.path)
        #expect(names.sorted() == [".PreSignUp_SignUp.json.recover", "PreSignUp_SignUp.json"])
        RecoveryFile.remove(for: file.path)
        #expect(RecoveryFile.read(for: file.path) == nil)
    }

    @Test("writing into a folder that cannot take it fails with a message naming the file")
    func writeFailureIsAMessage() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let missing = folder.path + "/no-such-folder/Event.json"
        #expect(throws: RecoveryFile.Failure.self) { try RecoveryFile.write([1, 2], for: missing) }
        do {
            try RecoveryFile.write([1, 2], for: missing)
        } catch {
            #expect(error.description.contains(".Event.json.recover"))
            #expect(error.description.contains("cannot create it"))
        }
    }

    @Test("a symlink or a folder in the recovery file's place is not read")
    func oddRecoveryFilesAreIgnored() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        let target = RecoveryFile.path(for: file.path)
        let secret = try file.folder.write("secret.json", "{\"secret\": 1}")
        #expect(symlink(secret, target) == 0)
        #expect(RecoveryFile.read(for: file.path) == nil)
        unlink(target)
        #expect(mkdir(target, 0o700) == 0)
        #expect(RecoveryFile.read(for: file.path) == nil)
        rmdir(target)
    }

    @Test("the state lists each edited file with its text, for the recovery files")
    func unsavedDocuments() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        #expect(harness.state.unsavedDocuments.isEmpty)
        try harness.press("Tab Tab Space")
        let documents = harness.state.unsavedDocuments
        #expect(documents.map(\.path) == [file.path])
        #expect(documents.first?.bytes == Self.edited(file))
    }

    @Test("opening a file with a recovery file asks; r restores the edits as one undoable unsaved edit and deletes it")
    func restore() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        try RecoveryFile.write(Self.edited(file), for: file.path)
        var harness = ExplorerHarness([file.path])
        #expect(harness.state.mode == .recovery)
        #expect(harness.text.contains("Recovery file found"))
        #expect(harness.text.contains(".PreSignUp_SignUp.json.recover"))
        try harness.press("r")
        #expect(harness.state.mode == .list)
        #expect(harness.state.currentDocumentBytes == Self.edited(file))
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
        #expect(RecoveryFile.read(for: file.path) == nil)
        #expect(file.onDisk == file.original, "restoring does not save")
        try harness.press("u")
        #expect(harness.documentText == file.original)
        try harness.press("C-r w")
        #expect(Array(file.onDisk.utf8) == Self.edited(file))
    }

    @Test("opening a file removes the temporary recovery files of runs killed mid-write, and keeps a live run's")
    func staleRecoveryTemporaryFiles() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        // 4194305 is above the largest process id Linux allows, so no such process runs; process 1 always does.
        let stale = ".PreSignUp_SignUp.json.recover.tmp-4194305"
        let live = ".PreSignUp_SignUp.json.recover.tmp-1"
        let other = ".Other.json.recover.tmp-4194305"
        for name in [stale, live, other] { _ = try file.folder.write(name, "{}") }
        _ = ExplorerHarness([file.path])
        let left = try FileManager.default.contentsOfDirectory(atPath: file.folder.path)
        #expect(!left.contains(stale))
        #expect(left.contains(live))
        #expect(left.contains(other))
    }

    @Test("a file whose name is not UTF-8 gets its recovery file under the same raw bytes, read back and removed")
    func nonUTF8Name() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        // "l\xE9.json": the Latin-1 é, as PathBytes carries a byte that is not UTF-8.
        let event = folder.path + "/" + PathBytes.string([0x6C, 0xE9] + Array(".json".utf8))
        try RecoveryFile.write(Array("{}".utf8), for: event)
        let raw = Array(folder.path.utf8) + Array("/.l".utf8) + [0xE9] + Array(".json.recover".utf8) + [0]
        let exists = raw.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { $0.baseAddress.map { access($0, F_OK) == 0 } ?? false }
        }
        #expect(exists, "the recovery file's name holds the byte 0xE9 itself")
        #expect(RecoveryFile.read(for: event) == Array("{}".utf8))
        RecoveryFile.remove(for: event)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("d deletes the recovery file and keeps the file as saved")
    func discard() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        try RecoveryFile.write(Self.edited(file), for: file.path)
        var harness = ExplorerHarness([file.path])
        try harness.press("d")
        #expect(harness.state.unsavedEvents.isEmpty)
        #expect(harness.documentText == file.original)
        #expect(RecoveryFile.read(for: file.path) == nil)
    }

    @Test("k, Esc and Ctrl-C keep it for later; it is not asked again in the same run", arguments: ["k", "Escape", "C-c"])
    func keep(answer: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = String(decoding: Repository.bytes(of: Repository.fixtures + "/" + Self.preSignUp), as: UTF8.self)
        let first = try folder.write("A.json", original)
        let second = try folder.write("B.json", original)
        try RecoveryFile.write(Array(original.utf8) + [0x0A], for: first)
        var harness = ExplorerHarness([folder.path])
        #expect(harness.state.mode == .recovery)
        try harness.press(answer)
        #expect(harness.exitStatus == nil)
        #expect(harness.state.mode == .list)
        #expect(harness.state.unsavedEvents.isEmpty)
        #expect(RecoveryFile.read(for: first) != nil)
        // Away and back: the file opens again, and the question is not repeated.
        try harness.press("Down Up")
        #expect(harness.state.currentFile == first)
        #expect(harness.state.mode == .list)
        _ = second
    }

    @Test("a recovery file that is not JSON is kept, with a message, and the file opens as saved")
    func unreadableRecovery() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        try RecoveryFile.write(Array("{\"truncated\": ".utf8), for: file.path)
        var harness = ExplorerHarness([file.path])
        try harness.press("r")
        #expect(harness.state.unsavedEvents.isEmpty)
        #expect(harness.documentText == file.original)
        #expect(harness.state.statusMessage?.text.contains("recovery file of PreSignUp_SignUp.json kept") == true)
        #expect(RecoveryFile.read(for: file.path) != nil)
    }
}

/// Bracketed paste reaches the state as one action and one insertion.
@Suite("Pasting")
struct PasteTests {
    @Test("a paste into a value prompt is one insertion; Enter applies it as one edit, undone at once")
    func pasteIntoAValue() throws {
        let file = try FixtureCopy("custom-message/CustomMessage_SignUp.json")
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab j j Enter")
        #expect(harness.state.mode == .textInput)
        let text = "Welcome 名前 \u{1B}[2J q\n" + String(repeating: "x", count: 50_000)
        harness.apply(.paste(text))
        #expect(harness.state.mode == .textInput, "Esc, q and the line break in the paste are text")
        try harness.press("Enter")
        #expect(try JSONDocument(text: harness.documentText)[["response", "emailSubject"]] == .string(text))
        try harness.press("u")
        #expect(harness.documentText == file.original)
    }

    @Test("a paste into the filter filters at once; a paste with no input open only says where pastes go")
    func pasteElsewhere() throws {
        var harness = ExplorerHarness([Repository.fixtures])
        let before = harness.text
        harness.apply(.paste("q"))
        #expect(harness.exitStatus == nil)
        #expect(harness.state.statusMessage?.text.contains("pasted text goes into a text input") == true)
        #expect(harness.text != before)
        try harness.press("/")
        harness.apply(.paste("PreSignUp"))
        #expect(harness.text.contains("PreSignUp_SignUp"))
        #expect(!harness.text.contains("CustomMessage_SignUp"))
    }

    @Test("a paste into the raw editor goes into the field being edited")
    func pasteIntoRaw() throws {
        let file = try FixtureCopy("pre-sign-up/PreSignUp_SignUp.json")
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("r C-u")
        harness.apply(.paste("response.autoVerifyEmail"))
        try harness.press("Tab C-u")
        harness.apply(.paste("true"))
        try harness.press("Enter")
        #expect(try JSONDocument(text: harness.documentText)[["response", "autoVerifyEmail"]] == true)
    }
}
