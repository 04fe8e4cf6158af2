import Foundation
import Testing
import TestSupport

/// `cognito-explorer check`, run as a user would: the real binary, its lines and exit status.
@Suite struct CheckCommandTests {
    @Test func everyValidFixtureIsOK() throws {
        let result = try Binary.run(["check"] + Repository.validFixtures)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.lines.count == Repository.validFixtures.count)
        #expect(result.lines.allSatisfy { $0.hasSuffix(": ok") })
    }

    @Test func theBundledFolderReportsEachBadFileClearly() throws {
        let result = try Binary.run(["check", "--quiet", "fixtures"])
        #expect(result.status == 2)
        let expected = [
            "fixtures/invalid/binary.json: binary file (it holds NUL bytes), not JSON",
            "fixtures/invalid/custom-message-missing-code.json: response.emailMessage: error: does not contain the code placeholder {####}; Cognito rejects the message",
            "fixtures/invalid/deeply-nested.json:16:1561: nesting deeper than 512 levels",
            "fixtures/invalid/duplicate-keys.json: request.userAttributes.email: warning: the key \"email\" appears 2 times; Cognito and this tool read the last one",
            "fixtures/invalid/empty.json: empty file (0 bytes), not JSON",
            "fixtures/invalid/invalid-utf8.json:14:18: invalid UTF-8 byte sequence starting with 0xC3",
            "fixtures/invalid/malformed-missing-comma.json:18:5: expected ',' or '}' after an object member",
            "fixtures/invalid/malformed-truncated.json:15:23: unterminated string: the closing '\"' is missing",
            "fixtures/invalid/missing-fields.json: request: error: required field is missing",
            "fixtures/invalid/missing-fields.json: userPoolId: error: required field is missing",
            "fixtures/invalid/not-an-event.json: triggerSource: error: not a Cognito trigger event: there is no triggerSource",
            "fixtures/invalid/not-json.json:1:1: expected a value, found 'T'",
            "fixtures/invalid/unknown-trigger.json: triggerSource: warning: unknown trigger source \"SomethingElse_Custom\"; the event is shown as a plain document",
            "fixtures/invalid/wrong-types.json: request.userAttributes: error: expected a map of strings, found an array",
            "fixtures/invalid/wrong-types.json: response.autoConfirmUser: error: expected a boolean, found a string (the string \"true\" is not a boolean: write true without quotes)",
        ]
        #expect(result.lines == expected)
    }

    @Test("a folder large enough to be checked on several cores gives the lines one file at a time gives, in order")
    func parallelCheckKeepsOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        // 300 files cycling through valid and invalid fixtures (so every kind of line occurs), and
        // what `check` says about each fixture on its own, with the copy's name.
        let sources = Array(Repository.validFixtures.prefix(6)) + ["wrong-types", "not-json", "duplicate-keys", "empty", "missing-fields"].map {
            Repository.fixtures + "/invalid/\($0).json"
        }
        var alone: [String: [String]] = [:]
        for source in sources {
            let result = try Binary.run(["check", source])
            alone[source] = result.lines.map { String($0.dropFirst(source.count)) }
        }
        var expected: [String] = []
        for index in 0..<300 {
            let source = sources[index % sources.count]
            let name = String(format: "event-%03d.json", index)
            try folder.write(name, String(decoding: Repository.bytes(of: source), as: UTF8.self))
            expected += (alone[source] ?? []).map { folder.path + "/" + name + $0 }
        }
        let result = try Binary.run(["check", folder.path])
        #expect(result.status == 2)
        #expect(result.lines == expected)
    }

    @Test("exit status 1 for event errors, 0 with warnings only")
    func exitStatusForEventProblems() throws {
        let errors = try Binary.run(["check", "fixtures/invalid/wrong-types.json", "fixtures/pre-sign-up"])
        #expect(errors.status == 1)
        let warnings = try Binary.run(["check", "fixtures/invalid/duplicate-keys.json"])
        #expect(warnings.status == 0)
        #expect(warnings.lines.count == 1)
    }

    @Test func badPathsGetALineEachAndExitTwo() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.path + "/empty-folder", withIntermediateDirectories: true)
        try folder.write("empty-folder/notes.txt", "not json")
        let unreadable = try folder.write("secret.json", "{}")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: unreadable)
        let result = try Binary.run(["check", folder.path + "/missing.json", folder.path + "/empty-folder", unreadable])
        #expect(result.status == 2)
        #expect(result.lines.contains("\(folder.path)/missing.json: no such file or folder"))
        #expect(result.lines.contains("\(folder.path)/empty-folder: no .json files in this folder"))
        if getuid() != 0 {  // root reads any file
            #expect(result.lines.contains("\(unreadable): cannot read it: permission denied"))
        }
        #expect(result.stderr.isEmpty)
    }

    @Test func foldersAreSearchedRecursivelyAndInOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.path + "/b/c", withIntermediateDirectories: true)
        let event = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
        try folder.write("b/c/z.json", event)
        try folder.write("a.json", event)
        try folder.write("b/ignored.txt", "x")
        let result = try Binary.run(["check", folder.path])
        #expect(result.lines == ["\(folder.path)/a.json: ok", "\(folder.path)/b/c/z.json: ok"])
    }
}
