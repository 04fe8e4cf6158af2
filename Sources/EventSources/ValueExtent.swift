/// Finds where a JSON (or Python literal) value that starts at a given byte ends, by matching
/// brackets and skipping strings, without parsing it: the cheap first step before a real parse.
///
/// A value may continue over several lines only as pretty-printed JSON does: every line after the
/// first starts with a space, a tab, or a closing bracket. A line that starts with anything else
/// ends the value there (so a truncated JSON line does not swallow the lines after it).
enum ValueExtent: Equatable {
    /// The value ends just before `end`.
    case closed(end: Int, hitInString: Bool)
    /// The value cannot be complete: it breaks at `at` (a line that does not continue it, or a
    /// closing bracket too many).
    case broken(at: Int, hitInString: Bool)
    /// The value goes on past the bytes in hand.
    case needMore
    /// The value is longer than the limit.
    case tooLong

    /// Scans from `start` (a `{`, `[` or quote) in `bytes`; `hit` is a position whose place (in a
    /// string or not) the caller wants to know; `python` also takes single-quoted strings.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, hit: Int, python: Bool, atEnd: Bool, limit: Int) -> ValueExtent {
        var depth = 0
        var index = start
        var quote: UInt8 = 0  // 0 outside strings
        var hitInString = false
        let end = bytes.count
        while index < end {
            if index - start > limit { return .tooLong }
            let byte = bytes[index]
            if quote != 0 {
                if byte == 0x5C {  // backslash: skip the escaped byte
                    index += 2
                    if index > hit && index - 2 <= hit { hitInString = true }
                    continue
                }
                if byte == quote {
                    quote = 0
                    if depth == 0 { return .closed(end: index + 1, hitInString: hitInString) }
                } else if byte == 0x0A {
                    return .broken(at: index, hitInString: hitInString)
                }
                if index == hit { hitInString = true }
                index += 1
                continue
            }
            switch byte {
            case 0x22:
                quote = 0x22
            case 0x27 where python:
                quote = 0x27
            case 0x7B, 0x5B:
                depth += 1
            case 0x7D, 0x5D:
                depth -= 1
                if depth == 0 { return .closed(end: index + 1, hitInString: hitInString) }
                if depth < 0 { return .broken(at: index, hitInString: hitInString) }
            case 0x0A:
                guard depth > 0 else { return .broken(at: index, hitInString: hitInString) }
                if index + 1 >= end { return atEnd ? .broken(at: index, hitInString: hitInString) : .needMore }
                switch bytes[index + 1] {
                case 0x20, 0x09, 0x7D, 0x5D, 0x0D, 0x0A: break
                default: return .broken(at: index, hitInString: hitInString)
                }
            default:
                break
            }
            index += 1
        }
        return atEnd ? .broken(at: end, hitInString: hitInString) : .needMore
    }
}
