import Foundation
import Testing
import TestSupport

/// The search typed in the real binary in a real terminal: the screen follows each key.
@Suite(.enabled(if: TmuxSession.isAvailable && Binary.shouldRunTests, "needs tmux and the built cognito-explorer"), .serialized)
struct SearchTmuxTests {
    @Test("typing a search moves to the match in the response, expands its list and counts it; Esc goes back; help searches too")
    func typeASearch() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let text = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-token-generation-v2/TokenGeneration_Authentication.json"), as: UTF8.self)
        try folder.write("tokens.json", text)
        let session = try TmuxSession([Binary.required(), folder.path], width: 110, height: 32, directory: folder.path)
        try session.waitFor(text: "Events 1")
        try session.send("Tab")
        try session.waitFor(text: "▸ regions")
        try session.send("/")
        try session.type("eu-n")
        let found = try session.waitFor(text: "/eu-n match 1/1")
        #expect(found.contains("▾ regions"), "the collapsed list holding the match is expanded")
        #expect(found.contains("\"eu-north-1\""))
        try session.send("BSpace", "BSpace")
        try session.waitFor("the match of the shorter text, in the request") { $0.contains("/eu match 1/") && $0.contains("▸ regions") }
        try session.send("Escape")
        try session.waitFor(text: "search cancelled")
        try session.send("/")
        try session.type("tenant_id")
        try session.send("Enter")
        try session.waitFor(text: "match 1/2")
        try session.send("n")
        try session.waitFor(text: "match 2/2")
        try session.send("n")
        try session.waitFor(text: "search wrapped to the top")
        try session.send("?")
        try session.waitFor(text: "Help · keys · / searches")
        try session.send("/")
        try session.type("flip a b")
        try session.waitFor(text: "Help · /flip a b · match 1/1")
        try session.send("Escape", "Escape", "q")
        #expect(try session.waitForExit() == 0)
    }
}
