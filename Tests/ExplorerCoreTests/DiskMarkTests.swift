import ExplorerCore
import Foundation
import Testing
import TestSupport

/// The orange marks of edited rows mean "differs from the file on disk", also after undoing past a save.
@Suite struct DiskMarkTests {
    /// The mark drawn before `label` in the response editor, and its colour.
    static func mark(_ harness: ExplorerHarness, _ label: String) throws -> (text: String, style: Style) {
        let grid = harness.screen
        let response = harness.state.layout.responseInner
        let y = try #require((response.y..<response.maxY).first { grid.lines[$0].contains(" " + label + " ") }, "no row \(label)")
        let line = Array(grid.lines[y])
        let start = try #require((response.x + 2..<response.maxX).first { String(line[$0...]).hasPrefix(label + " ") })
        let cell = grid[x: start - 2, y: y]
        return (cell.grapheme, cell.style)
    }

    static let orange = Style(foreground: .indexed(208)).foreground

    @Test("save, undo: the row differs from disk and is marked (and the list says unsaved); redo: it matches disk, unmarked")
    func undoPastTheSave() throws {
        let file = try FixtureCopy("pre-sign-up/PreSignUp_SignUp.json")
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path], width: 120, height: 30)
        try harness.press("Tab Tab")
        let label = "autoConfirmUser"
        #expect(try Self.mark(harness, label).text == " ")
        try harness.press("Enter w")
        #expect(file.onDisk.contains("\"autoConfirmUser\": true"))
        #expect(try Self.mark(harness, label).text == " ", "saved: as on disk")
        try harness.press("u")
        #expect(harness.documentText.contains("\"autoConfirmUser\": false"))
        let undone = try Self.mark(harness, label)
        #expect(undone.text == "●" && undone.style.foreground == Self.orange, "undone past the save: differs from disk")
        #expect(harness.text.contains("● unsaved"))
        try harness.press("C-r")
        #expect(try Self.mark(harness, label).text == " ", "redone: as on disk again")
        #expect(!harness.text.contains("● unsaved"))
    }

    @Test("after undoing past a save, a new edit elsewhere keeps the undone row marked beside the new one")
    func newEditAfterUndoingPastTheSave() throws {
        let file = try FixtureCopy("pre-sign-up/PreSignUp_SignUp.json")
        defer { file.folder.cleanUp() }
        var harness = ExplorerHarness([file.path], width: 120, height: 30)
        try harness.press("Tab Tab Enter w u")
        try harness.press("Down Enter")
        let first = try Self.mark(harness, "autoConfirmUser")
        #expect(first.text == "●" && first.style.foreground == Self.orange)
        #expect(harness.documentText.contains("\"autoConfirmUser\": false"))
        let rows = ["autoVerifyEmail", "autoVerifyPhone"].filter { (try? Self.mark(harness, $0).text) == "●" }
        #expect(rows.count == 1, "the second row, flipped, is marked too")
    }
}
