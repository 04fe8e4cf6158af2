import CognitoTriggers
import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// Transitions of the state: actions in, effects out, without running the effects unless needed.
@Suite("State transitions")
struct StateTests {
    static let preSignUp = Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"
    static let empty = Repository.fixtures + "/invalid/empty.json"

    @Test("start finds files, opens the first, then summarizes the rest in batches")
    func loadingSequence() throws {
        var state = ExplorerState(paths: [Repository.fixtures], options: ExplorerOptions(batchSize: 10))
        #expect(state.start() == [.expand(paths: [Repository.fixtures])])
        #expect(state.isLoading)
        let files = [Self.empty, "/x/b.json", "/x/c.json"]
        var effects = state.apply(.expanded(files: files, problems: []))
        #expect(effects == [.open(path: Self.empty)])
        #expect(state.currentFile == Self.empty)
        effects = state.apply(.opened(EventFiles.open(Self.empty)))
        #expect(effects == [.load(paths: ["/x/b.json", "/x/c.json"])])
        #expect(state.progress == (1, 3))
        let summaries = ["/x/b.json", "/x/c.json"].map {
            FileSummary(path: $0, triggerLabel: "PreSignUp", triggerSource: "PreSignUp_SignUp", user: "u", status: .valid)
        }
        effects = state.apply(.loaded(summaries))
        #expect(effects.isEmpty)
        #expect(!state.isLoading)
    }

    @Test("a path that gives no file shows its problem")
    func expandProblems() {
        var state = ExplorerState(paths: ["/nowhere"])
        _ = state.start()
        let expanded = ExplorerInputs.expand(["/nowhere"])
        #expect(expanded.problems.count == 1)
        guard case .path(let problem)? = expanded.problems.first else {
            Issue.record("expected the problem of a path, got \(expanded.problems)")
            return
        }
        #expect(problem.path == "/nowhere")
        #expect(state.apply(.expanded(files: expanded.files, problems: expanded.problems)).isEmpty)
        #expect(state.statusMessage?.text == "/nowhere: no such file or folder")
        #expect(state.render(width: 80, height: 24).text.contains("no event files"))
    }

    @Test("moving through the list opens each file once")
    func listOpensFiles() throws {
        var state = ExplorerState(paths: [])
        _ = state.apply(.expanded(files: [Self.empty, "/x/b.json"], problems: []))
        _ = state.apply(.opened(EventFiles.open(Self.empty)))
        #expect(state.apply(.key(.down)) == [.open(path: "/x/b.json")])
        #expect(state.currentFile == "/x/b.json")
        #expect(state.apply(.key(.down)).isEmpty, "the cursor stays on the last row")
        #expect(state.apply(.key(.character("g"))) == [.open(path: Self.empty)])
    }

    @Test("Tab and Shift-Tab cycle the panes; files without an event skip the response editor")
    func focusCycle() throws {
        var harness = ExplorerHarness([Self.preSignUp])
        #expect(harness.state.focusedPane == .list)
        try harness.press("Tab")
        #expect(harness.state.focusedPane == .request)
        try harness.press("Tab")
        #expect(harness.state.focusedPane == .response)
        try harness.press("Tab")
        #expect(harness.state.focusedPane == .list)
        try harness.press("BTab")
        #expect(harness.state.focusedPane == .response)
        var broken = ExplorerHarness([Repository.fixtures + "/invalid/not-json.json"])
        try broken.press("Tab Tab")
        #expect(broken.state.focusedPane == .list)
    }

    @Test("Enter and → open the event; ← from a top-level row goes back to the list")
    func enterAndBack() throws {
        var harness = ExplorerHarness([Self.preSignUp])
        try harness.press("Enter")
        #expect(harness.state.focusedPane == .request)
        #expect(harness.state.cursorPath == ["version"])
        try harness.press("Left")
        #expect(harness.state.focusedPane == .list)
        try harness.press("l")
        #expect(harness.state.focusedPane == .request)
    }

