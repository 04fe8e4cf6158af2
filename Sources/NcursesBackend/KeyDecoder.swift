import CNcurses
import ExplorerCore

/// Turns what `wget_wch` returns into the core's `Key`; pure, so it is tested with plain integers.
public enum KeyDecoder {
    /// The key for one `wget_wch` result, or nil for codes the explorer does not use.
    ///
    /// - Parameters:
    ///   - isFunctionKey: true when `wget_wch` returned `KEY_CODE_YES` (`code` is a `KEY_*`
    ///     constant), false when it returned `OK` (`code` is a character).
    ///   - code: the value `wget_wch` stored.
    public static func decode(isFunctionKey: Bool, code: UInt32) -> Key? {
        isFunctionKey ? functionKey(code) : characterKey(code)
    }

    private static func functionKey(_ code: UInt32) -> Key? {
        guard code <= UInt32(Int32.max) else { return nil }
        let value = Int32(code)
        switch value {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1, KEY_FIND: return .home
        case KEY_END, KEY_C1, KEY_SELECT: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_RESIZE: return .resize
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(value - KEY_F0))
        default: return nil
        }
    }

    private static func characterKey(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26:
            guard let letter = Unicode.Scalar(code + 0x60) else { return nil }
            return .ctrl(Character(letter))
        case 0...31, 128...159: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }  // surrogates, > U+10FFFF
            return .character(Character(scalar))
        }
    }
}

/// What the terminal sent: a key, or a whole bracketed paste.
public enum TerminalInput: Hashable, Sendable {
    /// One key press.
    case key(Key)
    /// Text the user pasted, whole, with line breaks as `\n`.
    case paste(String)
}

/// Bracketed paste: the sequences that turn it on and off, and the markers around pasted text.
///
/// With the mode on (`ESC [?2004h`), a terminal wraps pasted text in `ESC [200~` and `ESC [201~`.
/// The session registers the two markers with curses (`define_key`) under the codes below, so
/// they arrive as function keys however the text around them is split into reads.
public enum PasteMarker {
    /// Turns bracketed paste on.
    public static let enableSequence = "\u{1B}[?2004h"
    /// Turns bracketed paste off.
    public static let disableSequence = "\u{1B}[?2004l"
    /// What the terminal sends before pasted text.
    public static let startSequence = "\u{1B}[200~"
    /// What the terminal sends after pasted text.
    public static let endSequence = "\u{1B}[201~"
    /// The key codes curses reports for the markers: far above `KEY_MAX` and the codes curses
    /// hands out to the terminal's own extended keys.
    public static let startCode: Int32 = 0x2000
    public static let endCode: Int32 = 0x2001
}

/// Turns `wget_wch` results into keys and pastes: keys pass through `KeyDecoder`; everything
/// between the paste markers is collected into one `.paste`. Pure, so it is tested with integers.
public struct InputDecoder: Sendable {
    private var pasted: String?

    /// Creates a decoder outside any paste.
    public init() {}

    /// True between a paste's start marker and its end.
    public var isInPaste: Bool { pasted != nil }

    /// Feeds one `wget_wch` result: returns a key, a finished paste, or nil (a code the explorer
    /// does not use, or a paste still being collected).
    public mutating func feed(isFunctionKey: Bool, code: UInt32) -> TerminalInput? {
        if isFunctionKey && code == UInt32(PasteMarker.startCode) {
            // A start inside a paste (a terminal that lost an end marker) keeps collecting.
            if pasted == nil { pasted = "" }
            return nil
        }
        if isFunctionKey && code == UInt32(PasteMarker.endCode) {
            return pasted == nil ? nil : finishPaste()
        }
        guard var text = pasted else {
            return KeyDecoder.decode(isFunctionKey: isFunctionKey, code: code).map(TerminalInput.key)
        }
        // Inside a paste only characters count: curses may still turn pasted escape sequences into
        // keys, and those are dropped rather than run as commands.
        pasted = nil
        if !isFunctionKey, let scalar = Unicode.Scalar(code) {
            if scalar == "\r" {
                text.unicodeScalars.append("\n")
            } else if scalar == "\n" && text.unicodeScalars.last == "\n" && lastWasCarriageReturn {
                // CR LF: the CR already gave the line break.
            } else {
                text.unicodeScalars.append(scalar)
            }
            lastWasCarriageReturn = scalar == "\r"
        }
        pasted = text
        // Without the marker registered (curses read it too slowly to match), the end arrives as
        // plain characters: recognize it at the end of the text.
        if !isFunctionKey && code == 0x7E && text.hasSuffix(PasteMarker.endSequence) {
            pasted = String(text.dropLast(PasteMarker.endSequence.count))
            return finishPaste()
        }
        return nil
    }

    private var lastWasCarriageReturn = false

    /// Ends the paste being collected (its end marker never came) and returns what arrived.
    public mutating func finishPaste() -> TerminalInput? {
        guard let text = pasted else { return nil }
        pasted = nil
        lastWasCarriageReturn = false
        return .paste(text)
    }
}
