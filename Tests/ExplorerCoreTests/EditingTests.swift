import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// Key-script runs of every editing path, checked on the document and on the bytes saved to disk.
@Suite("Editing through keys")
struct EditingTests {
    static let preSignUp = "pre-sign-up/PreSignUp_SignUp.json"
    static let migration = "user-migration/UserMigration_Authentication.json"
    static let customMessage = "custom-message/CustomMessage_SignUp.json"
    static let tokenV2 = "pre-token-generation-v2/TokenGeneration_Authentication.json"

    /// The original text with exactly one occurrence of `old` replaced.
    static func replacingOnce(_ text: String, _ old: String, _ new: String) throws -> String {
        let range = try #require(text.range(of: old), "fixture holds \(old)")
        #expect(text.range(of: old, range: range.upperBound..<text.endIndex) == nil, "\(old) occurs once")
        return text.replacingCharacters(in: range, with: new)
    }

    static func value(_ text: String, at path: JSONPath) throws -> JSONValue? {
        try JSONDocument(text: text)[path]
    }

    @Test("Enter flips a boolean; saving writes only the edited bytes")
    func booleanToggleAndSave() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Enter")
        #expect(harness.state.cursorPath == ["response", "autoConfirmUser"])
        let expected = try Self.replacingOnce(file.original, "\"autoConfirmUser\": false", "\"autoConfirmUser\": true")
        #expect(harness.documentText == expected)
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
        #expect(harness.text.contains("● unsaved"))
        #expect(file.onDisk == file.original, "nothing is written before saving")
        try harness.press("w")
        #expect(file.onDisk == expected)
        #expect(harness.state.unsavedEvents.isEmpty)
        #expect(harness.state.statusMessage?.text.contains("saved") == true)
        try harness.press("Space C-s")
        #expect(file.onDisk == file.original, "Space flips back and Ctrl-S saves")
    }

    @Test("an enum opens a picker of its allowed values")
    func enumPicker() throws {
        let file = try FixtureCopy(Self.migration)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab j Enter")
        #expect(harness.state.mode == .enumPicker)
        #expect(harness.text.contains("CONFIRMED") && harness.text.contains("RESET_REQUIRED"))
        try harness.press("j Enter")
        #expect(harness.state.mode == .response)
        #expect(harness.documentText == (try Self.replacingOnce(file.original, "\"finalUserStatus\": null", "\"finalUserStatus\": \"RESET_REQUIRED\"")))
        try harness.press("Enter Escape")
        #expect(harness.state.mode == .response, "Esc leaves the picker without a change")
        #expect(try Self.value(harness.documentText, at: ["response", "finalUserStatus"]) == "RESET_REQUIRED")
    }

    @Test("an enum list adds values from its picker")
    func enumListAdd() throws {
        let file = try FixtureCopy(Self.migration)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab j j j a j Enter a Enter")
        #expect(try Self.value(harness.documentText, at: ["response", "desiredDeliveryMediums"]) == ["EMAIL", "SMS"])
    }

    @Test("a string editor types wide characters and moves its cursor by grapheme and display width")
    func stringEditorWithWideCharacters() throws {
        let file = try FixtureCopy(Self.customMessage)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab j j Enter")
        #expect(harness.state.mode == .textInput)
        try harness.press("'件名 👩‍💻 ok' Home Right Right 'X'")
        let grid = harness.screen
        let y = try #require(grid.row(containing: "件名X"))
        let cells = Array(grid.row(y))
        let start = try #require(cells.firstIndex { $0.grapheme == "件" })
        let cursor = try #require(grid.cursor)
        #expect(cursor.y == y)
        #expect(cursor.x == start + 5, "件 名 X take 2 + 2 + 1 columns")
        try harness.press("End BSpace BSpace C-w 'fine' Enter")
        #expect(try Self.value(harness.documentText, at: ["response", "emailSubject"]) == "件名X fine", "Ctrl-W deletes the emoji as a word")
        #expect(harness.documentText == (try Self.replacingOnce(file.original, "\"emailSubject\": null", "\"emailSubject\": \"件名X fine\"")))
    }

    @Test("a claim value is read by the editing grammar: JSON is JSON, other text a string, and the prompt starts with text that reads back the same")
    func claimValueGrammar() throws {
        let file = try FixtureCopy(Self.tokenV2)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab / 'seat_count' Enter")
        #expect(harness.state.cursorPath == ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride", "seat_count"])
        try harness.press("Enter C-u '[2, 5' Enter")
        #expect(harness.state.mode == .textInput, "the prompt stays open")
        #expect(harness.text.contains("starts like JSON but is not JSON"))
        #expect(harness.documentText == file.original)
        try harness.press("C-u '30' Enter")
        #expect(harness.documentText == (try Self.replacingOnce(file.original, "\"seat_count\": 25", "\"seat_count\": 30")))
        // A plain word is a string here, as set reads it.
        try harness.press("Enter C-u 'thirty' Enter")
        #expect(try Self.value(harness.documentText, at: ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride", "seat_count"]) == "thirty")
        #expect(harness.documentText == (try Self.replacingOnce(file.original, "\"seat_count\": 25", "\"seat_count\": \"thirty\"")))
        // The string "30" is offered as "30", so Enter keeps it a string.
        try harness.press("Enter C-u '\"30\"' Enter Enter")
        #expect(harness.state.mode == .textInput)
        #expect(harness.text.contains("\"30\""))
        try harness.press("Enter")
        #expect(harness.documentText == (try Self.replacingOnce(file.original, "\"seat_count\": 25", "\"seat_count\": \"30\"")))
    }

    @Test("quotes typed into a string field make a JSON string, as in set: \"Hello\" is Hello")
    func quotedStringField() throws {
        let file = try FixtureCopy(Self.customMessage)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab / 'emailSubject' Enter Enter C-u '\"Hello\"' Enter")
        #expect(try Self.value(harness.documentText, at: ["response", "emailSubject"]) == "Hello")
        try harness.press("Enter C-u '\"\\\"quoted\\\"\"' Enter")
        #expect(try Self.value(harness.documentText, at: ["response", "emailSubject"]) == "\"quoted\"")
        // The prompt offers that value as JSON, so submitting it unchanged keeps the quotes.
        try harness.press("Enter")
        #expect(harness.text.contains("\"\\\"quoted\\\"\""))
        try harness.press("Enter")
        #expect(try Self.value(harness.documentText, at: ["response", "emailSubject"]) == "\"quoted\"")
    }

    @Test("raw mode sets any path to any JSON value, and shows errors before applying")
    func rawMode() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab r")
        #expect(harness.state.mode == .rawEdit)
        #expect(harness.text.contains("response.autoConfirmUser"), "the path starts as the focused field")
        try harness.press("C-u '{bad' Enter")
        #expect(harness.state.mode == .rawEdit)
        #expect(harness.text.contains("value: line 1, column 2"))
        #expect(harness.documentText == file.original)
        try harness.press("Tab C-u 'response..x' Tab C-u '1' Enter")
        #expect(harness.state.mode == .rawEdit)
        #expect(harness.text.contains("is not a field path"))
        try harness.press("Tab C-u 'response.extra.list' Tab C-u '[1, \"two\", null]' Enter")
        #expect(harness.state.mode == .response)
        #expect(try Self.value(harness.documentText, at: ["response", "extra", "list"]) == [1, "two", nil])
        try harness.press("r Up C-u 'version' Down C-u '7' Enter")
        #expect(try Self.value(harness.documentText, at: ["version"]) == 7, "raw mode also changes request and common fields")
        try harness.press("r Escape")
        #expect(harness.state.mode == .response)
    }

    @Test("undo and redo walk back and forth per event")
    func undoRedo() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Enter j Enter")
        let twoEdits = harness.documentText
        try harness.press("u")
        #expect(harness.documentText == (try Self.replacingOnce(file.original, "\"autoConfirmUser\": false", "\"autoConfirmUser\": true")))
        try harness.press("u")
        #expect(harness.documentText == file.original)
        #expect(harness.state.unsavedEvents.isEmpty, "undoing every edit leaves nothing unsaved")
        try harness.press("u")
        #expect(harness.state.statusMessage?.text == "nothing to undo")
        try harness.press("C-r C-r")
        #expect(harness.documentText == twoEdits)
        try harness.press("C-r")
        #expect(harness.state.statusMessage?.text == "nothing to redo")
    }

    @Test("a save is refused when the file changed on disk, and the edits stay")
    func changedOnDisk() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Enter")
        let edited = harness.documentText
        let outside = file.original.replacingOccurrences(of: "eu-west-1", with: "eu-central-1")
        try file.folder.write("PreSignUp_SignUp.json", outside)
        try harness.press("w")
        #expect(file.onDisk == outside, "the other program's change survives")
        #expect(harness.state.statusMessage?.severity == .error)
        #expect(harness.text.contains("changed on disk"))
        #expect(harness.documentText == edited)
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
        _ = harness.state.apply(.fileChangedOnDisk(path: file.path))
        #expect(harness.documentText == edited, "a change on disk never replaces unsaved edits")
    }

    @Test("a save that fails (read-only file system) shows why and keeps the edits")
    func saveFailureKeepsEdits() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path], faults: FileStore.Faults(writeErrno: EROFS))
        try harness.press("Tab Tab Enter w")
        #expect(harness.state.statusMessage?.text.contains("read-only") == true)
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
        #expect(file.onDisk == file.original)
    }

    @Test("saving a copy into a folder that cannot be written fails with a message", .enabled(if: getuid() != 0, "root may write anywhere"))
    func saveAsReadOnlyFolder() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        let locked = file.folder.path + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o555])
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Enter W C-u '\(locked)/copy.json' Enter")
        #expect(harness.state.statusMessage?.text.contains("permission denied") == true)
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
    }

    @Test("W saves a copy elsewhere and keeps the original's edits unsaved")
    func saveAs() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        let copy = file.folder.path + "/copy.json"
        try harness.press("Tab Tab Enter W C-u '\(copy)' Enter")
        #expect(String(decoding: Repository.bytes(of: copy), as: UTF8.self) == harness.documentText)
        #expect(file.onDisk == file.original)
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
    }

    @Test("quitting with unsaved edits asks: cancel, discard, or save")
    func quitAsks() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Enter q")
        #expect(harness.state.mode == .confirm)
        #expect(harness.text.contains("PreSignUp_SignUp.json has unsaved edits"))
        try harness.press("c")
        #expect(harness.state.mode == .response && harness.exitStatus == nil)
        try harness.press("q d")
        #expect(harness.exitStatus == 0)
        #expect(file.onDisk == file.original, "discard writes nothing")

        var saving = ExplorerHarness([file.path])
        try saving.press("Tab Tab Enter q s")
        #expect(saving.exitStatus == 0)
        #expect(file.onDisk == (try Self.replacingOnce(file.original, "\"autoConfirmUser\": false", "\"autoConfirmUser\": true")))
    }

    @Test("quitting without edits does not ask")
    func quitWithoutEdits() throws {
        var harness = ExplorerHarness([Repository.fixtures + "/" + Self.preSignUp])
        try harness.press("q")
        #expect(harness.exitStatus == 0)
        #expect(harness.state.hasQuit)
    }

    @Test("a failed save while quitting cancels the quit and keeps the edits")
    func quitSaveFails() throws {
        let file = try FixtureCopy(Self.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path], faults: FileStore.Faults(writeErrno: ENOSPC))
        try harness.press("Tab Tab Enter q s")
        #expect(harness.exitStatus == nil)
        #expect(harness.state.statusMessage?.text.contains("not quitting") == true)
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
    }

    @Test("o hands the text to an external editor and applies what comes back")
    func externalEditor() throws {
        let file = try FixtureCopy("invalid/custom-message-missing-code.json")
        defer { file.folder.cleanUp() }
        let html = "<html><body><p>Your code is {####}</p></body></html>"
        var harness = ExplorerHarness([file.path], editorText: html + "\n")
        #expect(harness.text.contains("✗"))
        try harness.press("Tab Tab j o")
        #expect(try Self.value(harness.documentText, at: ["response", "emailMessage"]) == .string(html), "the editor's final newline is dropped")
        #expect(harness.text.contains("Response · valid"))

        var headless = ExplorerHarness([file.path])
        try headless.press("Tab Tab j o")
        #expect(headless.documentText == file.original)
        #expect(headless.state.statusMessage?.text.contains("no editor") == true)
    }

    @Test("edits of one event stay in memory while others are shown")
    func editsSurviveSwitching() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let first = try folder.write("a.json", String(decoding: Repository.bytes(of: Repository.fixtures + "/" + Self.preSignUp), as: UTF8.self))
        _ = try folder.write("b.json", String(decoding: Repository.bytes(of: Repository.fixtures + "/" + Self.migration), as: UTF8.self))
        var harness = ExplorerHarness([folder.path])
        try harness.press("Tab Tab Enter Tab j")
        #expect(harness.state.currentFile?.hasSuffix("b.json") == true)
        #expect(harness.text.contains("●"), "the list marks the edited event")
        try harness.press("k Tab Tab")
        #expect(harness.state.currentFile == first)
        #expect(try Self.value(harness.documentText, at: ["response", "autoConfirmUser"]) == true)
        #expect(harness.state.unsavedEvents == [.file(path: first)])
    }
}

