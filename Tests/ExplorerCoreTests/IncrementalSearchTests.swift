@testable import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// `/` in the trees searches both of them as the user types; `/` in help searches the help.
@Suite("Incremental search")
struct IncrementalSearchTests {
    static let tokens = Repository.fixtures + "/pre-token-generation-v2/TokenGeneration_Authentication.json"
    static let regions: JSONPath = ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride", "regions"]

    /// The status bar line (second to last row).
    static func status(_ harness: ExplorerHarness) -> String {
        let lines = harness.text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.count >= 2 ? String(lines[lines.count - 2]) : ""
    }

    @Test("each key moves the cursor, across trees and into collapsed nodes; Backspace goes back; Esc restores everything")
    func typingMovesTheCursor() throws {
        var harness = ExplorerHarness([Self.tokens], width: 110, height: 30)
        try harness.press("Tab")
        let start = harness.state.cursorPath
        #expect(start == ["version"])
        #expect(harness.text.contains("▸ regions"), "regions starts collapsed")
        try harness.press("/ 'eu'")
        #expect(harness.state.cursorPath == ["region"], "the first match at or after the cursor, while the prompt is open")
        #expect(harness.state.focusedPane == .request)
        try harness.press("'-n'")
        #expect(harness.state.cursorPath == Self.regions + [.index(1)], "eu-n is only in a collapsed list of the response")
        #expect(harness.state.focusedPane == .response, "the focus follows the match to its tree")
        #expect(harness.text.contains("▾ regions"), "the collapsed list is expanded to show the match")
        #expect(Self.status(harness).contains("/eu-n match 1/1"))
        try harness.press("BSpace BSpace")
        #expect(harness.state.cursorPath == ["region"], "Backspace moves back to the match of the shorter text")
        #expect(harness.state.focusedPane == .request)
        #expect(harness.text.contains("▸ regions"), "what the longer text expanded is collapsed again")
        try harness.press("'-n' Escape")
        #expect(harness.state.cursorPath == start && harness.state.focusedPane == .request, "Esc puts the cursor back")
        #expect(harness.text.contains("▸ regions"), "Esc restores the expansion")
        #expect(!Self.status(harness).contains("/eu"), "Esc drops the search")
        #expect(harness.state.statusMessage?.text == "search cancelled")
    }

