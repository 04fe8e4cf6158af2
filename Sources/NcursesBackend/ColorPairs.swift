import ExplorerCore

/// The colours a terminal can show, decided once when the session starts.
struct ColorSupport: Equatable, Sendable {
    /// Colours the terminal has (`COLORS`): 8, 16, 256 or more.
    var colorCount: Int
    /// Colour pairs the terminal has (`COLOR_PAIRS`).
    var pairCount: Int
    /// True when `use_default_colors` worked, so -1 means the terminal's own colour.
    var defaultColors: Bool

    /// The curses colour number for `color`: -1 for the default where supported, otherwise the
    /// nearest colour the terminal has (default foreground white, default background black).
    func cursesColor(_ color: Color, isForeground: Bool) -> Int16 {
        guard let index = color.approximated(forColorCount: colorCount).paletteIndex else {
            return defaultColors ? -1 : (isForeground ? 7 : 0)
        }
        return Int16(clamping: index)
    }
}

/// Colour pairs allocated on demand, one per (foreground, background) in use.
struct ColorPairTable: Sendable {
    struct Colors: Hashable, Sendable {
        var foreground: Int16
        var background: Int16
    }

    private var pairs: [Colors: Int16] = [:]
    private var nextPair: Int16 = 1
    let support: ColorSupport

    init(support: ColorSupport) {
        self.support = support
    }

    /// The pair for `style`'s colours and whether it is new (the caller must `init_pair` it).
    ///
    /// Pair 0 is the terminal's default pair; when every pair is taken, new colours fall back to it.
    mutating func pair(for style: Style) -> (pair: Int16, colors: Colors, isNew: Bool) {
        let colors = Colors(
            foreground: support.cursesColor(style.foreground, isForeground: true),
            background: support.cursesColor(style.background, isForeground: false))
        let defaultPair = support.defaultColors ? Colors(foreground: -1, background: -1) : Colors(foreground: 7, background: 0)
        if colors == defaultPair { return (0, colors, false) }
        if let pair = pairs[colors] { return (pair, colors, false) }
        let limit = min(support.pairCount, Int(Int16.max))
        guard Int(nextPair) < limit else { return (0, colors, false) }
        let pair = nextPair
        pairs[colors] = pair
        nextPair += 1
        return (pair, colors, true)
    }
}
