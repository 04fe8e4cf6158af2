import CognitoTriggers
import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// What a first-time user expects of the explorer (issue 14): each test names one habit.
@Suite("Explorer habits")
struct ExplorerHabitsTests {
    static let tokensV2 = Repository.fixtures + "/pre-token-generation-v2/TokenGeneration_Authentication.json"

    // MARK: The viewer keeps the nesting

    @Test("v on an object shows it indented by depth, as the file indents it")
    func viewerKeepsNesting() throws {
        var harness = ExplorerHarness([Self.tokensV2], width: 100, height: 40)
        try harness.press("Tab Tab v")
        #expect(harness.state.mode == .pager)
        let lines = harness.screen.lines
        // The box's left border is at column 2 of the overlay; compare indentation relative to the "{" line.
        let open = try #require(lines.firstIndex { $0.contains("{") && !$0.contains("\"") })
        let base = try #require(lines[open].firstIndex(of: "{")).utf16Offset(in: lines[open])
        func indent(of needle: String) throws -> Int {
            let line = try #require(lines.first { $0.contains(needle) }, "no line with \(needle)")
            let index = try #require(line.range(of: "\"")).lowerBound.utf16Offset(in: line)
            return index - base
        }
        #expect(try indent(of: "\"idTokenGeneration\"") == 2)
        #expect(try indent(of: "\"claimsToAddOrOverride\"") == 4)
        #expect(try indent(of: "\"tenant_id\"") == 6)
        #expect(try indent(of: "\"eu-west-1\"") == 8)
    }

    @Test("the viewer uses the file's own indentation unit (four spaces here), and wrapped lines keep the indent")
    func viewerUsesFileIndent() throws {
        let folder = try TemporaryFolder()
        let long = String(repeating: "word ", count: 40)
        let text = """
        {
            "version": "1",
            "triggerSource": "PreSignUp_SignUp",
            "region": "eu-west-1",
            "userPoolId": "eu-west-1_x",
            "userName": "u",
            "callerContext": {"awsSdkVersion": "1", "clientId": "c"},
            "request": {
                "userAttributes": {"email": "a@example.com", "custom:note": "\(long)"}
            },
            "response": {}
        }
        """
        let path = try folder.write("four.json", text)
        var harness = ExplorerHarness([path], width: 80, height: 30)
        try harness.moveCursor(to: ["request", "userAttributes"], from: "Tab e")
        try harness.press("v")
        #expect(harness.state.mode == .pager, "\(harness.text)")
        let lines = harness.screen.lines
        let emailLine = try #require(lines.first { $0.contains("\"email\"") })
        let braceLine = try #require(lines.first { $0.hasSuffix("{") || $0.contains("║{") || $0.contains("{ ") })
        let brace = try #require(braceLine.firstIndex(of: "{")).utf16Offset(in: braceLine)
        let email = try #require(emailLine.range(of: "\"email\"")).lowerBound.utf16Offset(in: emailLine)
        #expect(email - brace == 4, "four spaces, as the file indents")
        // The long note wraps; its continuation lines start under the key, not at the left edge.
        let noteRow = try #require(lines.firstIndex { $0.contains("\"custom:note\"") })
        let continuation = lines[noteRow + 1]
        let firstText = try #require(continuation.range(of: "word")).lowerBound.utf16Offset(in: continuation)
        #expect(firstText - brace >= 4, "a wrapped line keeps the indent of its line")
    }

