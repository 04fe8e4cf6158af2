import Foundation
import Testing
import TestSupport

/// Issue 14 in the real binary: marks that agree with `check`, the CLI's own help and version.
@Suite(.enabled(if: Binary.path != nil, "needs the built cognito-explorer"))
struct ExplorerHabitsEndToEndTests {
    @Test("each list mark matches check's exit status for that file: ✓ and ! exit 0, ✗ exits 1, ? exits 2")
    func marksAgreeWithCheck() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        // Every bad fixture under a short name (so the list shows it whole), a UTF-16 file and a valid event.
        var names: [String] = []
        let invalid = Repository.jsonFiles(under: Repository.fixtures + "/invalid")
        for (index, source) in invalid.enumerated() {
            let name = String(format: "f%02d.json", index)
            FileManager.default.createFile(atPath: folder.path + "/" + name, contents: Data(Repository.bytes(of: source)))
            names.append(name)
        }
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(#"{"triggerSource":"PreSignUp_SignUp"}"#.data(using: .utf16LittleEndian) ?? Data())
        FileManager.default.createFile(atPath: folder.path + "/u16.json", contents: utf16)
        names.append("u16.json")
        _ = try folder.write("ok.json", String(decoding: Repository.bytes(of: Repository.validFixtures[0]), as: UTF8.self))
        names.append("ok.json")

        let screen = try Binary.run(["render", folder.path, "--size", "100x\(names.count + 10)", "--keys", ""])
        #expect(screen.status == 0, "\(screen.stderr)")
        var seen: Set<String> = []
        for name in names {
            let stem = String(name.dropLast(5))
            let row = try #require(screen.lines.first { $0.dropFirst(4).hasPrefix(stem + " ") }, "no list row for \(name)")
            let mark = String(row.dropFirst(1).prefix(1))
            let check = try Binary.run(["check", "--quiet", folder.path + "/" + name])
            let expected: Int32
            switch mark {
            case "✓", "!": expected = 0
            case "✗": expected = 1
            case "?": expected = 2
            default:
                Issue.record("\(name) has the mark \(mark), which the legend does not explain")
                continue
            }
            seen.insert(mark)
            #expect(check.status == expected, "\(name) (\(row)) is marked \(mark); check exits \(check.status): \(check.stdout)")
        }
        #expect(seen == ["✓", "!", "✗", "?"], "the fixtures show every mark")
    }
}
