/// Decodes JSON string literals (quotes included in the span).
enum StringDecoder {
    /// The string a literal spells; a lone surrogate escape reads as U+FFFD, or as the six
    /// characters it is written with when `keepingLoneSurrogates` is true.
    static func decode(_ bytes: [UInt8], from start: Int, to end: Int, hasEscapes: Bool?, keepingLoneSurrogates: Bool = false) -> String {
        String(decoding: decodedBytes(bytes, from: start, to: end, hasEscapes: hasEscapes, keepingLoneSurrogates: keepingLoneSurrogates),
               as: UTF8.self)
    }

    /// The UTF-8 bytes a literal spells (see `decode`): a slice of `bytes` when it has no escapes,
    /// so a long string is not copied.
    static func decodedBytes(_ bytes: [UInt8], from start: Int, to end: Int, hasEscapes: Bool?,
                             keepingLoneSurrogates: Bool = false) -> ArraySlice<UInt8> {
        let inner = (start + 1)..<(end - 1)
        if hasEscapes == false || (hasEscapes == nil && !bytes[inner].contains(UInt8(ascii: "\\"))) {
            return bytes[inner]
        }
        var out: [UInt8] = []
        out.reserveCapacity(inner.count)
        var i = inner.lowerBound
        let limit = inner.upperBound
        while i < limit {
            let b = bytes[i]
            guard b == UInt8(ascii: "\\"), i + 1 < limit else { out.append(b); i += 1; continue }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var unit = hex4(bytes, i)
                i += 4
                if (0xD800...0xDBFF).contains(unit), i + 5 < limit, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let low = hex4(bytes, i + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                if let scalar = Unicode.Scalar(unit) {
                    out += Array(String(Character(scalar)).utf8)
                } else if keepingLoneSurrogates {
                    out += bytes[(i - 6)..<i]
                } else {
                    out += [0xEF, 0xBF, 0xBD]  // U+FFFD: a lone surrogate cannot be represented
                }
            default: out.append(e)  // \" \\ \/
            }
        }
        return out[...]
    }

    private static func hex4(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<4 {
            guard at + k < bytes.count, let digit = Parser.hexValue(bytes[at + k]) else { return 0xFFFD }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
