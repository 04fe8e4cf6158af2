import Foundation

/// Where the repository and its test data are, for tests of every module.
public enum Repository {
    /// The repository's root folder (found from this file's path).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The bundled fixtures folder.
    public static var fixtures: String { root + "/fixtures" }

    /// Every `*.json` file under a folder, sorted, as absolute paths.
    public static func jsonFiles(under folder: String) -> [String] {
        let folder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".json") { files.append(folder + "/" + relative) }
        }
        return files.sorted()
    }

    /// The valid fixtures: every JSON file under `fixtures/` except `fixtures/invalid/`.
    public static var validFixtures: [String] {
        jsonFiles(under: fixtures).filter { !$0.contains("/fixtures/invalid/") }
    }

    /// Reads a file's bytes, or an empty array when it cannot be read.
    public static func bytes(of path: String) -> [UInt8] {
        (FileManager.default.contents(atPath: path)).map { [UInt8]($0) } ?? []
    }
}

/// The shared conformance data (`../shared/conformance` or `$CONFORMANCE_DIR`).
public enum Conformance {
    /// The conformance folder, when it exists.
    public static let directory: String? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let explicit = environment["CONFORMANCE_DIR"], !explicit.isEmpty { candidates.append(explicit) }
        candidates.append(URL(fileURLWithPath: Repository.root + "/../shared/conformance").standardizedFileURL.path)
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }()

    /// Whether the data is there; tests that need it are skipped (visibly) when it is not.
    public static var isAvailable: Bool { directory != nil }

    /// Whether this is a CI run (`CI=true`), where missing data is a failure.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The reason shown when tests are skipped.
    public static let skipReason = "conformance data not found: expected ../shared/conformance beside the repository, or CONFORMANCE_DIR"

    /// Every real Cognito event file under `cognito-events/`.
    public static var cognitoEvents: [String] {
        guard let directory else { return [] }
        return Repository.jsonFiles(under: directory + "/cognito-events")
    }

    /// Every JSONTestSuite parsing case.
    public static var jsonTestSuiteFiles: [String] {
        guard let directory else { return [] }
        return Repository.jsonFiles(under: directory + "/JSONTestSuite/test_parsing")
    }
}

/// A fresh temporary folder for one test, removed by `cleanUp()`.
public struct TemporaryFolder {
    public let path: String

    public init() throws {
        let base = FileManager.default.temporaryDirectory.path + "/cte-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = base
    }

    /// Writes a file inside the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    public func cleanUp() {
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The built `cognito-explorer` executable, which `swift test` builds next to the test bundle.
///
/// The rule, and the only one: `COGNITO_EXPLORER_BINARY` when it is set (and nothing else, even
/// when it names no executable); otherwise the `cognito-explorer` in the build products folder the
/// running test bundle is in, which is the configuration being tested (`debug`, or `release` under
/// `swift test -c release`). There is no fallback to another configuration's folder, so a stale
/// debug build is never tested in place of the current one.
public enum Binary {
    /// The environment variable that names the executable explicitly.
    public static let environmentVariable = "COGNITO_EXPLORER_BINARY"

    /// Where the lookup found the executable, or why it found none.
    public enum Lookup: Equatable, Sendable {
        case found(String)
        case missing(reason: String)
    }

    /// Finds the executable for a test runner at `runner` (the test bundle or the program inside
    /// it), by the rule above; `isExecutable` answers for a path.
    public static func locate(runner: String, environment: [String: String],
                              isExecutable: (String) -> Bool) -> Lookup {
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            return isExecutable(explicit)
                ? .found(explicit)
                : .missing(reason: "\(environmentVariable)=\(explicit) is not an executable file")
        }
        // On Linux the runner is `<products>/X.xctest`; on macOS it is the program inside the bundle
        // `<products>/X.xctest/Contents/MacOS/X`. Either way the products folder holds the bundle.
        var folder = URL(fileURLWithPath: runner)
        while folder.path != "/", folder.pathExtension != "xctest" { folder.deleteLastPathComponent() }
        if folder.pathExtension != "xctest" { folder = URL(fileURLWithPath: runner) }
        folder.deleteLastPathComponent()
        let candidate = folder.appendingPathComponent("cognito-explorer").path
        return isExecutable(candidate)
            ? .found(candidate)
            : .missing(reason: "cognito-explorer is not built at \(candidate) (run swift build, or set \(environmentVariable))")
    }

