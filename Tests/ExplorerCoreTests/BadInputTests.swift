import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport
import TerminalText

/// The explorer on the broken and hostile files of `fixtures/invalid/` and a few made up here.
@Suite("Bad inputs")
struct BadInputTests {
    static func invalid(_ name: String) -> String { Repository.fixtures + "/invalid/" + name }

    static func assertNoControlCharacters(_ grid: Grid, sourceLocation: SourceLocation = #_sourceLocation) {
        for (index, grapheme) in grid.allGraphemes.enumerated() {
            for scalar in grapheme.unicodeScalars where TerminalText.isUnsafe(scalar) {
                Issue.record("cell \(index % max(1, grid.width)),\(index / max(1, grid.width)) holds U+\(String(scalar.value, radix: 16))",
                             sourceLocation: sourceLocation)
            }
        }
    }

    @Test("a lone surrogate in a value or a key shows as written, and invisible characters show escaped")
    func loneSurrogatesAndInvisibleCharacters() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fixture = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
        let text = fixture.replacingOccurrences(of: "\"signupSource\": \"landing-page\"", with: #""k\ud801": "v\ud800w", "z": "a\u200bb\u2060""#)
        #expect(text != fixture, "the fixture's client metadata has signupSource")
        let file = try folder.write("surrogates.json", text)
        var harness = ExplorerHarness([file], width: 120, height: 40)
        try harness.press("Tab e G")
        let screen = harness.text
        #expect(screen.contains(#"k\ud801"#))
        #expect(screen.contains(#""v\ud800w""#))
        #expect(screen.contains(#""a\u200bb\u2060""#))
        #expect(!screen.contains("\u{FFFD}"))
        Self.assertNoControlCharacters(harness.screen)
    }

    @Test("text that is not JSON shows the error's line and column and the text around it with a caret")
    func notJSONContext() throws {
        let harness = ExplorerHarness([Self.invalid("malformed-missing-comma.json")], width: 80, height: 24)
        let grid = harness.screen
        #expect(grid.text.contains("Not valid JSON: line 18, column 5"))
        #expect(grid.text.contains("expected ',' or '}' after an object member"))
        let errorRow = try #require(grid.row(containing: "18 │"))
        #expect(grid.lines[errorRow - 1].contains("17 │     \"codeParameter\": \"{####}\""))
        let caretRow = grid.lines[errorRow + 1]
        let caretColumn = try #require(Array(caretRow).firstIndex(of: "^"))
        let quoteColumn = try #require(Array(grid.lines[errorRow]).firstIndex(of: "\""))
        #expect(caretColumn == quoteColumn, "the caret sits under column 5 of line 18")
        #expect(grid.text.contains("?  malformed-missi"))
        #expect(grid.text.contains("The explorer edits valid JSON only"))
    }

    @Test("files that hold no JSON say what they are", arguments: [
        ("empty.json", "empty file (0 bytes), not JSON"),
        ("binary.json", "binary file (it holds NUL bytes), not JSON"),
        ("not-json.json", "Not valid JSON: line 1, column 1"),
        ("malformed-truncated.json", "unterminated string"),
        ("invalid-utf8.json", "invalid UTF-8"),
        ("deeply-nested.json", "nesting deeper than 512 levels"),
    ])
    func noJSON(name: String, expected: String) throws {
        var harness = ExplorerHarness([Self.invalid(name)])
        #expect(harness.text.contains(expected))
        #expect(harness.text.contains("?  "), "the list marks the file with ?")
        try harness.press("Tab Tab Tab e E r u w")
        #expect(harness.state.mode == .tree || harness.state.mode == .list)
        Self.assertNoControlCharacters(harness.screen)
    }

    @Test("an unreadable path is reported, not fatal")
    func missingPath() {
        let harness = ExplorerHarness(["/nonexistent/folder/event.json"])
        #expect(harness.text.contains("no event files") || harness.text.contains("no such file"))
    }

