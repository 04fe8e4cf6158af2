import Foundation
import Testing
import TestSupport

/// The headless `render` subcommand of the real executable.
@Suite("render command", .enabled(if: Binary.shouldRunTests, Comment(rawValue: Binary.skipReason)))
struct RenderCommandTests {
    @Test("prints the screen after the keys, at the size asked")
    func text() throws {
        let result = try Binary.run(["render", "--size", "80x24", "--keys", "Tab Tab j", "fixtures/invalid/custom-message-missing-code.json"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 25, "24 rows and a final newline")
        #expect(result.stdout.contains("Response · 1 error"))
        #expect(result.stdout.contains("response.emailMessage"))
    }

    @Test("mouse events in --keys act like clicks and the wheel; --no-mouse ignores them; a bad one is refused")
    func mouseTokens() throws {
        let file = "fixtures/pre-token-generation-v2/TokenGeneration_Authentication.json"
        let plain = try Binary.run(["render", "--size", "100x30", file, "fixtures/pre-sign-up/PreSignUp_SignUp.json"])
        // The second list row is on line 2; its event is then shown.
        let clicked = try Binary.run(["render", "--size", "100x30", "--keys", "<click:5,2>", file, "fixtures/pre-sign-up/PreSignUp_SignUp.json"])
        #expect(clicked.status == 0)
        #expect(clicked.stdout.contains("Request · Pre sign-up"), "\(clicked.stdout)")
        let ignored = try Binary.run(["render", "--size", "100x30", "--no-mouse", "--keys", "<click:5,2> <wheel-down:60,5>",
                                      file, "fixtures/pre-sign-up/PreSignUp_SignUp.json"])
        #expect(ignored.status == 0)
        #expect(ignored.stdout == plain.stdout)
        let bad = try Binary.run(["render", "--keys", "<click:5>", file])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("'<click:5>' is not a mouse event"), "\(bad.stderr)")
    }

    @Test("without paths it shows the bundled fixtures")
    func defaultFixtures() throws {
        let result = try Binary.run(["render", "--size", "100x30"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Events 74") || result.stdout.contains("Events "))
        #expect(result.stdout.contains("CreateAuthChallenge"))
    }

    @Test("styles, ANSI and SVG formats")
    func formats() throws {
        let styles = try Binary.run(["render", "--size", "60x16", "--format", "styles", "fixtures/pre-sign-up/PreSignUp_SignUp.json"])
        #expect(styles.stdout.contains(". = plain"))
        let ansi = try Binary.run(["render", "--size", "60x16", "--format", "ansi", "fixtures/pre-sign-up/PreSignUp_SignUp.json"])
        #expect(ansi.stdout.contains("\u{1B}["))
        let plain = try Binary.run(["render", "--size", "60x16", "--format", "ansi", "fixtures/pre-sign-up/PreSignUp_SignUp.json"],
                                   environment: ["NO_COLOR": "1"])
        #expect(!plain.stdout.contains("\u{1B}[0;3"), "NO_COLOR drops colours")
        let svg = try Binary.run(["render", "--size", "60x16", "--format", "svg", "fixtures/pre-sign-up/PreSignUp_SignUp.json"])
        #expect(svg.stdout.hasPrefix("<svg"))
    }

    @Test("saves are real: the edited file is written")
    func savesForReal() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
        let path = try folder.write("event.json", original)
        let result = try Binary.run(["render", "--keys", "Tab Tab Enter w", path])
        #expect(result.status == 0)
        let saved = String(decoding: Repository.bytes(of: path), as: UTF8.self)
        #expect(saved == original.replacingOccurrences(of: "\"autoConfirmUser\": false", with: "\"autoConfirmUser\": true"))
    }

    @Test("bad options are refused with a message", arguments: [
        ["render", "--size", "big"], ["render", "--keys", "Nope"], ["render", "--keys", "'open"],
    ])
    func badOptions(arguments: [String]) throws {
        let result = try Binary.run(arguments)
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
    }
}
