import Testing
@testable import TerminalText

/// `TerminalText.displayWidth`: the columns a terminal gives a character.
@Suite struct DisplayWidthTests {
    static let cases: [(String, Int, String)] = [
        ("a", 1, "ASCII letter"),
        (" ", 1, "space"),
        ("~", 1, "ASCII tilde"),
        ("é", 1, "precomposed e acute"),
        ("e\u{301}", 1, "e with combining acute accent"),
        ("\u{301}", 0, "combining mark alone"),
        ("\u{200D}", 0, "zero width joiner alone"),
        ("\u{FE0F}", 0, "variation selector 16 alone"),
        ("\u{FE0E}", 0, "variation selector 15 alone"),
        ("\u{200B}", 0, "zero width space"),
        ("\u{1B}", 0, "escape control"),
        ("\r\n", 0, "CR LF"),
        ("名", 2, "CJK ideograph"),
        ("한", 2, "Hangul syllable"),
        ("\u{1100}\u{1161}\u{11A8}", 2, "Hangul jamo sequence"),
        ("カ", 2, "katakana"),
        ("ｶ", 1, "halfwidth katakana"),
        ("Ａ", 2, "fullwidth Latin A"),
        ("\u{3000}", 2, "ideographic space"),
        ("𠀋", 2, "CJK extension B"),
        ("👍", 2, "emoji with default emoji presentation"),
        ("👍🏽", 2, "emoji with skin tone"),
        ("☝🏽", 2, "text-default emoji with skin tone"),
        ("👩‍💻", 2, "ZWJ sequence"),
        ("👨‍👩‍👧‍👦", 2, "family ZWJ sequence"),
        ("🇩🇪", 2, "flag"),
        ("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 2, "tag sequence flag"),
        ("❤️", 2, "heart with VS16"),
        ("❤", 1, "heart without VS16"),
        ("☺︎", 1, "smiley with VS15"),
        ("1️⃣", 2, "keycap sequence"),
        ("⌚", 2, "watch, East Asian Wide"),
        ("─", 1, "box drawing"),
        ("→", 1, "arrow"),
        ("\u{AD}", 1, "soft hyphen"),
        ("\u{202E}", 0, "bidi override"),
        ("\u{FFFD}", 1, "replacement character"),
        ("\u{0915}\u{094D}\u{0937}", 1, "Devanagari conjunct"),
    ]

    @Test(arguments: cases)
    func widthOfCharacter(text: String, expected: Int, name: String) {
        #expect(text.count == 1, "\(name) should be one grapheme")
        if let character = text.first {
            #expect(TerminalText.displayWidth(of: character) == expected, "\(name)")
        }
    }

    @Test func widthOfString() {
        #expect(TerminalText.displayWidth(of: "") == 0)
        #expect(TerminalText.displayWidth(of: "abc") == 3)
        #expect(TerminalText.displayWidth(of: "名前: 👩‍💻 é") == 10)
    }

    @Test func wideTableIsSortedAndDisjoint() {
        for (previous, next) in zip(wideRanges, wideRanges.dropFirst()) {
            #expect(previous.upperBound < next.lowerBound)
        }
    }
}
