import ExplorerCore
import Testing
@testable import NcursesBackend

@Suite struct ColorPairTests {
    @Test func defaultColoursAreMinusOneWhenSupported() {
        let support = ColorSupport(colorCount: 256, pairCount: 65536, defaultColors: true)
        #expect(support.cursesColor(.default, isForeground: true) == -1)
        #expect(support.cursesColor(.default, isForeground: false) == -1)
        #expect(support.cursesColor(.brightCyan, isForeground: true) == 14)
        #expect(support.cursesColor(.indexed(208), isForeground: true) == 208)
    }

    @Test func withoutDefaultColoursDefaultIsWhiteOnBlack() {
        let support = ColorSupport(colorCount: 8, pairCount: 64, defaultColors: false)
        #expect(support.cursesColor(.default, isForeground: true) == 7)
        #expect(support.cursesColor(.default, isForeground: false) == 0)
    }

    @Test(arguments: [
        (Color.brightRed, 8, Color.red), (.brightRed, 16, .brightRed), (.indexed(196), 16, .brightRed),
        (.indexed(196), 8, .red), (.indexed(21), 16, .blue), (.indexed(63), 16, .brightBlue), (.indexed(232), 8, .black),
        (.indexed(255), 16, .white), (.indexed(231), 16, .brightWhite), (.indexed(208), 256, .indexed(208)), (.indexed(3), 256, .yellow),
        (.default, 8, .default),
    ])
    func approximation(color: Color, colorCount: Int, expected: Color) {
        #expect(color.approximated(forColorCount: colorCount) == expected)
    }

    @Test func pairsAreAllocatedOncePerColourCombination() {
        var table = ColorPairTable(support: ColorSupport(colorCount: 256, pairCount: 256, defaultColors: true))
        #expect(table.pair(for: .plain).pair == 0)
        #expect(table.pair(for: Style(bold: true)).pair == 0)
        let first = table.pair(for: .plain.foreground(.cyan))
        #expect(first.pair == 1 && first.isNew)
        #expect(first.colors == .init(foreground: 6, background: -1))
        let again = table.pair(for: Style(foreground: .cyan, underline: true))
        #expect(again.pair == 1 && !again.isNew)
        #expect(table.pair(for: .plain.background(.cyan)).pair == 2)
    }

    @Test func pairsFallBackToDefaultWhenExhausted() {
        var table = ColorPairTable(support: ColorSupport(colorCount: 8, pairCount: 3, defaultColors: true))
        #expect(table.pair(for: .plain.foreground(.red)).pair == 1)
        #expect(table.pair(for: .plain.foreground(.green)).pair == 2)
        let overflow = table.pair(for: .plain.foreground(.blue))
        #expect(overflow.pair == 0 && !overflow.isNew)
    }
}