@Suite("Editing edge cases")
struct EditingEdgeCaseTests {
    @Test("raw mode can replace the whole document; the response editor then steps aside")
    func replaceRoot() throws {
        let file = try FixtureCopy(EditingTests.preSignUp)
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab r Up C-u Down C-u '[1, 2]' Enter")
        #expect(try JSONDocument(text: harness.documentText).root.value == [1, 2])
        #expect(harness.state.focusedPane == .request)
        #expect(harness.text.contains("JSON · not a known trigger event"))
        try harness.press("u")
        #expect(harness.documentText == file.original)
    }

    @Test("a response that is not an object cannot take fields, and says why")
    func responseIsAString() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let text = String(decoding: Repository.bytes(of: Repository.fixtures + "/" + EditingTests.preSignUp), as: UTF8.self)
        let broken = text.replacingOccurrences(of: "\"response\": {\n    \"autoConfirmUser\": false,\n    \"autoVerifyEmail\": false,\n    \"autoVerifyPhone\": false\n  }", with: "\"response\": \"oops\"")
        #expect(broken != text)
        let path = try folder.write("event.json", broken)
        var harness = ExplorerHarness([path])
        try harness.press("Tab Tab Enter")
        #expect(harness.state.statusMessage?.severity == .error)
        #expect(harness.state.statusMessage?.text.contains("not changed") == true)
        #expect(harness.documentText == broken)
        try harness.press("r Up C-u 'response' Down C-u '{}' Enter Enter")
        #expect(try JSONDocument(text: harness.documentText)[["response", "autoConfirmUser"]] == true)
    }
}
