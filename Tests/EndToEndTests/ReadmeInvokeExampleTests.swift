import Foundation
import Testing
import TestSupport

/// The README's "Run your function on an event" example works as written: its `app.py`, run with
/// its command line on a copy of the fixtures, prints what the README shows (times aside).
@Suite struct ReadmeInvokeExampleTests {
    static var section: String {
        let text = String(decoding: Repository.bytes(of: Repository.root + "/README.md"), as: UTF8.self)
        guard let start = text.range(of: "\n## Run your function on an event\n") else { return "" }
        let rest = text[start.upperBound...]
        return String(rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest)
    }

    /// The contents of the fenced blocks that open with `opening` (such as "```python").
    static func blocks(_ opening: String) -> [String] {
        var blocks: [String] = []
        var current: [String]?
        for line in section.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil, line == opening {
                current = []
            } else if current != nil, line == "```" {
                blocks.append((current ?? []).joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test("the README's app.py and invoke line print what the README shows",
          .enabled(if: PythonLambda.isAvailable, Comment(rawValue: PythonLambda.skipReason)))
    func exampleRuns() throws {
        let handler = try #require(Self.blocks("```python").first)
        let example = try #require(Self.blocks("```sh").first { $0.hasPrefix("$ swift run cognito-explorer invoke ") })
        var lines = example.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let command = lines.removeFirst().dropFirst("$ swift run cognito-explorer ".count)
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.copyItem(atPath: Repository.fixtures, toPath: folder.path + "/fixtures")
        try folder.write("app.py", handler + "\n")
        // The README's venv is the one .ci/run made.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/.venv", withDestinationPath: PythonLambda.venv)
        let arguments = command.split(separator: " ").map(String.init)
        let result = try Binary.run(arguments, in: folder.path, environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let shown = lines.joined(separator: "\n").replacingOccurrences(of: #"\b[0-9]+ ms\b"#, with: "N ms", options: .regularExpression)
        #expect(result.stdoutWithoutTimes == shown + "\n\n")
    }

    @Test("the example's install lines are the ones .ci/run uses")
    func installLines() throws {
        let install = try #require(Self.blocks("```sh").first)
        #expect(install.contains("python3 -m venv .venv && .venv/bin/pip install awslambdaric"))
        let ci = String(decoding: Repository.bytes(of: Repository.root + "/.ci/run"), as: UTF8.self)
        #expect(ci.contains("python3 -m venv .build-venv"))
        #expect(ci.contains(".build-venv/bin/pip install -q awslambdaric"))
    }
}
