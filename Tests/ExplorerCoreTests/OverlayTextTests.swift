@testable import ExplorerCore
import Foundation
import Testing
import TestSupport

/// The help screen and the text viewer are scrolled by the state and drawn by the view from the
/// same lines (`OverlayText`): the last line the state scrolls to is the last line drawn.
@Suite struct OverlayTextTests {
    @Test("G in help: the last line of the help text is on the overlay's last row, and the note counts every line",
          arguments: [(100, 30), (80, 24), (60, 16)])
    func helpEndsOnItsLastLine(width: Int, height: Int) throws {
        var harness = ExplorerHarness([Repository.fixtures + "/pre-sign-up"], width: width, height: height)
        try harness.press("? G")
        let inner = harness.state.layout.overlayInner
        let lines = OverlayText.help(width: inner.width)
        let grid = harness.screen
        let lastRow = String(grid.lines[inner.maxY - 1].dropFirst(inner.x).prefix(inner.width))
        let last = try #require(lines.last)
        #expect(lastRow.trimmingCharacters(in: .whitespaces) == last.text.trimmingCharacters(in: .whitespaces))
        #expect(harness.text.contains("of \(lines.count) "))
    }

    @Test("G in the text viewer: its last wrapped line is on the last row")
    func pagerEndsOnItsLastLine() throws {
        var harness = ExplorerHarness([Repository.fixtures + "/invalid/custom-message-missing-code.json"], width: 80, height: 16)
        try harness.press("Tab Tab j v")
        guard case .pager(let pager)? = harness.state.overlay else {
            Issue.record("no text viewer: \(harness.text)")
            return
        }
        try harness.press("G")
        let inner = harness.state.layout.overlayInner
        let lines = OverlayText.pager(pager.text, width: inner.width)
        let shown = harness.screen.lines[inner.y..<inner.maxY].map { String($0.dropFirst(inner.x).prefix(inner.width)) }
        let last = try #require(lines.last)
        #expect(shown.contains { $0.trimmingCharacters(in: .whitespaces) == last.trimmingCharacters(in: .whitespaces) })
    }
}
