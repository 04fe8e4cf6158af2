import Testing
@testable import ExplorerCore

extension GridTests {
    @Suite struct StyleLayerRendering {
        @Test func lettersInOrderOfFirstAppearance() {
            var grid = Grid(width: 6, height: 2)
            let key = Style(foreground: .cyan, bold: true)
            let selected = Style.plain.reversed
            grid.put("ab", x: 0, y: 0, style: key)
            grid.put("名", x: 3, y: 0, style: selected)
            grid.put("x", x: 0, y: 1, style: selected)
            let layer = grid.styleLayer()
            #expect(layer.rows == ["aa.bb.", "b....."])
            #expect(layer.legend.lines == [". = plain", "a = fg:cyan bold", "b = reverse"])
            #expect(layer.text == "aa.bb.\nb.....\n\n. = plain\na = fg:cyan bold\nb = reverse")
        }

        @Test func fixedLegendKeepsLetters() {
            var grid = Grid(width: 3, height: 1)
            let error = Style(foreground: .red, background: .indexed(52), underline: true)
            grid.put("e", x: 0, y: 0, style: error)
            grid.put("g", x: 1, y: 0, style: .plain.foreground(.green))
            let layer = grid.styleLayer(legend: StyleLegend(["e": error]))
            #expect(layer.rows == ["ea."])
            #expect(layer.legend.lines == [". = plain", "e = fg:red bg:52 underline", "a = fg:green"])
        }

        @Test func manyStylesShareTheOverflowLetter() {
            var grid = Grid(width: 70, height: 1)
            for x in 0..<70 { grid.put("x", x: x, y: 0, style: .plain.foreground(.indexed(UInt8(x + 16)))) }
            let layer = grid.styleLayer()
            #expect(layer.rows[0].hasSuffix("9~~~~~~~~"))
            #expect(layer.legend.lines.last == "~ = (more styles than letters)")
        }
    }

    @Suite struct ANSIRendering {
        @Test func plainTextHasNoEscapes() {
            var grid = Grid(width: 5, height: 2)
            grid.put("hi", x: 0, y: 0, style: .plain)
            #expect(grid.ansi == "hi\n")
        }

        @Test func codesOnlyAtStyleChangesAndResetAtLineEnd() {
            var grid = Grid(width: 8, height: 1)
            grid.put("ab", x: 0, y: 0, style: Style(foreground: .red, bold: true))
            grid.put("cd", x: 2, y: 0, style: Style(foreground: .brightBlue, background: .indexed(236)))
            grid.put("e", x: 4, y: 0, style: .plain)
            grid.put("f", x: 5, y: 0, style: Style(dim: true, underline: true, reverse: true, italic: true))
            #expect(grid.ansi == "\u{1B}[0;1;31mab\u{1B}[0;94;48;5;236mcd\u{1B}[0me\u{1B}[0;2;3;4;7mf\u{1B}[0m")
        }

        @Test func styledTrailingSpacesAreKept() {
            var grid = Grid(width: 3, height: 1)
            grid.fill(rect: grid.bounds, style: .plain.background(.blue))
            #expect(grid.ansi == "\u{1B}[0;44m   \u{1B}[0m")
        }

        @Test func wideCharactersAreWrittenOnce() {
            var grid = Grid(width: 3, height: 1)
            grid.put("名x", x: 0, y: 0, style: .plain)
            #expect(grid.ansi == "名x")
        }
    }

    @Suite struct SVGRendering {
        func count(_ needle: String, in text: String) -> Int {
            var count = 0
            var rest = Substring(text)
            while let range = rest.firstRange(of: needle) {
                count += 1
                rest = rest[range.upperBound...]
            }
            return count
        }

        @Test func structureOfASimpleScreen() {
            var grid = Grid(width: 10, height: 2)
            grid.put("key", x: 0, y: 0, style: .plain.foreground(.cyan))
            grid.put(": v", x: 3, y: 0, style: .plain)
            grid.put("sel", x: 0, y: 1, style: .plain.background(.blue))
            let svg = grid.svg(title: "Pre sign-up")
            #expect(svg.hasPrefix("<svg class=\"cte-terminal\""))
            #expect(svg.hasSuffix("</svg>\n"))
            // Terminal background, window frame, clip rect, one background run.
            #expect(count("<rect", in: svg) == 4)
            #expect(count("<rect fill=\"#61afef\" x=\"0\" y=\"19\" width=\"25.2\" height=\"19\"", in: svg) == 1)
            // Runs "key", ": v", "sel"; the title is a text too.
            #expect(count("<text", in: svg) == 4)
            #expect(svg.contains("<text class=\"cte-s0\" x=\"0\" y=\"14\" textLength=\"25.2\" xml:space=\"preserve\">key</text>"))
            #expect(svg.contains("<text class=\"cte-s1\" x=\"25.2\" y=\"14\" textLength=\"25.2\" xml:space=\"preserve\">: v</text>"))
            #expect(svg.contains(">Pre sign-up</text>"))
            #expect(svg.contains(".cte-s0 { fill: #56b6c2; }"))
            #expect(svg.contains("viewBox=\"0 0 116 94\""))
        }

