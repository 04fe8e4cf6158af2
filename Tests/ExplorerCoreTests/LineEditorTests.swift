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

@Suite("One-line editor: insertion")
struct LineEditorInsertionTests {
    @Test("a combining mark or joiner inserted merges with its neighbour, and the cursor follows the text")
    func mergesAtTheEdges() {
        var editor = LineEditor("cafe")
        editor.insert("\u{301}")
        #expect(editor.text == "cafe\u{301}")
        #expect(editor.characters.count == 4)
        #expect(editor.cursor == 4)
        var flag = LineEditor("🇺")
        flag.insert("🇸")
        #expect(flag.characters == ["🇺🇸"])
        #expect(flag.cursor == 1)
        var before = LineEditor("\u{301}x")
        before.moveToStart()
        before.insert("e")
        #expect(before.characters == ["e\u{301}", "x"])
        #expect(before.cursor == 1)
        var middle = LineEditor("ab")
        middle.moveLeft()
        middle.insert("XY名")
        #expect(middle.text == "aXY名b")
        #expect(middle.cursor == 4)
    }

    @Test("a long insertion is one step and keeps graphemes whole")
    func longInsertion() {
        var editor = LineEditor("[]")
        editor.moveLeft()
        let text = String(repeating: "👩‍💻e\u{301}", count: 10_000)
        editor.insert(text)
        #expect(editor.characters.count == 2 + 20_000)
        #expect(editor.cursor == 1 + 20_000)
        #expect(editor.text == "[" + text + "]")
    }

    @Test("a field longer than the screen draws its end around the cursor, as a short one does")
    func drawsTheEndOfALongField() {
        var editor = LineEditor(String(repeating: "a", count: 200_000) + "名END")
        var grid = Grid(width: 20, height: 1)
        editor.draw(into: &grid, x: 0, y: 0, width: 20, style: .plain)
        #expect(grid.lines[0].hasPrefix("…"))
        #expect(grid.lines[0].hasSuffix("名END "))
        #expect(grid.cursor?.x == 19)
        editor.moveToStart()
        grid = Grid(width: 20, height: 1)
        editor.draw(into: &grid, x: 0, y: 0, width: 20, style: .plain)
        #expect(grid.lines[0] == String(repeating: "a", count: 20))
        #expect(grid.cursor?.x == 0)
    }
}
