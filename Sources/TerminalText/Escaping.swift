/// Text bound for a terminal: escaping, display width, wrapping by columns and excerpts.
///
/// Everything that comes from outside the program (event strings and keys, file names, error
/// messages that quote them) is untrusted. Shown through `escaped(_:)` it can neither send an escape
/// sequence to the terminal, nor break or reorder a line, nor hide characters from the reader.
public enum TerminalText {
    /// The text with every character that could steer the terminal or hide itself made visible.
    ///
    /// Replaced: C0 controls and DEL (`\n`, `\t`, `\r`, otherwise `\u001b` style), C1 controls, the
    /// line and paragraph separators, the bidi controls, and the invisible characters Unicode calls
    /// default-ignorable (U+200B zero width space, U+2060 word joiner, U+FEFF, the tag characters,
    /// ...), and the bytes of a file name that are not UTF-8 (carried as `rawByteScalars`, shown
    /// `\xE9`). Kept: variation selectors, a zero width joiner between two emoji and the tags of an
    /// emoji flag, which only change how the emoji before them is drawn. Backslashes stay as they
    /// are: the result is for reading, not for parsing back.
    public static func escaped(_ text: String) -> String {
        guard mayNeedEscape(text, exceptLineFeeds: false) else { return text }
        var result = String.UnicodeScalarView()
        forEachScalar(of: text) { scalar, unsafe in
            if unsafe {
                result.append(contentsOf: visibleEscape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A string in double quotes, as JSON writes it (`\"` and `\\` escaped), with every character
    /// `escaped(_:)` replaces escaped the same way: what is printed can be pasted back as a JSON string.
    public static func quoted(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.append("\"")
        forEachScalar(of: text) { scalar, unsafe in
            switch scalar {
            case "\"": result.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            default:
                if unsafe {
                    result.append(contentsOf: visibleEscape(scalar, json: true).unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
        }
        result.append("\"")
        return String(result)
    }

    /// True for characters `escaped(_:)` replaces wherever they stand: controls, separators, bidi
    /// controls and invisible characters. (A zero width joiner or a tag character is replaced too
    /// unless it stands inside an emoji sequence; this function answers for it alone: false.)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, rawByteScalars: return true
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x033F: return false  // common text: no lookup
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x180B...0x180D, 0x180F: return false  // variation selectors
        case 0x200D, 0xE0020...0xE007F: return false  // joiner and tags: their neighbours decide (`forEachScalar`)
        default: return scalar.properties.isDefaultIgnorableCodePoint
        }
    }

    /// Characters whose safety depends on their neighbours, or that are always unsafe.
    static func mayNeedEscape(_ scalar: Unicode.Scalar) -> Bool {
        isUnsafe(scalar) || scalar.value == 0x200D || (0xE0020...0xE007F).contains(scalar.value)
    }

    /// True when some character of `text` may need an escape (line feeds aside, when asked).
    ///
    /// Reads the UTF-8 bytes: ASCII is decided by the byte, and only other characters are
    /// decoded, so that the common case (nothing to escape in many megabytes of output) costs one
    /// pass over the bytes.
    static func mayNeedEscape(_ text: String, exceptLineFeeds: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x7F || (byte < 0x20 && !(exceptLineFeeds && byte == 0x0A)) { return true }
                    index += 1
                    continue
                }
                // A valid String's lead byte tells the length; the rest carry six bits each.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < bytes.count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                if let scalar = Unicode.Scalar(value), mayNeedEscape(scalar) { return true }
                index += length
            }
            return false
        }
    }

    /// Calls `body` with each scalar and whether it must be escaped in its place.
    private static func forEachScalar(of text: String, _ body: (Unicode.Scalar, Bool) -> Void) {
        var previous: Unicode.Scalar?
        var inFlag = false  // after U+1F3F4 and the tags kept after it
        var iterator = text.unicodeScalars.makeIterator()
        var current = iterator.next()
        while let scalar = current {
            let next = iterator.next()
            let unsafe: Bool
            switch scalar.value {
            case 0x200D:
                // A joiner inside an emoji sequence (👩‍💻) draws as one picture; anywhere else it is invisible.
                unsafe = !(previous.map(isEmojiPart) ?? false) || !(next.map(isPictographic) ?? false)
            case 0xE0020...0xE007F:
                // Tags spell a subdivision flag after U+1F3F4 (🏴 + "gbeng" + cancel tag).
                unsafe = !inFlag
            default:
                unsafe = isUnsafe(scalar)
            }
            body(scalar, unsafe)
            inFlag = scalar.value == 0x1F3F4 || (inFlag && !unsafe && (0xE0020...0xE007E).contains(scalar.value))
            previous = scalar
            current = next
        }
    }

    /// An emoji, or a modifier that may end one (variation selector 16, skin tone).
    private static func isEmojiPart(_ scalar: Unicode.Scalar) -> Bool {
        isPictographic(scalar) || scalar.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalar.value)
    }

    /// An emoji picture (not one of the ASCII digits and signs that Unicode also counts as emoji).
    private static func isPictographic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0xA9 && scalar.properties.isEmoji
    }