    @Test("Enter keeps the search; the count stays beside the path and follows edits")
    func countFollowsEdits() throws {
        let copy = try FixtureCopy("pre-token-generation-v2/TokenGeneration_Authentication.json")
        var harness = ExplorerHarness([copy.path], width: 110, height: 30)
        try harness.press("Tab / 'reports' Enter")
        #expect(harness.state.focusedPane == .response)
        #expect(harness.state.cursorPath?.dottedString.contains("entitlements") == true)
        let line = Self.status(harness)
        let count = try #require(Int(line.split(separator: "/").last?.prefix { $0.isNumber } ?? ""), "\(line)")
        #expect(line.contains("/reports match 1/\(count)") && count >= 4)
        #expect(line.contains("response.claimsAndScopeOverrideDetails"), "the path stays beside the count")
        try harness.press("d")
        #expect(Self.status(harness).contains("/reports"), "\(Self.status(harness))")
        #expect(Self.status(harness).contains("\(count - 1) matches") || Self.status(harness).contains("/\(count - 1)"),
                "the count is redone after the edit: \(Self.status(harness))")
        try harness.press("u")
        #expect(Self.status(harness).contains("\(count)"), "and after the undo: \(Self.status(harness))")
    }

    @Test("n and N wrap with a note both ways; no match leaves the cursor where it was")
    func wrapAndNoMatch() throws {
        var harness = ExplorerHarness([Self.tokens], width: 110, height: 30)
        try harness.press("Tab / 'tenant_id' Enter")
        let first = harness.state.cursorPath
        #expect(Self.status(harness).contains("match 1/2"))
        try harness.press("n")
        #expect(Self.status(harness).contains("match 2/2"))
        #expect(harness.state.statusMessage == nil)
        try harness.press("n")
        #expect(harness.state.cursorPath == first)
        #expect(harness.state.statusMessage?.text == "search wrapped to the top")
        try harness.press("N")
        #expect(harness.state.statusMessage?.text == "search wrapped to the bottom")
        #expect(Self.status(harness).contains("match 2/2"))
        let before = harness.state.cursorPath
        try harness.press("/ 'zzz-nowhere'")
        #expect(harness.state.cursorPath == before)
        #expect(harness.state.statusMessage?.text == "no match for \"zzz-nowhere\"")
        #expect(TreeSearch.narrows("zzz", to: "azzzb") && TreeSearch.narrows("zzz", to: "ZZZ") && !TreeSearch.narrows("Zz", to: "zzz"))
        try harness.press("'x'")
        #expect(harness.state.statusMessage?.text == "no match for \"zzz-nowherex\"", "typing on after no match still says so")
        try harness.press(Array(repeating: "BSpace", count: 12).joined(separator: " ") + " 'tenant_id'")
        #expect(harness.state.cursorPath?.last == .key("tenant_id"), "and Backspace finds matches again")
        try harness.press(Array(repeating: "BSpace", count: 9).joined(separator: " ") + " 'zzz-nowhere'")
        try harness.press("Enter n")
        #expect(harness.state.cursorPath == before)
        #expect(harness.state.statusMessage?.text == "no match for \"zzz-nowhere\"")
        try harness.press("Escape")
    }

    @Test("smartcase: lower case ignores case, a capital makes it count (and the message says so)")
    func smartcase() throws {
        var harness = ExplorerHarness([Self.tokens], width: 110, height: 30)
        try harness.press("Tab / 'confirmed' Enter")
        #expect(harness.state.cursorPath == ["request", "userAttributes", "cognito:user_status"])
        try harness.press("g / 'CONFIRMED' Enter")
        #expect(harness.state.cursorPath == ["request", "userAttributes", "cognito:user_status"])
        try harness.press("g / 'Confirmed'")
        #expect(harness.state.cursorPath == ["version"])
        #expect(harness.state.statusMessage?.text == "no match for \"Confirmed\" (case counts: the query has a capital letter)")
        #expect(Keymap.tree.contains { $0.action == .search && $0.help.contains("smartcase") }, "help says so")
    }

    @Test("the response editor searches from its own cursor")
    func fromTheResponseEditor() throws {
        var harness = ExplorerHarness([Self.tokens], width: 110, height: 30)
        try harness.press("Tab Tab / 'eu-west'")
        #expect(harness.state.focusedPane == .response)
        #expect(harness.state.cursorPath == Self.regions + [.index(0)], "the first match after the response cursor, not the request's region")
        try harness.press("Enter n")
        #expect(harness.state.cursorPath == ["region"])
        #expect(harness.state.focusedPane == .request)
        #expect(harness.state.statusMessage?.text == "search wrapped to the top")
    }

    @Test("control characters in matches and in the query reach the screen escaped")
    func hostileText() throws {
        let folder = try TemporaryFolder()
        let text = #"{"triggerSource": "PreSignUp_SignUp", "version": "1", "region": "r", "userPoolId": "p", "userName": "u", "callerContext": {"awsSdkVersion": "x", "clientId": "c"}, "request": {"userAttributes": {"evil\u001b[2Jkey": "a\u001b]52;c;Zm9v\u0007 evil\u009b"}}, "response": {}}"#
        let path = try folder.write("hostile.json", text)
        var harness = ExplorerHarness([path], width: 100, height: 30)
        try harness.press("Tab")
        let start = harness.state.cursorPath
        try harness.press("/ 'evil'")
        #expect(harness.state.cursorPath == ["request", "userAttributes", "evil\u{1b}[2Jkey"])
        #expect(harness.text.contains("evil\\u001b[2Jkey"), "the matched key is shown escaped")
        _ = harness.state.apply(.paste("\u{1b}[31m"))
        let screen = harness.text
        #expect(!screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, "no control character reaches the grid")
        #expect(screen.contains("/evil\\u001b[31m"), "the query is shown escaped in the prompt")
        #expect(Self.status(harness).contains("no match for \"evil\\u001b[31m\""), "and the status bar shows it escaped")
        try harness.press("Escape")
        #expect(harness.state.cursorPath == start)
    }

    @Test("a tiny or empty terminal draws a search without crashing")
    func tinyTerminal() throws {
        var harness = ExplorerHarness([Self.tokens], width: 40, height: 10)
        try harness.press("Tab / 'eu-n'")
        #expect(harness.state.cursorPath == Self.regions + [.index(1)])
        for (width, height) in [(40, 10), (0, 0), (1, 1), (20, 5), (60, 16)] {
            let grid = harness.state.render(width: width, height: height)
            #expect(grid.width == width && grid.height == height)
        }
        #expect(harness.text.contains("too small"))
        try harness.press("Enter n N ? / 'a' n N Escape Escape")
        _ = harness.state.render(width: 60, height: 16)
    }

    @Test("a file that is not JSON has nothing to search, and says so")
    func notJSON() throws {
        var harness = ExplorerHarness([Repository.fixtures + "/invalid/not-json.json"], width: 100, height: 30)
        try harness.press("Tab /")
        #expect(harness.state.mode != .textInput)
        #expect(harness.state.statusMessage?.text == "nothing to search: this file is not JSON the explorer can read")
    }

    @Test("a search in a large map finds the one entry that matches and skips the rest", arguments: [true, false])
    func largeMap(escaped: Bool) throws {
        // 5,000 attributes; one value written with escapes when `escaped` (found by its decoded text).
        let value = escaped ? #"needle-AB"# : "needle-AB"
        let attributes = (0..<5_000).map { #""attr_\#($0)": "\#($0 == 4321 ? value : "hay \($0)")""# }.joined(separator: ",")
        let text = #"{"triggerSource": "PreSignUp_SignUp", "version": "1", "region": "r", "userPoolId": "p", "userName": "u", "callerContext": {"awsSdkVersion": "x", "clientId": "c"}, "request": {"userAttributes": {\#(attributes)}}, "response": {}}"#
        let folder = try TemporaryFolder()
        let path = try folder.write("large.json", text)
        var harness = ExplorerHarness([path], width: 100, height: 30)
        try harness.press("Tab / 'needle-ab'")
        #expect(harness.state.cursorPath == ["request", "userAttributes", "attr_4321"])
        #expect(Self.status(harness).contains("match 1/1"))
        try harness.press("BSpace BSpace 'AB'")
        #expect(harness.state.cursorPath == ["request", "userAttributes", "attr_4321"], "smartcase with a capital")
        try harness.press("BSpace 'b'")
        #expect(harness.state.statusMessage?.text.hasPrefix("no match for \"needle-Ab\"") == true)
    }

    // MARK: Help

    @Test("help is grouped by panes, prompts and viewers, each mode once, and holds every legend entry")
    func helpGroupsAndLegend() {
        let modes = Mode.groups.flatMap(\.modes)
        #expect(modes.count == Mode.allCases.count && Set(modes) == Set(Mode.allCases))
        let text = OverlayText.help(width: 96).map(\.text).joined(separator: "\n")
        var previous = text.startIndex
        for heading in ["━━ Panes", "Event list", "Request tree", "Response editor", "━━ Prompts and questions", "Text input",
                        "━━ Viewers and maps", "Help screen", "━━ Marks and colours"] {
            let found = try? #require(text.range(of: heading, range: previous..<text.endIndex), "\(heading) in order")
            previous = found?.upperBound ?? previous
        }
        for section in Legend.sections {
            #expect(text.contains(section.title))
            for entry in section.entries { #expect(text.contains(TerminalTextPrefix.words(entry.meaning)), "\(entry.meaning)") }
        }
        #expect(text.contains("searches this help as you type"))
    }

    @Test("/ in help finds a key as you type, n and N wrap with a note, Esc leaves the search")
    func helpSearch() throws {
        var harness = ExplorerHarness([Self.tokens], width: 100, height: 30)
        try harness.press("?")
        #expect(harness.text.contains("Help · keys · / searches"))
        #expect(!harness.text.contains("flip a boolean"), "far down the help at first")
        try harness.press("/ 'flip a b'")
        #expect(harness.state.mode == .textInput)
        #expect(harness.text.contains("flip a boolean"), "the view moved to the match while typing")
        #expect(harness.text.contains("Help · /flip a b · match 1/1"))
        // The match is highlighted.
        let grid = harness.screen
        let row = try #require(grid.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("flip a boolean") })
        let column = try #require(grid.text.split(separator: "\n", omittingEmptySubsequences: false)[row].range(of: "flip").map {
            TerminalTextPrefix.columns(String(grid.text.split(separator: "\n", omittingEmptySubsequences: false)[row][..<$0.lowerBound]))
        })
        #expect(grid[x: column, y: row].style.background == Theme.match.background)
        try harness.press("Enter")
        #expect(harness.state.mode == .help)
        try harness.press("n")
        #expect(harness.state.statusMessage?.text == "search wrapped to the top")
        try harness.press("N")
        #expect(harness.state.statusMessage?.text == "search wrapped to the bottom")
        let scrolled = harness.text.split(separator: "\n").dropLast(3)
        try harness.press("/ 'no such key at all'")
        #expect(harness.state.statusMessage?.text == "no match for \"no such key at all\" in the help")
        try harness.press("Escape")
        #expect(harness.state.mode == .help, "Esc leaves the search, not the help")
        #expect(harness.text.split(separator: "\n").dropLast(3) == scrolled, "and puts the view and the search back")
        try harness.press("Escape")
        #expect(harness.state.mode == .tree || harness.state.mode == .list)
    }
}

/// Small text helpers for the checks above.
enum TerminalTextPrefix {
    /// The first few words of a meaning (the help wraps long ones).
    static func words(_ text: String) -> String { text.split(separator: " ").prefix(3).joined(separator: " ") }
    /// Columns of plain text.
    static func columns(_ text: String) -> Int { text.count }
}
