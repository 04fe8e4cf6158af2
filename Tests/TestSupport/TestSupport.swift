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
