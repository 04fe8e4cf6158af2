import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// The raw view (`J`): the event's text as the file holds it, and the lazy viewer of long strings (issues 14 and 16).
@Suite("Raw view")
struct RawViewTests {
    /// Writes `bytes` as `name` in a fresh folder and opens the explorer on it.
    static func open(_ bytes: [UInt8], name: String = "event.json", width: Int = 100, height: Int = 30) throws -> (TemporaryFolder, ExplorerHarness) {
        let folder = try TemporaryFolder()
        let path = folder.path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (folder, ExplorerHarness([path], width: width, height: height))
    }

    /// The cells of the raw view's box on screen row `y` that carry the selection background.
    static func highlighted(_ grid: Grid, row y: Int) -> String {
        var text = ""
        for x in 0..<grid.width where grid[x: x, y: y].style.background != .default {
            text += grid[x: x, y: y].grapheme
        }
        return text
    }

    static let fourSpaces = """
    {
        "version": "1",
        "triggerSource": "PreSignUp_SignUp",
        "region": "us-east-1",
        "userPoolId": "us-east-1_Ab12Cd34E",
        "userName": "caf\\u00e9-user",
        "callerContext": {"awsSdkVersion": "aws-sdk-unknown-unknown", "clientId": "1example23456789"},
        "request": {
            "userAttributes": {"email": "\\u00e9t\\u00e9@example.com", "custom:score": "1"},
            "validationData": null
        },
        "response": {"autoConfirmUser": false, "autoVerifyEmail": false, "autoVerifyPhone": false},
        "extra": [1E+2, -0.0, 1.50, 0.1e-7, true, null]
    }

    """

