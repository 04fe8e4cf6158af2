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
    /// A click or a wheel notch (only when the session was started with the mouse on).
    case mouse(MouseEvent)
}

/// Bracketed paste: the sequences that turn it on and off, and the markers around pasted text.
///
/// With the mode on (`ESC [?2004h`), a terminal wraps pasted text in `ESC [200~` and `ESC [201~`.
/// The session registers the two markers with curses (`define_key`) under the codes below, so the
/// start arrives as a function key; the session then reads the text itself (see `PasteReader`).
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

    /// True when a `wget_wch` result is the start of a paste.
    public static func isStart(isFunctionKey: Bool, code: UInt32) -> Bool {
        isFunctionKey && code == UInt32(startCode)
    }
}

/// Collects the bytes of a paste read straight from the terminal, after its start marker, up to
/// its end marker (`ESC [201~`), however the reads split them. Pure, so it is tested with chunks.
public struct PasteReader: Sendable {
    private var collected: [UInt8] = []
    /// Bytes that came after the end marker in the same read: keys typed after the paste.
    public private(set) var leftover: [UInt8] = []
    /// True once the end marker has been seen.
    public private(set) var isFinished = false

    private static let endMarker = Array(PasteMarker.endSequence.utf8)

    /// Creates a reader at the start of a paste.
    public init() {}

    /// Adds the bytes of one read; returns true once the end marker has arrived.
    @discardableResult
    public mutating func consume<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        guard !isFinished else {
            leftover.append(contentsOf: bytes)
            return true
        }
        // The marker may straddle two reads: look again from just before the new bytes.
        let searchStart = max(0, collected.count - (Self.endMarker.count - 1))
        collected.append(contentsOf: bytes)
        guard let end = Self.firstMarker(in: collected, from: searchStart) else { return false }
        leftover = Array(collected[(end + Self.endMarker.count)...])
        collected.removeSubrange(end...)
        isFinished = true
        return true
    }

    /// The pasted text so far: UTF-8 decoded (invalid bytes become U+FFFD), line breaks (CR LF,
    /// CR) as LF.
    public var text: String {
        var normalized: [UInt8] = []
        normalized.reserveCapacity(collected.count)
        var index = 0
        while index < collected.count {
            let byte = collected[index]
            if byte == 0x0D {
                normalized.append(0x0A)
                if index + 1 < collected.count && collected[index + 1] == 0x0A { index += 1 }
            } else {
                normalized.append(byte)
            }
            index += 1
        }
        return String(decoding: normalized, as: UTF8.self)
    }

    private static func firstMarker(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= endMarker.count else { return nil }
        var index = start
        while index <= bytes.count - endMarker.count {
            if bytes[index] == 0x1B && bytes[index..<(index + endMarker.count)].elementsEqual(endMarker) { return index }
            index += 1
        }
        return nil
    }
}