        @Test func wideCharacterHasItsOwnTextSpanningTwoCells() {
            var grid = Grid(width: 6, height: 1)
            grid.put("a名b", x: 0, y: 0, style: .plain)
            let svg = grid.svg()
            #expect(count("<text", in: svg) == 3)
            #expect(svg.contains("x=\"8.4\" y=\"14\" textLength=\"16.8\" xml:space=\"preserve\">名</text>"))
            #expect(svg.contains("x=\"25.2\" y=\"14\" textLength=\"8.4\" xml:space=\"preserve\">b</text>"))
        }

        @Test func textIsXMLEscaped() {
            var grid = Grid(width: 12, height: 1)
            grid.put("<a & \"b\">", x: 0, y: 0, style: .plain)
            let svg = grid.svg(title: "x<y & z")
            #expect(svg.contains(">&lt;a &amp; &quot;b&quot;&gt;</text>"))
            #expect(svg.contains(">x&lt;y &amp; z</text>"))
            #expect(!svg.contains("<a "))
        }

        @Test func reverseSwapsColoursAndStylesGetClasses() {
            var grid = Grid(width: 4, height: 1)
            grid.put("ab", x: 0, y: 0, style: Style(foreground: .yellow, bold: true, reverse: true))
            grid.put("  ", x: 2, y: 0, style: .plain.background(.indexed(196)))
            let svg = grid.svg()
            // Reversed default background becomes the yellow background; index 196 is xterm red.
            #expect(svg.contains("<rect fill=\"#e5c07b\" x=\"0\" y=\"0\" width=\"16.8\""))
            #expect(svg.contains("<rect fill=\"#ff0000\" x=\"16.8\" y=\"0\" width=\"16.8\""))
            #expect(svg.contains(".cte-s0 { fill: #1e2127; font-weight: bold; }"))
            // The run of spaces is not written as text.
            #expect(count("<text", in: svg) == 1)
        }

        @Test func boxLinesAreOnePathPerRowAndColour() {
            var grid = Grid(width: 4, height: 3)
            grid.drawBox(rect: grid.bounds, style: .plain.foreground(.cyan))
            let svg = grid.svg()
            #expect(count("<path ", in: svg) == 3)
            #expect(count("<text", in: svg) == 0)
            #expect(count("stroke=\"#56b6c2\" stroke-width=\"1\"", in: svg) == 3)
            // Top row: ┌ is a right arm and a down arm from the cell centre, on half pixels.
            #expect(svg.contains("d=\"M4.5 9.5L4.5 19M4.5 9.5L8.4 9.5M8.4 9.5L16.8 9.5M16.8 9.5L25.2 9.5M29.5 9.5L29.5 19M25.2 9.5L29.5 9.5\""))
        }

        @Test func roundedCornersAreCurves() {
            var grid = Grid(width: 3, height: 2)
            grid.drawBox(rect: grid.bounds, style: .plain, lines: .rounded)
            let svg = grid.svg()
            #expect(svg.contains("M8.4 9.5L8.5 9.5Q4.5 9.5 4.5 13.5L4.5 19"))
        }

        @Test func blockElementsAreRectanglesAndTextAroundThemIsSplit() {
            var grid = Grid(width: 5, height: 1)
            grid.put("a█▄b", x: 0, y: 0, style: .plain.foreground(.green))
            let svg = grid.svg()
            #expect(svg.contains("<rect fill=\"#98c379\" x=\"8.4\" y=\"0\" width=\"8.4\" height=\"19\" shape-rendering=\"crispEdges\"/>"))
            #expect(svg.contains("<rect fill=\"#98c379\" x=\"16.8\" y=\"9.5\" width=\"8.4\" height=\"9.5\" shape-rendering=\"crispEdges\"/>"))
            #expect(count("<text", in: svg) == 2)
        }

        @Test func sameScreenGivesSameBytes() {
            var grid = Grid(width: 20, height: 3)
            grid.drawBox(rect: grid.bounds, style: .plain.foreground(.brightBlack), title: "名前")
            #expect(grid.svg(title: "t") == grid.svg(title: "t"))
        }
    }
}
