import CognitoTriggers
import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// The trigger map (`t`): journeys in Cognito's order, details of the selected trigger, and new
/// events made from templates that stay unsaved until written to a file.
@Suite("Trigger map")
struct TriggerMapTests {
    static let preSignUp = "pre-sign-up/PreSignUp_SignUp.json"

    /// A harness on a copy of one fixture, so saves land in a temporary folder.
    static func harness(_ fixture: String = preSignUp, width: Int = 100, height: Int = 30) throws -> (ExplorerHarness, FixtureCopy) {
        let copy = try FixtureCopy(fixture)
        return (ExplorerHarness([copy.folder.path], width: width, height: height), copy)
    }

    @Test("t opens the map from the list, the request tree and the response editor; Esc, t and q close it",
          arguments: ["", "Tab", "Tab Tab"], ["Escape", "t", "q"])
    func openAndClose(focus: String, close: String) throws {
        var (harness, copy) = try Self.harness()
        defer { copy.folder.cleanUp() }
        try harness.press(focus)
        let mode = harness.state.mode
        try harness.press("t")
        #expect(harness.state.mode == .triggerMap)
        #expect(harness.text.contains("Trigger map"))
        try harness.press(close)
        #expect(harness.state.mode == mode)
        #expect(harness.exitStatus == nil, "q closes the map, it does not quit")
    }

    @Test("moving down the map passes every journey in TriggerFlow.all's order, every trigger once")
    func everyJourneyInOrder() throws {
        var (harness, copy) = try Self.harness()
        defer { copy.folder.cleanUp() }
        try harness.press("t g")
        var titles: [String] = []
        var steps = 0
        for _ in 0..<200 {
            // The details column names the journey of the selected trigger on its first line.
            let first = Self.detailLines(harness.screen).first ?? ""
            if let range = first.range(of: " · trigger ") {
                let title = String(first[..<range.lowerBound])
                if titles.last != title { titles.append(title) }
            }
            steps += 1
            let before = harness.text
            try harness.press("j")
            if harness.text == before { break }
        }
        #expect(titles == TriggerFlow.all.map(\.title))
        #expect(steps == TriggerFlow.all.flatMap(\.steps).filter { $0.trigger != nil }.count)
    }

    @Test("the custom challenge is drawn as a loop: define, create, verify on consecutive rows")
    func challengeLoop() throws {
        var (harness, copy) = try Self.harness()
        defer { copy.folder.cleanUp() }
        try harness.press("t g")
        let lines = harness.screen.lines
        let define = try #require(lines.firstIndex { $0.contains("╭▶● Define auth challenge") })
        #expect(lines[define + 1].contains("│ ○ Create auth challenge"))
        #expect(lines[define + 2].contains("╰─○ Verify auth challenge response"))
        #expect(lines[define - 1].contains("├ or with custom challenges"), "the loop is a branch of sign-in")
        #expect(harness.text.contains("╭▶╰─ loop"), "the legend names the loop")
    }

    @Test("the selected trigger shows its description and its trigger sources; → shows another source's description")
    func details() throws {
        var (harness, copy) = try Self.harness()
        defer { copy.folder.cleanUp() }
        // The map opens on the current event's trigger: pre sign-up in the sign-up journey.
        try harness.press("t")
        var text = Self.details(harness.screen)
        #expect(text.contains("Sign-up · trigger 1 of 5"))
        #expect(text.contains("› PreSignUp_SignUp"))
        let sourceSummary = try #require(Catalogue.source(.preSignUpSignUp)?.summary)
        #expect(Self.squeezed(text).contains(Self.squeezed(sourceSummary)))
        let triggerSummary = Catalogue.spec(for: .preSignUp).summary
        #expect(Self.squeezed(text).contains(Self.squeezed(String(triggerSummary.prefix(60)))))
        #expect(text.contains("Enter new PreSignUp_SignUp event from the template"))
        try harness.press("l")
        text = Self.details(harness.screen)
        #expect(text.contains("› PreSignUp_AdminCreateUser"))
        let other = try #require(Catalogue.source(.preSignUpAdminCreateUser)?.summary)
        #expect(Self.squeezed(text).contains(Self.squeezed(other)))
        try harness.press("h h")
        #expect(harness.text.contains("› PreSignUp_ExternalProvider"), "← wraps around to the last source")
    }