    @Test("trees expand and collapse, one row or all at once")
    func expandCollapse() throws {
        var harness = ExplorerHarness([Self.preSignUp])
        try harness.press("Tab / 'userAttributes' Enter")
        #expect(harness.state.cursorPath == ["request", "userAttributes"])
        #expect(harness.text.contains("▸ userAttributes"))
        try harness.press("Right")
        #expect(harness.text.contains("▾ userAttributes"))
        try harness.press("Right")
        #expect(harness.state.cursorPath?.count == 3, "→ on an open row goes to its first child")
        try harness.press("Left")
        #expect(harness.state.cursorPath == ["request", "userAttributes"], "← on a leaf goes to the parent")
        try harness.press("Left")
        #expect(harness.text.contains("▸ userAttributes"))
        try harness.press("E")
        #expect(!harness.text.contains("▾"))
        #expect(harness.state.cursorPath == ["request"], "collapsing all keeps the cursor on the nearest row shown")
        try harness.press("e")
        #expect(harness.text.contains("▾ callerContext") && harness.text.contains("▾ request"))
        try harness.press("Enter")
        #expect(harness.text.contains("▸ request"), "Enter toggles a container")
    }

    @Test("search in a tree finds keys and values, n and N step through the matches")
    func treeSearch() throws {
        var harness = ExplorerHarness([Self.preSignUp])
        try harness.press("Tab / 'user' Enter")
        let first = harness.state.cursorPath
        #expect(harness.text.contains("/user match 1/"))
        try harness.press("n")
        #expect(harness.state.cursorPath != first)
        try harness.press("N")
        #expect(harness.state.cursorPath == first)
        try harness.press("N")
        #expect(harness.state.statusMessage?.text == "search wrapped to the bottom", "N wraps to the last match")
        let last = harness.state.cursorPath
        try harness.press("/ Enter")
        #expect(harness.text.contains("/user match"), "Enter alone repeats the search")
        #expect(harness.state.cursorPath == last && first != last)
        try harness.press("/ 'no-such-text' Enter")
        #expect(harness.state.statusMessage?.text == "no match for \"no-such-text\"")
    }

    @Test("the list filters as you type, Esc restores the filter, s sorts by trigger")
    func listFilterAndSort() throws {
        var harness = ExplorerHarness([Repository.fixtures])
        let total = harness.text
        #expect(total.contains("Events 74") || total.contains("Events "))
        try harness.press("/ 'sms'")
        #expect(harness.state.mode == .textInput)
        #expect(harness.text.contains("Events 7/"))
        try harness.press("Escape")
        #expect(!harness.text.contains("/sms"))
        try harness.press("/ 'CustomSMSSender_Sign' Enter")
        #expect(harness.text.contains("Events 1/"))
        #expect(harness.state.currentFile?.hasSuffix("CustomSMSSender_SignUp.json") == true)
        try harness.press("/ C-u Enter s g")
        #expect(harness.text.contains("by trigger"))
        let firstRow = harness.screen.lines[1]
        #expect(firstRow.contains("CreateAuth"), "by trigger, labels sort alphabetically")
        try harness.press("s")
        #expect(!harness.text.contains("by trigger"))
    }

    @Test("Enter on a string in the request tree shows it whole; Esc closes")
    func pager() throws {
        var harness = ExplorerHarness([Self.preSignUp])
        try harness.press("Tab j Enter")
        #expect(harness.state.mode == .pager)
        #expect(harness.text.contains("PreSignUp_SignUp"))
        try harness.press("j k G g Escape")
        #expect(harness.state.mode == .tree)
        try harness.press("v")
        #expect(harness.state.mode == .pager)
        try harness.press("q")
        #expect(harness.state.mode == .tree)
    }

    @Test("a resize changes the size render uses and keeps the cursor visible")
    func resize() throws {
        var harness = ExplorerHarness([Repository.fixtures], width: 100, height: 30)
        try harness.press("G")
        _ = harness.state.apply(.resize(width: 60, height: 16))
        let grid = harness.state.render()
        #expect(grid.width == 60 && grid.height == 16)
        #expect(harness.state.width == 60)
        let name = try #require(harness.state.currentFile?.split(separator: "/").last.map { String($0.prefix(10)) })
        #expect(grid.text.contains(name), "the selected row is on screen after shrinking")
    }

