/// The styles of the explorer, and how they degrade without colour.
enum Theme {
    static let border = Style(foreground: .indexed(244))
    static let focusedBorder = Style(foreground: .cyan)
    static let title = Style(bold: true)
    static let focusedTitle = Style(foreground: .cyan, bold: true)
    static let selection = Style(background: .indexed(24))
    static let unfocusedSelection = Style(background: .indexed(237))

    /// A cell of the row under the cursor: one even bar behind the row's own colours (search
    /// matches keep their highlight). Without colour the bar becomes reverse video (see `adapt`).
    static func selected(_ style: Style, focused: Bool) -> Style {
        guard style.background == .default else { return style }
        return style.background(focused ? selection.background : unfocusedSelection.background)
    }
    static let key = Style()
    static let string = Style(foreground: .green)
    static let number = Style(foreground: .cyan)
    static let bool = Style(foreground: .yellow)
    static let null = Style(dim: true)
    static let typeLabel = Style(foreground: .indexed(245))
    static let summary = Style(foreground: .indexed(245))
    static let absent = Style(dim: true, italic: true)
    static let unknown = Style(foreground: .magenta, dim: true)
    static let error = Style(foreground: .red, bold: true)
    static let warning = Style(foreground: .yellow)
    static let success = Style(foreground: .green)
    static let modified = Style(foreground: .indexed(208), bold: true)
    static let pending = Style(dim: true)
    static let statusBar = Style(foreground: .white, background: .indexed(236))
    static let statusFile = Style(foreground: .brightWhite, background: .indexed(236), bold: true)
    static let hintKey = Style(foreground: .indexed(117), bold: true)
    static let match = Style(foreground: .black, background: .yellow)
    static let heading = Style(foreground: .cyan, bold: true)
    static let fieldHelp = Style(foreground: .indexed(250))
    static let lineNumber = Style(foreground: .indexed(244))
    static let caret = Style(foreground: .red, bold: true)

    /// The style as the colour mode can show it.
    ///
    /// With 8 colours every colour maps to the nearest base colour. Without colour, colours go and a
    /// coloured background becomes reverse video, so bars and highlights stay visible.
    static func adapt(_ style: Style, to mode: ColorMode) -> Style {
        switch mode {
        case .full:
            return style
        case .eight:
            var adapted = style
            adapted.foreground = style.foreground.approximated(forColorCount: 8)
            adapted.background = style.background.approximated(forColorCount: 8)
            if style.background == unfocusedSelection.background {
                // Dark grey turns black, which no one could see: underline the row instead.
                adapted.background = .default
                adapted.underline = true
            } else if style.background == selection.background {
                // The nearest base colour could equal the text's: reverse video keeps the row readable.
                adapted.background = .default
                adapted.reverse = true
            }
            return adapted
        case .none:
            var adapted = style
            if style.background != .default { adapted.reverse.toggle() }
            adapted.foreground = .default
            adapted.background = .default
            return adapted
        }
    }
}
