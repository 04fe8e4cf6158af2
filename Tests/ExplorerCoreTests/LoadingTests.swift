import CognitoTriggers
import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

@Suite("Loading many and large files")
struct LoadingTests {
    @Test("10,000 files: the first frame shows an event before the list is summarized")
    func tenThousandFiles() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let template = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
        for index in 0..<10_000 {
            let name = String(format: "event-%05d.json", index)
            let text = template.replacingOccurrences(of: "\"userName\": \"", with: "\"userName\": \"user\(index)-")
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder.path + "/" + name))
        }
        var state = ExplorerState(paths: [folder.path], width: 100, height: 30)
        let runner = EffectRunner()
        var effects = state.start()
        #expect(effects == [.expand(paths: [folder.path])])
        #expect(state.render().text.contains("finding files"))
        // Find the files, then open the first: the first frame.
        for _ in 0..<2 {
            let action = try #require(effects.first.flatMap(runner.perform))
            effects = state.apply(action)
        }
        let first = state.render().text
        #expect(first.contains("loading 1 / 10,000"))
        #expect(first.contains("event-00000"))
        #expect(first.contains("Request · Pre sign-up"))
        #expect(state.isLoading)
        guard case .load(let batch)? = effects.first else {
            Issue.record("expected a batch to summarize, got \(effects)")
            return
        }
        #expect(batch.count == ExplorerOptions().batchSize)
        #expect(!batch.contains(folder.path + "/event-00000.json"), "the open file is not summarized again")
        // One more batch, then a frame in between.
        effects = state.apply(try #require(runner.perform(.load(paths: batch))))
        #expect(state.render().text.contains("loading \(batch.count + 1) / 10,000"))
        runner.drain(effects, into: &state)
        #expect(!state.isLoading)
        #expect(state.progress == (10_000, 10_000))
        #expect(state.render().text.contains("Events 10,000"))
        // Keys still respond on a long list.
        _ = runner.run(keys: try Key.parseScript("G / 'user9999-' Enter"), on: &state)
        #expect(state.render().text.contains("Events 1/10,000"))
    }

    @Test("a 50 MB event opens, and one frame draws only the visible rows")
    func fiftyMegabyteEvent() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var text = """
            {"version": "1", "triggerSource": "CustomMessage_SignUp", "region": "eu-west-1",
             "userPoolId": "eu-west-1_Qm7TzR2kX", "userName": "big",
             "callerContext": {"awsSdkVersion": "aws-sdk-js-3.637.0", "clientId": "k2v8qx0m4rj7tn3d5pwa9ecz1h"},
             "request": {"codeParameter": "{####}", "linkParameter": "{##Click Here##}", "usernameParameter": null,
              "userAttributes": {
            """
        var index = 0
        while text.utf8.count < 50_000_000 {
            if index > 0 { text += ",\n" }
            text += "    \"custom:field_\(index)\": \"value \(index) with padding to make each entry about one hundred bytes long ......\""
            index += 1
        }
        text += "\n}},\n \"response\": {\"smsMessage\": null, \"emailMessage\": null, \"emailSubject\": null}}\n"
        let path = try folder.write("big.json", text)
        var harness = ExplorerHarness([path])
        #expect(harness.text.contains("Request · Custom message"))
        try harness.press("Tab / 'userAttributes' Enter Right G")
        let frame = harness.screen
        #expect(frame.text.contains("custom:field_\(index - 1)") || frame.text.contains("emailSubject") || frame.text.contains("usernameParameter"))
        try harness.press("Tab Down Enter 'Code {####}' Enter")
        #expect(harness.state.unsavedEvents == [.file(path: path)])
    }
}
