import EventSources
import ExplorerCore
import Foundation
import Testing
import TestSupport

/// Events found in logs and standard input, listed and edited in the explorer without a terminal.
@Suite("events from logs in the explorer")
struct CapturedEventTests {
    static func log(_ name: String) -> String { Repository.fixtures + "/logs/" + name }

    /// A copy of a sample log in a fresh folder, for tests that save.
    static func copy(_ name: String) throws -> (folder: TemporaryFolder, path: String, bytes: [UInt8]) {
        let folder = try TemporaryFolder()
        let bytes = Repository.bytes(of: log(name))
        let path = folder.path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (folder, path, bytes)
    }

    @Test("a text log lists each event by its line, with its trigger and user, and counts the lines without one")
    func rowsAndCount() throws {
        let harness = ExplorerHarness([Self.log("lambda-node-text.log")], width: 140, height: 24)
        let text = harness.text
        // What the extraction layer finds is what the list shows.
        let reader = try EventReader.open(Self.log("lambda-node-text.log"))
        var names: [String] = []
        while let item = try reader.next() { if case .event(let found) = item { names.append(found.origin.name) } }
        #expect(names.count == 2)
        #expect(text.contains("Events 2"))
        let rows = text.split(separator: "\n").map(String.init)
        let first = try #require(rows.first { $0.contains("lambda-node-text.log:3 ") })
        #expect(first.contains("PreSignUp") && first.contains("zoe"))
        let second = try #require(rows.first { $0.contains("lambda-node-text.log:8 ") })
        #expect(second.contains("CustomMsg"))
        #expect(text.contains("\(reader.counts.linesWithoutEvent) lines without an event"))
        #expect(reader.counts.linesWithoutEvent == 9)
        // The first event is shown, as a file would be.
        #expect(text.contains("Request · Pre sign-up · PreSignUp_SignUp"))
        #expect(harness.state.currentEvent == .log(key: Self.log("lambda-node-text.log") + ":3"))
    }

    @Test("JSON lines, a gzip export and an aws logs JSON output open like a text log", arguments: [
        ("powertools.jsonl", "powertools.jsonl:1"), ("s3-export.log.gz", "s3-export.log.gz:"), ("filter-log-events.out", "filter-log-events.out:"),
        ("python-print.log", "python-print.log:"),
    ])
    func otherFormats(name: String, row: String) throws {
        let harness = ExplorerHarness([Self.log(name)], width: 140, height: 30)
        let reader = try EventReader.open(Self.log(name))
        var events = 0
        while let item = try reader.next() { if case .event = item { events += 1 } }
        #expect(events > 0)
        #expect(harness.text.contains("Events \(events)"))
        #expect(harness.text.contains(row))
        #expect(harness.text.contains("\(reader.counts.linesWithoutEvent) line"))
    }

    @Test("a plain event file is still a file: its row is its name and w saves it in place")
    func plainFileUnchanged() throws {
        let copy = try FixtureCopy("pre-sign-up/PreSignUp_SignUp.json")
        defer { copy.folder.cleanUp() }
        var harness = ExplorerHarness([copy.path], width: 120, height: 24)
        #expect(harness.text.contains("PreSignUp_SignUp "))
        #expect(!harness.text.contains("without an event"))
        try harness.press("Tab Tab Space w")
        #expect(harness.text.contains("saved PreSignUp_SignUp.json"))
        #expect(copy.onDisk.contains("\"autoConfirmUser\": true"))
    }

    @Test("w on an edited log event asks for a new file, writes the event there and leaves the log alone")
    func saveAsNewFile() throws {
        let (folder, path, original) = try Self.copy("lambda-node-text.log")
        defer { folder.cleanUp() }
        var harness = ExplorerHarness([path], width: 140, height: 24)
        try harness.press("Tab Tab Space w")
        #expect(harness.state.mode == .textInput)
        #expect(harness.text.contains("Save the event as a new file (the log is not changed)"))
        #expect(harness.text.contains(folder.path + "/PreSignUp_SignUp.json"))
        try harness.press("C-u '\(folder.path)/signup.json' Enter")
        let written = String(decoding: Repository.bytes(of: folder.path + "/signup.json"), as: UTF8.self)
        #expect(written.contains("\"autoConfirmUser\":true"))
        #expect(written.contains("\"triggerSource\":\"PreSignUp_SignUp\""))
        #expect(Repository.bytes(of: path) == original, "the log is never rewritten")
        #expect(harness.text.contains("wrote lambda-node-text.log:3 to the new file \(folder.path)/signup.json"))
        // Nothing is unsaved now: q quits at once.
        try harness.press("q")
        #expect(harness.exitStatus == 0)
    }

    @Test("a name that exists is refused and the prompt asks again; the existing file is untouched")
    func existingNameRefused() throws {
        let (folder, path, original) = try Self.copy("lambda-node-text.log")
        defer { folder.cleanUp() }
        let taken = try folder.write("taken.json", "keep me")
        var harness = ExplorerHarness([path], width: 140, height: 24)
        try harness.press("w C-u '\(taken)' Enter")
        #expect(harness.state.mode == .textInput)
        #expect(harness.text.contains("already exists"))
        #expect(String(decoding: Repository.bytes(of: taken), as: UTF8.self) == "keep me")
        #expect(Repository.bytes(of: path) == original)
    }

