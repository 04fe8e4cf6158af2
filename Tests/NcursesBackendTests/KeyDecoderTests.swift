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

/// Bracketed paste: the start marker is recognized, and everything up to the end marker is one
/// text, however the reads split it.
@Suite struct PasteTests {
    static let end = Array(PasteMarker.endSequence.utf8)

    @Test func onlyTheRegisteredStartCodeStartsAPaste() {
        #expect(PasteMarker.isStart(isFunctionKey: true, code: UInt32(PasteMarker.startCode)))
        #expect(!PasteMarker.isStart(isFunctionKey: false, code: UInt32(PasteMarker.startCode)))
        #expect(!PasteMarker.isStart(isFunctionKey: true, code: UInt32(PasteMarker.endCode)))
        // A stray end marker is no key.
        #expect(KeyDecoder.decode(isFunctionKey: true, code: UInt32(PasteMarker.endCode)) == nil)
        #expect(KeyDecoder.decode(isFunctionKey: true, code: UInt32(PasteMarker.startCode)) == nil)
    }

    @Test("the text and the end marker, split into reads at every position, give the same paste")
    func everySplit() {
        let text = "a名😀\u{1B}q\u{03}\t"
        let input = Array(text.utf8) + Self.end + Array("jk".utf8)
        for first in 0...input.count {
            for second in first...input.count where second - first <= 8 || second == input.count {
                var reader = PasteReader()
                reader.consume(input[..<first])
                reader.consume(input[first..<second])
                let done = reader.consume(input[second...])
                #expect(done && reader.isFinished, "split at \(first), \(second)")
                #expect(reader.text == text, "split at \(first), \(second)")
                #expect(reader.leftover == Array("jk".utf8), "split at \(first), \(second)")
            }
        }
    }

    @Test func aMegabyteIsOnePaste() {
        var reader = PasteReader()
        let block = [UInt8](repeating: UInt8(ascii: "x"), count: 65_536)
        for _ in 0..<16 {
            let done = reader.consume(block)
            #expect(!done)
        }
        let done = reader.consume(Self.end)
        #expect(done)
        #expect(reader.text.utf8.count == 1_048_576)
        #expect(reader.leftover.isEmpty)
    }

    @Test func lineBreaksBecomeLineFeeds() {
        var reader = PasteReader()
        reader.consume(Array("a\r\nb\rc\nd\r".utf8) + Self.end)
        #expect(reader.text == "a\nb\nc\nd\n")
    }

    @Test func invalidUTF8IsReplacedNotDropped() {
        var reader = PasteReader()
        reader.consume([0x61, 0xFF, 0xC3] + Self.end)
        #expect(reader.text == "a\u{FFFD}\u{FFFD}")
    }

    @Test func withoutAnEndMarkerTheTextSoFarIsKept() {
        var reader = PasteReader()
        let done = reader.consume(Array("half\u{1B}[201".utf8))
        #expect(!done)
        #expect(!reader.isFinished)
        #expect(reader.text == "half\u{1B}[201")
    }
}
