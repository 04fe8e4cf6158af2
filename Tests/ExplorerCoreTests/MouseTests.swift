import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// Clicks and the wheel (issue 14), driven as `render --keys` drives them: `<click:COL,ROW>`,
/// `<wheel-up:COL,ROW>`, `<wheel-down:COL,ROW>`, mapped to rows through the panes' viewports.
@Suite("Mouse")
struct MouseTests {
    static let tokensV2 = Repository.fixtures + "/pre-token-generation-v2/TokenGeneration_Authentication.json"

    /// What a click that should do nothing must leave alone.
    struct Snapshot: Equatable {
        var text: String
        var focus: Pane
        var file: String?
        var cursor: JSONPath?
        var mode: Mode
        init(_ state: ExplorerState) {
            text = state.render().text
            focus = state.focusedPane
            file = state.currentFile
            cursor = state.cursorPath
            mode = state.mode
        }
    }

    @Test("the key script reads mouse events; < alone is still a key; bad ones are refused with the spelling")
    func script() throws {
        let inputs = try Key.parseInputs("Down <click:30,4> < <wheel-up:0,0> <WHEEL-DOWN:12,7>")
        #expect(inputs == [.key(.down), .mouse(MouseEvent(.click, x: 30, y: 4)), .key(.character("<")),
                           .mouse(MouseEvent(.wheelUp, x: 0, y: 0)), .mouse(MouseEvent(.wheelDown, x: 12, y: 7))])
        #expect(MouseEvent.parse(MouseEvent(.wheelDown, x: 3, y: 9).name) == MouseEvent(.wheelDown, x: 3, y: 9))
        for bad in ["<click:3>", "<click:a,b>", "<click:-1,2>", "<tap:1,2>", "<click:1,2", "<click:1,2,3>", "<click:999999,1>", "<>x"] {
            #expect(throws: KeyScriptError.self, "\(bad)") { try Key.parseInputs("Down \(bad)") }
        }
        do {
            _ = try Key.parseInputs("Down <click:3;4>")
            Issue.record("a bad mouse event was read")
        } catch {
            #expect(error.kind == .badMouseEvent)
            #expect(error.offset == 5)
            #expect(error.description.contains("<click:COL,ROW>"))
        }
        do {
            _ = try Key.parseScript("Down <click:1,1>")
            Issue.record("a keys-only script took a mouse event")
        } catch {
            #expect(error.kind == .unknownKey && error.word == "<click:1,1>" && error.offset == 5, "keys-only callers refuse mouse events where they are")
        }
    }

    @Test("a click on a list row selects the event drawn there, also when the list is scrolled")
    func clickListRow() throws {
        let folder = try ViewportTests.eventFolder()
        var harness = ExplorerHarness([folder.path], width: 100, height: 30)
        try harness.press("Tab")
        #expect(harness.state.focusedPane == .request)
        let list = try #require(harness.state.viewport(of: .list))
        try harness.press("<click:4,\(list.rect.y + 6)>")
        #expect(harness.state.focusedPane == .list)
        #expect(harness.state.currentFile?.hasSuffix("/ev07.json") == true)
        // Scrolled to the bottom: the top line now holds another row, and a click there selects it.
        try harness.press("G")
        let scrolled = try #require(harness.state.viewport(of: .list))
        #expect(scrolled.first > 0)
        let top = scrolled.rect.y
        let name = String(format: "ev%02d", scrolled.first + 1)
        #expect(harness.screen.lines[top].contains(name))
        try harness.press("<click:10,\(top)>")
        #expect(harness.state.currentFile?.hasSuffix("/\(name).json") == true)
        #expect(try #require(harness.state.viewport(of: .list)).first == scrolled.first, "a click on a shown row does not scroll")
    }

    @Test("a click in the response pane focuses it and puts the cursor on the row drawn there, also when scrolled")
    func clickResponseRow() throws {
        var harness = ExplorerHarness([Self.tokensV2], width: 100, height: 24)
        try harness.press("Tab Tab e G Tab")
        #expect(harness.state.focusedPane == .list)
        let response = try #require(harness.state.viewport(of: .response))
        #expect(response.first > 0, "the response pane is scrolled")
        let y = response.rect.y + 1
        let line = harness.screen.lines[y]
        try harness.press("<click:\(response.rect.x + 20),\(y)>")
        #expect(harness.state.focusedPane == .response)
        let path = try #require(harness.state.cursorPath)
        let label = path.last.map { component -> String in
            switch component {
            case .key(let key): return key
            case .index(let index): return "[\(index)]"
            }
        } ?? ""
        #expect(line.contains(label), "clicked line \(line) but the cursor is on \(path.dottedString)")
        #expect(try #require(harness.state.viewport(of: .response)).first == response.first, "nothing scrolled")
        #expect(try #require(harness.state.viewport(of: .response)).y(ofRow: response.first + 1) == y)
    }

    @Test("a click on a row's ▸ marker expands it, on ▾ collapses it; a click on its label only moves the cursor")
    func clickMarker() throws {
        var harness = ExplorerHarness([Self.tokensV2], width: 100, height: 30)
        try harness.press("Tab")
        let request = try #require(harness.state.viewport(of: .request))
        let y = try #require((request.rect.y..<request.rect.maxY).first { harness.screen.lines[$0].contains("▸ userAttributes") })
        let line = harness.screen.lines[y]
        let column = line.distance(from: line.startIndex, to: try #require(line.firstIndex(of: "▸")))
        try harness.press("<click:\(column + 6),\(y)>")
        #expect(harness.screen.lines[y].contains("▸ userAttributes"), "a click on the label does not expand")
        #expect(harness.state.cursorPath == ["request", "userAttributes"])
        try harness.press("<click:\(column),\(y)>")
        #expect(harness.screen.lines[y].contains("▾ userAttributes"))
        #expect(harness.screen.lines[y + 1].contains("sub"), "\(harness.text)")
        try harness.press("<click:\(column + 1),\(y)>")
        #expect(harness.screen.lines[y].contains("▸ userAttributes"))
        #expect(harness.state.cursorPath == ["request", "userAttributes"])
    }

    @Test("the wheel scrolls the pane under the pointer, three rows a notch, not the focused one")
    func wheelUnderPointer() throws {
        let folder = try ViewportTests.eventFolder()
        var harness = ExplorerHarness([folder.path], width: 100, height: 24)
        try harness.press("Tab e")
        #expect(harness.state.focusedPane == .request)
        let request = try #require(harness.state.viewport(of: .request))
        let list = try #require(harness.state.viewport(of: .list))
        #expect(request.first == 0 && list.first == 0)
        let file = harness.state.currentFile
        // Over the list, which does not have the focus.
        try harness.press("<wheel-down:5,5> <wheel-down:5,5>")
        #expect(try #require(harness.state.viewport(of: .list)).first == 6)
        #expect(try #require(harness.state.viewport(of: .request)).first == 0, "the focused pane did not move")
        #expect(harness.state.focusedPane == .request)
        // The list's cursor was on the first row, which left the screen: it moved onto the first row shown.
        #expect(harness.state.currentFile?.hasSuffix("/ev07.json") == true)
        #expect(harness.state.currentFile != file)
        try harness.press("<wheel-up:5,5>")
        #expect(try #require(harness.state.viewport(of: .list)).first == 3)
        #expect(harness.state.currentFile?.hasSuffix("/ev07.json") == true, "a cursor still on screen stays")
        // Over the request pane (its border counts): it scrolls, and its cursor follows onto the screen.
        try harness.press("<wheel-down:\(request.rect.x - 1),\(request.rect.y + 2)>")
        #expect(try #require(harness.state.viewport(of: .request)).first == 3)
        #expect(harness.state.focusedPane == .request)
        // At the ends the wheel stops.
        for _ in 0..<40 { try harness.press("<wheel-up:5,5>") }
        #expect(try #require(harness.state.viewport(of: .list)).first == 0)
        for _ in 0..<40 { try harness.press("<wheel-down:5,5>") }
        let bottom = try #require(harness.state.viewport(of: .list))
        #expect(bottom.first == bottom.lastFirst)
    }

    @Test("a click where no row is drawn does nothing: borders, titles, empty lines, field help, status, hints")
    func clickOutsideRows() throws {
        var harness = ExplorerHarness([Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json", Self.tokensV2], width: 100, height: 30)
        try harness.press("Tab Down")
        let before = Snapshot(harness.state)
        let layout = harness.state.layout
        let response = try #require(harness.state.viewport(of: .response))
        let emptyLine = try #require(response.y(ofRow: response.count - 1)) + 1
        #expect(emptyLine < response.rect.maxY, "the response pane has an empty line under its rows")
        let list = try #require(harness.state.viewport(of: .list))
        let cells = [(0, 0), (layout.list.x, 5), (layout.request.x + 4, layout.request.y), (layout.response.x + 4, layout.response.maxY - 1),
                     (response.rect.x + 3, emptyLine), (list.rect.x + 3, list.rect.y + 5), (2, layout.fieldHelp.y), (2, layout.status.y),
                     (2, layout.hints.y), (99, 29), (500, 3), (3, 500)]
        for (x, y) in cells {
            try harness.press("<click:\(x),\(y)>")
            #expect(Snapshot(harness.state) == before, "a click at \(x),\(y) changed something")
        }
    }

    @Test("with help, the viewer or a prompt open, a click does nothing; the wheel scrolls help and the viewer")
    func overlays() throws {
        var harness = ExplorerHarness([Self.tokensV2], width: 100, height: 30)
        try harness.press("?")
        let help = Snapshot(harness.state)
        try harness.press("<click:5,5> <click:50,10>")
        #expect(Snapshot(harness.state) == help)
        try harness.press("<wheel-down:50,10>")
        #expect(harness.state.mode == .help)
        #expect(harness.text.contains(" 4–"), "the help scrolled by three lines: \(harness.text)")
        try harness.press("<wheel-up:3,28> <wheel-up:3,28>")
        #expect(harness.text.contains(" 1–"))
        try harness.press("Escape Tab v")
        #expect(harness.state.mode == .pager)
        let viewer = Snapshot(harness.state)
        try harness.press("<click:40,12>")
        #expect(Snapshot(harness.state) == viewer)
        try harness.press("Escape /")
        #expect(harness.state.mode == .textInput)
        let prompt = Snapshot(harness.state)
        try harness.press("<click:5,5> <wheel-down:50,10> <click:50,15>")
        #expect(Snapshot(harness.state) == prompt)
        try harness.press("Escape t")
        #expect(harness.state.mode == .triggerMap)
        let map = Snapshot(harness.state)
        try harness.press("<click:5,5> <wheel-down:5,5>")
        #expect(Snapshot(harness.state) == map)
    }

    @Test("with the mouse off (--no-mouse), clicks and the wheel do nothing")
    func mouseOff() throws {
        let folder = try ViewportTests.eventFolder()
        var harness = ExplorerHarness([folder.path], width: 100, height: 30, options: ExplorerOptions(mouse: false))
        try harness.press("?")
        let help = Snapshot(harness.state)
        try harness.press("<wheel-down:50,10>")
        #expect(Snapshot(harness.state) == help)
        try harness.press("Escape")
        let before = Snapshot(harness.state)
        try harness.press("<click:4,7> <wheel-down:5,5> <click:60,5>")
        #expect(Snapshot(harness.state) == before)
        // Keys work as ever.
        try harness.press("Down")
        #expect(harness.state.currentFile?.hasSuffix("/ev02.json") == true)
    }

    @Test("a terminal too small for the panes ignores the mouse", arguments: [(20, 5), (59, 30), (0, 0)])
    func tooSmall(width: Int, height: Int) throws {
        var harness = ExplorerHarness([Self.tokensV2], width: 100, height: 30)
        _ = harness.state.apply(.resize(width: width, height: height))
        let before = Snapshot(harness.state)
        try harness.press("<click:1,1> <wheel-down:1,1> <click:0,0>")
        #expect(Snapshot(harness.state) == before)
    }
}
