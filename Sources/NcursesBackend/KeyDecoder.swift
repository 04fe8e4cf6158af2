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