    @Test("J shows the file's text exactly: four-space indents, \\u escapes and number spellings kept, each line numbered")
    func exactText() throws {
        let (folder, harness0) = try Self.open(Array(Self.fourSpaces.utf8), width: 120, height: 30)
        defer { folder.cleanUp() }
        var harness = harness0
        try harness.press("Tab J")
        #expect(harness.state.mode == .rawView)
        let screen = harness.text
        for (number, line) in Self.fourSpaces.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            #expect(screen.contains("\(number + 1) " + line), "line \(number + 1) is not shown as written: \(line)")
        }
        try harness.press("Escape")
        #expect(harness.state.mode == .tree)
    }

    @Test("the value under the cursor deep in a long file is scrolled into view and highlighted, in the request tree and the response editor")
    func deepValueHighlighted() throws {
        var attributes: [String] = []
        for k in 0..<300 { attributes.append("      \"custom:a\(k)\": \"value \(k)\"") }
        attributes.append("      \"custom:needle\": \"found-me\"")
        let text = """
        {
          "version": "1",
          "triggerSource": "PreSignUp_SignUp",
          "region": "us-east-1",
          "userPoolId": "us-east-1_Ab12Cd34E",
          "userName": "someone",
          "callerContext": {"awsSdkVersion": "aws-sdk-unknown-unknown", "clientId": "1example23456789"},
          "request": {
            "userAttributes": {
        \(attributes.joined(separator: ",\n"))
            },
            "validationData": null
          },
          "response": {"autoConfirmUser": false, "autoVerifyEmail": false, "autoVerifyPhone": true}
        }

        """
        let (folder, harness0) = try Self.open(Array(text.utf8), width: 100, height: 30)
        defer { folder.cleanUp() }
        var harness = harness0
        try harness.press("Tab / 'found-me' Enter J")
        #expect(harness.state.mode == .rawView)
        let grid = harness.screen
        let lines = grid.lines
        let row = try #require(lines.firstIndex { $0.contains("\"custom:needle\": \"found-me\"") }, "the needle's line is not on screen")
        #expect(Self.highlighted(grid, row: row).contains("\"custom:needle\": \"found-me\""))
        #expect(!lines.contains { $0.contains(" 1 {") }, "the view did not scroll")
        #expect(lines.contains { $0.contains("\(attributes.count + 9) ") })
        // Only the value is highlighted: its neighbours are not.
        #expect(Self.highlighted(grid, row: row - 1).isEmpty)
        // In the response editor, the boolean's own line.
        try harness.press("Escape Tab j J")
        let response = harness.screen
        let line = try #require(response.lines.firstIndex { $0.contains("\"autoVerifyPhone\": true") })
        #expect(Self.highlighted(response, row: line) == "\"autoVerifyPhone\": true")
    }

    @Test("an unsaved edit shows in the raw view, and the title says the edits are included")
    func unsavedEditShows() throws {
        let (folder, harness0) = try Self.open(Array(Self.fourSpaces.utf8), width: 120, height: 30)
        defer { folder.cleanUp() }
        var harness = harness0
        // The response editor's first row is autoConfirmUser: flip it.
        try harness.press("Tab Tab Space J")
        let screen = harness.text
        #expect(screen.contains("\"response\": {\"autoConfirmUser\": true,"))
        #expect(screen.contains("with unsaved edits"))
        #expect(Self.highlighted(harness.screen, row: try #require(harness.screen.lines.firstIndex { $0.contains("\"autoConfirmUser\": true") }))
            == "\"autoConfirmUser\": true")
    }

    @Test("bidi controls, DEL, C1 controls and tabs are shown escaped, never sent raw (bytes that are not UTF-8: TextRowsTests, the parser refuses them)")
    func hostileBytesEscaped() throws {
        var bytes = Array("{\n\t\"triggerSource\": \"PreSignUp_SignUp\",\n\t\"userName\": \"a".utf8)
        bytes += [0xE2, 0x80, 0xAE]  // U+202E right-to-left override
        bytes += [0x7F, 0xC2, 0x85]  // DEL, U+0085
        bytes += Array("z\"\n}\n".utf8)
        let (folder, harness0) = try Self.open(bytes, width: 100, height: 30)
        defer { folder.cleanUp() }
        var harness = harness0
        try harness.press("Tab J")
        #expect(harness.state.mode == .rawView)
        let grid = harness.screen
        let screen = grid.text
        #expect(screen.contains("\\t\"userName\": \"a\\u202e\\u007f\\u0085z\""), "\(screen)")
        for y in 0..<grid.height {
            for cell in grid.row(y) {
                for scalar in cell.grapheme.unicodeScalars {
                    #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value) && scalar.value != 0x202E)
                }
            }
        }
    }

    @Test("every size renders: below the explorer's minimum the raw view says so and takes keys; grown to the minimum it shows the text",
          arguments: [(30, 8), (20, 5), (1, 1), (0, 0)])
    func tinyTerminal(size: (width: Int, height: Int)) throws {
        let (folder, harness0) = try Self.open(Array(Self.fourSpaces.utf8), width: size.width, height: size.height)
        defer { folder.cleanUp() }
        var harness = harness0
        try harness.press("Tab J j G k PageUp g")
        #expect(harness.state.mode == .rawView)
        if size.width >= 30 { #expect(harness.text.contains("terminal too small")) }
        _ = harness.state.apply(.resize(width: 60, height: 16))
        try harness.press("G")
        #expect(harness.state.mode == .rawView)
        #expect(harness.screen.lines.contains { $0.contains("14 }") })
        try harness.press("g")
        #expect(harness.screen.lines.contains { $0.contains(" 1 {") })
    }

    @Test("a file on one line wraps: every byte shows once, in order, and G ends on the closing brace")
    func minifiedWraps() throws {
        var members: [String] = []
        for k in 0..<60 { members.append("\"custom:k\(k)\":\"v\(k)\"") }
        let text = "{\"triggerSource\":\"PreSignUp_SignUp\",\"userName\":\"u\",\"request\":{\"userAttributes\":{" + members.joined(separator: ",") + "}},\"response\":{}}"
        let (folder, harness0) = try Self.open(Array(text.utf8), width: 60, height: 20)
        defer { folder.cleanUp() }
        var harness = harness0
        try harness.press("Tab J g")
        let gutter = 5
        // The text of the box's rows, without the border and the line number gutter.
        func shownRows() -> [String] {
            harness.screen.lines.filter { $0.hasPrefix("║") }.map { line -> String in
                let characters = Array(line)
                guard characters.count > 2 + gutter else { return "" }
                return String(characters[(1 + gutter)..<(characters.count - 1)]).trimmingCharacters(in: .whitespaces)
            }
        }
        var seen = shownRows().joined()
        #expect(text.hasPrefix(seen), "\(seen)")
        // Only the first row carries the line number.
        #expect(harness.screen.lines.filter { $0.hasPrefix("║") }.dropFirst().allSatisfy { !$0.contains("    1 ") })
        for _ in 0..<20 {
            try harness.press("PageDown")
            let rows = shownRows().joined()
            if rows == seen { break }
            seen = rows
        }
        #expect(text.hasSuffix(shownRows().joined()), "G did not reach the end")
        try harness.press("g G")
        #expect(shownRows().last { !$0.isEmpty }?.hasSuffix("\"response\":{}}") == true)
    }

    @Test("an event written in one short line, and a cursor on an absent field, still open the raw view")
    func smallAndAbsent() throws {
        let (folder, harness0) = try Self.open(Array("{\"triggerSource\":\"PreSignUp_SignUp\"}".utf8))
        defer { folder.cleanUp() }
        var harness = harness0
        try harness.press("Tab J")
        #expect(harness.state.mode == .rawView)
        #expect(harness.text.contains("1 {\"triggerSource\":\"PreSignUp_SignUp\"}"))
        #expect(harness.text.contains("line 1 · 100%"))
        try harness.press("q Tab J")
        // The response editor lists absent fields: the title says so, nothing is highlighted.
        #expect(harness.text.contains("(absent)"))
        try harness.press("G j k PageDown PageUp J")
        #expect(harness.state.mode == .response)
    }

    @Test("v on a 20 MB string opens at once, G shows its real last line, and only a screen's characters are laid out")
    func hugeStringViewer() throws {
        var value = [UInt8]()
        value.reserveCapacity(20_000_100)
        let word = Array("alpha bravo é 東京 ".utf8)
        while value.count < 20_000_000 { value += word }
        value += Array("THE-END".utf8)
        let bytes = Array("{\"triggerSource\":\"PreSignUp_SignUp\",\"userName\":\"".utf8) + value + Array("\"}\n".utf8)
        let (folder, harness0) = try Self.open(bytes, width: 100, height: 30)
        defer { folder.cleanUp() }
        var harness = harness0
        // The tree row shows the start of the value, cut.
        #expect(harness.text.contains("\"alpha bravo é 東京 alpha"))
        try harness.press("Tab j v")
        #expect(harness.state.mode == .pager)
        #expect(harness.text.contains("alpha bravo é 東京"))
        try harness.press("G")
        let lines = harness.screen.lines
        let last = try #require(lines.last { $0.contains("║") && $0.contains("THE-END") }, "G did not reach the end")
        #expect(last.contains("東京 THE-END"))
        try harness.press("PageUp PageDown k j g")
        #expect(harness.text.contains("alpha bravo é 東京"))
        let examined = try #require(harness.state.textViewerCharactersExamined)
        // Opening, G, paging and moving: a few screens' worth (a screen is under 3,000 characters), not 20 million.
        #expect(examined < 100_000, "\(examined) characters laid out")
    }

    @Test("J and its help come from the keymap: request tree and response editor, with the raw view's own close keys")
    func keymap() {
        #expect(Keymap.command(for: .character("J"), in: .tree) == .rawView)
        #expect(Keymap.command(for: .character("J"), in: .response) == .rawView)
        #expect(Keymap.command(for: .escape, in: .rawView) == .close)
        #expect(Keymap.command(for: .character("G"), in: .rawView) == .bottom)
        #expect(Keymap.markdown().contains("| `J` | raw view"))
    }
}