    @Test("Enter makes a new unsaved list entry holding the template, not a file")
    func enterMakesNewEntry() throws {
        var (harness, copy) = try Self.harness()
        defer { copy.folder.cleanUp() }
        try harness.press("t j Enter")
        #expect(harness.state.mode == .list)
        let key = EventSource.new(name: "CustomMessage_SignUp")
        #expect(harness.state.currentEvent == key)
        #expect(harness.state.currentFile == nil, "a new event has no file")
        #expect(harness.state.unsavedEvents == [key])
        #expect(harness.documentText == (try Templates.text(for: .customMessageSignUp)))
        let row = try #require(harness.screen.lines.first { $0.hasPrefix("┃") && $0.contains("new: CustomMessage_Sign") })
        #expect(row.contains("●"), "the entry is marked unsaved")
        #expect(harness.state.watchedFiles.isEmpty, "a new event has no file to watch")
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.folder.path) == ["PreSignUp_SignUp.json"])
        // A second one from the same source gets its own entry.
        try harness.press("t Enter")
        #expect(harness.state.unsavedEvents == [.new(name: "CustomMessage_SignUp"), .new(name: "CustomMessage_SignUp (2)")])
    }

    @Test("v switches a pre token generation template between versions 1, 2 and 3")
    func versions() throws {
        var (harness, copy) = try Self.harness("pre-token-generation-v2/TokenGeneration_Authentication.json")
        defer { copy.folder.cleanUp() }
        try harness.press("t")
        #expect(harness.text.contains("Pre token generation (V2)"), "the map opens on the event's own version")
        try harness.press("v")
        #expect(harness.text.contains("Pre token generation (V3)"))
        try harness.press("Enter")
        #expect(harness.documentText == (try Templates.text(for: .tokenGenerationAuthentication, version: 3)))
        try harness.press("t g v")
        #expect(harness.state.statusMessage?.text.contains("only pre token generation events come in versions") == true)
    }

    @Test("w on a new event asks for a file name, writes a new file, and the entry becomes that file")
    func saveNewEvent() throws {
        var (harness, copy) = try Self.harness()
        defer { copy.folder.cleanUp() }
        try harness.press("t j Enter Tab Tab Enter 'Hello {####}' Enter w")
        #expect(harness.state.mode == .textInput)
        #expect(harness.text.contains("Save the new event as"))
        #expect(harness.text.contains("CustomMessage_SignUp.json"), "the prompt suggests a name in the files' folder")
        try harness.press("C-u '\(copy.folder.path)/welcome.json' Enter")
        let target = copy.folder.path + "/welcome.json"
        #expect(harness.state.unsavedEvents.isEmpty)
        #expect(harness.state.currentFile == target)
        let saved = String(decoding: Repository.bytes(of: target), as: UTF8.self)
        #expect(saved == harness.documentText)
        #expect(saved.contains("\"smsMessage\": \"Hello {####}\""))
        #expect(!harness.text.contains("new: CustomMessage_SignUp"))
        #expect(harness.screen.lines.contains { $0.contains("welcome") })
        // Now it is a file like any other: w saves in place.
        try harness.press("Enter C-u 'Hi {####}' Enter w")
        #expect(harness.state.statusMessage?.text == "saved welcome.json")
    }

    @Test("a new event is never written over an existing file: the prompt asks again")
    func newEventRefusesExistingFile() throws {
        var (harness, copy) = try Self.harness()
        defer { copy.folder.cleanUp() }
        try harness.press("t Enter w C-u '\(copy.path)' Enter")
        #expect(harness.state.mode == .textInput)
        #expect(harness.text.contains("already exists"))
        #expect(String(decoding: Repository.bytes(of: copy.path), as: UTF8.self) == copy.original)
        #expect(harness.state.unsavedEvents == [.new(name: "PreSignUp_SignUp")])
    }

    @Test("quitting with a new event asks; save asks for its file name, then quits")
    func quitSavesNewEvent() throws {
        var (harness, copy) = try Self.harness()
        defer { copy.folder.cleanUp() }
        try harness.press("Tab Tab Space t j Enter q")
        #expect(harness.state.mode == .confirm)
        #expect(harness.text.contains("2 events have unsaved edits"))
        try harness.press("s")
        #expect(harness.exitStatus == nil, "no quitting before the new event has a file")
        #expect(harness.state.mode == .textInput)
        #expect(String(decoding: Repository.bytes(of: copy.path), as: UTF8.self) != copy.original, "the edited file is saved")
        try harness.press("C-u '\(copy.folder.path)/message.json' Enter")
        #expect(harness.exitStatus == 0)
        #expect(FileManager.default.fileExists(atPath: copy.folder.path + "/message.json"))
    }

    @Test("Esc at the file name prompt while quitting cancels the quit and keeps the new event")
    func quitCancelledAtPrompt() throws {
        var (harness, copy) = try Self.harness()
        defer { copy.folder.cleanUp() }
        try harness.press("t Enter q")
        #expect(harness.text.contains("has no file yet"))
        try harness.press("s Escape")
        #expect(harness.exitStatus == nil)
        #expect(harness.state.unsavedEvents == [.new(name: "PreSignUp_SignUp")])
        #expect(harness.state.statusMessage?.text.contains("quit cancelled") == true)
        try harness.press("q d")
        #expect(harness.exitStatus == 0, "discard quits without writing anything")
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.folder.path) == ["PreSignUp_SignUp.json"])
    }

    @Test("the map renders at every size; at 80x24 it scrolls to keep the selection in view",
          arguments: [(0, 0), (1, 1), (20, 5), (60, 16), (80, 24), (100, 30), (160, 50)])
    func everySize(width: Int, height: Int) throws {
        var (harness, copy) = try Self.harness(width: width, height: height)
        defer { copy.folder.cleanUp() }
        try harness.press("t G")
        let grid = harness.screen
        #expect(grid.width == width && grid.height == height)
        if width >= 60 && height >= 16 {
            #expect(grid.text.contains("Attribute change"), "the last journey shows")
            #expect(grid.text.contains("Custom SMS sender"), "with its last trigger")
        }
    }

    @Test("the file watcher's list: the current file and files with unsaved edits, once open")
    func watchedFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let text = String(decoding: Repository.bytes(of: Repository.fixtures + "/" + Self.preSignUp), as: UTF8.self)
        let first = try folder.write("a.json", text)
        let second = try folder.write("b.json", text)
        var harness = ExplorerHarness([folder.path])
        #expect(harness.state.watchedFiles == [first])
        try harness.press("Tab Tab Space Tab j")
        #expect(harness.state.watchedFiles == [second, first])
        _ = harness.state.apply(.fileChangedOnDisk(path: first))
        #expect(harness.state.statusMessage?.text.contains("your edits are kept") == true)
    }

    /// The details column of a map screen (right of the line between the columns), line by line, trimmed.
    static func detailLines(_ grid: Grid) -> [String] {
        guard grid.height > 2 else { return [] }
        // The separator is the first vertical line after the box's left edge on the second row.
        let second = Array(grid.row(2))
        guard let separator = second.indices.dropFirst().first(where: { ["│", "█"].contains(second[$0].grapheme) }) else { return [] }
        return (1..<(grid.height - 5)).map { y in
            grid.row(y).dropFirst(separator + 1).dropLast(1).map(\.grapheme).joined().trimmingCharacters(in: .whitespaces)
        }
    }

    /// The details column as one string, lines joined by spaces.
    static func details(_ grid: Grid) -> String { squeezed(detailLines(grid).joined(separator: " ")) }

    /// Text with runs of white space and box lines turned into single spaces, to find wrapped sentences.
    static func squeezed(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text {
            let isSpace = character.isWhitespace || "│┃║".contains(character)
            if isSpace {
                if !lastWasSpace { result.append(" ") }
            } else {
                result.append(character)
            }
            lastWasSpace = isSpace
        }
        return result
    }
}
