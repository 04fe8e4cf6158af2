import Foundation
import Testing
import TestSupport

/// The tmux harness itself: a CI run without tmux fails here rather than skipping the UI tests silently.
@Suite struct TmuxHarnessTests {
    @Test("tmux is installed (a CI run fails without it)")
    func tmuxIsPresent() {
        if !TmuxSession.isAvailable {
            if Conformance.isCI {
                Issue.record("CI=true but tmux is not installed; .ci/run must install it")
            } else {
                print("note: tmux is not installed; the end-to-end UI tests are skipped")
            }
        }
    }

    @Test("the tmux suites run when tmux is installed or CI=true, and skip only outside CI without it", arguments: [
        (true, [:], true),
        (true, ["CI": "true"], true),
        (false, ["CI": "true"], true),
        (false, [:], false),
        (false, ["CI": "false"], false),
        (false, ["CI": "1"], false),
    ] as [(Bool, [String: String], Bool)])
    func runOrSkip(installed: Bool, environment: [String: String], runs: Bool) {
        #expect(TmuxSession.shouldRun(isInstalled: installed, environment: environment) == runs)
    }

    @Test("without tmux a session fails with a message that says what is missing and how to install it")
    func missingTmuxFailsClearly() throws {
        #expect(throws: Never.self) { try TmuxSession.requireInstalled(true) }
        let error = try #require(throws: TmuxSession.Failure.self) { try TmuxSession.requireInstalled(false) }
        #expect(error.description.contains("tmux is not installed") && error.description.contains("CI=true")
                && error.description.contains("apt-get install tmux"))
    }

    @Test("this run: with CI=true the tmux suites are not skipped")
    func ciRunsTheTmuxSuites() {
        if Conformance.isCI { #expect(TmuxSession.shouldRunTests) }
        if TmuxSession.isAvailable { #expect(TmuxSession.shouldRunTests) }
    }

    @Test("keys reach the program, the screen is read, the exit status is seen",
          .enabled(if: TmuxSession.shouldRunTests, Comment(rawValue: TmuxSession.skipReason)))
    func harnessDrivesAProgram() throws {
        let session = try TmuxSession(["/bin/sh", "-c", "printf 'ready\\n'; read answer; printf 'got %s\\n' \"$answer\"; read x; exit 3"],
                                      width: 40, height: 6)
        try session.waitFor(text: "ready")
        try session.type("hello 世界")
        try session.send("Enter")
        try session.waitFor(text: "got hello 世界")
        try session.send("Enter")
        #expect(try session.waitForExit() == 3)
    }
}
