import Testing
@testable import NcursesBackend
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite(.serialized) struct SignalGuardTests {
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func interruptSignalsOnlySetTheFlag(signal: Int32) {
        SignalGuard.install()
        defer {
            SignalGuard.restore()
            SignalGuard.clearInterrupt()
        }
        SignalGuard.clearInterrupt()
        #expect(SignalGuard.pendingInterrupt == nil)
        // Sent to the process, not the thread: test threads may block signals.
        kill(getpid(), signal)
        let deadline = ContinuousClock.now + .seconds(2)
        while SignalGuard.pendingInterrupt == nil && ContinuousClock.now < deadline {
            usleep(1000)
        }
        #expect(SignalGuard.pendingInterrupt == signal)
        SignalGuard.clearInterrupt()
        #expect(SignalGuard.pendingInterrupt == nil)
    }

    @Test func restorePutsBackThePreviousHandler() {
        var before = sigaction()
        sigaction(SIGHUP, nil, &before)
        SignalGuard.install()
        SignalGuard.install()  // a second install keeps the first saved handlers
        SignalGuard.restore()
        var after = sigaction()
        sigaction(SIGHUP, nil, &after)
        let handlerBefore = unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self)
        let handlerAfter = unsafeBitCast(after.__sigaction_handler.sa_handler, to: Int.self)
        #expect(handlerBefore == handlerAfter)
    }

    @Test(.enabled(if: isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0))
    func startWithoutATerminalFailsClearly() {
        #expect(throws: TerminalError.notATerminal) {
            _ = try TerminalSession.start()
        }
        #expect(TerminalError.notATerminal.description.hasPrefix("not a terminal"))
    }
}
