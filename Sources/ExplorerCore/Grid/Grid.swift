import TerminalText
/// A screen as a value: a rectangle of cells that views draw into and backends copy out.
///
/// Every write clips at the grid's edges, so any size, including 0x0, is safe to draw into. The
/// grid keeps wide characters whole: a width-2 cell is always followed by its continuation cell,
/// and overwriting either half of a wide character turns the other half into a space.
/// Cells never hold control or bidi characters: `put` shows them as `TerminalText.escaped` escapes.
public struct Grid: Equatable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells, `width * height` of them.
    private var cells: [Cell]
    private var cursorColumn: Int?
    private var cursorRow: Int?

    /// Creates a grid of spaces in `style`; negative sizes become 0.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    /// The whole grid as a rectangle at the origin.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`; a plain space outside the grid.
    public subscript(x x: Int, y y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * width + x]
    }

    /// The cells of row `y` from left to right (empty outside the grid).
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < height else { return [] }
        return cells[(y * width)..<((y + 1) * width)]
    }

    /// Where the terminal shows its text cursor, or nil to hide it; positions outside the grid hide it.
    public var cursor: (x: Int, y: Int)? {
        get {
            guard let cursorColumn, let cursorRow else { return nil }
            return (cursorColumn, cursorRow)
        }
        set {
            if let newValue, contains(x: newValue.x, y: newValue.y) {
                cursorColumn = newValue.x
                cursorRow = newValue.y
            } else {
                cursorColumn = nil
                cursorRow = nil
            }
        }
    }

    /// True when (`x`, `y`) is a cell of the grid.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    /// Writes `text` from column `x` of row `y`, grapheme by grapheme, by display width.
    ///
    /// Stops at the right edge or after `maxWidth` columns. A wide character that does not fit
    /// is replaced by a space. Control, bidi and invisible characters are written as their
    /// `TerminalText.escaped` escapes. Combining marks stay with their base character; one with no
    /// base is shown on a dotted circle (`◌́`); what else takes no column (a lone variation
    /// selector) is left out.
    /// - Returns: the columns the text advanced, so `x += grid.put(...)` chains writes.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        var limit = width
        if let maxWidth {
            guard maxWidth > 0 else { return 0 }
            let (room, overflow) = width.subtractingReportingOverflow(x)
            if overflow || maxWidth < room { limit = x + maxWidth }
        }
        var column = x
        for character in TerminalText.escaped(text) {
            guard column < limit else { break }
            var grapheme = String(character)
            var characterWidth = TerminalText.displayWidth(of: character)
            if characterWidth == 0 {
                // A combining mark with no base (e.g. at the start of the text) is shown on a
                // dotted circle; other zero-width characters (U+200B, U+FEFF, ...) are dropped.
                guard let first = character.unicodeScalars.first,
                      [.nonspacingMark, .enclosingMark].contains(first.properties.generalCategory)
                else { continue }
                grapheme = "\u{25CC}" + grapheme
                characterWidth = 1
            }
            if column + characterWidth > limit {
                if column >= 0 { place(.blank(style), x: column, y: y) }
                column += 1
                break
            }
            if column < 0 {
                // A wide character straddling the left edge: show its visible half as a space.
                for visible in max(0, column)..<max(0, column + characterWidth) {
                    place(.blank(style), x: visible, y: y)
                }
            } else {
                place(Cell(grapheme: grapheme, width: characterWidth, style: style), x: column, y: y)
            }
            column += characterWidth
        }
        return column - x
    }

    /// Fills the part of `rect` inside the grid with spaces in `style`.
    public mutating func fill(rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { place(.blank(style), x: x, y: y) }
        }
    }

    /// Changes the style of the cells in `rect`, keeping their text.
    public mutating func setStyle(_ style: Style, rect: Rect) {
        updateStyle(rect: rect) { _ in style }
    }

    /// Changes the style of the cells in `rect` with `transform`, keeping their text.
    ///
    /// Use it to highlight a selection while keeping each run's colours, e.g.
    /// `grid.updateStyle(rect: row) { $0.reversed }`.
    public mutating func updateStyle(rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * width + x].style = transform(cells[y * width + x].style)
            }
        }
    }

    /// Copies `other` into this grid with its top-left cell at (`x`, `y`), clipping at the edges.
    public mutating func draw(_ other: Grid, x: Int, y: Int) {
        for row in 0..<other.height {
            let targetRow = y + row
            guard targetRow >= 0, targetRow < height else { continue }
            for column in 0..<other.width {
                let cell = other.cells[row * other.width + column]
                let target = x + column
                if cell.width == 0 {
                    // A continuation whose head fell off the left edge.
                    if target == 0 { place(.blank(cell.style), x: target, y: targetRow) }
                    continue
                }
                guard target >= 0, target < width else { continue }
                if target + cell.width > width {
                    place(.blank(cell.style), x: target, y: targetRow)
                } else {
                    place(cell, x: target, y: targetRow)
                }
            }
        }
        if let otherCursor = other.cursor { cursor = (x + otherCursor.x, y + otherCursor.y) }
    }

    /// The text of each row, continuation cells skipped and trailing spaces kept.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for cell in row(y) where cell.width > 0 { line += cell.grapheme }
            return line
        }
    }

    public static func == (lhs: Grid, rhs: Grid) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorColumn == rhs.cursorColumn && lhs.cursorRow == rhs.cursorRow
    }

    /// Stores a cell of width 1 or 2 at an in-bounds position, keeping wide characters whole.
    ///
    /// The caller guarantees that a width-2 cell has room for its continuation.
    mutating func place(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y), cell.width > 0 else { return }
        if cell.width == 2 && x + 1 >= width {
            place(.blank(cell.style), x: x, y: y)
            return
        }
        detach(x: x, y: y)
        if cell.width == 2 { detach(x: x + 1, y: y) }
        var stored = cell
        if stored.grapheme.unicodeScalars.contains(where: TerminalText.isUnsafe) { stored.grapheme = "\u{FFFD}" }
        cells[y * width + x] = stored
        if cell.width == 2 {
            cells[y * width + x + 1] = Cell(grapheme: "", width: 0, style: cell.style)
        }
    }

    /// Turns the other half of a wide character at (`x`, `y`), if any, into a space.
    private mutating func detach(x: Int, y: Int) {
        let index = y * width + x
        switch cells[index].width {
        case 0 where x > 0 && cells[index - 1].width == 2:
            cells[index - 1] = .blank(cells[index - 1].style)
        case 2 where x + 1 < width && cells[index + 1].width == 0:
            cells[index + 1] = .blank(cells[index + 1].style)
        default:
            break
        }
    }

    /// True when every wide head is followed by a continuation and every continuation follows a head.
    var isConsistent: Bool {
        for y in 0..<height {
            for x in 0..<width {
                let cell = cells[y * width + x]
                if cell.width == 2 && (x + 1 >= width || cells[y * width + x + 1].width != 0) { return false }
                if cell.width == 0 && (x == 0 || cells[y * width + x - 1].width != 2) { return false }
            }
        }
        return true
    }
}
