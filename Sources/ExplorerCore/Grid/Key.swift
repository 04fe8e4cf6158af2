import TerminalText
/// A key press as the core sees it, independent of any terminal library.
public enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    /// Arrow keys.
    case up, down, left, right
    /// Navigation keys.
    case home, end, pageUp, pageDown
    /// Editing keys; `backTab` is Shift-Tab, `delete` the forward-delete key.
    case enter, tab, backTab, backspace, delete, escape
    /// F1...F12 (and higher where the terminal has them).
    case function(Int)
    /// Control plus a lower-case letter `a`...`z`, except Ctrl-I, Ctrl-M, Ctrl-J and Ctrl-H,
    /// which terminals send as Tab, Enter and Backspace.
    case ctrl(Character)
    /// The terminal changed size.
    case resize

    /// The key's name in tmux's spelling, which `Key.parse` reads back: `Down`, `PPage`, `C-s`, `a`.
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PPage"
        case .pageDown: return "NPage"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "BTab"
        case .backspace: return "BSpace"
        case .delete: return "DC"
        case .escape: return "Escape"
        case .function(let number): return "F\(number)"
        case .ctrl(let letter): return "C-\(letter)"
        case .resize: return "Resize"
        }
    }

    /// A readable name for help screens and status bars: `↑`, `PgDn`, `Ctrl-S`, `Shift-Tab`.
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return TerminalText.escaped(String(character))
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .escape: return "Esc"
        case .function(let number): return "F\(number)"
        case .ctrl(let letter): return "Ctrl-\(letter.uppercased())"
        case .resize: return "Resize"
        }
    }

    /// Named keys by lower-cased tmux name, aliases included.
    private static let namedKeys: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end,
        "ppage": .pageUp, "pageup": .pageUp, "pgup": .pageUp,
        "npage": .pageDown, "pagedown": .pageDown, "pgdn": .pageDown,
        "enter": .enter, "tab": .tab, "btab": .backTab,
        "bspace": .backspace, "dc": .delete, "delete": .delete,
        "escape": .escape, "space": .character(" "), "resize": .resize,
    ]

    /// The key named `name` in tmux's spelling, or nil if there is none.
    ///
    /// Reads `Up Down Left Right Home End PPage NPage Enter Tab BTab BSpace DC Escape Space`
    /// (case-insensitive, with tmux's aliases `PageUp PgUp PageDown PgDn Delete`), `F1`...`F12`,
    /// `C-a`...`C-z`, `Resize`, and any single character. `C-i`, `C-m`, `C-j` and `C-h` give
    /// `.tab`, `.enter`, `.enter` and `.backspace`, as a terminal sends them.
    public static func parse(_ name: String) -> Key? {
        if name.count == 1, let character = name.first { return typed(character) }
        let lowered = name.lowercased()
        if let key = namedKeys[lowered] { return key }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...63).contains(number),
           !lowered.dropFirst().hasPrefix("+"), !lowered.dropFirst().hasPrefix("0") {
            return .function(number)
        }
        if lowered.hasPrefix("c-"), lowered.count == 3, let letter = lowered.last,
           letter.isASCII, letter.isLetter {
            return controlKey(letter)
        }
        return nil
    }

    /// The key a terminal reports when `character` is typed: control characters become
    /// `.enter`, `.tab`, `.backspace`, `.escape` or `.ctrl`, the rest `.character`.
    public static func typed(_ character: Character) -> Key {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
              scalar.value < 0x20 || scalar.value == 0x7F
        else {
            return character == "\r\n" ? .enter : .character(character)
        }
        switch scalar.value {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A: return controlKey(Character(Unicode.Scalar(scalar.value + 0x60) ?? "?"))
        default: return .character(character)
        }
    }

    /// The key Control plus `letter` (`a`...`z`) produces on a terminal.
    static func controlKey(_ letter: Character) -> Key {
        switch letter {
        case "i": return .tab
        case "m", "j": return .enter
        case "h": return .backspace
        default: return .ctrl(letter)
        }
    }

    /// The keys of a headless key script in tmux's `send-keys` spelling.
    ///
    /// Words separated by white space are key names (see `parse`); text in single or double
    /// quotes is typed character by character, spaces included (`'a b'` is `a`, Space, `b`).
    /// Example: `Down Down Enter Tab C-s 'text'`.
    /// A mouse event (see `parseInputs`) is refused here: the caller takes keys only.
    public static func parseScript(_ script: String) throws(KeyScriptError) -> [Key] {
        try parseInputs(script, allowingMouse: false).compactMap { input -> Key? in
            if case .key(let key) = input { return key }
            return nil
        }
    }

    /// The keys and mouse events of a headless key script: `parseScript`'s words, and mouse
    /// events written `<click:COL,ROW>`, `<wheel-up:COL,ROW>` or `<wheel-down:COL,ROW>` with the
    /// column and row of the cell from 0 at the top left (`Down <click:30,4> Enter`).
    public static func parseInputs(_ script: String) throws(KeyScriptError) -> [ScriptInput] {
        try parseInputs(script, allowingMouse: true)
    }

    /// The inputs of a script; without `allowingMouse` a mouse event is an unknown key.
    private static func parseInputs(_ script: String, allowingMouse: Bool) throws(KeyScriptError) -> [ScriptInput] {
        var keys: [ScriptInput] = []
        var index = script.startIndex
        while index < script.endIndex {
            let character = script[index]
            if character.isWhitespace {
                index = script.index(after: index)
                continue
            }
            let start = index
            if character == "'" || character == "\"" {
                let quote = character
                var cursor = script.index(after: index)
                while cursor < script.endIndex && script[cursor] != quote {
                    keys.append(.key(typed(script[cursor])))
                    cursor = script.index(after: cursor)
                }
                guard cursor < script.endIndex else {
                    throw KeyScriptError(kind: .unterminatedQuote, word: String(script[start...]),
                                         offset: script.distance(from: script.startIndex, to: start))
                }
                index = script.index(after: cursor)
                continue
            }
            var end = index
            while end < script.endIndex && !script[end].isWhitespace { end = script.index(after: end) }
            let word = String(script[start..<end])
            // `<` alone is a key; a longer word that starts with it is a mouse event.
            if allowingMouse && word.count > 1 && word.hasPrefix("<") {
                guard let event = MouseEvent.parse(word) else {
                    throw KeyScriptError(kind: .badMouseEvent, word: word,
                                         offset: script.distance(from: script.startIndex, to: start))
                }
                keys.append(.mouse(event))
                index = end
                continue
            }
            guard let key = parse(word) else {
                throw KeyScriptError(kind: .unknownKey, word: word,
                                     offset: script.distance(from: script.startIndex, to: start))
            }
            keys.append(.key(key))
            index = end
        }
        return keys
    }
}

