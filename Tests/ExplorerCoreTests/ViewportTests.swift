import ExplorerCore
import Foundation
import Testing
import TestSupport

/// The one place scroll offsets are worked out: `Viewport`, and the state's viewport of each pane
/// that the update stores, the views draw and mouse clicks are mapped through.
@Suite("Viewport")
struct ViewportTests {
    static let rect = Rect(x: 3, y: 5, width: 20, height: 10)

    @Test("the first row keeps the cursor in view and moves as little as possible, at both ends")
    func cursorNearEnds() {
        // At the top and the bottom of 100 rows.
        #expect(Viewport(rect: Self.rect, cursor: 0, previous: 0, count: 100).first == 0)
        #expect(Viewport(rect: Self.rect, cursor: 99, previous: 0, count: 100).first == 90)
        #expect(Viewport(rect: Self.rect, cursor: 99, previous: 95, count: 100).first == 90, "never past the last full page")
        // One row past the bottom edge scrolls by one; one above the top edge scrolls up to it.
        #expect(Viewport(rect: Self.rect, cursor: 10, previous: 0, count: 100).first == 1)
        #expect(Viewport(rect: Self.rect, cursor: 39, previous: 40, count: 100).first == 39)
        // Inside the window nothing moves.
        #expect(Viewport(rect: Self.rect, cursor: 45, previous: 40, count: 100).first == 40)
        // Fewer rows than lines: always from the top.
        #expect(Viewport(rect: Self.rect, cursor: 3, previous: 50, count: 5).first == 0)
    }

    @Test("each screen line maps to the row drawn on it, and back; nothing past the last row or outside")
    func rowsOnLines() {
        let viewport = Viewport(rect: Self.rect, cursor: 30, previous: 25, count: 32)
        #expect(viewport.first == 22)
        #expect(viewport.shown == 22..<32)
        #expect(viewport.row(atY: 5) == 22)
        #expect(viewport.row(atY: 14) == 31)
        #expect(viewport.row(atY: 4) == nil && viewport.row(atY: 15) == nil)
        #expect(viewport.y(ofRow: 30) == 13)
        #expect(viewport.y(ofRow: 21) == nil && viewport.y(ofRow: 32) == nil)
        let short = Viewport(rect: Self.rect, cursor: 1, previous: 0, count: 3)
        #expect(short.row(atY: 7) == 2)
        #expect(short.row(atY: 8) == nil, "the empty lines under the last row hold no row")
        for y in 5..<15 {
            if let row = viewport.row(atY: y) { #expect(viewport.y(ofRow: row) == y) }
        }
    }

    @Test("tiny heights: no line shows nothing and maps nothing; one line shows the cursor's row",
          arguments: [0, 1, 2])
    func tinyHeights(height: Int) {
        let rect = Rect(x: 0, y: 0, width: 10, height: height)
        let viewport = Viewport(rect: rect, cursor: 7, previous: 0, count: 20)
        if height == 0 {
            #expect(viewport.first == 0)
            #expect(viewport.shown.isEmpty)
            #expect(viewport.row(atY: 0) == nil)
        } else {
            #expect(viewport.shown.contains(7))
            #expect(viewport.shown.count == height)
            #expect(viewport.row(atY: height - 1) == 7)
        }
        #expect(Viewport(rect: rect, cursor: 0, previous: 3, count: 0).shown.isEmpty)
        #expect(Viewport(rect: Rect(x: 0, y: 0, width: 0, height: 5), cursor: 0, previous: 0, count: 5).row(atY: 0) == nil,
                "a pane of no width holds no row")
    }

    @Test("a text viewer's first line stays between the top and the last full page")
    func viewerClamp() {
        #expect(Viewport(rect: Self.rect, scroll: 1000, count: 50).first == 40)
        #expect(Viewport(rect: Self.rect, scroll: -4, count: 50).first == 0)
        #expect(Viewport(rect: Self.rect, scroll: 7, count: 6).first == 0)
        #expect(Viewport(rect: Self.rect, scroll: 7, count: 50).first == 7)
    }

    // MARK: The state's viewports

