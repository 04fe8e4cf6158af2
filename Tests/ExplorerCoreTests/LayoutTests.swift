import ExplorerCore
import Testing
import TestSupport

@Suite("Layout")
struct LayoutTests {
    static let sizes: [(Int, Int)] = [
        (0, 0), (1, 1), (2, 1), (1, 2), (20, 5), (59, 16), (60, 15), (60, 16), (61, 17), (80, 24),
        (100, 30), (120, 40), (200, 60), (300, 100), (37, 80), (1000, 3),
    ]

    @Test("below the minimum only the too-small message is drawn", arguments: [(0, 0), (1, 1), (20, 5), (59, 40), (200, 15)])
    func tooSmall(width: Int, height: Int) {
        let layout = Layout(width: width, height: height)
        #expect(layout.isTooSmall)
        var state = ExplorerState(paths: [], width: width, height: height)
        _ = state.apply(.resize(width: width, height: height))
        let grid = state.render()
        #expect(grid.width == width && grid.height == height)
        if width >= 40 && height >= 1 {
            #expect(grid.text.contains("terminal too small (need 60×16)"))
        }
    }

    @Test("panes tile the screen without overlapping", arguments: [(60, 16), (80, 24), (100, 30), (120, 40), (300, 100)])
    func tiling(width: Int, height: Int) {
        let layout = Layout(width: width, height: height)
        #expect(!layout.isTooSmall)
        #expect(layout.list.maxX == layout.request.x)
        #expect(layout.request.maxX == width)
        #expect(layout.request.maxY == layout.response.y)
        #expect(layout.response.maxY == layout.fieldHelp.y)
        #expect(layout.list.maxY == layout.fieldHelp.y)
        #expect(layout.fieldHelp.maxY == layout.status.y)
        #expect(layout.status.maxY == layout.hints.y)
        #expect(layout.hints.maxY == height)
        #expect(layout.requestInner.height >= 4 && layout.responseInner.height >= 4)
        #expect(layout.overlay.x >= 0 && layout.overlay.maxX <= width)
    }

    @Test("every size renders, in every mode, with a loaded event", arguments: sizes)
    func everySizeRenders(width: Int, height: Int) throws {
        for script in ["", "Tab", "Tab Tab", "Tab Tab Down Enter", "?", "r", "Tab Tab Down Down Down Enter", "q"] {
            var harness = ExplorerHarness([Repository.fixtures + "/user-migration/UserMigration_Authentication.json"], width: 100, height: 30)
            try harness.press(script)
            _ = harness.state.apply(.resize(width: width, height: height))
            let grid = harness.state.render()
            #expect(grid.width == width && grid.height == height)
            _ = harness.state.render(width: height, height: width)
        }
    }

    @Test("the scroll offset keeps the cursor in view")
    func scrolling() {
        #expect(Viewport.first(keeping: 0, from: 0, height: 10, count: 100) == 0)
        #expect(Viewport.first(keeping: 10, from: 0, height: 10, count: 100) == 1)
        #expect(Viewport.first(keeping: 5, from: 8, height: 10, count: 100) == 5)
        #expect(Viewport.first(keeping: 99, from: 0, height: 10, count: 100) == 90)
        #expect(Viewport.first(keeping: 3, from: 50, height: 10, count: 5) == 0)
        #expect(Viewport.first(keeping: 3, from: 2, height: 0, count: 5) == 0)
    }
}
