import JSONDocument
/// The text with every character that could control the terminal replaced by a visible escape.
///
/// Replaced: C0 controls and DEL (`\t`, `\n`, `\r`, otherwise `\u001b` style), C1 controls
/// (U+0080-U+009F), the line and paragraph separators (U+2028, U+2029) and the bidi controls
/// (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069). Event strings are untrusted input:
/// shown through this function they can neither send escape sequences to the terminal nor
/// reorder the screen. Backslashes are left alone, so the result is for display, not parsing.
public func terminalSafe(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: isTerminalUnsafe) else { return s }
    var result = String.UnicodeScalarView()
    for scalar in s.unicodeScalars {
        guard isTerminalUnsafe(scalar) else {
            result.append(scalar)
            continue
        }
        result.append(contentsOf: visibleEscape(for: scalar).unicodeScalars)
    }
    return String(result)
}

/// True for scalars that `terminalSafe` replaces.
public func isTerminalUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
    // A byte of a file name that is not UTF-8, as PathBytes carries it.
    case 0xF700...0xF7FF: return true
    default: return false
    }
}

/// `\t`, `\n`, `\r`, or `\u` and four lower-case hex digits.
func visibleEscape(for scalar: Unicode.Scalar) -> String {
    if PathBytes.isRawByte(scalar) { return PathBytes.showingRawBytes(String(scalar)) }
    switch scalar.value {
    case 0x09: return "\\t"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    default:
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
