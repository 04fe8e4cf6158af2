/// A terminal colour: the terminal's default, one of the 16 ANSI colours, or an xterm-256 index.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background colour.
    case `default`
    /// The eight ANSI colours (palette indexes 0-7).
    case black, red, green, yellow, blue, magenta, cyan, white
    /// The bright variants (palette indexes 8-15).
    case brightBlack, brightRed, brightGreen, brightYellow
    /// The bright variants, continued.
    case brightBlue, brightMagenta, brightCyan, brightWhite
    /// An xterm-256 palette index: 0-15 the ANSI colours, 16-231 a 6x6x6 cube, 232-255 greys.
    case indexed(UInt8)

    /// The 16 ANSI colours in palette order (index 0 is black, 15 is bright white).
    public static let ansi: [Color] = [
        .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white,
        .brightBlack, .brightRed, .brightGreen, .brightYellow,
        .brightBlue, .brightMagenta, .brightCyan, .brightWhite,
    ]

    /// The xterm-256 palette index of this colour, or nil for `.default`.
    public var paletteIndex: Int? {
        switch self {
        case .default: return nil
        case .indexed(let index): return Int(index)
        default: return Color.ansi.firstIndex(of: self)
        }
    }

    /// The colour with the given xterm-256 index, using the named case for 0-15.
    public init(paletteIndex index: UInt8) {
        self = index < 16 ? Color.ansi[Int(index)] : .indexed(index)
    }

    /// A short name for legends and debugging: `cyan`, `brightRed`, `208`, `default`.
    public var name: String {
        switch self {
        case .default: return "default"
        case .black: return "black"
        case .red: return "red"
        case .green: return "green"
        case .yellow: return "yellow"
        case .blue: return "blue"
        case .magenta: return "magenta"
        case .cyan: return "cyan"
        case .white: return "white"
        case .brightBlack: return "brightBlack"
        case .brightRed: return "brightRed"
        case .brightGreen: return "brightGreen"
        case .brightYellow: return "brightYellow"
        case .brightBlue: return "brightBlue"
        case .brightMagenta: return "brightMagenta"
        case .brightCyan: return "brightCyan"
        case .brightWhite: return "brightWhite"
        case .indexed(let index): return String(index)
        }
    }

    /// The closest colour a terminal with `colorCount` colours can show (8, 16, 256 or more).
    ///
    /// Bright colours fall back to their normal variant on 8-colour terminals; indexed colours
    /// fall back to the nearest ANSI colour by the xterm default RGB values.
    public func approximated(forColorCount colorCount: Int) -> Color {
        guard let index = paletteIndex else { return .default }
        if index < colorCount { return Color(paletteIndex: UInt8(index)) }
        let available = max(1, min(colorCount, 16))
        if index < 16 { return Color.ansi[index % 8 < available ? index % 8 : 0] }
        let target = XtermPalette.rgb(index)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<available {
            let rgb = XtermPalette.rgb(candidate)
            let dr = rgb.red - target.red, dg = rgb.green - target.green, db = rgb.blue - target.blue
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return Color.ansi[best]
    }
}

/// How a cell looks: colours and text attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    /// Text colour.
    public var foreground: Color
    /// Cell colour behind the text.
    public var background: Color
    /// Bold (or bright) text.
    public var bold: Bool
    /// Faint text.
    public var dim: Bool
    /// Underlined text.
    public var underline: Bool
    /// Foreground and background swapped by the terminal.
    public var reverse: Bool
    /// Italic text, where the terminal has it.
    public var italic: Bool

    /// Creates a style; every argument defaults to the terminal's plain text.
    public init(
        foreground: Color = .default, background: Color = .default,
        bold: Bool = false, dim: Bool = false, underline: Bool = false,
        reverse: Bool = false, italic: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
        self.italic = italic
    }

    /// The terminal's default colours with no attributes.
    public static let plain = Style()

    /// The same style with another foreground colour.
    public func foreground(_ color: Color) -> Style { var s = self; s.foreground = color; return s }
    /// The same style with another background colour.
    public func background(_ color: Color) -> Style { var s = self; s.background = color; return s }
    /// The same style in bold.
    public var bolded: Style { var s = self; s.bold = true; return s }
    /// The same style with foreground and background swapped by the terminal.
    public var reversed: Style { var s = self; s.reverse = true; return s }

    /// A compact description for legends: `fg:cyan bg:blue bold`, or `plain`.
    public var description: String {
        var parts: [String] = []
        if foreground != .default { parts.append("fg:\(foreground.name)") }
        if background != .default { parts.append("bg:\(background.name)") }
        if bold { parts.append("bold") }
        if dim { parts.append("dim") }
        if italic { parts.append("italic") }
        if underline { parts.append("underline") }
        if reverse { parts.append("reverse") }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