    /// The lookup for this test run.
    public static let lookup: Lookup = {
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().path
        return locate(runner: runner, environment: ProcessInfo.processInfo.environment,
                      isExecutable: { FileManager.default.isExecutableFile(atPath: $0) })
    }()

    /// The executable's path, or nil when it has not been built.
    public static var path: String? {
        if case .found(let path) = lookup { return path }
        return nil
    }

    /// Whether suites that run the executable should run: when it is built, and always in a CI run
    /// (`CI=true`), where a missing executable makes them fail instead of skipping.
    public static var shouldRunTests: Bool { path != nil || Conformance.isCI }

    /// The reason shown when those suites are skipped.
    public static var skipReason: String {
        if case .missing(let reason) = lookup { return reason }
        return "needs the built cognito-explorer"
    }

    /// The executable's path, or a `Failure.notBuilt` error for a test to report.
    public static func required() throws -> String {
        guard let path else { throw Failure.notBuilt }
        return path
    }

    /// What a run printed and how it ended.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    }

    public enum Failure: Error, CustomStringConvertible {
        case notBuilt, timedOut(seconds: Double)
        public var description: String {
            switch self {
            case .notBuilt:
                if case .missing(let reason) = Binary.lookup { return reason }
                return "cognito-explorer is not built (run swift build)"
            case .timedOut(let seconds): return "cognito-explorer did not finish within \(seconds) s"
            }
        }
    }

    /// Runs the executable with arguments, in `directory` (default: the repository root), with
    /// `input` on its standard input (nothing when nil).
    public static func run(_ arguments: [String], in directory: String = Repository.root,
                           environment: [String: String] = [:], input: [UInt8]? = nil, timeout: Double = 60) throws -> Result {
        guard let path else { throw Failure.notBuilt }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        try process.run()
        if let input, let inputPipe {
            DispatchQueue.global().async {
                try? inputPipe.fileHandleForWriting.write(contentsOf: Data(input))
                try? inputPipe.fileHandleForWriting.close()
            }
        }
        // Read while it runs so a full pipe cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            throw Failure.timedOut(seconds: timeout)
        }
        group.wait()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// The Python Lambda runtime interface client (`awslambdaric`) in the virtual environment that
/// `.ci/run` makes under `.build-venv/`, for tests that run real Python handlers.
public enum PythonLambda {
    /// The virtual environment's folder.
    public static let venv = Repository.root + "/.build-venv"

    /// The venv's python, when awslambdaric is installed there.
    public static let python: String? = {
        let python = venv + "/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python),
              let lib = try? FileManager.default.contentsOfDirectory(atPath: venv + "/lib"),
              lib.contains(where: { FileManager.default.fileExists(atPath: venv + "/lib/" + $0 + "/site-packages/awslambdaric") })
        else { return nil }
        return python
    }()

    /// Whether the tests that need it can run; they are skipped (visibly) when not.
    public static var isAvailable: Bool { python != nil }

    /// Why they are skipped.
    public static let skipReason = "awslambdaric is not installed in .build-venv: run .ci/run, or python3 -m venv .build-venv && .build-venv/bin/pip install awslambdaric"

    /// The folder of the test handlers (`triggers.py`).
    public static let handlers = Repository.root + "/Tests/Functions/python"

    /// The command that runs handler `name` of `triggers.py`.
    public static func command(_ name: String) -> [String] {
        [python ?? "python3", "-m", "awslambdaric", "triggers.\(name)"]
    }
}

extension Binary.Result {
    /// Standard output with every duration ("123 ms") written as "N ms", for exact comparisons.
    public var stdoutWithoutTimes: String {
        stdout.replacingOccurrences(of: #"\b[0-9]+ ms\b"#, with: "N ms", options: .regularExpression)
    }
}

/// curl, which the test runtimes (`Tests/Functions/`) use to speak the Lambda Runtime API.
public enum Curl {
    /// Whether curl is on PATH; the tests that need it are skipped (visibly) when not.
    public static let isAvailable: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/curl") }
    }()

    /// Why they are skipped.
    public static let skipReason = "curl is not installed: the test runtimes need it (.ci/run installs it)"

    /// Whether the suites that need curl run: when it is installed, and always under `CI=true`, where a
    /// missing curl must fail them rather than skip them.
    public static var shouldRunTests: Bool {
        TmuxSession.shouldRun(isInstalled: isAvailable, environment: ProcessInfo.processInfo.environment)
    }
}
