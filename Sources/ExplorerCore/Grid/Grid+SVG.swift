import TerminalText
extension Grid {
    /// The screen as an SVG image in Rich/Textual's structure, for screenshots that diff cleanly.
    ///
    /// Cells are 8.4 x 19 px at font-size 14. The image has a window frame with the optional
    /// `title`, one background `<rect>` for the terminal, one `<rect>` per run of equal
    /// non-default background in a row, and one `<text>` per run of equal style in a row
    /// (spaces at the ends of a run are left out unless underlined). Each wide character gets
    /// its own `<text>` at its cell with a `textLength` of two cells. Box-drawing lines and
    /// block elements are drawn as `<path>`s and `<rect>`s on the cell grid (one path per colour
    /// and weight per row), since fonts leave gaps between rows. Ids and classes start with
    /// `cte-`; classes are numbered in order of first use, so a screen always gives the same bytes.
    public func svg(title: String? = nil, palette: TerminalPalette = .dark) -> String {
        var writer = SVGWriter(palette: palette)
        for y in 0..<height { writer.addRow(Array(row(y)), y: y) }
        if let cursor { writer.addCursor(x: cursor.x, y: cursor.y) }
        return writer.document(width: width, height: height, title: title)
    }
}

/// Builds the SVG text; coordinates are kept in tenths of a pixel as integers so output is exact.
private struct SVGWriter {
    static let cellWidth = 84  // tenths of a pixel
    static let cellHeight = 190
    static let baseline = 140
    static let marginX = 160
    static let marginTop = 400
    static let marginBottom = 160
    /// Narrow text: one monospaced font. An emoji font in this list would draw digits too (they are
    /// emoji base characters), at another width, so wide characters name their fonts in their own classes.
    static let fontFamily = "\"DejaVu Sans Mono\", monospace"
    static let wideFontFamily = "\"Noto Sans CJK JP\", \"Noto Sans CJK SC\", \"DejaVu Sans\", monospace"
    static let emojiFontFamily = "\"Noto Color Emoji\", \"Noto Sans CJK JP\", monospace"

    let palette: TerminalPalette
    private var backgrounds: [String] = []
    private var shapes: [String] = []
    private var texts: [String] = []
    /// CSS rules of each class, in order of first use; the index is the class number.
    private var classRules: [String] = []
    private var classNumbers: [String: Int] = [:]

    init(palette: TerminalPalette) {
        self.palette = palette
    }

    /// Adds the backgrounds, shapes and text of row `y`.
    mutating func addRow(_ cells: [Cell], y: Int) {
        let top = y * Self.cellHeight
        addBackgrounds(cells, top: top)
        var linePaths: [(attributes: String, data: String)] = []
        var x = 0
        while x < cells.count {
            let cell = cells[x]
            if cell.width == 0 {
                x += 1
            } else if let scalar = shapeScalar(cell) {
                addShape(scalar, style: cell.style, left: x * Self.cellWidth, top: top, linePaths: &linePaths)
                x += 1
            } else {
                // Narrow cells of one style form a run; a wide character stands alone.
                var end = x + cell.width
                if cell.width == 1 {
                    while end < cells.count && cells[end].width == 1 && cells[end].style == cell.style
                        && shapeScalar(cells[end]) == nil {
                        end += 1
                    }
                }
                addText(cells[x..<end], column: x, top: top)
                x = end
            }
        }
        for path in linePaths {
            shapes.append("<path \(path.attributes) stroke-linecap=\"square\" fill=\"none\" d=\"\(path.data)\"/>")
        }
    }

    /// The terminal's text cursor, as a block in the text colour over its cell.
    mutating func addCursor(x: Int, y: Int) {
        shapes.append(
            "<rect id=\"cte-cursor\" fill=\"\(palette.foreground.hex)\" fill-opacity=\"0.7\" x=\"\(px(x * Self.cellWidth))\" "
                + "y=\"\(px(y * Self.cellHeight))\" width=\"\(px(Self.cellWidth))\" height=\"\(px(Self.cellHeight))\" "
                + "shape-rendering=\"crispEdges\"/>")
    }

    /// One `<rect>` per run of equal background that differs from the terminal's.
    private mutating func addBackgrounds(_ cells: [Cell], top: Int) {
        var x = 0
        while x < cells.count {
            let color = backgroundColor(of: cells, at: x)
            var end = x + 1
            while end < cells.count && backgroundColor(of: cells, at: end) == color { end += 1 }
            if color != palette.background {
                backgrounds.append(
                    "<rect fill=\"\(color.hex)\" x=\"\(px(x * Self.cellWidth))\" y=\"\(px(top))\" "
                        + "width=\"\(px((end - x) * Self.cellWidth))\" height=\"\(px(Self.cellHeight))\" "
                        + "shape-rendering=\"crispEdges\"/>")
            }
            x = end
        }
    }

