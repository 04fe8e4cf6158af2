import Foundation
import Testing
import TestSupport

/// 5,000 files named one by one on the command line (as `check DIR/*.json` does): the paths go
/// around the argument parser, and the result is the one the folder gives.
@Suite struct ManyNamedFilesTests {
    /// A folder of 5,000 events cycling through valid and invalid fixtures, and their paths in order.
    static func folder() throws -> (TemporaryFolder, [String]) {
        let folder = try TemporaryFolder()
        let sources = Array(Repository.validFixtures.prefix(8)) + ["wrong-types", "not-json", "missing-fields"].map {
            Repository.fixtures + "/invalid/\($0).json"
        }
        let texts = sources.map { String(decoding: Repository.bytes(of: $0), as: UTF8.self) }
        var paths: [String] = []
        for index in 0..<5_000 {
            let name = String(format: "event-%04d.json", index)
            paths.append(try folder.write(name, texts[index % texts.count]))
        }
        return (folder, paths)
    }

    @Test("check of 5,000 named files prints what check of their folder prints, with options among the names")
    func checkNamedFiles() throws {
        let (folder, paths) = try Self.folder()
        defer { folder.cleanUp() }
        let whole = try Binary.run(["check", folder.path])
        #expect(whole.status == 2)
        #expect(whole.lines.count > 5_000)
        let named = try Binary.run(["check"] + paths)
        #expect(named.status == whole.status)
        #expect(named.lines == whole.lines)
        let quietFolder = try Binary.run(["check", "--quiet", folder.path])
        let quietNamed = try Binary.run(["check"] + paths.prefix(2_500) + ["-q"] + paths.dropFirst(2_500))
        #expect(quietNamed.status == quietFolder.status)
        #expect(quietNamed.lines == quietFolder.lines)
        #expect(quietNamed.lines.count < whole.lines.count)
        // In another order, the lines follow the order named.
        let reversed = try Binary.run(["check", "-q"] + paths.reversed())
        #expect(Set(reversed.lines) == Set(quietFolder.lines))
        let fileOf = { (line: String) -> String? in line.range(of: ".json").map { String(line[..<$0.upperBound]) } }
        #expect(reversed.lines.first.flatMap(fileOf) == quietFolder.lines.last.flatMap(fileOf))
        #expect(reversed.lines.last.flatMap(fileOf) == quietFolder.lines.first.flatMap(fileOf))
        // Errors still come from the argument parser, whole.
        let unknown = try Binary.run(["check"] + paths.prefix(100) + ["--nope"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Unknown option '--nope'"))
    }

    @Test("render of 5,000 named files indexes them all, with options among the names")
    func renderNamedFiles() throws {
        let (folder, paths) = try Self.folder()
        defer { folder.cleanUp() }
        let whole = try Binary.run(["render", "--size", "120x30", folder.path])
        let named = try Binary.run(["render", "--size", "120x30"] + paths.prefix(10) + ["--until", "indexed"] + paths.dropFirst(10))
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdout.contains("Events 5,000"))
        #expect(named.stdout == whole.stdout)
        // Sorted by trigger and filtered: the same rows as from the folder.
        let keys = "s / 'event-49' Enter"
        let wholeKeys = try Binary.run(["render", "--size", "120x30", "--keys", keys, folder.path])
        let namedKeys = try Binary.run(["render", "--size=120x30"] + paths + ["--keys", keys])
        #expect(namedKeys.stdout == wholeKeys.stdout)
        #expect(namedKeys.stdout.contains("event-49"))
    }
}
