import ExplorerCore
import Foundation
import Testing
import TestSupport

/// The README's key tables are the keymap's: regenerate them with `cognito-explorer keys --markdown`.
@Suite("README key tables")
struct ReadmeKeysTests {
    static let begin = "<!-- keys:begin -->\n"
    static let end = "<!-- keys:end -->"

    @Test("the README's key tables and legend equal Keymap.readmeMarkdown()")
    func tablesMatchTheKeymap() throws {
        let readme = String(decoding: Repository.bytes(of: Repository.root + "/README.md"), as: UTF8.self)
        let start = try #require(readme.range(of: Self.begin), "README.md has no \(Self.begin) marker")
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex), "README.md has no \(Self.end) marker")
        let shown = String(readme[start.upperBound..<stop.lowerBound])
        let generated = Keymap.readmeMarkdown()
        if shown != generated {
            Issue.record("""
                README.md's key tables differ from the keymap; replace the text between the markers with \
                the output of `swift run cognito-explorer keys --markdown`. Differences:
                \(Snapshot.lineDiff(expected: shown, actual: generated))
                """)
        }
    }

    @Test("every binding of every mode is in the generated tables, one row each")
    func everyBindingHasARow() {
        let markdown = Keymap.markdown()
        for mode in Mode.allCases {
            #expect(markdown.contains("**\(mode.title)**"))
        }
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == Mode.allCases.reduce(0) { $0 + Keymap.bindings(for: $1).count })
        #expect(markdown.contains("| `t` | trigger map: when each trigger runs, new events |"))
    }
}
