import Testing
import ExplorerCore

@Suite struct KeyTests {
    static let names: [(String, Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("Home", .home), ("End", .end), ("PPage", .pageUp), ("NPage", .pageDown),
        ("Enter", .enter), ("Tab", .tab), ("BTab", .backTab), ("BSpace", .backspace),
        ("DC", .delete), ("Escape", .escape), ("Space", .character(" ")),
        ("F1", .function(1)), ("F12", .function(12)),
        ("C-a", .ctrl("a")), ("C-s", .ctrl("s")), ("C-z", .ctrl("z")),
        ("a", .character("a")), ("?", .character("?")), ("/", .character("/")), ("名", .character("名")),
        ("Resize", .resize),
    ]

    @Test(arguments: names)
    func parsesTmuxName(name: String, key: Key) {
        #expect(Key.parse(name) == key)
    }

    @Test(arguments: names)
    func nameRoundTrips(name: String, key: Key) {
        #expect(key.name == name)
        #expect(Key.parse(key.name) == key)
    }

    @Test(arguments: [
        ("pageup", Key.pageUp), ("PgUp", .pageUp), ("PageDown", .pageDown), ("PgDn", .pageDown),
        ("Delete", .delete), ("ENTER", .enter), ("up", .up), ("C-S", .ctrl("s")),
        ("C-i", .tab), ("C-m", .enter), ("C-j", .enter), ("C-h", .backspace), ("A", .character("A")),
    ])
    func parsesAliasesAndTerminalEquivalents(name: String, key: Key) {
        #expect(Key.parse(name) == key)
    }

    @Test(arguments: ["", "Upp", "F0", "F64", "F01", "C-", "C-ab", "C-1", "M-x", "Ctrl-S"])
    func rejectsUnknownNames(name: String) {
        #expect(Key.parse(name) == nil)
    }

    @Test func parsesScript() throws {
        let keys = try Key.parseScript("Down Down Enter Tab C-s 'text'")
        #expect(keys == [.down, .down, .enter, .tab, .ctrl("s"),
                         .character("t"), .character("e"), .character("x"), .character("t")])
    }

    @Test func quotedTextKeepsSpacesAndOtherQuotes() throws {
        #expect(try Key.parseScript("\"it's\"  'a b'") == [
            .character("i"), .character("t"), .character("'"), .character("s"),
            .character("a"), .character(" "), .character("b"),
        ])
        #expect(try Key.parseScript("''") == [])
        #expect(try Key.parseScript("  \n ") == [])
    }

    @Test func quotedNewlineIsEnter() throws {
        #expect(try Key.parseScript("'a\nb'") == [.character("a"), .enter, .character("b")])
    }

    @Test func unknownKeyInScriptSaysWhere() {
        #expect(throws: KeyScriptError(kind: .unknownKey, word: "Dwn", offset: 5)) {
            try Key.parseScript("Down Dwn Enter")
        }
        let error = KeyScriptError(kind: .unknownKey, word: "Dwn", offset: 5)
        #expect(error.description == "key script, character 6: unknown key 'Dwn'; use tmux names like Down, Enter, C-s, F1, or quote literal text")
    }

    @Test func unterminatedQuoteInScript() {
        #expect(throws: KeyScriptError(kind: .unterminatedQuote, word: "'abc", offset: 6)) {
            try Key.parseScript("Enter 'abc")
        }
    }

    @Test(arguments: [
        (Key.up, "↑"), (.down, "↓"), (.left, "←"), (.right, "→"), (.pageUp, "PgUp"), (.pageDown, "PgDn"),
        (.ctrl("s"), "Ctrl-S"), (.backTab, "Shift-Tab"), (.escape, "Esc"), (.delete, "Del"),
        (.backspace, "Backspace"), (.character(" "), "Space"), (.character("q"), "q"), (.function(5), "F5"),
    ])
    func displayNames(key: Key, expected: String) {
        #expect(key.displayName == expected)
    }

    @Test(arguments: [
        (Character("\n"), Key.enter), ("\r", .enter), ("\t", .tab), ("\u{7F}", .backspace),
        ("\u{8}", .backspace), ("\u{1B}", .escape), ("\u{13}", .ctrl("s")), ("x", .character("x")),
    ])
    func typedCharacters(character: Character, key: Key) {
        #expect(Key.typed(character) == key)
    }
}
