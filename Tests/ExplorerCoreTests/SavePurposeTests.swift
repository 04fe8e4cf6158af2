@testable import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// Saves carry what they are for (`SavePurpose`) and their results bring it back, so the state acts
/// on the purpose whatever the order the results come in; failures are `FileError` values whose
/// words are made in one place.
@Suite("Save purposes")
struct SavePurposeTests {
    static let preSignUp = "pre-sign-up/PreSignUp_SignUp.json"

    /// Two copies of the pre sign-up fixture, `a.json` and `b.json`, in one temporary folder.
    static func twoFiles() throws -> (folder: TemporaryFolder, a: String, b: String) {
        let folder = try TemporaryFolder()
        let text = String(decoding: Repository.bytes(of: Repository.fixtures + "/" + preSignUp), as: UTF8.self)
        return (folder, try folder.write("a.json", text), try folder.write("b.json", text))
    }

    @Test("a copy onto b.json and b.json's own save, answered in reverse order, each do what they were for")
    func twoSavesOnOnePathForDifferentPurposes() throws {
        let (folder, a, b) = try Self.twoFiles()
        defer { folder.cleanUp() }
        var harness = ExplorerHarness([a, b], width: 120)
        // Edit a, and ask for a copy of it onto b (which exists: the question comes first).
        try harness.press("Tab Tab Enter W C-u '\(b)' Enter")
        #expect(harness.state.mode == .replaceFile)
        let copy = harness.state.apply(.key(.character("y")))
        guard case .saveCopy(let copyPath, let copyBytes, _, true, let copyPurpose)? = copy.first, copy.count == 1 else {
            Issue.record("expected one copy effect, got \(copy)")
            return
        }
        #expect(copyPath == b)
        #expect(copyPurpose == .copy(of: .file(path: a)))
        // Before the copy is written, open b, edit it, and save it.
        try harness.press("Tab j Tab Tab Enter")
        #expect(harness.state.currentFile == b)
        #expect(harness.state.unsavedEvents == [.file(path: a), .file(path: b)])
        let own = harness.state.apply(.key(.character("w")))
        guard case .save(let ownPath, let ownBytes, _, let ownPurpose)? = own.first, own.count == 1 else {
            Issue.record("expected one save effect, got \(own)")
            return
        }
        #expect(ownPath == b)
        #expect(ownPurpose == .ownFile(.file(path: b)))
        // The own save answers first: b is saved, whatever copy is on its way to the same path.
        harness.runner.drain(harness.state.apply(.saved(ownPurpose, path: b, bytes: ownBytes)), into: &harness.state)
        #expect(harness.state.statusMessage?.text == "saved b.json")
        #expect(harness.state.unsavedEvents == [.file(path: a)], "b's own save marks b saved")
        // Then the copy answers: it is reported as a copy of a, and b (no edits left) is read again.
        let after = harness.state.apply(.saved(copyPurpose, path: b, bytes: copyBytes))
        #expect(harness.state.statusMessage?.text == "wrote a copy to \(b); a.json keeps its unsaved edits")
        #expect(after.contains(.load(paths: [b])))
        #expect(harness.state.unsavedEvents == [.file(path: a)], "a keeps its edits; the copy saved nothing of a")
    }

    @Test("W onto an existing file answers .alreadyExists with the copy's purpose, and the question is made from it")
    func copyOntoAnExistingFile() throws {
        let (folder, a, b) = try Self.twoFiles()
        defer { folder.cleanUp() }
        let before = Repository.bytes(of: b)
        let runner = EffectRunner()
        let answer = runner.perform(.saveCopy(path: b, bytes: Array("{}".utf8), original: a, replacing: false, purpose: .copy(of: .file(path: a))))
        guard case .saveFailed(let purpose, let path, let error)? = answer else {
            Issue.record("expected a failed save, got \(String(describing: answer))")
            return
        }
        #expect(purpose == .copy(of: .file(path: a)))
        #expect(path == b)
        #expect(error == FileError(kind: .alreadyExists, path: b, operation: "write"))
        #expect(Repository.bytes(of: b) == before, "the file at the name is not touched")
        var harness = ExplorerHarness([a, b], width: 120)
        try harness.press("Tab Tab Enter")
        _ = harness.state.apply(.saveFailed(purpose, path: path, error: error))
        #expect(harness.state.mode == .replaceFile)
        guard case .confirm(let question)? = harness.state.overlay else {
            Issue.record("no question")
            return
        }
        #expect(question.question == "\(b) already exists. Replace it with this event?")
        #expect(question.purpose == .replaceFile(b))
    }

    @Test("creating a new event's file at a taken name answers .alreadyExists, and the prompt asks again with why")
    func createOntoAnExistingFile() throws {
        let (folder, a, _) = try Self.twoFiles()
        defer { folder.cleanUp() }
        let answer = EffectRunner().perform(.create(path: a, bytes: Array("{}".utf8), purpose: .firstFile(of: .new(name: "PreSignUp_SignUp"))))
        guard case .saveFailed(let purpose, let path, let error)? = answer else {
            Issue.record("expected a failed save, got \(String(describing: answer))")
            return
        }
        #expect(purpose == .firstFile(of: .new(name: "PreSignUp_SignUp")))
        #expect(path == a)
        #expect(error == FileError(kind: .alreadyExists, path: a, operation: "create"))
        #expect(Repository.bytes(of: a) != Array("{}".utf8))
        var harness = ExplorerHarness([a])
        try harness.press("t Enter w C-u '\(a)' Enter")
        #expect(harness.state.mode == .textInput)
        guard case .prompt(let prompt)? = harness.state.overlay else {
            Issue.record("no prompt")
            return
        }
        #expect(prompt.error == "\(a) already exists; type another name")
        #expect(prompt.editor.text == a, "the name typed stays, to be changed")
    }

