import Testing
import TerminalText
@testable import ExplorerCore

@Suite struct GridTests {
    @Test func newGridIsSpaces() {
        let grid = Grid(width: 3, height: 2)
        #expect(grid.lines == ["   ", "   "])
        #expect(grid[x: 0, y: 0] == Cell.blank)
        #expect(grid.cursor == nil)
    }

    @Test func putWritesTextAndReturnsWidth() {
        var grid = Grid(width: 10, height: 1)
        let written = grid.put("abc", x: 2, y: 0, style: .plain)
        #expect(written == 3)
        #expect(grid.lines == ["  abc     "])
    }

    @Test func putChainsWithReturnedWidth() {
        var grid = Grid(width: 10, height: 1)
        var x = 0
        x += grid.put("名前", x: x, y: 0, style: .plain)
        x += grid.put(":", x: x, y: 0, style: .plain)
        #expect(x == 5)
        #expect(grid.text == "名前:")
    }

    @Test func putClipsAtRightEdge() {
        var grid = Grid(width: 4, height: 1)
        #expect(grid.put("abcdef", x: 1, y: 0, style: .plain) == 3)
        #expect(grid.lines == [" abc"])
    }

    @Test func putClipsAtMaxWidth() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.put("abcdef", x: 1, y: 0, style: .plain, maxWidth: 2) == 2)
        #expect(grid.lines == [" ab       "])
        #expect(grid.put("xyz", x: 5, y: 0, style: .plain, maxWidth: 0) == 0)
        #expect(grid.put("xyz", x: 5, y: 0, style: .plain, maxWidth: -3) == 0)
        #expect(grid.put("xyz", x: 8, y: 0, style: .plain, maxWidth: Int.max) == 2)
    }

    @Test func wideCharacterTakesTwoCells() {
        var grid = Grid(width: 4, height: 1)
        #expect(grid.put("名a", x: 0, y: 0, style: .plain) == 3)
        #expect(grid[x: 0, y: 0] == Cell(grapheme: "名", width: 2))
        #expect(grid[x: 1, y: 0] == Cell(grapheme: "", width: 0))
        #expect(grid[x: 2, y: 0] == Cell(grapheme: "a", width: 1))
        #expect(grid.lines == ["名a "])
        #expect(grid.isConsistent)
    }

    @Test func wideCharacterThatDoesNotFitBecomesSpace() {
        var grid = Grid(width: 3, height: 1)
        let written = grid.put("ab名", x: 0, y: 0, style: .plain.foreground(.red))
        #expect(written == 3)
        #expect(grid.lines == ["ab "])
        #expect(grid[x: 2, y: 0] == Cell(grapheme: " ", width: 1, style: .plain.foreground(.red)))
        #expect(grid.isConsistent)

        var limited = Grid(width: 10, height: 1)
        #expect(limited.put("名名", x: 0, y: 0, style: .plain, maxWidth: 3) == 3)
        #expect(limited.lines == ["名        "])
    }

    @Test func wideCharacterAtLeftEdgeShowsItsVisibleHalfAsSpace() {
        var grid = Grid(width: 4, height: 1)
        grid.put("xxxx", x: 0, y: 0, style: .plain)
        #expect(grid.put("名ab", x: -1, y: 0, style: .plain) == 4)
        #expect(grid.lines == [" abx"])
        #expect(grid.isConsistent)
    }

    @Test func overwritingHalfOfWideCharacterBlanksOtherHalf() {
        var grid = Grid(width: 4, height: 1)
        grid.put("名名", x: 0, y: 0, style: .plain)
        grid.put("x", x: 1, y: 0, style: .plain)
        #expect(grid.lines == [" x名"])
        #expect(grid.isConsistent)
        grid.put("y", x: 2, y: 0, style: .plain)
        #expect(grid.lines == [" xy "])
        #expect(grid.isConsistent)
        grid.put("字", x: 1, y: 0, style: .plain)
        #expect(grid.lines == [" 字 "])
        #expect(grid.isConsistent)
    }

    @Test func outOfBoundsWritesAreIgnored() {
        var grid = Grid(width: 3, height: 2)
        #expect(grid.put("abc", x: 0, y: -1, style: .plain) == 0)
        #expect(grid.put("abc", x: 0, y: 2, style: .plain) == 0)
        #expect(grid.put("abc", x: 3, y: 0, style: .plain) == 0)
        #expect(grid.put("abc", x: Int.max, y: 0, style: .plain) == 0)
        #expect(grid.put("abc", x: Int.min, y: 0, style: .plain) == 3)
        #expect(grid[x: -1, y: 0] == .blank)
        #expect(grid[x: 0, y: 99] == .blank)
        #expect(grid == Grid(width: 3, height: 2))
    }

    @Test(arguments: [(0, 0), (1, 1), (0, 5), (5, 0), (-3, -3)])
    func tinyGridsAcceptEveryWrite(width: Int, height: Int) {
        var grid = Grid(width: width, height: height)
        grid.put("名前👩‍💻abc", x: 0, y: 0, style: .plain)
        grid.put("x", x: -1, y: -1, style: .plain)
        grid.fill(rect: Rect(x: -5, y: -5, width: 20, height: 20), style: .plain.background(.blue))
        grid.drawBox(rect: Rect(x: 0, y: 0, width: 10, height: 10), style: .plain, title: "Title")
        grid.setStyle(.plain.bolded, rect: grid.bounds)
        grid.cursor = (0, 0)
        grid.draw(Grid(width: 3, height: 3), x: 0, y: 0)
        _ = grid.text
        _ = grid.ansi
        _ = grid.svg(title: "tiny")
        _ = grid.styleLayer()
        #expect(grid.width == max(0, width))
        #expect(grid.height == max(0, height))
        #expect(grid.isConsistent)
    }

    @Test func oneByOneGridReplacesWideCharacterWithSpace() {
        var grid = Grid(width: 1, height: 1)
        #expect(grid.put("名", x: 0, y: 0, style: .plain) == 1)
        #expect(grid.lines == [" "])
        grid.put("é", x: 0, y: 0, style: .plain)
        #expect(grid.lines == ["é"])
    }

    @Test func controlCharactersAreStoredEscaped() {
        var grid = Grid(width: 20, height: 1)
        grid.put("a\u{1B}[31mb\n", x: 0, y: 0, style: .plain)
        #expect(grid.text == "a\\u001b[31mb\\n")
        for x in 0..<grid.width {
            #expect(!grid[x: x, y: 0].grapheme.unicodeScalars.contains(where: TerminalText.isUnsafe))
        }
    }

    @Test func bidiOverrideIsStoredEscaped() {
        var grid = Grid(width: 20, height: 1)
        grid.put("ab\u{202E}cd", x: 0, y: 0, style: .plain)
        #expect(grid.text == "ab\\u202ecd")
    }

    @Test func combiningMarkStaysWithItsBase() {
        var grid = Grid(width: 4, height: 1)
        #expect(grid.put("e\u{301}x", x: 0, y: 0, style: .plain) == 2)
        #expect(grid[x: 0, y: 0].grapheme == "e\u{301}")
        #expect(grid[x: 0, y: 0].width == 1)
    }

    @Test func invisibleCharactersAreShownEscapedAndLoneMarksOnACircle() {
        var grid = Grid(width: 16, height: 1)
        #expect(grid.put("a\u{200B}b\u{FEFF}", x: 0, y: 0, style: .plain) == 14)
        #expect(grid.lines == ["a\\u200bb\\ufeff  "])
        #expect(grid[x: 7, y: 0].grapheme == "b")
        #expect(grid.put("\u{301}x", x: 0, y: 0, style: .plain) == 2)
        #expect(grid[x: 0, y: 0] == Cell(grapheme: "\u{25CC}\u{301}", width: 1))
    }

    @Test func fillClipsAndRepairsWideCharacters() {
        var grid = Grid(width: 6, height: 2)
        grid.put("名名名", x: 0, y: 0, style: .plain)
        let blue = Style.plain.background(.blue)
        grid.fill(rect: Rect(x: 1, y: 0, width: 2, height: 5), style: blue)
        #expect(grid.lines == ["    名", "      "])
        #expect(grid[x: 1, y: 1].style == blue)
        #expect(grid[x: 3, y: 1].style == .plain)
        #expect(grid.isConsistent)
    }

    @Test func setStyleKeepsText() {
        var grid = Grid(width: 5, height: 1)
        grid.put("hello", x: 0, y: 0, style: .plain.foreground(.cyan))
        grid.updateStyle(rect: Rect(x: 1, y: 0, width: 2, height: 1)) { $0.reversed }
        #expect(grid.text == "hello")
        #expect(grid[x: 1, y: 0].style == Style(foreground: .cyan, reverse: true))
        #expect(grid[x: 3, y: 0].style == Style(foreground: .cyan))
    }

    @Test func drawBoxWithTitle() {
        var grid = Grid(width: 12, height: 4)
        grid.drawBox(rect: grid.bounds, style: .plain, title: "Event")
        #expect(grid.lines == [
            "┌ Event ───┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
    }

    @Test func drawBoxCutsLongTitleAndSupportsLineStyles() {
        var grid = Grid(width: 8, height: 3)
        grid.drawBox(rect: grid.bounds, style: .plain, lines: .rounded, title: "A long title")
        #expect(grid.lines == ["╭ A lon╮", "│      │", "╰──────╯"])
        var heavy = Grid(width: 3, height: 3)
        heavy.drawBox(rect: heavy.bounds, style: .plain, lines: .heavy)
        #expect(heavy.lines == ["┏━┓", "┃ ┃", "┗━┛"])
        var double = Grid(width: 3, height: 2)
        double.drawBox(rect: double.bounds, style: .plain, lines: .double)
        #expect(double.lines == ["╔═╗", "╚═╝"])
    }

    @Test func drawBoxDegeneratesToLines() {
        var flat = Grid(width: 4, height: 2)
        flat.drawBox(rect: Rect(x: 0, y: 1, width: 4, height: 1), style: .plain)
        #expect(flat.lines == ["    ", "────"])
        var thin = Grid(width: 2, height: 2)
        thin.drawBox(rect: Rect(x: 1, y: 0, width: 1, height: 2), style: .plain)
        #expect(thin.lines == [" │", " │"])
    }

    @Test func drawBoxClipsAtTheEdges() {
        var grid = Grid(width: 4, height: 3)
        grid.drawBox(rect: Rect(x: 2, y: 1, width: 10, height: 10), style: .plain)
        #expect(grid.lines == ["    ", "  ┌─", "  │ "])
    }

    @Test func cursorOutsideTheGridHidesIt() {
        var grid = Grid(width: 3, height: 3)
        grid.cursor = (2, 1)
        #expect(grid.cursor?.x == 2)
        #expect(grid.cursor?.y == 1)
        grid.cursor = (3, 1)
        #expect(grid.cursor == nil)
    }

    @Test func equalityIncludesCursor() {
        var a = Grid(width: 2, height: 2)
        let b = a
        a.cursor = (1, 1)
        #expect(a != b)
    }

    @Test func drawCopiesAnotherGridWithClipping() {
        var child = Grid(width: 3, height: 2)
        child.put("a名", x: 0, y: 0, style: .plain)
        child.put("xyz", x: 0, y: 1, style: .plain)
        var parent = Grid(width: 4, height: 2)
        parent.draw(child, x: 2, y: 0)
        #expect(parent.lines == ["  a ", "  xy"])
        parent.draw(child, x: -1, y: 0)
        #expect(parent.lines == ["名a ", "yzxy"])
        #expect(parent.isConsistent)
    }

    @Test func textTrimsTrailingSpacesButLinesKeepThem() {
        var grid = Grid(width: 5, height: 2)
        grid.put("ab", x: 0, y: 0, style: .plain)
        #expect(grid.lines == ["ab   ", "     "])
        #expect(grid.text == "ab\n")
    }

    @Test func rectIntersection() {
        let a = Rect(x: 0, y: 0, width: 10, height: 5)
        #expect(a.intersection(Rect(x: 5, y: 2, width: 10, height: 10)) == Rect(x: 5, y: 2, width: 5, height: 3))
        #expect(a.intersection(Rect(x: 20, y: 0, width: 1, height: 1)).isEmpty)
        #expect(Rect(x: 0, y: 0, width: -4, height: 2).width == 0)
        #expect(a.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 3))
        #expect(a.inset(by: 4).isEmpty)
        #expect(Rect(x: Int.max - 1, y: 0, width: 10, height: 1).maxX == Int.max)
    }
}
