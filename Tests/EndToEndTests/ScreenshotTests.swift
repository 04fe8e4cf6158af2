import Foundation
import Testing
import TestSupport

/// The screenshots show the program as it is: each screen listed in `screenshots/shots.txt`,
/// rendered again now, equals its committed SVG (emoji aside, which make.sh turns into images).
@Suite(.enabled(if: Binary.shouldRunTests, Comment(rawValue: Binary.skipReason)))
struct ScreenshotTests {
    struct Shot: Sendable, CustomStringConvertible {
        let name: String
        let size: String
        let keys: String
        let paths: [String]
        /// The `--function` command, for shots of the function's result view.
        let function: String?
        var description: String { name }
    }

    static let shots: [Shot] = {
        let text = String(decoding: Repository.bytes(of: Repository.root + "/screenshots/shots.txt"), as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 || fields.count == 5 else { return nil }
            return Shot(name: fields[0], size: fields[1], keys: fields[2], paths: fields[3].split(separator: " ").map(String.init),
                        function: fields.count == 5 ? fields[4] : nil)
        }
    }()

    /// The SVG without its emoji, which are `<text class="... cte-emoji">` as rendered and `<image>` once made.
    static func withoutEmoji(_ svg: String) -> String {
        svg.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("cte-emoji\"") && !$0.hasPrefix("<image ") }
            .joined(separator: "\n")
    }

    /// The SVG with every duration ("56 ms") made "N ms", and the length of the text holding it
    /// dropped: the function's time differs from run to run.
    static func withoutDurations(_ svg: String) -> String {
        svg.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let text = String(line)
            guard text.range(of: #"\b[0-9]+ ms\b"#, options: .regularExpression) != nil else { return text }
            return text.replacingOccurrences(of: #"\b[0-9]+ ms\b"#, with: "N ms", options: .regularExpression)
                .replacingOccurrences(of: #" textLength="[0-9.]+""#, with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }

    @Test("shots.txt lists the screenshots the README needs")
    func listed() {
        let names = Self.shots.map(\.name)
        #expect(names.count >= 7)
        for name in ["main", "missing-code", "token-claims", "help", "trigger-map", "malformed", "control-characters", "function-result"] {
            #expect(names.contains(name), "\(name) is not in shots.txt")
        }
    }

    @Test("each committed SVG is what render draws today; run screenshots/make.sh when this fails", arguments: shots)
    func upToDate(shot: Shot) throws {
        if shot.function != nil && !Curl.isAvailable {
            if Conformance.isCI { Issue.record("CI=true but \(Curl.skipReason)") }
            return
        }
        let function = shot.function.map { ["--function", $0] } ?? []
        let result = try Binary.run(["render"] + shot.paths + ["--size", shot.size, "--keys", shot.keys, "--colors", "256", "--format", "svg"] + function)
        #expect(result.status == 0, "\(result.stderr)")
        let committed = String(decoding: Repository.bytes(of: Repository.root + "/screenshots/\(shot.name).svg"), as: UTF8.self)
        #expect(!committed.isEmpty, "screenshots/\(shot.name).svg is missing")
        #expect(FileManager.default.fileExists(atPath: Repository.root + "/screenshots/\(shot.name).png"))
        let rendered = Self.withoutDurations(Self.withoutEmoji(result.stdout))
        let stored = Self.withoutDurations(Self.withoutEmoji(committed))
        #expect(rendered == stored, "screenshots/\(shot.name).svg is out of date: run screenshots/make.sh")
    }
}