    /// A folder of `count` copies of a fixture named `ev01.json`, `ev02.json`, ...: short names
    /// that the list shows whole.
    static func eventFolder(count: Int = 40) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let text = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
        for index in 1...count { _ = try folder.write(String(format: "ev%02d.json", index), text) }
        return folder
    }

    @Test("after a resize the list's cursor row is still on screen, on the line the view draws it")
    func resize() throws {
        let folder = try Self.eventFolder()
        var harness = ExplorerHarness([folder.path], width: 100, height: 40)
        try harness.press("G")
        for (width, height) in [(100, 20), (80, 16), (120, 50), (100, 17)] {
            _ = harness.state.apply(.resize(width: width, height: height))
            let viewport = try #require(harness.state.viewport(of: .list))
            #expect(viewport.shown.contains(39), "at \(width)x\(height)")
            let y = try #require(viewport.y(ofRow: 39))
            #expect(harness.screen.lines[y].contains("ev40"), "at \(width)x\(height) line \(y) is \(harness.screen.lines[y])")
            #expect(viewport.rect == harness.state.layout.listInner)
        }
    }

    @Test("the first row the update stores is the first row the view draws, in every pane")
    func updateAndViewAgree() throws {
        let folder = try Self.eventFolder()
        var harness = ExplorerHarness([folder.path], width: 90, height: 20)
        try harness.press("G k k Tab e G Tab G")
        for pane in [Pane.list, .request, .response] {
            let viewport = try #require(harness.state.viewport(of: pane), "\(pane)")
            // Drawn again at the state's size, nothing moves: the stored first row is the drawn one.
            let again = Viewport(rect: viewport.rect, cursor: viewport.shown.upperBound - 1, previous: viewport.first, count: viewport.count)
            #expect(again.first == viewport.first)
        }
        let list = try #require(harness.state.viewport(of: .list))
        #expect(list.first > 0, "the list scrolled")
        #expect(try harness.screen.lines[#require(list.y(ofRow: 37))].contains("ev38"))
    }

    @Test("zoomed, only the zoomed pane has rows, over the whole area")
    func zoom() throws {
        let folder = try Self.eventFolder(count: 3)
        var harness = ExplorerHarness([folder.path], width: 100, height: 30)
        try harness.press("Tab Z")
        #expect(harness.state.viewport(of: .list) == nil)
        #expect(harness.state.viewport(of: .response) == nil)
        let request = try #require(harness.state.viewport(of: .request))
        #expect(request.rect == Rect(x: 1, y: 1, width: 98, height: 24))
    }

    @Test("with the list hidden it has no rows, and the request pane starts at the left edge")
    func listHidden() throws {
        let folder = try Self.eventFolder(count: 3)
        var harness = ExplorerHarness([folder.path], width: 100, height: 30)
        try harness.press("L")
        #expect(harness.state.viewport(of: .list) == nil)
        #expect(try #require(harness.state.viewport(of: .request)).rect.x == 1)
    }

    @Test("a response under a note (a trigger without response fields) scrolls by the rows it really shows")
    func responseUnderNote() throws {
        let folder = try TemporaryFolder()
        // Post confirmation has no response fields: its response keys are shown under a note.
        let keys = (1...20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        var text = String(decoding: Repository.bytes(of: Repository.fixtures + "/post-confirmation/PostConfirmation_ConfirmSignUp.json"), as: UTF8.self)
        let range = try #require(text.range(of: "\"response\": {}"))
        text.replaceSubrange(range, with: "\"response\": {\(keys)}")
        let path = try folder.write("pc.json", text)
        var harness = ExplorerHarness([path], width: 100, height: 30)
        try harness.press("Tab Tab e G")
        let viewport = try #require(harness.state.viewport(of: .response))
        let inner = harness.state.layout.responseInner
        #expect(viewport.rect.y > inner.y, "the rows start under the note")
        #expect(viewport.rect.maxY == inner.maxY)
        let y = try #require(viewport.y(ofRow: viewport.count - 1))
        #expect(harness.screen.lines[y].contains("k20"), "\(harness.text)")
    }
}
