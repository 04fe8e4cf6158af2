import Foundation
import Testing
import TerminalText

/// `TerminalText.escaped` and `quoted`: the one way untrusted text reaches a terminal.
@Suite struct EscapingTests {
    static let cases: [(String, String)] = [
        ("plain text", "plain text"),
        ("名前 é", "名前 é"),
        ("a\tb\nc\rd", "a\\tb\\nc\\rd"),
        ("\r\n", "\\r\\n"),
        ("\u{1B}[31mred", "\\u001b[31mred"),
        ("\u{1B}[2J", "\\u001b[2J"),
        ("\u{1B}]0;title\u{7}", "\\u001b]0;title\\u0007"),
        ("\u{0}", "\\u0000"),
        ("del\u{7F}", "del\\u007f"),
        ("c1\u{9B}31m", "c1\\u009b31m"),
        ("\u{85}", "\\u0085"),
        ("evil\u{202E}txt.exe", "evil\\u202etxt.exe"),
        ("\u{202A}\u{202B}\u{202C}\u{202D}", "\\u202a\\u202b\\u202c\\u202d"),
        ("\u{2066}\u{2067}\u{2068}\u{2069}", "\\u2066\\u2067\\u2068\\u2069"),
        ("\u{200E}\u{200F}\u{061C}", "\\u200e\\u200f\\u061c"),
        ("line\u{2028}para\u{2029}", "line\\u2028para\\u2029"),
        // Invisible characters: zero width space, non-joiner, word joiner, BOM, soft hyphen, fillers.
        ("ad\u{200B}min", "ad\\u200bmin"),
        ("a\u{200C}b\u{2060}c\u{FEFF}d", "a\\u200cb\\u2060c\\ufeffd"),
        ("soft\u{AD}hyphen", "soft\\u00adhyphen"),
        ("\u{3164}\u{115F}\u{180E}", "\\u3164\\u115f\\u180e"),
        // A joiner outside an emoji sequence is invisible; inside one it draws the picture.
        ("a\u{200D}b", "a\\u200db"),
        ("👩\u{200D}", "👩\\u200d"),
        ("👩‍💻 🏳️‍🌈 👍🏽‍", "👩‍💻 🏳️‍🌈 👍🏽\\u200d"),
        // Tag characters hide ASCII text unless they spell a subdivision flag.
        ("hi\u{E0041}\u{E0042}", "hi\\udb40\\udc41\\udb40\\udc42"),
        ("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"),
        // Variation selectors change how the character before them is drawn: kept.
        ("❤️ 葛󠄀", "❤️ 葛󠄀"),
        ("back\\slash \"quote\"", "back\\slash \"quote\""),
    ]

    @Test("escaped makes every character that steers the terminal or hides itself visible", arguments: cases)
    func escapes(input: String, expected: String) {
        #expect(TerminalText.escaped(input) == expected)
    }

    @Test("what escaped returns has no unsafe character and escaping it again changes nothing", arguments: cases)
    func resultIsSafeAndStable(input: String, expected: String) {
        let once = TerminalText.escaped(input)
        #expect(!once.unicodeScalars.contains(where: TerminalText.isUnsafe))
        #expect(TerminalText.escaped(once) == once)
    }

    @Test("quoted writes a JSON string with the same escapes, which reads back as the same string", arguments: [
        ("text", "\"text\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("C:\\dir", "\"C:\\\\dir\""),
        ("\u{1B}]0;title\u{07}", "\"\\u001b]0;title\\u0007\""),
        ("rtl\u{202E}", "\"rtl\\u202e\""),
        ("zero\u{200B}width", "\"zero\\u200bwidth\""),
        ("tag\u{E0041}", "\"tag\\udb40\\udc41\""),
    ])
    func quoted(input: String, output: String) throws {
        #expect(TerminalText.quoted(input) == output)
        let parsed = try JSONSerialization.jsonObject(with: Data(output.utf8), options: .fragmentsAllowed) as? String
        #expect(parsed == input)
    }

    @Test("every scalar below U+0800 that is a control or invisible is escaped, and no other")
    func everyLowScalar() {
        for value in UInt32(0)..<0x800 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xAD || value == 0x34F || value == 0x61C
            #expect(TerminalText.isUnsafe(scalar) == expected, "U+\(String(value, radix: 16))")
            #expect((TerminalText.escaped(String(scalar)) != String(scalar)) == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test("printableJSON escapes what strings hold and keeps the white space between values", arguments: [
        ("{\n  \"a\": 1\n}", "{\n  \"a\": 1\n}"),
        ("{\r\n\t\"a\": \"x\u{202E}\u{9B}y\u{200B}\"\r\n}", "{\r\n\t\"a\": \"x\\u202e\\u009by\\u200b\"\r\n}"),
        ("{\"tag\": \"\u{E0041}\"}", "{\"tag\": \"\\udb40\\udc41\"}"),
        ("{\"name\": \"l-\u{F7E9}.json\"}", "{\"name\": \"l-\\uf7e9.json\"}"),
        ("[1,\r2]", "[1,\\r2]"),
    ])
    func printableJSON(input: String, expected: String) throws {
        let shown = TerminalText.printableJSON(input)
        #expect(shown == expected)
        if !input.contains("\r2") {
            let before = try JSONSerialization.jsonObject(with: Data(input.utf8)) as? NSObject
            let after = try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? NSObject
            #expect(before == after, "the same JSON value")
        }
    }
}
