/// The whitespace a document is written with (indentation, line breaks, the space after a colon):
/// what an inserted key or value copies.
public struct WhitespaceStyle: Hashable, Sendable {
    /// One level of indentation (`"  "`, `"    "`, `"\t"`), or nil for text on one line.
    public var indentUnit: String?
    /// `"\n"` or `"\r\n"`.
    public var newline: String
    /// What stands between a key and its value: `": "` or `":"`.
    public var colon: String

    /// The style, and how far into the text the bytes it was read from reach: an edit that starts
    /// after `extent` and adds no line break leaves the style as it is.
    /// `firstMember` is the first node with a key, with text offsets.
    static func detectWithExtent<Text: RandomAccessCollection<UInt8>>(in bytes: Text, firstMember: RawNode?) -> (style: WhitespaceStyle, extent: Int)
    where Text.Index == Int {
        var newline = "\n"
        var indentUnit: String? = nil
        var extent = 0
        let firstBreak = bytes.firstIndex(of: 0x0A)
        if let lf = firstBreak, lf > 0 && bytes[lf - 1] == 0x0D { newline = "\r\n" }
        // Text on one line, maybe with a final line break, is minified: only a break with more
        // text after it starts an indented style. (Edits change no byte after the root value.)
        if let lf = firstBreak, bytes[(lf + 1)...].contains(where: { !Parser.isWhitespace($0) }) {
            // The first indented line after a line that opens a container gives the unit.
            var k = lf + 1
            var unit: [UInt8] = []
            while k < bytes.count && (bytes[k] == 0x20 || bytes[k] == 0x09) { unit.append(bytes[k]); k += 1 }
            extent = k
            // Subtract the indentation of the line that holds the break.
            var lineStart = lf
            while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            var outer = 0
            while lineStart + outer < lf && (bytes[lineStart + outer] == 0x20 || bytes[lineStart + outer] == 0x09) { outer += 1 }
            if unit.count > outer { indentUnit = String(decoding: unit[outer...], as: UTF8.self) } else { indentUnit = "  " }
        }
        var colon = indentUnit == nil ? ":" : ": "
        if let member = firstMember {
            colon = String(decoding: bytes[Int(member.keyEnd)..<Int(member.start)], as: UTF8.self)
            extent = max(extent, Int(member.start))
        } else {
            // No member yet: any edit may add the first one, whose colon then counts.
            extent = Int.max
        }
        return (WhitespaceStyle(indentUnit: indentUnit, newline: newline, colon: colon), extent)
    }
}
