/// A colour as 8-bit red, green and blue components.
public struct RGB: Hashable, Sendable {
    /// Red, 0...255.
    public var red: Int
    /// Green, 0...255.
    public var green: Int
    /// Blue, 0...255.
    public var blue: Int

    /// Creates a colour from components in 0...255 (values outside are clamped).
    public init(_ red: Int, _ green: Int, _ blue: Int) {
        self.red = min(255, max(0, red))
        self.green = min(255, max(0, green))
        self.blue = min(255, max(0, blue))
    }

    /// Creates a colour from `0xRRGGBB`.
    public init(hex: UInt32) {
        self.init(Int((hex >> 16) & 0xFF), Int((hex >> 8) & 0xFF), Int(hex & 0xFF))
    }

    /// `#rrggbb` in lower case.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for component in [red, green, blue] {
            text.append(digits[component >> 4])
            text.append(digits[component & 0xF])
        }
        return text
    }
}

/// The standard xterm-256 palette, used to approximate colours and for indexes 16-255 in images.
enum XtermPalette {
    static let ansi: [UInt32] = [
        0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
        0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of an xterm-256 index (values outside 0...255 are clamped).
    static func rgb(_ index: Int) -> RGB {
        let index = min(255, max(0, index))
        if index < 16 { return RGB(hex: ansi[index]) }
        if index >= 232 {
            let level = 8 + 10 * (index - 232)
            return RGB(level, level, level)
        }
        let cube = index - 16
        return RGB(cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
    }
}

/// The colours an image of the screen uses: default colours, the 16 ANSI colours, and xterm for the rest.
public struct TerminalPalette: Hashable, Sendable {
    /// The terminal background (`Color.default` as a background).
    public var background: RGB
    /// The terminal foreground (`Color.default` as a foreground).
    public var foreground: RGB
    /// The 16 ANSI colours in palette order.
    public var ansi: [RGB]

    /// Creates a palette; `ansi` must hold 16 colours (missing ones come from xterm).
    public init(background: RGB, foreground: RGB, ansi: [RGB]) {
        self.background = background
        self.foreground = foreground
        self.ansi = (0..<16).map { $0 < ansi.count ? ansi[$0] : XtermPalette.rgb($0) }
    }

    /// A dark theme in the spirit of One Dark.
    public static let dark = TerminalPalette(
        background: RGB(hex: 0x1e2127),
        foreground: RGB(hex: 0xd4d7dd),
        ansi: [
            0x3b3f46, 0xe06c75, 0x98c379, 0xe5c07b, 0x61afef, 0xc678dd, 0x56b6c2, 0xd4d7dd,
            0x7f848e, 0xff7b86, 0xb5e890, 0xffd68a, 0x7cc4ff, 0xde97f0, 0x74d3de, 0xffffff,
        ].map { RGB(hex: $0) }
    )

    /// The RGB value of `color`; `.default` is the palette's foreground or background.
    public func rgb(_ color: Color, asForeground: Bool) -> RGB {
        guard let index = color.paletteIndex else { return asForeground ? foreground : background }
        return index < 16 ? ansi[index] : XtermPalette.rgb(index)
    }
}