    /// A box-drawing character as path data (collected per colour and weight), or a block as a `<rect>`.
    private mutating func addShape(
        _ scalar: Unicode.Scalar, style: Style, left: Int, top: Int, linePaths: inout [(attributes: String, data: String)]
    ) {
        let color = colors(of: style).foreground.hex
        let (width, height) = (Self.cellWidth, Self.cellHeight)
        if let arms = SVGCellShapes.arms(of: scalar) {
            let parts = SVGCellShapes.roundedCorner(scalar, left: left, top: top, width: width, height: height, px: px)
                .map { [(10, $0)] }
                ?? SVGCellShapes.path(arms, left: left, top: top, width: width, height: height, px: px)
            for (strokeWidth, data) in parts {
                let attributes = "stroke=\"\(color)\" stroke-width=\"\(px(strokeWidth))\""
                    + (style.dim ? " stroke-opacity=\"0.6\"" : "")
                if let index = linePaths.firstIndex(where: { $0.attributes == attributes }) {
                    linePaths[index].data += data
                } else {
                    linePaths.append((attributes, data))
                }
            }
        } else if let block = SVGCellShapes.block(of: scalar) {
            let opacity = block.opacity * (style.dim ? 60 : 100) / 100
            shapes.append(
                "<rect fill=\"\(color)\" x=\"\(px(left + width * block.x / 8))\" y=\"\(px(top + height * block.y / 8))\" "
                    + "width=\"\(px(width * block.width / 8))\" height=\"\(px(height * block.height / 8))\""
                    + (opacity < 100 ? " fill-opacity=\"\(percent(opacity))\"" : "")
                    + " shape-rendering=\"crispEdges\"/>")
        }
    }

    /// One `<text>` for a run of cells of one style starting at `column`.
    private mutating func addText(_ run: ArraySlice<Cell>, column: Int, top: Int) {
        guard let style = run.first?.style else { return }
        var content = run.map(\.grapheme).joined()
        var start = column
        var stop = column + run.reduce(0) { $0 + $1.width }
        if !style.underline {
            // Spaces at either end of a run show only their background: leave them out.
            while content.first == " " {
                content.removeFirst()
                start += 1
            }
            while content.last == " " {
                content.removeLast()
                stop -= 1
            }
        }
        guard !content.isEmpty else { return }
        var classes = className(style)
        if let cell = run.first, cell.width == 2 {
            classes += Self.isEmoji(cell.grapheme) ? " cte-emoji" : " cte-wide"
        }
        texts.append(
            "<text class=\"\(classes)\" x=\"\(px(start * Self.cellWidth))\" "
                + "y=\"\(px(top + Self.baseline))\" textLength=\"\(px((stop - start) * Self.cellWidth))\" "
                + "xml:space=\"preserve\">\(xmlEscaped(content))</text>")
    }