    /// The scalars that stand for the bytes of a file name that are not UTF-8: U+F700 plus the
    /// byte, as `PathBytes` in JSONDocument carries them (a test holds the two to the same range).
    public static let rawByteScalars: ClosedRange<UInt32> = 0xF700...0xF7FF

    /// `\n`, `\t`, `\r`, `\xE9` for a raw byte of a file name (a `unicodeEscape` where the text
    /// must stay JSON), or the `unicodeEscape`.
    static func visibleEscape(_ scalar: Unicode.Scalar, json: Bool = false) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        default:
            guard !json, rawByteScalars.contains(scalar.value) else { return unicodeEscape(scalar) }
            let hex = String(scalar.value - rawByteScalars.lowerBound, radix: 16, uppercase: true)
            return "\\x" + (hex.count < 2 ? "0" : "") + hex
        }
    }

    /// `\u001b`: the JSON spelling of a scalar; above U+FFFF its two UTF-16 halves (`\udb40\udc41`).
    public static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        var result = ""
        for unit in String(scalar).utf16 {
            let hex = String(unit, radix: 16)
            result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return result
    }
}

extension TerminalText {
    /// The escape sequences `dimmed(_:)` puts around text: the only ones `printable(_:)` lets through.
    static let dimOn = "\u{1B}[2m", dimOff = "\u{1B}[22m"

    /// The text between the sequences that make a terminal draw it faint and back.
    public static func dimmed(_ text: String) -> String { dimOn + text + dimOff }

    /// Lines of output made safe to print: each line as `escaped(_:)` gives it, the line breaks
    /// between them kept, and the dimming that `dimmed(_:)` added left working. Text that went
    /// through `escaped(_:)` already comes out unchanged, so this can guard every line a program
    /// prints without escaping anything twice.
    public static func printable(_ text: String) -> String {
        guard mayNeedEscape(text, exceptLineFeeds: true) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: dimOn, omittingEmptySubsequences: false).map { part in
                part.split(separator: dimOff, omittingEmptySubsequences: false).map { escaped(String($0)) }.joined(separator: dimOff)
            }.joined(separator: dimOn)
        }.joined(separator: "\n")
    }

    /// JSON text made safe to print and still JSON: every character `escaped(_:)` replaces is
    /// written as a `\u` escape (a raw byte of a file name too), except the white space JSON allows
    /// between values (line feeds, tabs, the CR of a CRLF), which stays as it is. Valid JSON holds
    /// no other control character outside its strings, so only strings change.
    public static func printableJSON(_ text: String) -> String {
        guard mayNeedEscape(text, exceptLineFeeds: true) else { return text }
        var result = String.UnicodeScalarView()
        var carriageReturn = false
        forEachScalar(of: text) { scalar, unsafe in
            if carriageReturn {
                result.append(contentsOf: (scalar == "\n" ? "\r" : "\\r").unicodeScalars)
                carriageReturn = false
            }
            switch scalar {
            case "\n", "\t": result.append(scalar)
            case "\r": carriageReturn = true
            default:
                if unsafe {
                    result.append(contentsOf: visibleEscape(scalar, json: true).unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
        }
        if carriageReturn { result.append(contentsOf: "\\r".unicodeScalars) }
        return String(result)
    }
}
