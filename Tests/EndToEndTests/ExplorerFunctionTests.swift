import Foundation
import Testing
import TestSupport

/// `x` in the real binary: headless with `render --function`, and once in tmux (run, apply, save,
/// and Esc stopping a function that hangs).
@Suite(.enabled(if: Curl.shouldRunTests, Comment(rawValue: Curl.skipReason))) struct ExplorerFunctionTests {
    /// Under `CI=true` the suite runs even without curl; this says why its other tests then fail.
    @Test func curlIsInstalled() {
        #expect(Curl.isAvailable, Comment(rawValue: Curl.skipReason))
    }

    static let confirm = Repository.root + "/Tests/Functions/faults/runtime.sh confirm"

    static func workspace() throws -> (TemporaryFolder, String, String) {
        let folder = try TemporaryFolder()
        let original = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
        let file = try folder.write("PreSignUp_SignUp.json", original)
        return (folder, file, original)
    }

    static func confirmed(_ text: String) -> String {
        text.replacingOccurrences(of: #""autoConfirmUser": false"#, with: #""autoConfirmUser": true"#)
    }

    @Test("render --function: x shows the report; Enter applies it; w saves only the response's bytes")
    func headlessRunApplySave() throws {
        let (folder, file, original) = try Self.workspace()
        defer { folder.cleanUp() }
        let shown = try Binary.run(["render", folder.path, "--function", Self.confirm, "--keys", "x", "--size", "100x30"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let screen = shown.stdout.replacingOccurrences(of: #"\b[0-9]+ ms\b"#, with: "N ms", options: .regularExpression)
        #expect(screen.contains("Your function on PreSignUp_SignUp.json"))
        #expect(screen.contains("answered in N ms (cold start)"))
        #expect(screen.contains("err| confirming"))
        #expect(screen.contains("response.autoConfirmUser: false -> true"))
        #expect(screen.contains("Cognito creates the user, confirms the user."))
        #expect(screen.contains("Enter apply"))
        let saved = try Binary.run(["render", folder.path, "--function", Self.confirm, "--keys", "x Enter w", "--size", "100x30"])
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(String(decoding: Repository.bytes(of: file), as: UTF8.self) == Self.confirmed(original))
    }

    @Test("render: x without a function says how to configure one; COGNITO_EXPLORER_FUNCTION configures it")
    func configuration() throws {
        let (folder, _, _) = try Self.workspace()
        defer { folder.cleanUp() }
        let none = try Binary.run(["render", folder.path, "--keys", "x", "--size", "140x30"], environment: ["COGNITO_EXPLORER_FUNCTION": ""])
        #expect(none.stdout.contains("no function to run: start with --function 'python -m awslambdaric app.handler' or set COGNITO_EXPLORER_FUNCTION"))
        let fromEnvironment = try Binary.run(["render", folder.path, "--keys", "x", "--size", "100x30"],
                                             environment: ["COGNITO_EXPLORER_FUNCTION": Self.confirm])
        #expect(fromEnvironment.stdout.contains("response.autoConfirmUser: false -> true"))
    }

    @Test("render --function with awslambdaric: a handler that raises shows its error and Cognito's reaction",
          .enabled(if: PythonLambda.isAvailable, Comment(rawValue: PythonLambda.skipReason)))
    func pythonHandlerError() throws {
        let (folder, _, _) = try Self.workspace()
        defer { folder.cleanUp() }
        let command = PythonLambda.command("refuses").joined(separator: " ")
        let result = try Binary.run(["render", folder.path, "--function", command, "--keys", "x", "--size", "120x34"],
                                    environment: ["PYTHONPATH": PythonLambda.handlers])
        #expect(result.stdout.contains("The function reported an error:"))
        #expect(result.stdout.contains("ValueError: Sign-up is closed"))
        #expect(result.stdout.contains("UserLambdaValidationException: PreSignUp failed with error Sign-up is"))
        // Nothing to apply from a failure.
        let applied = try Binary.run(["render", folder.path, "--function", command, "--keys", "x Enter", "--size", "120x34"],
                                     environment: ["PYTHONPATH": PythonLambda.handlers])
        #expect(applied.stdout.contains("nothing to apply: the function returned no event"))
    }

    @Test("tmux: x runs the function while the screen stays live, Enter applies, w saves; Esc stops a hung function",
          .enabled(if: TmuxSession.shouldRunTests && Binary.shouldRunTests, "needs tmux and the built cognito-explorer"))
    func inTmux() throws {
        let (folder, file, original) = try Self.workspace()
        defer { folder.cleanUp() }
        let session = try TmuxSession([Binary.required(), "--function", Self.confirm, folder.path],
                                      directory: folder.path)
        try session.waitFor(text: "Events 1")
        try session.send("x")
        try session.waitFor(text: "Your function on PreSignUp_SignUp.json")
        try session.waitFor(text: "Cognito creates the user, confirms the user.")
        try session.send("Enter")
        try session.waitFor(text: "applied 1 response field from your function (u undoes it)")
        try session.send("w")
        try session.waitFor(text: "saved PreSignUp_SignUp.json")
        #expect(String(decoding: Repository.bytes(of: file), as: UTF8.self) == Self.confirmed(original))
        try session.send("q")
        #expect(try session.waitForExit() == 0)

        // A function that never answers: the mark shows, keys still work, Esc stops it (the
        // default timeout of 5 seconds is not waited for).
        let hung = try TmuxSession([Binary.required(), "--function", Repository.root + "/Tests/Functions/faults/runtime.sh asks-twice",
                                    folder.path], directory: folder.path)
        try hung.waitFor(text: "Events 1")
        let started = Date()
        try hung.send("x")
        try hung.waitFor(text: "[running your function; Esc or Ctrl-C stops it]")
        try hung.send("Tab")
        try hung.waitFor(text: "Request · Pre sign-up")
        try hung.send("Escape")
        try hung.waitFor(text: "Stopped (Esc or Ctrl-C).")
        #expect(Date().timeIntervalSince(started) < 4.5)
        try hung.waitFor(text: "The function's process ended (signal 9 (SIGKILL)) while handling the event,")
        // Ctrl-C stops the function too, and leaves the explorer running.
        try hung.send("Escape")
        try hung.waitFor("the result view to close") { !$0.contains("Stopped (Esc or Ctrl-C).") }
        try hung.send("x")
        try hung.waitFor(text: "[running your function; Esc or Ctrl-C stops it]")
        try hung.send("C-c")
        try hung.waitFor(text: "Stopped (Esc or Ctrl-C).")
        try hung.send("Escape", "q")
        #expect(try hung.waitForExit() == 0)
    }
}