    @Test("a file indented with tabs is shown with two spaces per level; deep nesting is capped at half the width and its text still shows")
    func viewerTabsAndDeepNesting() throws {
        let folder = try TemporaryFolder()
        var deep = "\"bottom\""
        for _ in 0..<60 { deep = "[" + deep + "]" }
        let text = "{\n\t\"version\": \"1\",\n\t\"triggerSource\": \"PreSignUp_SignUp\",\n\t\"region\": \"r\",\n\t\"userPoolId\": \"p\",\n\t\"userName\": \"u\",\n\t\"callerContext\": {\"awsSdkVersion\": \"1\", \"clientId\": \"c\"},\n\t\"request\": {\"userAttributes\": {\"email\": \"a@example.com\"}, \"clientMetadata\": {\"deep\": \(deep)}},\n\t\"response\": {}\n}\n"
        let path = try folder.write("tabs.json", text)
        var harness = ExplorerHarness([path], width: 80, height: 30)
        try harness.moveCursor(to: ["request", "userAttributes"], from: "Tab e")
        try harness.press("v")
        let lines = harness.screen.lines
        let braceLine = try #require(lines.first { $0.contains("║{") })
        let brace = try #require(braceLine.range(of: "║{")).lowerBound.utf16Offset(in: braceLine) + 1
        let emailLine = try #require(lines.first { $0.contains("\"email\"") })
        #expect(try #require(emailLine.range(of: "\"email\"")).lowerBound.utf16Offset(in: emailLine) - brace == 2)
        #expect(!harness.text.contains("\\t"), "no escaped tab in the viewer")
        try harness.press("Escape")
        try harness.moveCursor(to: ["request", "clientMetadata", "deep"], from: "")
        try harness.press("v " + Array(repeating: "j", count: 50).joined(separator: " "))
        let bottom = try #require(harness.screen.lines.first { $0.contains("\"bottom\"") }, "the innermost value is readable at 80 columns")
        let left = bottom.utf16Offset(of: "║")
        let right = try #require(bottom.range(of: "║", options: .backwards)).lowerBound.utf16Offset(in: bottom)
        let inner = right - left - 1
        #expect(bottom.utf16Offset(of: "\"bottom\"") - (left + 1) <= inner / 2, "the indent stops at half the width")
    }

    // MARK: Changed on disk

    static let preSignUp = Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"

    /// A copy of the pre sign-up fixture with one response edit, then changed by another program.
    static func editedThenChangedOutside() throws -> (FixtureCopy, ExplorerHarness, outside: String) {
        let file = try FixtureCopy("pre-sign-up/PreSignUp_SignUp.json")
        var harness = ExplorerHarness([file.path])
        try harness.press("Tab Tab Enter")
        #expect(harness.state.unsavedEvents == [.file(path: file.path)])
        let outside = file.original.replacingOccurrences(of: "eu-west-1", with: "eu-central-1")
        #expect(outside != file.original)
        try file.folder.write("PreSignUp_SignUp.json", outside)
        return (file, harness, outside)
    }