    @Test("JSON that is no known event is browsed as a plain tree", arguments: ["not-an-event.json", "unknown-trigger.json"])
    func unknownEvent(name: String) throws {
        var harness = ExplorerHarness([Self.invalid(name)])
        #expect(harness.text.contains("JSON · not a known trigger event"))
        #expect(harness.text.contains("This JSON is not a Cognito trigger event"))
        try harness.press("Tab")
        #expect(harness.state.focusedPane == .request)
        try harness.press("Tab")
        #expect(harness.state.focusedPane == .list, "there is no response editor to visit")
        try harness.press("Tab e")
        #expect(harness.text.contains("▾"))
        try harness.press("G Enter")
        #expect(harness.state.mode == .pager || harness.state.mode == .tree)
    }

    @Test("wrong types show their problem beside the field, and a boolean fix clears it")
    func wrongTypes() throws {
        let file = try FixtureCopy("invalid/wrong-types.json")
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path], width: 140, height: 30)
        #expect(harness.text.contains("array, 2 items  ✗ expected a map of strings"))
        try harness.press("Tab Tab")
        #expect(harness.text.contains("\"true\"  ✗ expected a boolean, found a string"))
        try harness.press("Enter")
        #expect(try JSONDocument(text: harness.documentText)[["response", "autoConfirmUser"]] == true)
        #expect(!harness.text.contains("expected a boolean"))
    }

    @Test("duplicate keys are flagged")
    func duplicateKeys() throws {
        var harness = ExplorerHarness([Self.invalid("duplicate-keys.json")], width: 140, height: 30)
        try harness.press("Tab / 'email' Enter n")
        #expect(harness.state.cursorPath == ["request", "userAttributes", "email"])
        #expect(harness.text.contains("! the key \"email\" appears 2 times"))
        #expect(harness.text.contains("Response · 1 warning"))
    }

    @Test("control characters, ANSI escapes and bidi overrides are shown escaped; no cell holds one")
    func hostileStrings() throws {
        var harness = ExplorerHarness([Self.invalid("control-characters.json")], width: 120, height: 40)
        try harness.press("Tab / 'userAttributes' Enter Right")
        let grid = harness.screen
        #expect(grid.text.contains("\"\\u001b[31mRED\\u001b[0m Mallory"))
        #expect(grid.text.contains("evil\\u202etxt.exe"))
        #expect(grid.text.contains("col1\\tcol2\\tcol3"))
        Self.assertNoControlCharacters(grid)
        try harness.press("/ 'Mallory' Enter Enter")
        #expect(harness.state.mode == .pager)
        #expect(harness.text.contains("\\u001b[31mRED\\u001b[0m Mallory\\u0007"), "the viewer shows the whole string escaped")
        Self.assertNoControlCharacters(harness.screen)
        for format in [harness.screen.text, harness.screen.ansi] {
            #expect(!format.unicodeScalars.contains("\u{7}"))
            #expect(!format.unicodeScalars.contains("\u{202E}"))
        }
    }

    @Test("a hostile file name is escaped in the list and the status bar")
    func hostileFileName() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let text = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
        try folder.write("evil\u{1B}[31m\u{202E}.json", text)
        var harness = ExplorerHarness([folder.path])
        try harness.press("Tab")
        #expect(harness.text.contains("evil\\u001b[31m\\u202e"))
        Self.assertNoControlCharacters(harness.screen)
    }

    @Test("CJK and emoji keep the pane borders in their columns", arguments: [(80, 24), (100, 30), (133, 41)])
    func wideCharactersAlign(width: Int, height: Int) throws {
        var harness = ExplorerHarness([Self.invalid("control-characters.json")], width: width, height: height)
        try harness.press("Tab / 'custom:display' Enter")
        let grid = harness.screen
        let layout = Layout(width: width, height: height)
        let row = try #require(grid.row(containing: "名前 👩‍💻"))
        let right = layout.request.maxX - 1
        for y in layout.request.y..<layout.request.maxY {
            let border = grid[x: right, y: y].grapheme
            #expect(["┃", "│", "┓", "┐", "┛", "┘", "█"].contains(border), "row \(y) ends with a border, found \(border)")
            let left = grid[x: layout.request.x, y: y].grapheme
            #expect(["┃", "│", "┏", "┌", "┗", "└"].contains(left), "row \(y) starts with a border, found \(left)")
        }
        let widths = grid.row(row).reduce(0) { $0 + max(1, $1.width) } - grid.row(row).filter(\.isContinuation).count
        #expect(widths == width, "the row with CJK and emoji is exactly as wide as the screen")
    }
}
