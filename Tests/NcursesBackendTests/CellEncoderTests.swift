import ExplorerCore
import Testing
@testable import NcursesBackend

/// A `wcwidth` like glibc 2.36's for the characters used here.
private func fakeWcwidth(_ value: UInt32) -> Int {
    switch value {
    case 0x301, 0x200D, 0xFE0F, 0xFE0E: return 0
    case 0x540D, 0x1F469, 0x1F4BB, 0x1F44D, 0x1F3FB...0x1F3FF: return 2
    case 0x1F6DC: return -1  // newer than the C library
    default: return 1
    }
}

@Suite struct CellEncoderTests {
    func encode(_ grapheme: String, width: Int) -> [[UInt32]] {
        CellEncoder.encode(Cell(grapheme: grapheme, width: width), wcwidth: fakeWcwidth)
    }

    @Test func plainCharacter() {
        #expect(encode("a", width: 1) == [[0x61]])
    }

    @Test func combiningMarksTravelWithTheirBase() {
        #expect(encode("e\u{301}", width: 1) == [[0x65, 0x301]])
    }

    @Test func wideCharacterIsOneEntry() {
        #expect(encode("名", width: 2) == [[0x540D]])
    }

    @Test func continuationCellWritesNothing() {
        #expect(encode("", width: 0) == [])
    }

    @Test func zwjSequenceIsCutToItsFirstEmoji() {
        #expect(encode("👩‍💻", width: 2) == [[0x1F469]])
    }

    @Test func skinToneIsDroppedBecauseCursesWouldGiveItACell() {
        #expect(encode("👍🏽", width: 2) == [[0x1F44D]])
    }

    @Test func narrowBaseWithVS16IsPaddedWithASpace() {
        #expect(encode("❤️", width: 2) == [[0x2764], [0x20]])
    }

    @Test func flagBecomesItsTwoLetters() {
        #expect(encode("🇩🇪", width: 2) == [[0x44], [0x45]])
    }

    @Test func characterUnknownToTheCLibraryBecomesReplacementCharacter() {
        #expect(encode("🛜", width: 2) == [[0xFFFD], [0x20]])
    }

    @Test func wideBaseInANarrowCellBecomesReplacementCharacter() {
        #expect(encode("名", width: 1) == [[0xFFFD]])
    }

    @Test func longCombiningSequenceIsCutToCursesLimit() {
        let grapheme = "a" + String(repeating: "\u{301}", count: 8)
        #expect(encode(grapheme, width: 1) == [[0x61, 0x301, 0x301, 0x301, 0x301]])
    }

    @Test func emptyGraphemeInAHeadCellIsSpaces() {
        #expect(encode("", width: 2) == [[0x20], [0x20]])
    }
}
