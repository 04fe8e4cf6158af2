import Foundation
import Testing
import TestSupport

/// The headless render is the real UI: for the same files, size and keys, the screen the binary
/// shows in tmux equals `cognito-explorer render --format text`, line by line.
@Suite(.enabled(if: TmuxSession.shouldRunTests && Binary.shouldRunTests, "needs tmux and the built cognito-explorer"),
       .serialized)
struct HeadlessMatchesTerminalTests {
    /// A key script: tmux key names, and text typed literally.
    enum Step: Sendable {
        case keys([String])
        case text(String)
    }

    struct Script: Sendable, CustomStringConvertible {
        let name: String
        let steps: [Step]
        var width = 100
        var height = 30
        var description: String { name }

        /// The same keys in `render --keys` spelling.
        var keyScript: String {
            steps.map { step in
                switch step {
                case .keys(let names): return names.joined(separator: " ")
                case .text(let text): return "'" + text + "'"
                }
            }.joined(separator: " ")
        }
    }

    static let scripts: [Script] = [
        Script(name: "first screen", steps: []),
        Script(name: "help screen, scrolled", steps: [.keys(["?", "NPage", "Down"])]),
        Script(name: "an edit: a string typed into the response, with wide characters",
               steps: [.keys(["g", "Tab", "Tab", "Down", "Down", "Enter"]), .text("Code 確認 👍"), .keys(["Home"]), .text("Ihr "), .keys(["Enter"])]),
        Script(name: "an edit, not saved, then the quit question", steps: [.keys(["Down", "Tab", "Tab", "Space", "q"])], width: 80, height: 24),
        Script(name: "the trigger map on a challenge step", steps: [.keys(["t", "Tab", "Down", "Right"])]),
        Script(name: "a new event from the trigger map", steps: [.keys(["t", "Down", "Enter", "Tab", "Tab"])], width: 80, height: 24),
    ]

    /// Three fixtures copied into a fresh folder, so both runs see the same names and nothing is saved in the repository.
    static func workspace() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for source in ["pre-sign-up/PreSignUp_SignUp.json", "user-migration/UserMigration_Authentication.json",
                       "custom-message/CustomMessage_SignUp.json", "invalid/control-characters.json"] {
            let name = URL(fileURLWithPath: source).lastPathComponent
            try folder.write(name, String(decoding: Repository.bytes(of: Repository.fixtures + "/" + source), as: UTF8.self))
        }
        return folder
    }

    /// Lines without trailing spaces, and without the blank lines at the end.
    static func normalized(_ screen: String) -> [String] {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " }.reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    @Test("tmux shows what render prints", arguments: scripts)
    func terminalEqualsRender(script: Script) throws {
        let headlessFolder = try Self.workspace()
        defer { headlessFolder.cleanUp() }
        let terminalFolder = try Self.workspace()
        defer { terminalFolder.cleanUp() }

        // Relative paths, so both runs show the same names.
        let rendered = try Binary.run(["render", ".", "--size", "\(script.width)x\(script.height)", "--keys", script.keyScript],
                                      in: headlessFolder.path)
        #expect(rendered.status == 0, "render failed: \(rendered.stderr)")
        let expected = Self.normalized(rendered.stdout)
        #expect(expected.count == script.height)

        let session = try TmuxSession([Binary.required(), "."], width: script.width, height: script.height,
                                      directory: terminalFolder.path)
        // Summaries load between keys: wait until the list is complete, as in a headless run.
        try session.waitFor("every file summarized") { $0.contains("Events 4") && !$0.contains("loading") }
        for step in script.steps {
            switch step {
            case .keys(let names): for name in names { try session.send(name) }
            case .text(let text): try session.type(text)
            }
        }
        var last: [String] = []
        do {
            try session.waitFor("the rendered screen", timeout: 10) { screen in
                last = Self.normalized(screen)
                return last == expected
            }
        } catch {
            var differences: [String] = []
            for index in 0..<max(last.count, expected.count) {
                let shown = index < last.count ? last[index] : "(none)"
                let wanted = index < expected.count ? expected[index] : "(none)"
                if shown != wanted { differences.append("line \(index + 1)\n  tmux:   \(shown)\n  render: \(wanted)") }
            }
            let report = differences.joined(separator: "\n")
            Issue.record("\(script.name): the terminal differs from render:\n\(report)")
        }
        // Ctrl-C closes an open overlay first and asks when edits are unsaved: press it until the
        // program has gone (at most three times: overlay, question, quit).
        for _ in 0..<3 {
            try session.send("C-c")
            if (try? session.waitForExit(timeout: 2)) != nil { return }
        }
        _ = try session.waitForExit()
    }
}