    @Test("after an edit and an outside change, w refuses and keeps the file; the list row, the response title and the status bar say changed on disk")
    func changedOnDiskIsMarked() throws {
        var (file, harness, outside) = try Self.editedThenChangedOutside()
        defer { file.folder.cleanUp() }
        _ = harness.runner.drain(harness.state.apply(.fileChangedOnDisk(path: file.path)), into: &harness.state)
        let edited = harness.documentText
        try harness.press("w")
        #expect(file.onDisk == outside, "the other program's change is kept")
        #expect(harness.documentText == edited, "the edits are kept")
        #expect(harness.state.statusMessage?.text.contains("R reloads it") == true)
        let lines = harness.screen.lines
        #expect(lines[1].contains("✓≠"), "the list row carries the mark: \(lines[1])")
        #expect(lines.first { $0.contains("Response") }?.contains("≠ changed on disk") == true)
        #expect(lines[harness.screen.height - 2].contains("PreSignUp_SignUp.json  ≠ changed on disk"),
                "the status bar keeps the mark beside the message")
    }

    @Test("a save refused because the file changed (no watcher report yet) marks the file too")
    func refusedSaveMarks() throws {
        var (file, harness, outside) = try Self.editedThenChangedOutside()
        defer { file.folder.cleanUp() }
        try harness.press("w")
        #expect(file.onDisk == outside)
        #expect(harness.screen.lines[1].contains("≠"))
        #expect(harness.screen.lines[harness.screen.height - 2].contains("≠ changed on disk"))
    }

    @Test("u back to no edits reloads a file that changed on disk: the new text shows and the mark goes")
    func undoToNoEditsReloads() throws {
        var (file, harness, outside) = try Self.editedThenChangedOutside()
        defer { file.folder.cleanUp() }
        _ = harness.runner.drain(harness.state.apply(.fileChangedOnDisk(path: file.path)), into: &harness.state)
        try harness.press("w u")
        #expect(harness.documentText == outside, "the file as it is now")
        #expect(harness.state.unsavedEvents.isEmpty)
        #expect(!harness.text.contains("≠"))
        #expect(harness.text.contains("eu-central-1") || harness.documentText.contains("eu-central-1"))
        #expect(harness.state.statusMessage?.text.contains("reloaded") == true)
    }

    @Test("an undo that leaves edits does not reload; the second one does")
    func partialUndoKeeps() throws {
        var (file, harness, outside) = try Self.editedThenChangedOutside()
        defer { file.folder.cleanUp() }
        try harness.press("j Enter")  // a second edit: autoVerifyEmail
        let twoEdits = harness.documentText
        _ = harness.runner.drain(harness.state.apply(.fileChangedOnDisk(path: file.path)), into: &harness.state)
        try harness.press("u")
        #expect(harness.documentText != twoEdits && harness.documentText != outside, "one edit left")
        #expect(harness.screen.lines[1].contains("≠"))
        try harness.press("u")
        #expect(harness.documentText == outside)
    }

    @Test("R asks before dropping edits: n keeps them, y reloads the file as it is on disk")
    func reloadKeyAsks() throws {
        var (file, harness, outside) = try Self.editedThenChangedOutside()
        defer { file.folder.cleanUp() }
        let edited = harness.documentText
        try harness.press("R")
        #expect(harness.state.mode == .reloadFile)
        #expect(harness.text.contains("has unsaved edits. Reload it from disk"))
        #expect(harness.text.contains("y reload") && harness.text.contains("n keep"))
        try harness.press("n")
        #expect(harness.documentText == edited)
        #expect(harness.state.statusMessage?.text == "reload cancelled; your edits are kept")
        try harness.press("R Escape")
        #expect(harness.documentText == edited)
        try harness.press("R y")
        #expect(harness.state.mode == .response)
        #expect(harness.documentText == outside)
        #expect(harness.state.unsavedEvents.isEmpty)
        #expect(file.onDisk == outside, "reloading writes nothing")
    }

    @Test("R without edits reloads at once; on a new event it says there is no file")
    func reloadWithoutEdits() throws {
        let file = try FixtureCopy("pre-sign-up/PreSignUp_SignUp.json")
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path])
        try file.folder.write("PreSignUp_SignUp.json", "{ not json")
        try harness.press("R")
        #expect(harness.state.mode == .list)
        #expect(harness.text.contains("Not JSON"))
        try harness.press("t Enter R")
        #expect(harness.state.statusMessage?.text.contains("has no file to reload") == true)
    }

    // MARK: Marks

    @Test("the help screen ends with the legend: every list mark with its meaning, drawn in the list's colours")
    func helpHasTheLegend() throws {
        var harness = ExplorerHarness([Repository.fixtures + "/invalid"], width: 100, height: 30)
        // The list's own marks and their styles, to compare with the legend's.
        var listStyles: [String: Style] = [:]
        for y in 1..<(harness.screen.height - 4) {
            let cell = harness.screen[x: 1, y: y]
            listStyles[cell.grapheme] = cell.style
        }
        #expect(Set(listStyles.keys).isSuperset(of: ["✓", "!", "✗", "?"]))
        try harness.press("?")
        var text = ""
        var legendStyles: [String: Style] = [:]
        for _ in 0..<40 {
            let grid = harness.screen
            text += grid.text
            for y in 0..<grid.height {
                let line = grid.lines[y]
                for mark in ["✓", "!", "✗", "?"] where line.contains("║  \(mark) ") {
                    let column = line.prefix { $0 != "║" }.count + 3
                    legendStyles[mark] = grid[x: column, y: y].style
                }
            }
            try harness.press("PgDn")
        }
        #expect(text.contains("Marks · Event list: the first column"))
        for status in [FileStatus.valid, .warnings, .errors, .unreadable, .pending] {
            #expect(text.contains(String(status.meaning.prefix(40))), "the help explains \(status.mark)")
        }
        #expect(text.contains("≠") && text.contains("unsaved edits, and another program"))
        for mark in ["✓", "!", "✗", "?"] {
            #expect(legendStyles[mark] == listStyles[mark], "\(mark) has the list's style in the legend")
        }
    }

    @Test("the marks' meanings say precisely which files get ? and which get ✗")
    func marksArePrecise() {
        #expect(FileStatus.unreadable.meaning.hasPrefix("not JSON"))
        #expect(FileStatus.errors.meaning.contains("not a trigger event"))
        #expect(FileStatus.warnings.meaning.contains("triggerSource is unknown"))
        let readme = String(decoding: Repository.bytes(of: Repository.root + "/README.md"), as: UTF8.self)
        #expect(!readme.contains("`?` not an\nevent") && !readme.contains("`?` not an event"), "the old, wrong wording is gone")
        #expect(readme.contains("`?` not JSON"))
    }

    // MARK: Trigger map

    @Test("the map's legend says what the marks distinguish, and that any trigger runs only with a function attached", arguments: [(100, 30), (80, 24)])
    func mapLegend(size: (width: Int, height: Int)) throws {
        var harness = ExplorerHarness([Self.preSignUp], width: size.width, height: size.height)
        try harness.press("t")
        let text = harness.text
        #expect(!text.contains("always runs") && !text.contains("runs if configured"))
        #expect(text.contains("● every time") && text.contains("○ in some cases"))
        #expect(text.contains("├ branch"))
        #expect(text.contains("A trigger runs only if a function is attached."))
    }

    @Test("every text the map's left column cuts is readable whole in the details of some trigger", arguments: [80, 100])
    func mapTextNeverLost(width: Int) throws {
        var harness = ExplorerHarness([Self.preSignUp], width: width, height: 50)
        try harness.press("t g")
        var cut: Set<String> = []
        var details = ""
        var previous = ""
        for _ in 0..<80 {
            let lines = harness.screen.lines
            for line in lines.dropFirst(1).prefix(harness.screen.height - 6) {
                let characters = Array(line)
                // The separator is past the loop marks (╭▶ │ ╰─) at the start of the left column.
                guard let separator = characters.indices.dropFirst(4).first(where: { characters[$0] == "│" || characters[$0] == "█" }) else { continue }
                let left = String(characters[1..<separator]).drop { "╭▶│╰─●○├┆ ".contains($0) }
                if left.hasSuffix("…") {
                    cut.insert(String(left.dropLast()).trimmingCharacters(in: .whitespaces))
                }
                details += " " + String(characters[(separator + 1)...]).replacingOccurrences(of: "┃", with: "")
            }
            let selected = harness.state.statusMessage?.text ?? ""
            try harness.press("j")
            if harness.text == previous && selected.isEmpty { break }
            previous = harness.text
        }
        let flat = details.split(whereSeparator: { $0 == " " }).joined(separator: " ")
        #expect(!cut.isEmpty, "at \(width) columns some rows are cut (else the test checks nothing)")
        for prefix in cut {
            let candidates = TriggerFlow.all.flatMap(\.steps).map { $0.trigger.map { Catalogue.spec(for: $0).title } ?? $0.note }
            let whole = try #require(candidates.first { $0.hasPrefix(prefix) }, "no step text starts with \(prefix)")
            #expect(flat.contains(whole), "\(whole) is cut on the left and never shown whole on the right")
        }
    }

    // MARK: Small things

    @Test("a key that does nothing is named as the key tables name it: Space, Ctrl-X, F5")
    func unboundKeysAreNamed() throws {
        var harness = ExplorerHarness([Self.preSignUp])
        try harness.press("Space")
        #expect(harness.state.statusMessage?.text == "Space does nothing here; press ? for the keys of this pane")
        try harness.press("C-x")
        #expect(harness.state.statusMessage?.text.hasPrefix("Ctrl-X does nothing here") == true)
        try harness.press("F5")
        #expect(harness.state.statusMessage?.text.hasPrefix("F5 does nothing here") == true)
        #expect(harness.screen.lines[harness.screen.height - 2].contains("Space does nothing here") == false, "the last message replaced it")
    }

    @Test("the status bar cuts a long file name at its start with an ellipsis, keeping the end of the name")
    func longFileNameIsCut() throws {
        let folder = try TemporaryFolder()
        let name = "captured-" + String(repeating: "long-", count: 14) + "PreSignUp_SignUp.json"
        let path = try folder.write(name, String(decoding: Repository.bytes(of: Self.preSignUp), as: UTF8.self))
        let harness = ExplorerHarness([path], width: 80, height: 24)
        let status = harness.screen.lines[harness.screen.height - 2]
        #expect(status.hasPrefix(" …"), "\(status)")
        #expect(status.contains("long-PreSignUp_SignUp.json"), "\(status)")
        #expect(!status.contains("captured-"))
    }

    // MARK: Problems

    static let wrongTypes = Repository.fixtures + "/invalid/wrong-types.json"

    @Test("p goes to the next problem in either tree, P to the previous, both wrapping with a note")
    func problemSteps() throws {
        var harness = ExplorerHarness([Self.wrongTypes])
        try harness.press("p")
        #expect(harness.state.focusedPane == .request)
        #expect(harness.state.cursorPath == ["request", "userAttributes"])
        #expect(harness.state.statusMessage?.text.hasPrefix("problem 1 of 2: ✗ request.userAttributes: expected a map of strings") == true)
        try harness.press("p")
        #expect(harness.state.focusedPane == .response)
        #expect(harness.state.cursorPath == ["response", "autoConfirmUser"])
        #expect(harness.state.statusMessage?.text.hasPrefix("problem 2 of 2") == true)
        try harness.press("p")
        #expect(harness.state.cursorPath == ["request", "userAttributes"])
        #expect(harness.state.statusMessage?.text.hasPrefix("problem 1 of 2 (wrapped to the first)") == true)
        try harness.press("P")
        #expect(harness.state.cursorPath == ["response", "autoConfirmUser"])
        #expect(harness.state.statusMessage?.text.hasPrefix("problem 2 of 2 (wrapped to the last)") == true)
        try harness.press("P")
        #expect(harness.state.cursorPath == ["request", "userAttributes"])
    }

    @Test("p reaches a problem inside a collapsed map, expanding it")
    func problemInsideCollapsedNode() throws {
        var harness = ExplorerHarness([Repository.fixtures + "/invalid/duplicate-keys.json"])
        #expect(!harness.text.contains("▾ userAttributes"), "the map starts collapsed")
        try harness.press("p")
        #expect(harness.state.cursorPath == ["request", "userAttributes", "email"])
        #expect(harness.text.contains("▾ userAttributes"))
    }

    @Test("p on an event without problems, and on a file that is not JSON, says so")
    func noProblems() throws {
        var harness = ExplorerHarness([Self.preSignUp])
        try harness.press("p")
        #expect(harness.state.statusMessage?.text == "no problems in this event")
        #expect(harness.state.focusedPane == .list)
        var broken = ExplorerHarness([Repository.fixtures + "/invalid/not-json.json"])
        try broken.press("p")
        #expect(broken.state.statusMessage?.text.contains("not JSON") == true)
    }

    @Test("i shows the whole problem and the whole description of the field, which the two help lines cut")
    func detailsAreWhole() throws {
        var harness = ExplorerHarness([Self.wrongTypes], width: 80, height: 24)
        try harness.press("p p")
        let problem = try #require(harness.state.statusMessage?.text.split(separator: ": ", maxSplits: 2).last.map(String.init))
        let summary = try #require(Catalogue.field(at: ["response", "autoConfirmUser"], in: .preSignUp)?.summary)
        let helpLines = harness.screen.lines.suffix(4).joined(separator: " ")
        #expect(!helpLines.contains(String(summary.suffix(30))), "the help lines cannot hold it all (else this test checks nothing)")
        try harness.press("i")
        #expect(harness.state.mode == .pager)
        // The viewer's text: what lies between its two borders on each line.
        let shown = harness.screen.lines.compactMap { line -> String? in
            guard let first = line.firstIndex(of: "║"), let last = line.lastIndex(of: "║"), first < last else { return nil }
            return String(line[line.index(after: first)..<last])
        }.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(shown.contains(problem), "\(shown)")
        #expect(shown.contains(summary.split(separator: " ").joined(separator: " ")))
    }

    @Test("the list's title counts the files with errors, warnings and no JSON, as their marks say")
    func listCountsPerSeverity() throws {
        let harness = ExplorerHarness([Repository.fixtures], width: 100, height: 30)
        let files = Repository.jsonFiles(under: Repository.fixtures)
        var counts: [FileStatus: Int] = [:]
        for file in files { counts[FileSummary(EventFiles.open(file)).status, default: 0] += 1 }
        let title = harness.screen.lines[0]
        let expected = "Events \(files.count) · \(counts[.errors] ?? 0) ✗ · \(counts[.warnings] ?? 0) ! · \(counts[.unreadable] ?? 0) ?"
        #expect(title.contains(expected), "\(title) should contain \(expected)")
    }

    // MARK: Edits visible

    @Test("rows edited since the last save carry an orange ●, the maps holding them an orange ▸ or ▾; a save clears them")
    func editedRowsAreMarked() throws {
        let file = try FixtureCopy("pre-token-generation-v2/TokenGeneration_Authentication.json")
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path], width: 100, height: 40)
        try harness.moveCursor(to: ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride", "tenant_id"], from: "Tab Tab e")
        func marker(_ label: String) throws -> (text: String, style: Style) {
            let grid = harness.screen
            // The first row with the label (the ID token's, above the access token's), not the help lines or the status bar.
            let y = try #require(grid.lines.prefix(grid.height - 4).firstIndex { $0.contains(" " + label + " ") }, "no row \(label)")
            let line = Array(grid.lines[y])
            let labelStart = try #require((1..<line.count).first { line[$0 - 1] == " " && String(line[$0...]).hasPrefix(label + " ") })
            let cell = grid[x: labelStart - 2, y: y]
            return (cell.grapheme, cell.style)
        }
        #expect(try marker("tenant_id").text == " ", "nothing edited yet")
        try harness.press("Enter C-u 't-9' Enter")
        #expect(harness.documentText.contains("\"t-9\""))
        let edited = try marker("tenant_id")
        #expect(edited.text == "●" && edited.style.foreground == Style(foreground: .indexed(208)).foreground)
        let parent = try marker("claimsToAddOrOverride")
        #expect(parent.text == "▾" && parent.style.foreground == Style(foreground: .indexed(208)).foreground)
        #expect(try marker("seat_count").text == " ", "a sibling that was not edited")
        #expect(try marker("accessTokenGeneration").style.foreground != Style(foreground: .indexed(208)).foreground)
        try harness.press("w")
        #expect(file.onDisk.contains("\"t-9\""))
        #expect(try marker("tenant_id").text == " ", "saved: no mark")
        #expect(try marker("claimsToAddOrOverride").style.foreground != Style(foreground: .indexed(208)).foreground)
    }

    // MARK: Layout

    /// The column where the list's box ends (its right corner on the top row).
    static func listRight(_ grid: Grid) -> Int? {
        let top = Array(grid.lines[0])
        return top.indices.first { top[$0] == "┐" || top[$0] == "┓" }
    }

    @Test("the list is as wide as its rows need when that is less than its share, so names show whole and the trees get the rest")
    func listSizedToContent() throws {
        let folder = try TemporaryFolder()
        let event = String(decoding: Repository.bytes(of: Self.preSignUp), as: UTF8.self)
        for name in ["a.json", "bb.json"] { _ = try folder.write(name, event) }
        let small = ExplorerHarness([folder.path], width: 140, height: 30)
        let wide = ExplorerHarness([Repository.fixtures], width: 140, height: 30)
        let smallRight = try #require(Self.listRight(small.screen))
        let wideRight = try #require(Self.listRight(wide.screen))
        #expect(smallRight < wideRight, "two short names need less than the fixtures' long ones")
        #expect(smallRight <= 2 + 3 + 2 + 1 + 10 + 1 + "ines.duarte@example.com".count + 6)
        #expect(small.screen.lines[1].contains("a ") && !small.screen.lines[1].contains("…"), "the row is whole: \(small.screen.lines[1])")
    }

    @Test("> widens and < narrows the list by 4 columns, within limits, saying so")
    func widenAndNarrow() throws {
        var harness = ExplorerHarness([Repository.fixtures], width: 100, height: 30)
        let start = try #require(Self.listRight(harness.screen))
        try harness.press(">")
        #expect(try #require(Self.listRight(harness.screen)) == start + 4)
        try harness.press("< <")
        #expect(try #require(Self.listRight(harness.screen)) == start - 4)
        try harness.press(String(repeating: "< ", count: 30))
        #expect(harness.state.statusMessage?.text == "the list is as narrow as it can be")
        let narrowest = try #require(Self.listRight(harness.screen))
        #expect(narrowest >= 15)
        #expect(!harness.screen.lines[1].dropFirst(narrowest + 1).hasPrefix("││"), "the trigger label stays inside the list")
        try harness.press(String(repeating: "> ", count: 30))
        #expect(harness.state.statusMessage?.text == "the list is as wide as it can be")
        #expect(try #require(Self.listRight(harness.screen)) <= 100 - 30)
    }

    @Test("L hides the list (Tab skips it) and shows it again")
    func hideList() throws {
        var harness = ExplorerHarness([Repository.fixtures], width: 100, height: 30)
        try harness.press("L")
        #expect(harness.screen.lines[0].hasPrefix("┏ Request"), "the request tree starts at the left edge")
        #expect(harness.state.focusedPane == .request)
        try harness.press("Tab Tab")
        #expect(harness.state.focusedPane == .request, "Tab goes request, response, request")
        try harness.press("L")
        #expect(harness.screen.lines[0].hasPrefix("┌ Events"))
    }

    @Test("Z zooms the focused pane to the whole area; Tab moves the zoom; Z again shows every pane")
    func zoom() throws {
        var harness = ExplorerHarness([Self.tokensV2], width: 100, height: 30)
        try harness.press("Tab Z")
        let lines = harness.screen.lines
        #expect(lines[0].hasPrefix("┏ Request") && lines[0].hasSuffix("┓"))
        #expect(lines[25].hasPrefix("┗") && !harness.text.contains("Response"), "the request tree has the whole height")
        try harness.press("Tab")
        #expect(harness.screen.lines[0].hasPrefix("┏ Response"))
        try harness.press("Z")
        #expect(harness.text.contains("Events 1") && harness.text.contains("Request") && harness.text.contains("Response"))
    }

    @Test("at 80x24 the request tree shows at least 8 rows", arguments: [[Repository.fixtures], [Self.tokensV2]])
    func requestRowsAt80x24(paths: [String]) throws {
        let harness = ExplorerHarness(paths, width: 80, height: 24)
        let layout = Layout(width: 80, height: 24)
        #expect(layout.requestInner.height >= 8)
        let rows = harness.screen.lines.filter { $0.contains("string") || $0.contains("object,") || $0.contains("map,") }
        #expect(rows.count >= 8)
    }

    // MARK: Copy

    @Test("y copies the value (a string as it is, an object as indented JSON), Y the path; the status bar says what")
    func copy() throws {
        var harness = ExplorerHarness([Self.tokensV2], width: 100, height: 40)
        try harness.moveCursor(to: ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride", "tenant_id"], from: "Tab Tab e")
        #expect(harness.state.apply(.key(.character("y"))) == [.copyToClipboard(text: "t-4821")])
        #expect(harness.state.statusMessage?.text == "copied the value of response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.tenant_id (6 characters) to the clipboard")
        #expect(harness.state.apply(.key(.character("Y"))) == [.copyToClipboard(text: "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.tenant_id")])
        try harness.press("k")
        guard case .copyToClipboard(let text)? = harness.state.apply(.key(.character("y"))).first else {
            Issue.record("no copy effect")
            return
        }
        #expect(text.hasPrefix("{\n  \"tenant_id\": \"t-4821\",\n  \"seat_count\": 25"))
    }

    @Test("an absent field has nothing to copy; a value over the clipboard limit is refused with its size")
    func copyRefusals() throws {
        let folder = try TemporaryFolder()
        let big = String(repeating: "x", count: 150_000)
        let text = #"{"version":"1","triggerSource":"PreSignUp_SignUp","region":"r","userPoolId":"p","userName":"u","callerContext":{"awsSdkVersion":"1","clientId":"c"},"request":{"userAttributes":{"email":"a@example.com","custom:big":"\#(big)"}},"response":{"autoConfirmUser":false}}"#
        var large = ExplorerHarness([try folder.write("big.json", text)])
        try large.moveCursor(to: ["request", "userAttributes", "custom:big"], from: "Tab e")
        #expect(large.state.apply(.key(.character("y"))).isEmpty)
        #expect(large.state.statusMessage?.text.hasPrefix("not copied: 150,000 bytes") == true)
        // The response lacks autoVerifyEmail: an absent row.
        try large.moveCursor(to: ["response", "autoVerifyEmail"], from: "Tab")
        #expect(large.state.apply(.key(.character("y"))).isEmpty)
        #expect(large.state.statusMessage?.text == "this field is absent: there is no value to copy")
    }

    @Test("a string shown in the viewer keeps its leading spaces")
    func viewerKeepsLeadingSpaces() throws {
        let folder = try TemporaryFolder()
        let text = #"{"version":"1","triggerSource":"PreSignUp_SignUp","region":"r","userPoolId":"p","userName":"u","callerContext":{"awsSdkVersion":"1","clientId":"c"},"request":{"userAttributes":{"email":"a@example.com"},"clientMetadata":{"poem":"line one\n    indented line"}},"response":{}}"#
        let path = try folder.write("poem.json", text)
        var harness = ExplorerHarness([path], width: 80, height: 30)
        try harness.moveCursor(to: ["request", "clientMetadata", "poem"], from: "Tab e")
        try harness.press("v")
        let line = try #require(harness.screen.lines.first { $0.contains("indented line") })
        let first = try #require(harness.screen.lines.first { $0.contains("line one") })
        let a = try #require(first.range(of: "line one")).lowerBound.utf16Offset(in: first)
        let b = try #require(line.range(of: "indented line")).lowerBound.utf16Offset(in: line)
        #expect(b - a == 4)
    }
}

extension ExplorerHarness {
    /// Presses `start`, then `j` until the cursor is on `path` (failing when it never gets there).
    mutating func moveCursor(to path: JSONPath, from start: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try press(start)
        for _ in 0..<200 where state.cursorPath != path { try press("j") }
        #expect(state.cursorPath == path, "the cursor never reached \(path.dottedString)", sourceLocation: sourceLocation)
    }
}

extension String {
    /// The UTF-16 offset where `needle` starts (0 when absent: tests check presence first).
    func utf16Offset(of needle: String) -> Int {
        range(of: needle).map { $0.lowerBound.utf16Offset(in: self) } ?? 0
    }
}