/// Why a key script could not be read, and where.
public struct KeyScriptError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of mistake a key script can have.
    public enum Kind: Hashable, Sendable {
        /// A word that is not a key name.
        case unknownKey
        /// A quote with no closing quote.
        case unterminatedQuote
        /// A word starting with `<` that is not a mouse event such as `<click:3,4>`.
        case badMouseEvent
    }

    /// What went wrong.
    public var kind: Kind
    /// The offending word, or the text from the opening quote to the end.
    public var word: String
    /// Where the word starts, in characters from the start of the script.
    public var offset: Int

    /// Creates an error for `word` at character `offset` of the script.
    public init(kind: Kind, word: String, offset: Int) {
        self.kind = kind
        self.word = word
        self.offset = offset
    }

    public var description: String {
        switch kind {
        case .unknownKey:
            return "key script, character \(offset + 1): unknown key '\(TerminalText.escaped(word))'; "
                + "use tmux names like Down, Enter, C-s, F1, or quote literal text"
        case .badMouseEvent:
            return "key script, character \(offset + 1): '\(TerminalText.escaped(word))' is not a mouse event; "
                + "write <click:COL,ROW>, <wheel-up:COL,ROW> or <wheel-down:COL,ROW> with the cell's column and row from 0"
        case .unterminatedQuote:
            return "key script, character \(offset + 1): quoted text \(TerminalText.escaped(word)) has no closing quote"
        }
    }
}
