import EventSources
import JSONDocument
import Testing

@Suite struct PythonLiteralTests {
    /// Python text (as `repr` writes it) and the JSON value it holds.
    static let conversions: [(python: String, json: JSONValue)] = [
        ("{'a': 1, 'b': -2.5e-07, 'c': True, 'd': False, 'e': None}",
         ["a": 1, "b": .number(JSONNumber("-2.5e-07")!), "c": true, "d": false, "e": nil]),
        (#"{'q': "it's", 'd': 'say "hi"', 'both': 'it\'s "x"'}"#, ["q": "it's", "d": "say \"hi\"", "both": "it's \"x\""]),
        (#"{'esc': 'tab\there\nnew\\slash\r'}"#, ["esc": "tab\there\nnew\\slash\r"]),
        (#"{'hex': '\x07\x1b\xe9', 'u': '\u20ac\U0001f600', 'oct': '\0\101'}"#, ["hex": "\u{7}\u{1B}é", "u": "€😀", "oct": "\u{0}A"]),
        ("{'raw': 'Zoë 山田 😀'}", ["raw": "Zoë 山田 😀"]),
        (#"{'unknown': '\d'}"#, ["unknown": "\\d"]),
        ("{'list': [1, [2, {}], []], 'empty': {}}", ["list": [1, [2, [:]], []], "empty": [:]]),
        ("{'trailing': [1, 2,], }", ["trailing": [1, 2]]),
        ("[{'a': 'x'}, {'b': 0}]", [["a": "x"], ["b": 0]]),
        ("{'big': 123456789012345678901234567890}", ["big": .number(JSONNumber("123456789012345678901234567890")!)]),
    ]

    @Test("Python literals convert to exactly the values Python holds", arguments: 0..<conversions.count)
    func converts(_ index: Int) throws {
        let (python, expected) = Self.conversions[index]
        let json = try PythonLiteral.json(from: Array(python.utf8))
        #expect(try JSONDocument(bytes: json).root.value == expected)
    }

    /// Python text with no exact JSON form, the byte offset refused, and the message's gist.
    static let refusals: [(python: String, offset: Int, message: String)] = [
        ("{'a': (1, 2)}", 6, "tuple"),
        ("{1: 'a'}", 1, "not a string"),
        ("{'a': {1, 2}}", 7, "(or a set)"),
        ("{'a', 'b'}", 4, "a set has no JSON form"),
        ("{'a': b'x'}", 6, "bytes"),
        ("{'a': inf}", 6, "inf and nan"),
        ("{'a': nan}", 6, "inf and nan"),
        ("{'a': -inf}", 6, "inf and nan"),
        (#"{'a': '\N{BULLET}'}"#, 7, "\\N{...}"),
        (#"{'a': '\ud800'}"#, 7, "lone surrogate"),
        ("{'a': 'open", 6, "not closed"),
        ("{'a': 1", 7, "ends before it is complete"),
        ("{'a': 1} extra", 9, "unexpected text"),
        ("{'a': 'x' 'y'}", 10, "adjacent strings"),
        ("{'a': 0x10}", 6, "this number form"),
        ("{'a': 1_000}", 6, "this number form"),
        ("{'a': r'x'}", 6, "string prefixes"),
        ("{'a': '''x'''}", 6, "triple-quoted"),
        ("{'a': 'x\ny'}", 8, "line break"),
        ("{'a': datetime.date(2024, 1, 1)}", 6, "expected a Python value"),
        ("{'a': 1 'b': 2}", 8, "expected ','"),
    ]

    @Test("anything without an exact JSON form is refused at its position, never guessed", arguments: 0..<refusals.count)
    func refuses(_ index: Int) {
        let (python, offset, message) = Self.refusals[index]
        #expect {
            _ = try PythonLiteral.json(from: Array(python.utf8))
        } throws: { error in
            guard let error = error as? PythonLiteral.ConversionError else { return false }
            return error.offset == offset && error.message.contains(message)
        }
    }

    @Test("nesting deeper than the limit is refused, not a crash")
    func deepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: PythonLiteral.ConversionError.self) { try PythonLiteral.json(from: Array(deep.utf8)) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Never.self) { try PythonLiteral.json(from: Array(fine.utf8)) }
    }
}
