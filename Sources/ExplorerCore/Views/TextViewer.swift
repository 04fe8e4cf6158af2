import JSONDocument
import TerminalText

/// A long text shown a screen at a time: the event's JSON as the file holds it (the raw view,
/// `J`), or a long string value (the viewer, `v`). Rows are laid out from byte offsets as they
/// come on screen (`TextRows`), so a 100 MB text opens, pages and ends as fast as a short one.
struct TextViewer: Hashable, Sendable {
    /// The title of the box.
    var title: String
    /// The text and its row layout.
    let rows: TextRows
    /// The document the text is the bytes of, for colouring keys, strings, numbers and
    /// literals; nil for a string value, which is shown in one colour.
    let document: JSONDocument?
    /// The bytes shown with a highlight behind them (the value under the cursor).
    var highlight: Range<Int>?
    /// The offset of the first row shown.
    var top: Int

    /// True for the raw view of a whole event.
    var isRaw: Bool { document != nil }

    static func == (a: TextViewer, b: TextViewer) -> Bool {
        a.rows === b.rows && a.title == b.title && a.highlight == b.highlight && a.top == b.top
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(rows))
        hasher.combine(top)
        hasher.combine(highlight)
    }

    // MARK: Geometry

    /// The box: the whole panes area for the raw view, the viewer's box for a value.
    static func box(_ layout: Layout, raw: Bool) -> Rect {
        raw ? Rect(x: 0, y: layout.overlay.y, width: layout.width, height: layout.overlay.height) : layout.overlay
    }

    /// The columns of the line number gutter (digits and a space), 0 for a value: room for the
    /// number of the last line a screen from `top` can reach (at least four digits), so that only
    /// the text up to the screen is searched for line starts, not the whole file.
    func gutterWidth(_ inner: Rect) -> Int {
        guard isRaw, inner.width >= 16 else { return 0 }
        let reach = min(rows.end - 1, max(rows.start, top) + inner.height * (inner.width * 4 + 2))
        let lastNumber = reach >= rows.start ? rows.lineNumber(of: reach) : 1
        return max(4, String(lastNumber).count) + 1
    }

    /// Where the text goes inside the box, and the width rows are laid out to.
    func textArea(_ layout: Layout) -> Rect {
        let inner = Self.box(layout, raw: isRaw).inset(by: 1)
        let gutter = gutterWidth(inner)
        return Rect(x: inner.x + gutter, y: inner.y, width: max(1, inner.width - gutter), height: max(1, inner.height))
    }

    /// The first row that may be shown at the top: the last screenful ends with the last row.
    func lastTop(width: Int, height: Int) -> Int {
        rows.rowStart(movedBy: -(max(1, height) - 1), from: rows.lastRowStart(width: width), width: width)
    }

    /// `top` moved to a row start for `width` (after a resize), kept at or before the last screenful.
    func settledTop(width: Int, height: Int) -> Int {
        let row = rows.rowStart(containing: top, width: width)
        let last = lastTop(width: width, height: height)
        return min(row, last)
    }

    /// Scrolls for a command of the scrolling keys.
    mutating func scroll(_ command: Command, layout: Layout) {
        let area = textArea(layout)
        let width = area.width, page = area.height
        let current = settledTop(width: width, height: page)
        let last = lastTop(width: width, height: page)
        switch command {
        case .moveUp: top = rows.rowStart(movedBy: -1, from: current, width: width)
        case .moveDown: top = min(last, rows.rowStart(movedBy: 1, from: current, width: width))
        case .pageUp: top = rows.rowStart(movedBy: -page, from: current, width: width)
        case .pageDown: top = min(last, rows.rowStart(movedBy: page, from: current, width: width))
        case .top: top = rows.start
        case .bottom: top = last
        default: top = current
        }
    }

    /// Scrolls by `count` rows (negative: up), as the mouse wheel does.
    mutating func scroll(rows count: Int, layout: Layout) {
        let area = textArea(layout)
        let current = settledTop(width: area.width, height: area.height)
        top = min(lastTop(width: area.width, height: area.height), rows.rowStart(movedBy: count, from: current, width: area.width))
    }

    /// Puts the highlighted bytes in view: their first row a third of the way down (or at the top
    /// when they take more than the screen).
    mutating func reveal(layout: Layout) {
        guard let highlight else { return }
        let area = textArea(layout)
        let first = rows.rowStart(containing: highlight.lowerBound, width: area.width)
        top = min(lastTop(width: area.width, height: area.height),
                  rows.rowStart(movedBy: -(area.height / 3), from: first, width: area.width))
    }

    // MARK: Drawing

    /// Draws the box, the visible rows and the position note.
    func draw(_ grid: inout Grid, _ layout: Layout) {
        let box = Self.box(layout, raw: isRaw)
        guard box.width >= 3, box.height >= 3 else { return }
        grid.fill(rect: box, style: .plain)
        grid.drawBox(rect: box, style: Theme.focusedBorder, lines: .double, title: TerminalText.truncate(title, width: box.width - 4),
                     titleStyle: Theme.focusedTitle)
        let area = textArea(layout)
        let gutter = gutterWidth(box.inset(by: 1))
        let width = area.width
        var row: Int? = settledTop(width: width, height: area.height)
        var y = area.y
        var colours = isRaw ? JSONColours(viewer: self) : nil
        while let start = row, y < area.maxY {
            if gutter > 0, rows.lineStart(of: start) == start, start < rows.end || start == rows.start {
                let number = String(rows.lineNumber(of: start))
                grid.put(String(repeating: " ", count: max(0, gutter - 1 - number.count)) + number,
                         x: area.x - gutter, y: y, style: Theme.lineNumber)
            }
            var x = area.x
            colours?.begin(at: start)
            // A line's indentation stays out of the highlight, so that it outlines the value.
            var indenting = isRaw && rows.lineStart(of: start) == start
            let (_, next) = rows.layoutRow(from: start, width: width) { text, characterWidth, bytes in
                var style = colours?.style(at: bytes.lowerBound) ?? Theme.string
                indenting = indenting && text == " "
                if let highlight, highlight.contains(bytes.lowerBound), !indenting { style = style.background(Theme.selection.background) }
                grid.put(text, x: x, y: y, style: style, maxWidth: max(0, area.maxX - x))
                x += characterWidth
            }
            row = next
            y += 1
        }
        let first = settledTop(width: width, height: area.height)
        let total = max(1, rows.end - rows.start)
        let percent = row == nil ? 100 : min(99, (first - rows.start) * 100 / total)
        let note = " line \(TerminalText.count(rows.lineNumber(of: first))) · \(percent)% "
        if TerminalText.displayWidth(of: note) + 4 < box.width {
            grid.put(note, x: box.maxX - 1 - TerminalText.displayWidth(of: note), y: box.maxY - 1, style: Theme.focusedBorder)
        }
    }
}

