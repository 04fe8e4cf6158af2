import ExplorerCore
import Testing
@testable import NcursesBackend

/// `wget_wch` results written as plain integers, as ncurses 6 defines them.
@Suite struct KeyDecoderTests {
    static let functionKeys: [(UInt32, Key)] = [
        (0o402, .down), (0o403, .up), (0o404, .left), (0o405, .right),
        (0o406, .home), (0o550, .end), (0o523, .pageUp), (0o522, .pageDown),
        (0o512, .delete), (0o541, .backTab), (0o527, .enter), (0o407, .backspace),
        (0o632, .resize), (0o411, .function(1)), (0o424, .function(12)), (0o410 + 63, .function(63)),
        (0o534, .home), (0o537, .end), (0o535, .pageUp), (0o540, .pageDown),  // keypad A1 C1 A3 C3
    ]

    @Test(arguments: functionKeys)
    func decodesFunctionKeyCode(code: UInt32, key: Key) {
        #expect(KeyDecoder.decode(isFunctionKey: true, code: code) == key)
    }

    @Test(arguments: [0o410, 0o777, 0o410 + 64, 0, 65, UInt32.max] as [UInt32])
    func unknownFunctionKeyCodesAreIgnored(code: UInt32) {
        #expect(KeyDecoder.decode(isFunctionKey: true, code: code) == nil)
    }

    static let characterCodes: [(UInt32, Key)] = [
        (9, .tab), (10, .enter), (13, .enter), (8, .backspace), (127, .backspace), (27, .escape),
        (1, .ctrl("a")), (19, .ctrl("s")), (26, .ctrl("z")), (3, .ctrl("c")), (17, .ctrl("q")),
        (32, .character(" ")), (97, .character("a")), (65, .character("A")), (126, .character("~")),
        (0xE9, .character("é")), (0x540D, .character("名")), (0x1F600, .character("😀")),
    ]

    @Test(arguments: characterCodes)
    func decodesCharacterCode(code: UInt32, key: Key) {
        #expect(KeyDecoder.decode(isFunctionKey: false, code: code) == key)
    }

    @Test(arguments: [0, 28, 29, 30, 31, 0x80, 0x9B, 0x9F, 0xD800, 0xDFFF, 0x110000, UInt32.max] as [UInt32])
    func controlAndInvalidCharacterCodesAreIgnored(code: UInt32) {
        #expect(KeyDecoder.decode(isFunctionKey: false, code: code) == nil)
    }

    @Test func sameNumberMeansDifferentKeysByKind() {
        // 0o403 is KEY_UP as a key code but U+0103 (ă) as a character.
        #expect(KeyDecoder.decode(isFunctionKey: true, code: 0o403) == .up)
        #expect(KeyDecoder.decode(isFunctionKey: false, code: 0o403) == .character("ă"))
    }
}

/// Bracketed paste: everything between the markers is one `.paste`, whatever it contains.
@Suite struct InputDecoderTests {
    static let start = UInt32(PasteMarker.startCode)
    static let end = UInt32(PasteMarker.endCode)

    /// Feeds characters of `text` as `wget_wch` would deliver them; returns every input produced.
    static func feed(_ decoder: inout InputDecoder, _ text: String) -> [TerminalInput] {
        text.unicodeScalars.compactMap { decoder.feed(isFunctionKey: false, code: $0.value) }
    }

    @Test func aPasteIsOneInputHoweverLong() {
        var decoder = InputDecoder()
        #expect(decoder.feed(isFunctionKey: true, code: Self.start) == nil)
        #expect(decoder.isInPaste)
        let text = String(repeating: "abc名😀 ", count: 20_000)
        #expect(Self.feed(&decoder, text).isEmpty)
        #expect(decoder.feed(isFunctionKey: true, code: Self.end) == .paste(text))
        #expect(!decoder.isInPaste)
        // Keys after the paste are keys again.
        #expect(decoder.feed(isFunctionKey: false, code: 113) == .key(.character("q")))
    }

    @Test func controlCharactersInAPasteAreTextNotCommands() {
        var decoder = InputDecoder()
        _ = decoder.feed(isFunctionKey: true, code: Self.start)
        // Enter, Esc, Ctrl-C, Tab and q would all be commands if typed.
        #expect(Self.feed(&decoder, "a\r\nb\rc\u{1B}d\u{03}\tq").isEmpty)
        // A key curses decoded from pasted bytes (an arrow) is dropped, not run.
        #expect(decoder.feed(isFunctionKey: true, code: 0o403) == nil)
        #expect(decoder.feed(isFunctionKey: true, code: Self.end) == .paste("a\nb\nc\u{1B}d\u{03}\tq"))
    }

    @Test func anEndMarkerReadAsCharactersEndsThePaste() {
        var decoder = InputDecoder()
        _ = decoder.feed(isFunctionKey: true, code: Self.start)
        let inputs = Self.feed(&decoder, "x=[1]" + PasteMarker.endSequence)
        #expect(inputs == [.paste("x=[1]")])
        #expect(!decoder.isInPaste)
    }

    @Test func aPasteWithoutEndIsFinishedWithWhatArrived() {
        var decoder = InputDecoder()
        _ = decoder.feed(isFunctionKey: true, code: Self.start)
        _ = Self.feed(&decoder, "half")
        #expect(decoder.finishPaste() == .paste("half"))
        #expect(decoder.finishPaste() == nil)
    }

    @Test func anEndMarkerOutsideAPasteIsIgnored() {
        var decoder = InputDecoder()
        #expect(decoder.feed(isFunctionKey: true, code: Self.end) == nil)
        #expect(decoder.feed(isFunctionKey: true, code: 0o402) == .key(.down))
        #expect(decoder.feed(isFunctionKey: false, code: 27) == .key(.escape))
    }

    @Test func anEmptyPasteIsAnEmptyPaste() {
        var decoder = InputDecoder()
        _ = decoder.feed(isFunctionKey: true, code: Self.start)
        #expect(decoder.feed(isFunctionKey: true, code: Self.end) == .paste(""))
    }
}
