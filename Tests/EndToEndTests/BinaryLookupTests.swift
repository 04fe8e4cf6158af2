import Foundation
import Testing
import TestSupport

/// How the end-to-end tests find `cognito-explorer`, and that a CI run without it fails.
@Suite struct BinaryLookupTests {
    /// A file system with only these executables.
    static func only(_ executables: Set<String>) -> (String) -> Bool { { executables.contains($0) } }

    @Test("the executable is built (a CI run fails without it)")
    func binaryIsPresent() {
        guard case .missing(let reason) = Binary.lookup else { return }
        if Conformance.isCI {
            Issue.record("CI=true but \(reason); the end-to-end suites would have nothing to run")
        } else {
            print("note: \(reason); the end-to-end suites that run it are skipped")
        }
    }

    @Test("a CI run does not skip the suites that need the executable")
    func ciRunsTheSuites() {
        if Conformance.isCI { #expect(Binary.shouldRunTests) }
        if Binary.path != nil { #expect(Binary.shouldRunTests) }
    }

    @Test("Linux: the executable beside the test bundle, in the configuration under test")
    func linuxBundle() {
        let runner = "/r/.build/x86_64-unknown-linux-gnu/release/PkgPackageTests.xctest"
        let release = "/r/.build/x86_64-unknown-linux-gnu/release/cognito-explorer"
        let debug = "/r/.build/x86_64-unknown-linux-gnu/debug/cognito-explorer"
        #expect(Binary.locate(runner: runner, environment: [:], isExecutable: Self.only([release, debug])) == .found(release))
    }

    @Test("macOS: the runner inside X.xctest/Contents/MacOS is walked out of its bundle")
    func macOSBundle() {
        let runner = "/r/.build/arm64-apple-macosx/debug/PkgPackageTests.xctest/Contents/MacOS/PkgPackageTests"
        let debug = "/r/.build/arm64-apple-macosx/debug/cognito-explorer"
        #expect(Binary.locate(runner: runner, environment: [:], isExecutable: Self.only([debug])) == .found(debug))
    }

    @Test("no fallback: a stale debug build is not used for a release run, nor .build/debug")
    func noFallbackToAnotherConfiguration() {
        let runner = "/r/.build/x86_64-unknown-linux-gnu/release/PkgPackageTests.xctest"
        let stale: Set = ["/r/.build/x86_64-unknown-linux-gnu/debug/cognito-explorer", "/r/.build/debug/cognito-explorer",
                          "/r/.build/cognito-explorer", "/r/cognito-explorer"]
        let lookup = Binary.locate(runner: runner, environment: [:], isExecutable: Self.only(stale))
        guard case .missing(let reason) = lookup else {
            Issue.record("expected no executable, got \(lookup)")
            return
        }
        #expect(reason.contains("/r/.build/x86_64-unknown-linux-gnu/release/cognito-explorer"))
        #expect(reason.contains(Binary.environmentVariable))
    }

    @Test("COGNITO_EXPLORER_BINARY wins; when it names no executable the lookup fails instead of guessing")
    func explicitVariable() {
        let runner = "/r/.build/x86_64-unknown-linux-gnu/debug/PkgPackageTests.xctest"
        let built = "/r/.build/x86_64-unknown-linux-gnu/debug/cognito-explorer"
        let mine = "/opt/tools/cognito-explorer"
        let both = Self.only([built, mine])
        #expect(Binary.locate(runner: runner, environment: [Binary.environmentVariable: mine], isExecutable: both) == .found(mine))
        let wrong = Binary.locate(runner: runner, environment: [Binary.environmentVariable: "/nowhere/x"], isExecutable: both)
        #expect(wrong == .missing(reason: "COGNITO_EXPLORER_BINARY=/nowhere/x is not an executable file"))
        // An empty value counts as unset.
        #expect(Binary.locate(runner: runner, environment: [Binary.environmentVariable: ""], isExecutable: both) == .found(built))
    }

    @Test("a runner outside any bundle: its own folder")
    func plainRunner() {
        let runner = "/r/build/run-tests"
        #expect(Binary.locate(runner: runner, environment: [:], isExecutable: Self.only(["/r/build/cognito-explorer"]))
                == .found("/r/build/cognito-explorer"))
    }
}