    @Test("an unedited log event quits without a question; an edited one asks, and s asks for its new file")
    func quitting() throws {
        let (folder, path, original) = try Self.copy("lambda-node-text.log")
        defer { folder.cleanUp() }
        var plain = ExplorerHarness([path], width: 140, height: 24)
        try plain.press("j k q")
        #expect(plain.exitStatus == 0)
        var edited = ExplorerHarness([path], width: 140, height: 24)
        try edited.press("Tab Tab Space Tab q")
        #expect(edited.exitStatus == nil)
        #expect(edited.text.contains("lambda-node-text.log:3 has unsaved edits"))
        try edited.press("s")
        #expect(edited.text.contains("Save the event as a new file"))
        try edited.press("C-u '\(folder.path)/kept.json' Enter")
        #expect(edited.exitStatus == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/kept.json"))
        #expect(Repository.bytes(of: path) == original)
    }

    @Test("an edited log event keeps its edits while other events are shown; an unedited one is shown afresh")
    func editsSurviveMoving() throws {
        var harness = ExplorerHarness([Self.log("lambda-node-text.log")], width: 140, height: 24)
        try harness.press("Tab Tab Space Tab j k")
        #expect(harness.documentText.contains("\"autoConfirmUser\":true"))
        #expect(harness.state.unsavedEvents.count == 1)
        #expect(harness.state.watchedFiles.isEmpty, "an event from a log has no file to watch")
        #expect(harness.state.unsavedDocuments.isEmpty, "no recovery file is written beside a log on a signal")
    }

    @Test("events arrive in reports while the source stays open; the list and its count follow")
    func streaming() throws {
        var state = ExplorerState(paths: ["-"], width: 120, height: 24)
        #expect(state.start() == [.expand(paths: ["-"])])
        let effects = state.apply(.expanded(files: [], problems: [], sources: ["-"]))
        #expect(effects == [.readSource(path: "-")])
        #expect(state.render().text.contains("waiting for events…"))
        let events = try Self.events(in: "powertools.jsonl")
        var first = SourceReport(source: "-")
        first.events = [events[0]]
        first.counts.linesWithoutEvent = 1
        _ = state.apply(.sourceRead(first))
        var text = state.render().text
        #expect(text.contains("Events 1"))
        #expect(text.contains("1 line without an event, reading…"))
        #expect(text.contains("Pre token generation (V2)"), "the first event is shown at once")
        var second = SourceReport(source: "-")
        second.events = [events[1]]
        second.counts.linesWithoutEvent = 1
        second.isFinished = true
        _ = state.apply(.sourceRead(second))
        text = state.render().text
        #expect(text.contains("Events 2"))
        #expect(!text.contains("reading…"))
        #expect(!state.isLoading)
    }

    @Test("two events under the same name get distinct rows")
    func sameNameTwice() throws {
        let events = try Self.events(in: "powertools.jsonl")
        var state = ExplorerState(paths: ["-"], width: 120, height: 24)
        _ = state.apply(.expanded(files: [], problems: [], sources: ["-"]))
        var report = SourceReport(source: "-")
        report.events = [events[0], events[0]]
        _ = state.apply(.sourceRead(report))
        let text = state.render().text
        #expect(text.contains("Events 2"))
        #expect(text.contains(".jsonl:1 (2)"), "the start of the name gives way, never its line")
    }

    @Test("a broken event line and a failed read are said in the status bar and counted")
    func problemsAndErrors() throws {
        let harness = ExplorerHarness([Self.log("broken-lines.log")], width: 140, height: 24)
        let reader = try EventReader.open(Self.log("broken-lines.log"))
        var problems: [SourceProblem] = []
        while let item = try reader.next() { if case .problem(let problem) = item { problems.append(problem) } }
        #expect(!problems.isEmpty)
        #expect(harness.text.contains("\(problems.count) broken"))
        var state = ExplorerState(paths: ["-"], width: 120, height: 24)
        _ = state.apply(.expanded(files: [], problems: [], sources: ["-"]))
        var failed = SourceReport(source: "-")
        failed.error = SourceError(source: "stdin", kind: .binary)
        failed.isFinished = true
        _ = state.apply(.sourceRead(failed))
        let text = state.render().text
        #expect(text.contains("stdin: binary file"))
        #expect(text.contains("read failed"))
        #expect(text.contains("no events found"))
    }

    @Test("control characters in a log's user names and in its file name are shown escaped")
    func hostileText() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let event = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
        let document = try JSONSerialization.jsonObject(with: Data(event.utf8)) as? [String: Any] ?? [:]
        var hostile = document
        hostile["userName"] = "evil\u{1B}[2Jname"
        let line = String(decoding: try JSONSerialization.data(withJSONObject: hostile), as: UTF8.self)
        let path = try folder.write("bad\u{1B}]0;x.log", "noise\n" + line + "\n")
        let harness = ExplorerHarness([path], width: 140, height: 24)
        let text = harness.text
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("bad\\u001b]0;x.log:2"))
        #expect(text.contains("Events 1"))
    }

    static func events(in name: String) throws -> [CapturedEvent] {
        let reader = try EventReader.open(log(name))
        var events: [CapturedEvent] = []
        while let item = try reader.next() { if case .event(let found) = item { events.append(CapturedEvent(found)) } }
        return events
    }
}
