import ExplorerCore
import Testing

@Suite("One-line editor")
struct LineEditorTests {
    @Test("moves by grapheme and reports the cursor column by display width")
    func widths() {
        var editor = LineEditor("ab名前👩‍💻")
        #expect(editor.characters.count == 5)
        #expect(editor.cursorColumn == 2 + 4 + 2)
        editor.moveLeft()
        #expect(editor.cursor == 4)
        #expect(editor.cursorColumn == 6)
        editor.moveLeft()
        editor.insert("x")
        #expect(editor.text == "ab名x前👩‍💻")
        #expect(editor.cursorColumn == 5)
        editor.deleteBackward()
        editor.deleteForward()
        #expect(editor.text == "ab名👩‍💻")
    }

    @Test("word jumps, line ends and deletions")
    func words() {
        var editor = LineEditor("hello brave new-world")
        editor.moveWordLeft()
        #expect(editor.cursor == 16)
        editor.moveWordLeft()
        editor.moveWordLeft()
        #expect(editor.cursor == 6)
        editor.moveWordRight()
        #expect(editor.cursor == 11)
        editor.deleteWordBackward()
        #expect(editor.text == "hello  new-world")
        editor.moveToStart()
        #expect(editor.cursor == 0)
        editor.moveLeft()
        editor.deleteBackward()
        #expect(editor.cursor == 0)
        editor.moveToEnd()
        editor.deleteForward()
        #expect(editor.text == "hello  new-world")
        editor.clear()
        #expect(editor.text.isEmpty && editor.cursor == 0)
    }

    @Test("a combining mark typed after a letter joins it")
    func combining() {
        var editor = LineEditor("e")
        editor.insert("\u{301}")
        #expect(editor.characters.count == 1)
        #expect(editor.cursor == 1)
        #expect(editor.cursorColumn == 1)
    }

    @Test("control characters count as their escapes")
    func controls() {
        let editor = LineEditor("a\tb")
        #expect(editor.cursorColumn == 4)
    }

    @Test("drawing scrolls so the cursor stays inside and sets the grid cursor")
    func drawing() {
        let editor = LineEditor(String(repeating: "名", count: 30))
        var grid = Grid(width: 20, height: 1)
        editor.draw(into: &grid, x: 0, y: 0, width: 20, style: .plain)
        let cursor = grid.cursor
        #expect(cursor != nil)
        #expect((cursor?.x ?? 99) < 20)
        #expect(grid.lines[0].hasPrefix("…"))
    }
}
