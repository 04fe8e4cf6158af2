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

    @Test("triggers NAME prints only that trigger or trigger source, whatever its case; an unknown name says so and exits 2")
    func triggersByName() throws {
        let byTrigger = try Binary.run(["triggers", "PRESIGNUP"])
        #expect(byTrigger.status == 0)
        #expect(byTrigger.lines.first == "Pre sign-up [PreSignUp], event version 1")
        #expect(byTrigger.lines.filter { !$0.hasPrefix(" ") }.count == 1, "one trigger")
        #expect(byTrigger.stdout.contains("PreSignUp_AdminCreateUser"))
        #expect(try Binary.run(["triggers", "pre sign-up"]).stdout == byTrigger.stdout)

        let bySource = try Binary.run(["triggers", "custommessage_signup"])
        #expect(bySource.status == 0)
        #expect(bySource.lines.first?.hasPrefix("Custom message") == true)
        #expect(bySource.stdout.contains("CustomMessage_SignUp") && !bySource.stdout.contains("CustomMessage_ForgotPassword"))

        let versions = try Binary.run(["triggers", "preTokenGeneration"])
        #expect(versions.lines.filter { $0.hasPrefix("Pre token generation") }.count == 3)

        let json = try Binary.run(["triggers", "verifyAuthChallengeResponse", "--json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 1)
        #expect(parsed?.first?["trigger"] as? String == "verifyAuthChallengeResponse")

        let flows = try Binary.run(["triggers", "userMigration", "--flows"])
        #expect(flows.stdout.hasPrefix("Migration\n") && flows.stdout.contains("\nForgot password\n"))
        #expect(!flows.stdout.contains("Sign-up\n"))

        let unknown = try Binary.run(["triggers", "no\u{1B}[31mSuch"])
        #expect(unknown.status == 2)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("no trigger or trigger source is named \"no\\u001b[31mSuch\""), "\(unknown.stderr)")
    }

    @Test("--help lists the keys command and --version")
    func helpListsKeys() throws {
        let help = try Binary.run(["--help"])
        #expect(help.stdout.contains("  keys "))
        #expect(help.stdout.contains("--version"))
    }

    @Test("--version prints the name and version; new --version stays the event version")
    func version() throws {
        let result = try Binary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.range(of: #"^cognito-explorer \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.stdout)")
        let event = try Binary.run(["new", "TokenGeneration_Authentication", "--version", "2"])
        #expect(event.status == 0)
        #expect(event.stdout.contains("\"version\": \"2\""))
    }
}

