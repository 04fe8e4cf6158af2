/// The line style of a box.
public enum BoxLines: Hashable, Sendable {
    /// `┌─┐│└┘`
    case light
    /// `┏━┓┃┗┛`
    case heavy
    /// `╔═╗║╚╝`
    case double
    /// `╭─╮│╰╯`
    case rounded

    /// Horizontal line, vertical line, then the top-left, top-right, bottom-left and bottom-right corners.
    var characters: (horizontal: String, vertical: String, topLeft: String, topRight: String, bottomLeft: String, bottomRight: String) {
        switch self {
        case .light: return ("─", "│", "┌", "┐", "└", "┘")
        case .heavy: return ("━", "┃", "┏", "┓", "┗", "┛")
        case .double: return ("═", "║", "╔", "╗", "╚", "╝")
        case .rounded: return ("─", "│", "╭", "╮", "╰", "╯")
        }
    }
}

extension Grid {
    /// Draws the outline of `rect` with Unicode box lines, clipped to the grid, leaving the inside alone.
    ///
    /// A rect one row high becomes a horizontal line, one column wide a vertical line. The
    /// title, if any, goes on the top edge after the corner, as ` title `, cut to fit.
    public mutating func drawBox(
        rect: Rect, style: Style, lines: BoxLines = .light, title: String? = nil, titleStyle: Style? = nil
    ) {
        guard !rect.isEmpty else { return }
        let box = lines.characters
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        if rect.height == 1 {
            drawHorizontalLine(x: rect.x, y: rect.y, length: rect.width, style: style, lines: lines)
            return
        }
        if rect.width == 1 {
            drawVerticalLine(x: rect.x, y: rect.y, length: rect.height, style: style, lines: lines)
            return
        }
        put(box.topLeft, x: rect.x, y: rect.y, style: style)
        put(box.topRight, x: right, y: rect.y, style: style)
        put(box.bottomLeft, x: rect.x, y: bottom, style: style)
        put(box.bottomRight, x: right, y: bottom, style: style)
        drawHorizontalLine(x: rect.x + 1, y: rect.y, length: rect.width - 2, style: style, lines: lines)
        drawHorizontalLine(x: rect.x + 1, y: bottom, length: rect.width - 2, style: style, lines: lines)
        drawVerticalLine(x: rect.x, y: rect.y + 1, length: rect.height - 2, style: style, lines: lines)
        drawVerticalLine(x: right, y: rect.y + 1, length: rect.height - 2, style: style, lines: lines)
        if let title, !title.isEmpty, rect.width >= 5 {
            put(" \(title) ", x: rect.x + 1, y: rect.y, style: titleStyle ?? style, maxWidth: rect.width - 2)
        }
    }

    /// Draws a horizontal box line of `length` cells starting at (`x`, `y`), clipped to the grid.
    public mutating func drawHorizontalLine(x: Int, y: Int, length: Int, style: Style, lines: BoxLines = .light) {
        guard y >= 0, y < height else { return }
        for column in Self.clipped(from: x, length: length, limit: width) {
            put(lines.characters.horizontal, x: column, y: y, style: style)
        }
    }

    /// Draws a vertical box line of `length` cells starting at (`x`, `y`), clipped to the grid.
    public mutating func drawVerticalLine(x: Int, y: Int, length: Int, style: Style, lines: BoxLines = .light) {
        guard x >= 0, x < width else { return }
        for row in Self.clipped(from: y, length: length, limit: height) {
            put(lines.characters.vertical, x: x, y: row, style: style)
        }
    }

    /// The part of `length` cells from `start` that lies in `0..<limit` (empty for no length).
    private static func clipped(from start: Int, length: Int, limit: Int) -> Range<Int> {
        guard length > 0 else { return 0..<0 }
        let lower = max(0, start), upper = min(limit, start.saturatingAdding(length))
        return lower < upper ? lower..<upper : 0..<0
    }
}