    /// The whole SVG document.
    func document(width: Int, height: Int, title: String?) -> String {
        let terminalWidth = width * Self.cellWidth
        let terminalHeight = height * Self.cellHeight
        let totalWidth = terminalWidth + 2 * Self.marginX
        let totalHeight = terminalHeight + Self.marginTop + Self.marginBottom
        var svg: [String] = []
        svg.append("<svg class=\"cte-terminal\" viewBox=\"0 0 \(px(totalWidth)) \(px(totalHeight))\" "
            + "width=\"\(px(totalWidth))\" height=\"\(px(totalHeight))\" xmlns=\"http://www.w3.org/2000/svg\">")
        svg.append("<!-- Generated by cognito-trigger-explorer -->")
        svg.append("<style>")
        svg.append(".cte-matrix { font-family: \(Self.fontFamily); font-size: 14px; }")
        svg.append(".cte-wide { font-family: \(Self.wideFontFamily); }")
        svg.append(".cte-emoji { font-family: \(Self.emojiFontFamily); }")
        svg.append(".cte-title { font-family: \"DejaVu Sans\", sans-serif; font-size: 14px; font-weight: bold; }")
        for (index, rules) in classRules.enumerated() {
            svg.append(".cte-s\(index) { \(rules) }")
        }
        svg.append("</style>")
        svg.append("<defs>")
        svg.append("<clipPath id=\"cte-clip-terminal\">")
        svg.append("<rect x=\"0\" y=\"0\" width=\"\(px(terminalWidth))\" height=\"\(px(terminalHeight))\"/>")
        svg.append("</clipPath>")
        svg.append("</defs>")
        svg.append("<rect id=\"cte-window\" fill=\"\(palette.background.hex)\" stroke=\"#ffffff\" stroke-opacity=\"0.35\" "
            + "stroke-width=\"1\" x=\"1\" y=\"1\" width=\"\(px(totalWidth - 20))\" height=\"\(px(totalHeight - 20))\" rx=\"8\"/>")
        svg.append("<g id=\"cte-buttons\" transform=\"translate(26 20)\">"
            + "<circle cx=\"0\" cy=\"0\" r=\"7\" fill=\"#ff5f57\"/>"
            + "<circle cx=\"22\" cy=\"0\" r=\"7\" fill=\"#febc2e\"/>"
            + "<circle cx=\"44\" cy=\"0\" r=\"7\" fill=\"#28c840\"/></g>")
        if let title, !title.isEmpty {
            svg.append("<text id=\"cte-title\" class=\"cte-title\" fill=\"\(palette.foreground.hex)\" "
                + "text-anchor=\"middle\" x=\"\(px(totalWidth / 2))\" y=\"25\">\(xmlEscaped(TerminalText.escaped(title)))</text>")
        }
        svg.append("<g id=\"cte-terminal\" transform=\"translate(\(px(Self.marginX)) \(px(Self.marginTop)))\" "
            + "clip-path=\"url(#cte-clip-terminal)\">")
        svg.append("<rect id=\"cte-background\" fill=\"\(palette.background.hex)\" x=\"0\" y=\"0\" "
            + "width=\"\(px(terminalWidth))\" height=\"\(px(terminalHeight))\"/>")
        svg.append(contentsOf: backgrounds)
        svg.append(contentsOf: shapes)
        svg.append("<g class=\"cte-matrix\">")
        svg.append(contentsOf: texts)
        svg.append("</g>")
        svg.append("</g>")
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// True for a grapheme drawn as an emoji: emoji presentation by default, or asked for with U+FE0F.
    static func isEmoji(_ grapheme: String) -> Bool {
        grapheme.unicodeScalars.contains { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }
    }

    /// The class for `style`: one per distinct set of CSS rules, numbered in order of first use.
    private mutating func className(_ style: Style) -> String {
        let rules = css(for: style)
        if let number = classNumbers[rules] { return "cte-s\(number)" }
        classNumbers[rules] = classRules.count
        classRules.append(rules)
        return "cte-s\(classRules.count - 1)"
    }

    /// The scalar of a narrow cell drawn as a shape rather than text, if it is one.
    private func shapeScalar(_ cell: Cell) -> Unicode.Scalar? {
        guard cell.width == 1, cell.grapheme.unicodeScalars.count == 1,
              let scalar = cell.grapheme.unicodeScalars.first,
              (0x2500...0x259F).contains(scalar.value),
              SVGCellShapes.arms(of: scalar) != nil || SVGCellShapes.block(of: scalar) != nil
        else { return nil }
        return scalar
    }

    /// The colours a cell shows, after `reverse` swaps them.
    private func colors(of style: Style) -> (foreground: RGB, background: RGB) {
        let foreground = palette.rgb(style.foreground, asForeground: true)
        let background = palette.rgb(style.background, asForeground: false)
        return style.reverse ? (background, foreground) : (foreground, background)
    }

    /// The background of cell `x`; a continuation cell shows its wide character's background.
    private func backgroundColor(of cells: [Cell], at x: Int) -> RGB {
        let cell = cells[x].width == 0 && x > 0 ? cells[x - 1] : cells[x]
        return colors(of: cell.style).background
    }

    private func css(for style: Style) -> String {
        var rules = ["fill: \(colors(of: style).foreground.hex)"]
        if style.bold { rules.append("font-weight: bold") }
        if style.italic { rules.append("font-style: italic") }
        if style.underline { rules.append("text-decoration: underline") }
        if style.dim { rules.append("opacity: 0.6") }
        return rules.joined(separator: "; ") + ";"
    }

    /// Tenths of a pixel as a decimal: 84 -> "8.4", 190 -> "19".
    private func px(_ tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// A percentage in 0...100 as a fraction: 25 -> "0.25", 50 -> "0.5".
    private func percent(_ value: Int) -> String {
        let clamped = min(100, max(0, value))
        if clamped == 100 { return "1" }
        var digits = clamped < 10 ? "0\(clamped)" : "\(clamped)"
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits.isEmpty ? "0" : "0.\(digits)"
    }
}

/// Text safe inside an XML element or attribute: `& < > " '` escaped, characters XML forbids replaced by U+FFFD.
func xmlEscaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&apos;"
        default:
            let value = scalar.value
            let allowed = value == 0x9 || value == 0xA || value == 0xD
                || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
            result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
        }
    }
    return result
}
