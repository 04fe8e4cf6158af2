/// Letters that name styles in a style layer: `.` for plain, then one letter per style.
public struct StyleLegend: Equatable, Sendable {
    /// The letters handed out after `.`, in order.
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    /// The letter shared by every style after the alphabet runs out.
    public static let overflowLetter: Character = "~"

    /// Styles and their letters, in the order they were assigned.
    public private(set) var entries: [(letter: Character, style: Style)]
    private var letters: [Style: Character]

    /// A legend that starts with `.` for `Style.plain` and the given fixed letters.
    ///
    /// Fixed letters keep snapshot files stable when a screen's first style changes:
    /// `StyleLegend(["s": theme.selection, "e": theme.error])`.
    public init(_ fixed: KeyValuePairs<Character, Style> = [:]) {
        entries = [(".", .plain)]
        letters = [.plain: "."]
        for (letter, style) in fixed where letters[style] == nil && !entries.contains(where: { $0.letter == letter }) {
            entries.append((letter, style))
            letters[style] = letter
        }
    }

    /// The letter for `style`, assigning the next free one if it has none yet.
    public mutating func letter(for style: Style) -> Character {
        if let letter = letters[style] { return letter }
        let used = Set(entries.map(\.letter))
        let letter = StyleLegend.alphabet.first { !used.contains($0) } ?? StyleLegend.overflowLetter
        entries.append((letter, style))
        letters[style] = letter
        return letter
    }

    /// One line per letter: `a = fg:cyan bold`.
    public var lines: [String] {
        var seen = Set<Character>()
        return entries.compactMap { entry in
            if entry.letter == StyleLegend.overflowLetter {
                guard seen.insert(entry.letter).inserted else { return nil }
                return "\(entry.letter) = (more styles than letters)"
            }
            return "\(entry.letter) = \(entry.style)"
        }
    }

    public static func == (lhs: StyleLegend, rhs: StyleLegend) -> Bool {
        lhs.entries.map(\.letter) == rhs.entries.map(\.letter)
            && lhs.entries.map(\.style) == rhs.entries.map(\.style)
    }
}

/// The styles of a screen as text, one letter per cell, for snapshot tests that must see colour.
public struct StyleLayer: Equatable, Sendable {
    /// One string per row, one letter per cell (the second cell of a wide character repeats the first's letter).
    public var rows: [String]
    /// The legend, including every style the rows use.
    public var legend: StyleLegend

    /// The rows, an empty line, then the legend lines, joined with "\n".
    public var text: String {
        (rows + [""] + legend.lines).joined(separator: "\n")
    }
}

extension Grid {
    /// The grid's styles as one letter per cell, naming styles through `legend`
    /// (`.` for plain, then letters in order of first appearance).
    public func styleLayer(legend: StyleLegend = StyleLegend()) -> StyleLayer {
        var legend = legend
        var rows: [String] = []
        for y in 0..<height {
            var line = ""
            var headStyle = Style.plain
            for cell in row(y) {
                if cell.width > 0 { headStyle = cell.style }
                line.append(legend.letter(for: headStyle))
            }
            rows.append(line)
        }
        return StyleLayer(rows: rows, legend: legend)
    }
}