    @Test("the words for each failed save come from the error and what the save was for", arguments: [
        (SavePurpose.ownFile(.file(path: "/f/a.json")), FileError.Kind.diskFull,
         "cannot write it: the disk is full; the original file is unchanged; your edits are kept"),
        (.ownFile(.file(path: "/f/a.json")), .changedOnDisk,
         "not saved: the file changed on disk since it was read (R reloads it, dropping your edits; W saves a copy); your edits are kept"),
        (.beforeQuitting(.ownFile(.file(path: "/f/a.json"))), .permissionDenied,
         "not quitting: cannot write it: permission denied; your edits are kept"),
        (.copy(of: .file(path: "/f/a.json")), .permissionDenied, "/f/a.json: cannot write it: permission denied; your edits are kept"),
        (.copy(of: .file(path: "/f/a.json")), .alreadyExists, "/f/a.json already exists. Replace it with this event?"),
        (.firstFile(of: .new(name: "PreSignUp_SignUp")), .alreadyExists, "/f/a.json already exists; type another name"),
        (.firstFile(of: .new(name: "PreSignUp_SignUp")), .folderMissing, "/f/a.json: cannot write it: the folder does not exist"),
    ])
    func failureWords(purpose: SavePurpose, kind: FileError.Kind, expected: String) {
        #expect(ExplorerState.failureText(FileError(kind: kind, path: "/f/a.json", operation: "write"), of: purpose) == expected)
    }

    @Test("a control character in the failing path is escaped in the words")
    func failureWordsEscape() {
        let error = FileError(kind: .alreadyExists, path: "/f/\u{1b}[31mred.json", operation: "create")
        #expect(ExplorerState.failureText(error, of: .firstFile(of: .new(name: "X"))) == "/f/\\u001b[31mred.json already exists; type another name")
    }

    @Test("quitting with a save that fails stays open with the reason; a later save does not quit")
    func quitWithAFailingSave() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path], faults: FileStore.Faults(writeErrno: ENOSPC))
        try harness.press("Tab Tab Enter q s")
        #expect(harness.exitStatus == nil)
        #expect(!harness.state.hasQuit)
        #expect(harness.state.statusMessage?.text == "not quitting: cannot write it: the disk is full; the original file is unchanged; your edits are kept")
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
        #expect(file.onDisk == file.original)
        // Room again: w saves, and the quit given up earlier does not come back.
        harness.runner.faults = FileStore.Faults()
        try harness.press("w")
        #expect(harness.state.statusMessage?.text == "saved PreSignUp_SignUp.json")
        #expect(harness.exitStatus == nil)
        #expect(file.onDisk == harness.documentText)
    }

    @Test("quitting with two files: the first save refused, the second written; the reason stays and nothing quits")
    func quitWithOneRefusedSave() throws {
        let (folder, a, b) = try Self.twoFiles()
        defer { folder.cleanUp() }
        var harness = ExplorerHarness([a, b], width: 120)
        try harness.press("Tab Tab Enter Tab j Tab Tab Enter")
        #expect(harness.state.unsavedEvents == [.file(path: a), .file(path: b)])
        // Another program changes a: its save is refused, b's goes through.
        let changed = try folder.write("a.json", "{\"triggerSource\": \"PreSignUp_SignUp\"}\n")
        #expect(changed == a)
        try harness.press("q s")
        #expect(harness.exitStatus == nil)
        #expect(harness.state.statusMessage?.text == "not quitting: not saved: the file changed on disk since it was read (R reloads it, dropping your edits; W saves a copy); your edits are kept",
                "b's save answering after a's refusal does not hide why the explorer is still open")
        #expect(harness.state.unsavedEvents == [.file(path: a)])
        #expect(String(decoding: Repository.bytes(of: b), as: UTF8.self).contains("\"autoConfirmUser\": true"))
    }

    @Test("quitting: a failed save of a file stops the quit while a new event's name is asked; naming it then does not quit")
    func quitStopsWhileANewEventIsNamed() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path], faults: FileStore.Faults(writeErrno: ENOSPC))
        try harness.press("Tab Tab Enter t Enter q s")
        #expect(harness.state.mode == .textInput, "the new event's name is asked")
        #expect(harness.state.statusMessage?.text.hasPrefix("not quitting: ") == true)
        harness.runner.faults = FileStore.Faults()
        try harness.press("C-u '\(file.folder.path)/new.json' Enter")
        #expect(harness.exitStatus == nil, "the quit was given up when the file's save failed")
        #expect(FileManager.default.fileExists(atPath: file.folder.path + "/new.json"))
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
    }

    @Test("a new event saved, edited and saved again goes to its own file, checked against what was written")
    func newEventSavedTwice() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        let target = file.folder.path + "/made.json"
        try harness.press("t Enter w C-u '\(target)' Enter")
        #expect(harness.state.currentFile == target)
        #expect(harness.state.statusMessage?.text == "saved the new event as \(target)")
        let first = Repository.bytes(of: target)
        try harness.press("Tab Tab Enter")
        let effects = harness.state.apply(.key(.character("w")))
        #expect(effects.count == 1)
        guard case .save(let path, _, let expected, let purpose)? = effects.first else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(path == target)
        #expect(purpose == .ownFile(.file(path: target)))
        #expect(expected == Fingerprint(first), "the file as the first save wrote it")
        harness.runner.drain(effects, into: &harness.state)
        #expect(harness.state.statusMessage?.text == "saved made.json")
        #expect(String(decoding: Repository.bytes(of: target), as: UTF8.self) == harness.documentText)
        #expect(harness.state.unsavedEvents.isEmpty)
        #expect(file.onDisk == file.original, "the listed file is not touched")
    }
}