    @Test("a key that does nothing says so; Resize keys are ignored")
    func unboundKey() {
        var state = ExplorerState(paths: [])
        #expect(state.apply(.key(.character("y"))).isEmpty)
        #expect(state.statusMessage?.text.contains("does nothing here") == true)
        #expect(state.apply(.key(.resize)).isEmpty)
    }

    @Test("a file changed on disk without edits is reloaded")
    func reloadOnChange() {
        var harness = ExplorerHarness([Self.preSignUp])
        let effects = harness.state.apply(.fileChangedOnDisk(path: Self.preSignUp))
        #expect(effects == [.open(path: Self.preSignUp), .load(paths: [Self.preSignUp])])
        harness.runner.drain(effects, into: &harness.state)
        #expect(harness.text.contains("Request · Pre sign-up"))
    }

    @Test("w without edits saves nothing; q without edits quits at once")
    func noEdits() {
        var harness = ExplorerHarness([Self.preSignUp])
        #expect(harness.state.apply(.key(.character("w"))).isEmpty)
        #expect(harness.state.statusMessage?.text.hasPrefix("no unsaved edits") == true)
        #expect(harness.state.apply(.key(.character("q"))) == [.quit(status: 0)])
    }

    @Test("save produces an effect that expects the fingerprint of the loaded bytes")
    func saveEffect() throws {
        var harness = ExplorerHarness([Self.preSignUp])
        try harness.press("Tab Tab Enter")
        let effects = harness.state.apply(.key(.ctrl("s")))
        let original = Repository.bytes(of: Self.preSignUp)
        #expect(effects == [.save(path: Self.preSignUp, bytes: try #require(harness.state.currentDocumentBytes), expected: Fingerprint(original),
                                  purpose: .ownFile(.file(path: Self.preSignUp)))])
        _ = harness.state.apply(.saveFailed(.ownFile(.file(path: Self.preSignUp)), path: Self.preSignUp,
                                            error: FileError(kind: .diskFull, path: Self.preSignUp, operation: "write")))
        #expect(harness.state.statusMessage?.text == "cannot write it: the disk is full; the original file is unchanged; your edits are kept")
        #expect(harness.state.unsavedEvents == [.file(path: Self.preSignUp)])
    }

    @Test("a save hands over the document's text as it is, not a copy (an edit leaves a gap in the stored text)")
    func saveWithoutACopy() throws {
        var harness = ExplorerHarness([Self.preSignUp])
        try harness.press("Tab Tab Enter")
        let effects = harness.state.apply(.key(.ctrl("s")))
        guard case .save(_, let saved, _, _)? = effects.first else {
            Issue.record("no save effect: \(effects)")
            return
        }
        let current = try #require(harness.state.currentDocumentBytes)
        #expect(saved == current)
        let savedBase = saved.withUnsafeBufferPointer { $0.baseAddress }
        let currentBase = current.withUnsafeBufferPointer { $0.baseAddress }
        #expect(savedBase == currentBase, "the document's own buffer (a 52 MB event would need 52 MB more)")
        #expect(harness.state.cursorPath == ["response", "autoConfirmUser"], "the rows are made again, the cursor where it was")
    }

    @Test("the field help line explains the focused field from the catalogue")
    func fieldHelp() throws {
        var harness = ExplorerHarness([Self.preSignUp], width: 200, height: 30)
        #expect(harness.text.contains("Pre sign-up: PreSignUp_SignUp:"))
        try harness.press("Tab Tab")
        let summary = try #require(Catalogue.field(at: ["response", "autoConfirmUser"], in: .preSignUp)?.summary)
        #expect(harness.text.contains(String(summary.prefix(60))))
        #expect(harness.screen.lines[harness.screen.height - 2].contains("response.autoConfirmUser"))
    }

    @Test("the bundled fixtures are found from the working folder or above the executable")
    func fixturesPath() throws {
        #expect(bundledFixturesPath(currentDirectory: Repository.root) == Repository.root + "/fixtures")
        let fromBinary = bundledFixturesPath(currentDirectory: "/", executable: Repository.root + "/.build/debug/cognito-explorer")
        #expect(fromBinary == Repository.root + "/fixtures")
        #expect(bundledFixturesPath(currentDirectory: "/", executable: "/usr/bin/env") == nil)
    }
}
