import Foundation
import Testing
import TestSupport

/// The screenshots show the program as it is: each screen listed in `screenshots/shots.txt`,
/// rendered again now, equals its committed SVG (emoji aside, which make.sh turns into images).
@Suite(.enabled(if: Binary.path != nil, "needs the built cognito-explorer"))
struct ScreenshotTests {
    struct Shot: Sendable, CustomStringConvertible {
        let name: String
        let size: String
        let keys: String
        let paths: [String]
        var description: String { name }
    }

    static let shots: [Shot] = {
        let text = String(decoding: Repository.bytes(of: Repository.root + "/screenshots/shots.txt"), as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { return nil }
            return Shot(name: fields[0], size: fields[1], keys: fields[2], paths: fields[3].split(separator: " ").map(String.init))
        }
    }()

    /// The SVG without its emoji, which are `<text class="... cte-emoji">` as rendered and `<image>` once made.
    static func withoutEmoji(_ svg: String) -> String {
        svg.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("cte-emoji\"") && !$0.hasPrefix("<image ") }
            .joined(separator: "\n")
    }

    @Test("shots.txt lists the screenshots the README needs")
    func listed() {
        let names = Self.shots.map(\.name)
        #expect(names.count >= 7)
        for name in ["main", "missing-code", "token-claims", "help", "trigger-map", "malformed", "control-characters"] {
            #expect(names.contains(name), "\(name) is not in shots.txt")
        }
    }

    @Test("each committed SVG is what render draws today; run screenshots/make.sh when this fails", arguments: shots)
    func upToDate(shot: Shot) throws {
        let result = try Binary.run(["render"] + shot.paths + ["--size", shot.size, "--keys", shot.keys, "--colors", "256", "--format", "svg"])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = String(decoding: Repository.bytes(of: Repository.root + "/screenshots/\(shot.name).svg"), as: UTF8.self)
        #expect(!committed.isEmpty, "screenshots/\(shot.name).svg is missing")
        #expect(FileManager.default.fileExists(atPath: Repository.root + "/screenshots/\(shot.name).png"))
        let rendered = Self.withoutEmoji(result.stdout)
        let stored = Self.withoutEmoji(committed)
        #expect(rendered == stored, "screenshots/\(shot.name).svg is out of date: run screenshots/make.sh")
    }
}
