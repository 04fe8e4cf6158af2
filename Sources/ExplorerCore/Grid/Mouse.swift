import TerminalText

/// A mouse event as the core sees it: a click or a wheel notch at a cell of the screen.
public struct MouseEvent: Hashable, Sendable {
    /// What the mouse did.
    public enum Kind: Hashable, Sendable {
        /// The left button went down.
        case click
        /// The wheel turned one notch away from the user (scroll up).
        case wheelUp
        /// The wheel turned one notch towards the user (scroll down).
        case wheelDown
    }

    /// What happened.
    public var kind: Kind
    /// The column of the cell under the pointer, from 0 at the left.
    public var x: Int
    /// The row of the cell under the pointer, from 0 at the top.
    public var y: Int

    /// Creates an event of `kind` at column `x`, row `y` (both from 0).
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }

    /// The event in a key script's spelling, which `parse` reads back: `<click:12,3>`.
    public var name: String {
        let word: String
        switch kind {
        case .click: word = "click"
        case .wheelUp: word = "wheel-up"
        case .wheelDown: word = "wheel-down"
        }
        return "<\(word):\(x),\(y)>"
    }

    /// The event a key script's word names (`<click:COL,ROW>`, `<wheel-up:COL,ROW>`,
    /// `<wheel-down:COL,ROW>`, columns and rows from 0), or nil when it names none.
    public static func parse(_ word: String) -> MouseEvent? {
        guard word.hasPrefix("<"), word.hasSuffix(">"), word.count > 2 else { return nil }
        let inside = word.dropFirst().dropLast()
        let parts = inside.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let kind: Kind
        switch parts[0].lowercased() {
        case "click": kind = .click
        case "wheel-up": kind = .wheelUp
        case "wheel-down": kind = .wheelDown
        default: return nil
        }
        let numbers = parts[1].split(separator: ",", omittingEmptySubsequences: false)
        guard numbers.count == 2,
              numbers.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let x = Int(numbers[0]), let y = Int(numbers[1])
        else { return nil }
        return MouseEvent(kind, x: x, y: y)
    }
}

/// One step of a headless key script: a key press or a mouse event.
public enum ScriptInput: Hashable, Sendable {
    /// A key, as `Key.parse` reads it.
    case key(Key)
    /// A mouse event, as `MouseEvent.parse` reads it.
    case mouse(MouseEvent)

    /// The action the explorer is given for this input.
    public var action: Action {
        switch self {
        case .key(let key): return .key(key)
        case .mouse(let event): return .mouse(event)
        }
    }
}
