/// Converts the text Python's `repr` (or `print`) writes for a dict or list into JSON, exactly:
/// every string, number and constant keeps its value, and anything that has no exact JSON
/// equivalent (a non-string key, `inf`, a set, bytes, a tuple, a lone surrogate, `\N{...}`) is
/// refused with its position instead of guessed.
public enum PythonLiteral {
    /// Why a text could not be converted, and where (a byte offset into it).
    public struct ConversionError: Error, Hashable, Sendable {
        /// Byte offset of the problem from the start of the text.
        public let offset: Int
        /// What is wrong.
        public let message: String
    }

    /// The JSON text for a Python literal (dicts, lists, strings, ints, floats, True, False, None).
    public static func json(from text: some Collection<UInt8>) throws(ConversionError) -> [UInt8] {
        var converter = Converter(bytes: Array(text))
        return try converter.run()
    }

    /// The maximum nesting of dicts and lists, as for JSON documents.
    public static let maxDepth = 512

    private struct Converter {
        let bytes: [UInt8]
        var index = 0
        var output: [UInt8] = []

        init(bytes: [UInt8]) {
            self.bytes = bytes
            output.reserveCapacity(bytes.count + bytes.count / 8)
        }

        enum Expect { case value, valueOrClose, keyOrClose, colon, commaOrClose }

