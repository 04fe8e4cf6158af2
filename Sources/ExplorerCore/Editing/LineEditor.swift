import TerminalText
/// A one-line text field: the text, a cursor between graphemes, and the editing operations.
///
/// The cursor counts graphemes, so a wide character or an emoji with joiners moves as one step;
/// `cursorColumn` turns it into terminal columns by display width.
public struct LineEditor: Hashable, Sendable {
    /// The graphemes of the text.
    public private(set) var characters: [Character]
    /// The cursor position: the number of graphemes before it.
    public private(set) var cursor: Int

    /// Creates an editor holding `text`, with the cursor at the end.
    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The text being edited.
    public var text: String { String(characters) }

    /// Inserts text at the cursor and moves the cursor after it, in time linear in the length of
    /// `text` plus one move of the text after the cursor (a 1 MB paste is one insertion).
    ///
    /// A combining mark or joiner at either end may merge with the grapheme before or after the
    /// cursor, so those neighbours are segmented again together with the new text.
    public mutating func insert(_ text: String) {
        guard !text.isEmpty else { return }
        let lower = max(0, cursor - 1)
        let upper = min(characters.count, cursor + 1)
        var joined = String(characters[lower..<cursor])
        joined += text
        let beforeCount = joined.count
        joined += String(characters[cursor..<upper])
        let merged = Array(joined)
        characters.replaceSubrange(lower..<upper, with: merged)
        // The cursor goes after the inserted text; when the text merged into the grapheme after
        // it, after that grapheme.
        cursor = lower + min(beforeCount, merged.count)
    }

    /// Moves one grapheme left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    /// Moves one grapheme right.
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    /// Moves to the start.
    public mutating func moveToStart() { cursor = 0 }
    /// Moves to the end.
    public mutating func moveToEnd() { cursor = characters.count }

    /// Moves to the start of the word before the cursor.
    public mutating func moveWordLeft() {
        var position = cursor
        while position > 0 && !Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0 && Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        cursor = position
    }

    /// Moves to the end of the word after the cursor.
    public mutating func moveWordRight() {
        var position = cursor
        while position < characters.count && !Self.isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count && Self.isWordCharacter(characters[position]) { position += 1 }
        cursor = position
    }

    /// Deletes the grapheme before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the grapheme after the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes from the start of the word before the cursor up to the cursor.
    public mutating func deleteWordBackward() {
        let end = cursor
        moveWordLeft()
        characters.removeSubrange(cursor..<end)
    }

    /// Empties the field.
    public mutating func clear() {
        characters = []
        cursor = 0
    }

    /// The column of the cursor, counting display widths of the text as shown (control characters escaped).
    public var cursorColumn: Int { characters[..<cursor].reduce(0) { $0 + Self.width(of: $1) } }

    /// The display width of one grapheme as shown (escaped when it is a control character).
    static func width(of character: Character) -> Int {
        TerminalText.displayWidth(of: TerminalText.escaped(String(character)))
    }

    /// Runs an editing command; returns false for commands that are not editing commands.
    public mutating func perform(_ command: Command) -> Bool {
        switch command {
        case .cursorLeft: moveLeft()
        case .cursorRight: moveRight()
        case .lineStart: moveToStart()
        case .lineEnd: moveToEnd()
        case .wordLeft: moveWordLeft()
        case .wordRight: moveWordRight()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .deleteWordBackward: deleteWordBackward()
        case .clearLine: clear()
        default: return false
        }
        return true
    }

    /// Draws the field into `width` columns at (`x`, `y`), scrolled so the cursor shows; sets the grid's cursor.
    public func draw(into grid: inout Grid, x: Int, y: Int, width: Int, style: Style, focused: Bool = true) {
        guard width > 0 else { return }
        grid.fill(rect: Rect(x: x, y: y, width: width, height: 1), style: style)
        // Choose the first grapheme to show so the cursor column fits, leaving one cell for the
        // cursor. Only the graphemes near the cursor are measured, so a 1 MB field draws as fast
        // as a short one.
        var start = cursor
        var beforeCursor = 0
        while start > 0 {
            let next = Self.width(of: characters[start - 1])
            if beforeCursor + next > width - 1 { break }
            beforeCursor += next
            start -= 1
        }
        var column = x
        if start > 0 {
            column += grid.put("…", x: column, y: y, style: style.foreground(.indexed(244)))
            // The ellipsis takes a cell: drop graphemes until the cursor still fits.
            while beforeCursor + 1 > width - 1 && start < cursor {
                beforeCursor -= Self.width(of: characters[start])
                start += 1
            }
        }
        // Only as many graphemes as can show: each takes at least one column once escaped.
        let room = max(0, x + width - column)
        let visible = String(characters[start..<min(characters.count, start + room)])
        grid.put(visible, x: column, y: y, style: style, maxWidth: room)
        if focused {
            grid.cursor = (column + beforeCursor, y)
        }
    }

    /// Words are runs of anything but white space and punctuation, so CJK text and emoji count as words.
    static func isWordCharacter(_ character: Character) -> Bool {
        !character.isWhitespace && (!character.isPunctuation || character == "_")
    }
}
