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

    @Test("keys reach the program, the screen is read, the exit status is seen",
          .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
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