/// The colour of each byte of a JSON text, found forward from any row start: keys and strings
/// from the document's tape (so a row inside a long string needs no reading before it), numbers
/// and literals by their first character, punctuation in the border's grey.
struct JSONColours {
    let viewer: TextViewer
    /// The end of the key or string being drawn, and its style.
    private var string: (end: Int, style: Style)?
    /// The style of the number or literal being drawn.
    private var bare: Style?

    init?(viewer: TextViewer) {
        guard viewer.document != nil else { return nil }
        self.viewer = viewer
    }

    private var bytes: ArraySlice<UInt8> { viewer.rows.bytes }

    /// Starts a row at `offset`: finds whether it lies in a string, a number or a literal.
    mutating func begin(at offset: Int) {
        string = nil
        bare = nil
        guard offset < bytes.endIndex else { return }
        if let token = viewer.document?.stringToken(containing: offset), token.span.lowerBound < offset {
            string = (token.span.upperBound, token.isKey ? Theme.key.bolded : Theme.string)
            return
        }
        if Self.isBare(bytes[offset]) {
            var first = offset
            while first > bytes.startIndex, offset - first < 4096, Self.isBare(bytes[first - 1]) { first -= 1 }
            bare = Self.bareStyle(bytes[first])
        }
    }

    /// The style of the character that starts at `offset` (called in order along a row).
    mutating func style(at offset: Int) -> Style {
        if let current = string {
            if offset < current.end { return current.style }
            string = nil
        }
        let byte = bytes[offset]
        if byte == UInt8(ascii: "\"") {
            if let token = viewer.document?.stringToken(containing: offset) {
                let style = token.isKey ? Theme.key.bolded : Theme.string
                string = (token.span.upperBound, style)
                bare = nil
                return style
            }
            return Theme.string
        }
        if Self.isBare(byte) {
            if bare == nil || offset == bytes.startIndex || !Self.isBare(bytes[offset - 1]) { bare = Self.bareStyle(byte) }
            return bare ?? Theme.key
        }
        bare = nil
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: ","):
            return Theme.border
        default:
            return Theme.key
        }
    }

    /// Bytes of numbers and of `true`, `false` and `null`.
    private static func isBare(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".")
    }

    /// A number's or literal's style from its first byte.
    private static func bareStyle(_ first: UInt8) -> Style {
        switch first {
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return Theme.bool
        case UInt8(ascii: "n"): return Theme.null
        default: return Theme.number
        }
    }
}
