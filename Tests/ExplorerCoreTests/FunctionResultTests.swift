import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// `x` in the explorer without a terminal: the effect it asks for (with the unsaved edits), the
/// running mark, Esc, the result view, and Enter applying the returned response as edits.
/// The function's run is the run loop's business; here a runner hands back a fixed report, so
/// what is checked is the state's side alone.
@Suite struct FunctionResultTests {
    static let signUp = Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"

    @Test func withoutAFunctionXSaysHowToConfigureOne() throws {
        var harness = ExplorerHarness([Self.signUp])
        try harness.press("x")
        #expect(harness.state.statusMessage?.text == "no function to run: start with --function 'python -m awslambdaric app.handler' or set COGNITO_EXPLORER_FUNCTION")
        #expect(harness.state.runningFunction == nil)
    }

    @Test func xAsksToRunTheEventAsEditedAndShowsARunningMarkThatEscStops() throws {
        var state = ExplorerState(paths: [Self.signUp], options: ExplorerOptions(functionCommand: "./bootstrap"), width: 140, height: 30)
        let runner = EffectRunner()
        runner.drain(state.start(), into: &state)
        // An unsaved edit first: the function must get it.
        runner.run(keys: try Key.parseScript("Tab Tab Space"), on: &state)
        let edited = try #require(state.currentDocumentBytes)
        #expect(String(decoding: edited, as: UTF8.self).contains(#""autoConfirmUser": true"#))
        let effects = state.apply(.key(.character("x")))
        #expect(effects == [.runFunction(command: "./bootstrap", event: edited, region: "eu-west-1", source: .file(path: Self.signUp))])
        #expect(state.runningFunction == .file(path: Self.signUp))
        #expect(state.render().text.contains("[running your function; Esc or Ctrl-C stops it]"))
        #expect(state.apply(.interruptFunction) == [.stopFunction])
        // A second x waits for the first; other keys still work.
        #expect(state.apply(.key(.character("x"))).isEmpty)
        #expect(state.statusMessage?.text.contains("still running") == true)
        #expect(state.apply(.key(.escape)) == [.stopFunction])
    }

    static func finished(_ response: JSONValue?, lines: [String] = ["What Cognito does:", "Cognito creates the user, confirms the user."]) throws -> ExplorerState {
        var state = ExplorerState(paths: [Self.signUp], options: ExplorerOptions(functionCommand: "f"), width: 100, height: 30)
        let path = Self.signUp
        let runner = EffectRunner(functionRunner: { _, _, _, _ in FunctionReport(source: .file(path: path), lines: lines, response: response) })
        runner.drain(state.start(), into: &state)
        runner.run(keys: [.character("x")], on: &state)
        return state
    }

    @Test func theReportOpensInTheResultViewAndEnterAppliesTheResponseAsUndoableEdits() throws {
        let response: JSONValue = ["autoConfirmUser": true, "autoVerifyEmail": true, "autoVerifyPhone": false]
        var state = try Self.finished(response)
        #expect(state.mode == .functionResult)
        #expect(state.runningFunction == nil)
        let screen = state.render().text
        #expect(screen.contains("Your function on PreSignUp_SignUp.json"))
        #expect(screen.contains("Cognito creates the user, confirms the user."))
        #expect(screen.contains("Enter apply"))
        let runner = EffectRunner()
        runner.run(keys: [.enter], on: &state)
        #expect(state.mode == .list)
        #expect(state.statusMessage?.text == "applied 2 response fields from your function (u undoes one at a time)")
        let text = String(decoding: state.currentDocumentBytes ?? [], as: UTF8.self)
        let original = String(decoding: Repository.bytes(of: Self.signUp), as: UTF8.self)
        #expect(text == original.replacingOccurrences(of: #""autoConfirmUser": false"#, with: #""autoConfirmUser": true"#)
            .replacingOccurrences(of: #""autoVerifyEmail": false"#, with: #""autoVerifyEmail": true"#))
        #expect(state.unsavedEvents == [.file(path: Self.signUp)])
        runner.run(keys: [.character("u"), .character("u")], on: &state)
        #expect(String(decoding: state.currentDocumentBytes ?? [], as: UTF8.self) == original)
    }

    @Test func escClosesTheResultViewWithoutApplying() throws {
        var state = try Self.finished(["autoConfirmUser": true])
        EffectRunner().run(keys: [.escape], on: &state)
        #expect(state.mode == .list)
        #expect(state.unsavedEvents.isEmpty)
    }

    @Test func aReportWithoutAnEventHasNothingToApply() throws {
        var state = try Self.finished(nil, lines: ["The function reported an error:"])
        EffectRunner().run(keys: [.enter], on: &state)
        #expect(state.statusMessage?.text == "nothing to apply: the function returned no event")
        #expect(state.unsavedEvents.isEmpty)
    }

    @Test func aResponseEqualToTheEventsChangesNothing() throws {
        var state = try Self.finished(["autoConfirmUser": false, "autoVerifyEmail": false, "autoVerifyPhone": false])
        EffectRunner().run(keys: [.enter], on: &state)
        #expect(state.statusMessage?.text == "the returned response equals the event's: nothing to apply")
        #expect(state.unsavedEvents.isEmpty)
    }

    @Test func reportTextIsShownEscaped() throws {
        let state = try Self.finished(nil, lines: ["out| \u{1B}[31mred\u{202E}"])
        let screen = state.render().text
        #expect(!screen.contains("\u{1B}"))
        #expect(!screen.contains("\u{202E}"))
    }
}
