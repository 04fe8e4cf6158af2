import Testing
@testable import NcursesBackend
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite(.serialized) struct SignalGuardTests {
    /// Sends `signal` to the process (not the thread: test threads may block signals) and waits
    /// until the guard has it pending.
    static func send(_ signal: Int32) {
        kill(getpid(), signal)
        let deadline = ContinuousClock.now + .seconds(2)
        while SignalGuard.pendingSignal == nil && ContinuousClock.now < deadline {
            usleep(1000)
        }
    }

    /// Sent by the process to itself; SIGPIPE is left out, since one the process raises is taken
    /// for its own write's (SignalTmuxTests sends it from outside).
    static var terminatingSignals: [Int32] {
        [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
         SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT, SignalGuard.realTimeSignals.lowerBound + 1, min(64, SignalGuard.realTimeSignals.upperBound)]
    }

    @Test(arguments: terminatingSignals)
    func terminatingSignalsOnlyMarkThemselvesPending(signal: Int32) {
        SignalGuard.install()
        defer {
            SignalGuard.restore()
            SignalGuard.clearPendingSignals()
        }
        SignalGuard.clearPendingSignals()
        #expect(SignalGuard.pendingSignal == nil)
        Self.send(signal)
        // Still alive: the default action (ending the process) did not run.
        #expect(SignalGuard.pendingSignal == signal)
        #expect(SignalGuard.takePendingSignal() == signal)
        #expect(SignalGuard.pendingSignal == nil)
    }

    @Test func anotherSignalComesBeforeCtrlC() {
        SignalGuard.install()
        defer {
            SignalGuard.restore()
            SignalGuard.clearPendingSignals()
        }
        SignalGuard.clearPendingSignals()
        Self.send(SIGINT)
        kill(getpid(), SIGTERM)
        let deadline = ContinuousClock.now + .seconds(2)
        while SignalGuard.pendingSignal != SIGTERM && ContinuousClock.now < deadline { usleep(1000) }
        // SIGTERM ends the program even when a Ctrl-C is waiting to be answered.
        #expect(SignalGuard.takePendingSignal() == SIGTERM)
        #expect(SignalGuard.takePendingSignal() == SIGINT)
        #expect(SignalGuard.takePendingSignal() == nil)
    }

    @Test func forgettingCtrlCKeepsAnEndingSignal() {
        SignalGuard.install()
        defer {
            SignalGuard.restore()
            SignalGuard.clearPendingSignals()
        }
        SignalGuard.clearPendingSignals()
        kill(getpid(), SIGINT)
        kill(getpid(), SIGTERM)
        let deadline = ContinuousClock.now + .seconds(2)
        while SignalGuard.pendingSignal != SIGTERM && ContinuousClock.now < deadline { usleep(1000) }
        SignalGuard.clearPendingSignal(SIGINT)
        #expect(SignalGuard.takePendingSignal() == SIGTERM)
        #expect(SignalGuard.takePendingSignal() == nil)
    }

    @Test func aSIGPIPEFromTheProcesssOwnWriteDoesNotEndIt() {
        SignalGuard.install()
        defer {
            SignalGuard.restore()
            SignalGuard.clearPendingSignals()
        }
        SignalGuard.clearPendingSignals()
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        var byte: UInt8 = 1
        // The kernel raises SIGPIPE for this write; the write fails with EPIPE.
        #expect(write(ends[1], &byte, 1) == -1)
        #expect(errno == EPIPE)
        close(ends[1])
        usleep(20_000)
        #expect(SignalGuard.pendingSignal == nil)
    }

    @Test func aSignalStartedIgnoredStaysIgnoredExceptCtrlC() {
        let previousUSR2 = signal(SIGUSR2, SIG_IGN)
        let previousINT = signal(SIGINT, SIG_IGN)
        defer {
            signal(SIGUSR2, previousUSR2)
            signal(SIGINT, previousINT)
        }
        SignalGuard.install()
        defer {
            SignalGuard.restore()
            SignalGuard.clearPendingSignals()
        }
        // nohup's SIGHUP, or any signal the parent chose to ignore, keeps being ignored ...
        #expect(!SignalGuard.isGuarded(SIGUSR2))
        // ... but Ctrl-C is a key of the explorer.
        #expect(SignalGuard.isGuarded(SIGINT))
        #expect(SignalGuard.isGuarded(SIGUSR1))
    }

    @Test func continueIsMarkedOnce() {
        SignalGuard.install()
        defer { SignalGuard.restore() }
        _ = SignalGuard.takeContinued()
        kill(getpid(), SIGCONT)
        let deadline = ContinuousClock.now + .seconds(2)
        var seen = false
        while !seen && ContinuousClock.now < deadline {
            seen = SignalGuard.takeContinued()
            usleep(1000)
        }
        #expect(seen)
        #expect(!SignalGuard.takeContinued())
    }

    @Test func restorePutsBackThePreviousHandler() {
        var before = sigaction()
        sigaction(SIGHUP, nil, &before)
        var beforeSegv = sigaction()
        sigaction(SIGSEGV, nil, &beforeSegv)
        SignalGuard.install()
        SignalGuard.install()  // a second install keeps the first saved handlers
        SignalGuard.restore()
        var after = sigaction()
        sigaction(SIGHUP, nil, &after)
        var afterSegv = sigaction()
        sigaction(SIGSEGV, nil, &afterSegv)
        let handlerBefore = unsafeBitCast(before.__sigaction_handler.sa_handler, to: Int.self)
        let handlerAfter = unsafeBitCast(after.__sigaction_handler.sa_handler, to: Int.self)
        #expect(handlerBefore == handlerAfter)
        #expect(unsafeBitCast(beforeSegv.__sigaction_handler.sa_handler, to: Int.self)
                == unsafeBitCast(afterSegv.__sigaction_handler.sa_handler, to: Int.self))
    }

    @Test(.enabled(if: isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0))
    func startWithoutATerminalFailsClearly() {
        #expect(throws: TerminalError.notATerminal) {
            _ = try TerminalSession.start()
        }
        #expect(TerminalError.notATerminal.description.hasPrefix("not a terminal"))
    }
}