        func fail(_ message: String, at offset: Int? = nil) -> ConversionError {
            ConversionError(offset: offset ?? index, message: message)
        }

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += 1
            }
        }

        /// What comes after a token: more of the literal, expecting something, or the end (the
        /// outermost value is complete).
        enum Next { case expect(Expect), finished }

        mutating func run() throws(ConversionError) -> [UInt8] {
            var closers: [UInt8] = []
            var expect = Expect.value
            while true {
                skipSpace()
                guard index < bytes.count else { throw fail("the Python literal ends before it is complete") }
                let byte = bytes[index]
                let next: Next
                switch expect {
                case .value, .valueOrClose: next = try value(byte, mayClose: expect == .valueOrClose, &closers)
                case .keyOrClose: next = try keyOrClose(byte, &closers)
                case .colon: next = try colon(byte)
                case .commaOrClose: next = try commaOrClose(byte, &closers)
                }
                switch next {
                case .expect(let following): expect = following
                case .finished: return try finish()
                }
            }
        }

        /// A value (or, in a list that may end here, its closing bracket).
        mutating func value(_ byte: UInt8, mayClose: Bool, _ closers: inout [UInt8]) throws(ConversionError) -> Next {
            if mayClose, byte == 0x5D {
                return try closed(&closers)
            }
            switch byte {
            case 0x7B:
                guard closers.count < PythonLiteral.maxDepth else { throw fail("nested deeper than \(PythonLiteral.maxDepth) levels") }
                output.append(0x7B); closers.append(0x7D); index += 1
                return .expect(.keyOrClose)
            case 0x5B:
                guard closers.count < PythonLiteral.maxDepth else { throw fail("nested deeper than \(PythonLiteral.maxDepth) levels") }
                output.append(0x5B); closers.append(0x5D); index += 1
                return .expect(.valueOrClose)
            case 0x28:
                throw fail("a tuple has no exact JSON form (a list would change its type)")
            default:
                try scalar()
            }
            return closers.isEmpty ? .finished : .expect(.commaOrClose)
        }

        /// A dict key (a string), or the dict's closing brace.
        mutating func keyOrClose(_ byte: UInt8, _ closers: inout [UInt8]) throws(ConversionError) -> Next {
            if byte == 0x7D {
                return try closed(&closers)
            }
            guard byte == 0x27 || byte == 0x22 else {
                throw fail("a dict key that is not a string (or a set) has no JSON form")
            }
            try string()
            return .expect(.colon)
        }

        /// The colon after a dict key.
        mutating func colon(_ byte: UInt8) throws(ConversionError) -> Next {
            guard byte == 0x3A else {
                throw fail(byte == 0x2C || byte == 0x7D ? "a set has no JSON form (expected ':' after the key)" : "expected ':' after a dict key")
            }
            output.append(0x3A); index += 1
            return .expect(.value)
        }

        /// A comma, or the closing bracket of the innermost container.
        mutating func commaOrClose(_ byte: UInt8, _ closers: inout [UInt8]) throws(ConversionError) -> Next {
            if byte == 0x2C {
                output.append(0x2C); index += 1
                // Python allows a comma before the closing bracket; JSON does not.
                skipSpace()
                if index < bytes.count, let last = closers.last, bytes[index] == last {
                    output.removeLast()
                    return try closed(&closers)
                }
                return .expect(closers.last == 0x7D ? .keyOrClose : .value)
            }
            return try closed(&closers)
        }

        /// Closes the innermost container: the end when it was the outermost.
        mutating func closed(_ closers: inout [UInt8]) throws(ConversionError) -> Next {
            try close(&closers)
            return closers.isEmpty ? .finished : .expect(.commaOrClose)
        }

        mutating func close(_ closers: inout [UInt8]) throws(ConversionError) {
            guard let expected = closers.last, bytes[index] == expected else {
                throw fail("expected ',' or '\(Character(Unicode.Scalar(closers.last ?? 0x7D)))'")
            }
            output.append(expected)
            closers.removeLast()
            index += 1
        }

        mutating func finish() throws(ConversionError) -> [UInt8] {
            skipSpace()
            guard index == bytes.count else { throw fail("unexpected text after the Python literal") }
            return output
        }

        mutating func scalar() throws(ConversionError) {
            let byte = bytes[index]
            if byte == 0x27 || byte == 0x22 { return try string() }
            if word("True") { output += Array("true".utf8); return }
            if word("False") { output += Array("false".utf8); return }
            if word("None") { output += Array("null".utf8); return }
            if byte == 0x2D || (0x30...0x39).contains(byte) { return try number() }
            if byte == 0x62 || byte == 0x42 { throw fail("bytes (b'...') have no exact JSON form") }
            let start = index
            if word("inf") || word("nan") { throw fail("inf and nan have no JSON form", at: start) }
            if byte == 0x72 || byte == 0x75 || byte == 0x66 || byte == 0x52 || byte == 0x55 || byte == 0x46 {
                throw fail("string prefixes (r'', u'', f'') are not converted")
            }
            throw fail("expected a Python value (a string, number, True, False, None, dict or list)")
        }

        mutating func word(_ text: String) -> Bool {
            let utf8 = Array(text.utf8)
            guard index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else { return false }
            let after = index + utf8.count
            if after < bytes.count {
                let next = bytes[after]
                if (0x30...0x39).contains(next) || (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next) || next == 0x5F { return false }
            }
            index = after
            return true
        }

        /// An int or float as Python writes them, which is also JSON's grammar (checked).
        mutating func number() throws(ConversionError) {
            let start = index
            func digits(_ converter: inout Converter) -> Int {
                let from = converter.index
                while converter.index < converter.bytes.count, (0x30...0x39).contains(converter.bytes[converter.index]) { converter.index += 1 }
                return converter.index - from
            }
            if bytes[index] == 0x2D { index += 1 }
            if index < bytes.count, bytes[index] == 0x69 || bytes[index] == 0x6E { throw fail("inf and nan have no JSON form", at: start) }
            let intStart = index
            guard digits(&self) > 0 else { throw fail("expected digits", at: start) }
            if bytes[intStart] == 0x30, index - intStart > 1 { throw fail("a number with a leading zero is not Python's repr", at: start) }
            if index < bytes.count, bytes[index] == 0x2E {
                index += 1
                guard digits(&self) > 0 else { throw fail("expected digits after the decimal point", at: start) }
            }
            if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
                index += 1
                if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
                guard digits(&self) > 0 else { throw fail("expected digits in the exponent", at: start) }
            }
            if index < bytes.count, bytes[index] == 0x5F || bytes[index] == 0x6A || bytes[index] == 0x78 || bytes[index] == 0x4A {
                throw fail("this number form (underscores, complex, hex) is not converted", at: start)
            }
            output += bytes[start..<index]
        }

        /// A quoted string with Python's escapes, written as a JSON string of the same characters.
        mutating func string() throws(ConversionError) {
            let start = index
            let quote = bytes[index]
            index += 1
            if index + 1 < bytes.count, bytes[index] == quote, bytes[index + 1] == quote {
                throw fail("triple-quoted strings are not converted", at: start)
            }
            output.append(0x22)
            while true {
                guard index < bytes.count else { throw fail("the string is not closed", at: start) }
                let byte = bytes[index]
                if byte == quote {
                    // Escapes are ASCII, so the raw bytes are valid UTF-8 exactly when the text is.
                    guard String(validating: bytes[(start + 1)..<index], as: UTF8.self) != nil else {
                        throw fail("a string with bytes that are not UTF-8", at: start)
                    }
                    index += 1
                    break
                }
                if byte == 0x0A || byte == 0x0D { throw fail("a line break inside a string", at: index) }
                if byte == 0x5C {
                    try escape()
                    continue
                }
                if byte < 0x20 {
                    appendScalar(UInt32(byte))
                } else if byte == 0x22 {
                    output += [0x5C, 0x22]
                } else {
                    output.append(byte)  // UTF-8 passes through (checked at the closing quote)
                }
                index += 1
            }
            output.append(0x22)
            skipSpace()
            if index < bytes.count, bytes[index] == 0x27 || bytes[index] == 0x22 {
                throw fail("adjacent strings are not converted", at: index)
            }
        }

        mutating func escape() throws(ConversionError) {
            let at = index
            guard index + 1 < bytes.count else { throw fail("the string ends in a backslash", at: at) }
            let letter = bytes[index + 1]
            index += 2
            switch letter {
            case 0x5C: output += [0x5C, 0x5C]
            case 0x27: output.append(0x27)
            case 0x22: output += [0x5C, 0x22]
            case 0x6E: output += [0x5C, 0x6E]  // \n
            case 0x72: output += [0x5C, 0x72]  // \r
            case 0x74: output += [0x5C, 0x74]  // \t
            case 0x62: output += [0x5C, 0x62]  // \b
            case 0x66: output += [0x5C, 0x66]  // \f
            case 0x61: appendScalar(0x07)       // \a
            case 0x76: appendScalar(0x0B)       // \v
            case 0x78: try appendScalar(hex(count: 2, at: at), at: at)
            case 0x75: try appendScalar(hex(count: 4, at: at), at: at)
            case 0x55: try appendScalar(hex(count: 8, at: at), at: at)
            case 0x30...0x37:
                var value = UInt32(letter - 0x30)
                var taken = 1
                while taken < 3, index < bytes.count, (0x30...0x37).contains(bytes[index]) {
                    value = value * 8 + UInt32(bytes[index] - 0x30)
                    index += 1
                    taken += 1
                }
                try appendScalar(value, at: at)
            case 0x4E: throw fail("\\N{...} escapes are not converted", at: at)
            case 0x0A: throw fail("a backslash at the end of a line is not converted", at: at)
            default:
                // Python keeps an unknown escape as the backslash and the character.
                output += [0x5C, 0x5C]
                index -= 1
            }
        }

        mutating func hex(count: Int, at: Int) throws(ConversionError) -> UInt32 {
            guard index + count <= bytes.count else { throw fail("a truncated \\x, \\u or \\U escape", at: at) }
            var value: UInt32 = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw fail("a \\x, \\u or \\U escape with a character that is not a hex digit", at: at)
                }
                value = value * 16 + digit
            }
            index += count
            return value
        }

        mutating func appendScalar(_ value: UInt32, at: Int) throws(ConversionError) {
            if (0xD800...0xDFFF).contains(value) { throw fail("a lone surrogate (\\ud800-\\udfff) has no exact JSON form", at: at) }
            guard value <= 0x10FFFF else { throw fail("an escape beyond U+10FFFF", at: at) }
            appendScalar(value)
        }

        /// Writes one code point as JSON: controls and the two special characters escaped, the
        /// rest as UTF-8.
        mutating func appendScalar(_ value: UInt32) {
            switch value {
            case 0x22: output += [0x5C, 0x22]
            case 0x5C: output += [0x5C, 0x5C]
            case 0x0A: output += [0x5C, 0x6E]
            case 0x0D: output += [0x5C, 0x72]
            case 0x09: output += [0x5C, 0x74]
            case 0..<0x20, 0x7F:
                let digits = Array("0123456789abcdef".utf8)
                output += [0x5C, 0x75, 0x30, 0x30, digits[Int(value >> 4)], digits[Int(value & 15)]]
            default:
                guard let scalar = Unicode.Scalar(value) else { return }
                output += Array(String(Character(scalar)).utf8)
            }
        }
    }
}
