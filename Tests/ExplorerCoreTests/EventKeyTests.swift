import CognitoTriggers
import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// Files, new events and events from logs are told apart by what they are, never by the text of
/// their names: a file may be called anything, even what the list shows for a new event
/// (`new: PreSignUp_SignUp`) or for an event from a log (`app.log:3`).
@Suite("Event identities")
struct EventKeyTests {
    /// Applies keys one by one without performing the effects, and returns them all.
    static func apply(_ script: String, to state: inout ExplorerState) throws -> [Effect] {
        var effects: [Effect] = []
        for input in try Key.parseInputs(script) { effects += state.apply(input.action) }
        return effects
    }

    /// The rows of the list pane, as shown: the lines whose second cell is a status mark.
    static func listRows(_ harness: ExplorerHarness) -> [String] {
        let marks = Set(FileStatus.allCases.map(\.mark))
        return harness.screen.lines.filter { line in line.dropFirst().first.map { marks.contains(String($0)) } == true }
    }

    @Test("a new event written to a file named like its own list text becomes that file, listed once and selected")
    func newEventSavedUnderItsListText() throws {
        let copy = try FixtureCopy("pre-sign-up/PreSignUp_SignUp.json")
        defer { copy.folder.cleanUp() }
        var harness = ExplorerHarness([copy.path], width: 160, height: 24)
        try harness.press("t Enter w")
        #expect(harness.text.contains("Save the new event as"))
        // The name is relative: the effect is looked at, not performed, so nothing is written here.
        let name = "new: PreSignUp_SignUp"
        let effects = try Self.apply("C-u '\(name)' Enter", to: &harness.state)
        guard case .create(let path, let bytes, let purpose)? = effects.first, effects.count == 1 else {
            Issue.record("expected one create effect, got \(effects); the prompt says \(harness.text.split(separator: "\n").suffix(3))")
            return
        }
        #expect(path == name)
        _ = harness.state.apply(.saved(purpose, path: path, bytes: bytes))
        #expect(harness.state.unsavedEvents.isEmpty, "the event now lives in its file")
        #expect(harness.state.currentEvent == .file(path: name), "the shown event is now the file")
        #expect(harness.text.contains("Events 2"), "the fixture and the new file, each listed once")
        let rows = Self.listRows(harness)
        #expect(rows.filter { $0.contains(name) }.count == 1)
        #expect(rows.contains { $0.contains("PreSignUp_SignUp ") && !$0.contains(name) }, "the fixture keeps its row")
        #expect(harness.text.contains("saved the new event as \(name)"))
        // The list's cursor is on the new file: moving up shows the fixture, down comes back to it.
        _ = try Self.apply("k", to: &harness.state)
        #expect(harness.state.currentFile == copy.path)
        _ = try Self.apply("j", to: &harness.state)
        #expect(harness.state.currentFile == name)
    }

    @Test("an event from a log written to a file named like its own list key becomes that file and stays listed")
    func logEventSavedUnderItsKey() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let log = folder.path + "/app.log"
        try Data(Repository.bytes(of: Repository.fixtures + "/logs/lambda-node-text.log")).write(to: URL(fileURLWithPath: log))
        var harness = ExplorerHarness([log], width: 200, height: 24)
        #expect(harness.text.contains("Events 2"))
        let key = log + ":3"
        #expect(harness.state.currentEvent == .log(key: key))
        // An absolute name that is the event's own list key: a legal file name, in the temporary folder.
        try harness.press("Tab Tab Space w C-u '\(key)' Enter")
        #expect(FileManager.default.fileExists(atPath: key))
        #expect(harness.state.unsavedEvents.isEmpty)
        #expect(harness.state.currentEvent == .file(path: key))
        #expect(harness.text.contains("Events 2"), "the event's row is now its file's; the log's other event stays")
        #expect(Self.listRows(harness).contains { $0.contains("app.log:3") && $0.contains("PreSignUp") })
        #expect(Self.listRows(harness).contains { $0.contains("app.log:8") })
        // It is a file like any other now: an edit and w save it in place.
        try harness.press("Space w")
        #expect(harness.state.statusMessage?.text == "saved app.log:3")
        #expect(String(decoding: Repository.bytes(of: key), as: UTF8.self).contains("\"autoConfirmUser\":false"))
    }

    @Test("a new event and a listed file named like its list text are two entries, each keeping its own edits")
    func newEventBesideFileNamedLikeIt() throws {
        let copy = try FixtureCopy("pre-sign-up/PreSignUp_SignUp.json")
        defer { copy.folder.cleanUp() }
        // A state fed by hand, so the file can have a relative name without one on disk.
        let name = "new: PreSignUp_SignUp"
        var state = ExplorerState(paths: [name], width: 120, height: 24)
        _ = state.start()
        var effects = state.apply(.expanded(files: [name], problems: []))
        #expect(effects.first == .open(path: name))
        let opened = EventFiles.open(copy.path)
        effects = state.apply(.opened(EventFiles.Opened(path: name, bytes: opened.bytes, outcome: opened.outcome)))
        _ = try Self.apply("Tab Tab Space", to: &state)
        #expect(state.unsavedEvents.count == 1, "the file named like a new event has an edit")
        _ = try Self.apply("t Enter", to: &state)
        #expect(state.unsavedEvents.count == 2, "the new event is a second entry; the file's edits are kept")
        _ = try Self.apply("k", to: &state)
        #expect(state.currentFile == name)
        #expect(state.currentDocumentBytes.map { String(decoding: $0, as: UTF8.self) }?.contains("\"autoConfirmUser\": true") == true)
    }
}
