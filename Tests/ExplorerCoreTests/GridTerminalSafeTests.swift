import Testing
@testable import ExplorerCore

extension GridTests {
    @Suite struct TerminalSafe {
        static let cases: [(String, String)] = [
            ("plain text", "plain text"),
            ("名前 👩‍💻", "名前 👩‍💻"),
            ("a\tb", "a\\tb"),
            ("line\nnext", "line\\nnext"),
            ("cr\r", "cr\\r"),
            ("\u{1B}[31mred", "\\u001b[31mred"),
            ("\u{1B}]0;title\u{7}", "\\u001b]0;title\\u0007"),
            ("\u{0}", "\\u0000"),
            ("del\u{7F}", "del\\u007f"),
            ("c1\u{9B}31m", "c1\\u009b31m"),
            ("\u{85}", "\\u0085"),
            ("abc\u{202E}cba", "abc\\u202ecba"),
            ("\u{202A}\u{202B}\u{202C}\u{202D}", "\\u202a\\u202b\\u202c\\u202d"),
            ("\u{2066}\u{2067}\u{2068}\u{2069}", "\\u2066\\u2067\\u2068\\u2069"),
            ("\u{200E}\u{200F}\u{061C}", "\\u200e\\u200f\\u061c"),
            ("\u{2028}\u{2029}", "\\u2028\\u2029"),
            ("back\\slash", "back\\slash"),
            ("\r\n", "\\r\\n"),
        ]

        @Test(arguments: cases)
        func escapes(input: String, expected: String) {
            #expect(terminalSafe(input) == expected)
        }

        @Test(arguments: cases)
        func resultHasNoUnsafeScalars(input: String, expected: String) {
            #expect(!terminalSafe(input).unicodeScalars.contains(where: isTerminalUnsafe))
        }

        @Test func isIdempotent() {
            for (input, _) in Self.cases {
                #expect(terminalSafe(terminalSafe(input)) == terminalSafe(input))
            }
        }
    }
}
