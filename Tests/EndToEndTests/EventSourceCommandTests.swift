import Foundation
import Testing
import TestSupport

/// `check -`, `show -`, and `import`, run as a user would on the sample logs in `fixtures/logs/`.
@Suite struct EventSourceCommandTests {
    static let logs = "fixtures/logs"

    @Test("check - reads standard input: one line per event named stdin:LINE, then the counts")
    func checkStandardInput() throws {
        let input = Repository.bytes(of: Repository.fixtures + "/logs/events.ndjson")
        let result = try Binary.run(["check", "-"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines == ["stdin:1: ok", "stdin:2: ok", "stdin:5: ok", "stdin: 3 events in 5 lines, 2 without an event"])
    }

    @Test("check - on a plain event piped in checks it like the file")
    func checkPipedPlainEvent() throws {
        let input = Repository.bytes(of: Repository.fixtures + "/invalid/wrong-types.json")
        let result = try Binary.run(["check", "-"], input: input)
        #expect(result.status == 1)
        #expect(result.lines.first == "stdin:1: request.userAttributes: error: expected a map of strings, found an array")
    }

    @Test("check of a log names each event by its line, reports broken event lines as FILE:LINE:COLUMN, and exits 2")
    func checkLogWithBrokenLines() throws {
        let result = try Binary.run(["check", Self.logs + "/broken-lines.log", Self.logs + "/s3-export.log.gz"])
        #expect(result.status == 2)
        #expect(result.lines == [
            "fixtures/logs/broken-lines.log:1: ok",
            "fixtures/logs/broken-lines.log:2:257: unterminated string: the closing '\"' is missing (the JSON value is cut off: the next line does not continue it)",
            "fixtures/logs/broken-lines.log:3:141: expected ':' after an object key, found '\"'",
            "fixtures/logs/broken-lines.log:4: ok",
            "fixtures/logs/broken-lines.log: 2 events in 4 lines, 0 without an event",
            "fixtures/logs/s3-export.log.gz:2: ok",
            "fixtures/logs/s3-export.log.gz:3: ok",
            "fixtures/logs/s3-export.log.gz: 2 events in 4 lines, 2 without an event",
        ])
    }

    @Test("check of standard input with no event says so and exits 2")
    func checkNoEvent() throws {
        let result = try Binary.run(["check", "-"], input: Array("just a line\nand another\n".utf8))
        #expect(result.status == 2)
        #expect(result.lines == ["stdin: no Cognito event found in 2 lines"])
    }

    @Test("show - of a Powertools record shows the event under a line naming its origin; --json gives an array")
    func showStandardInput() throws {
        let input = Repository.bytes(of: Repository.fixtures + "/logs/powertools.jsonl")
        let text = try Binary.run(["show", "-"], input: input)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.lines.filter { $0.hasPrefix("== ") } == ["== stdin:1 (at message) ==", "== stdin:3 (at event) =="])
        #expect(text.stdout.contains("Pre token generation"))
        let json = try Binary.run(["show", "--json", "-"], input: input)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.map { $0["file"] as? String } == ["stdin:1", "stdin:3"])
    }

    @Test("show of a plain event file prints exactly what it printed before logs were read")
    func showPlainFileUnchanged() throws {
        let result = try Binary.run(["show", "fixtures/pre-sign-up/PreSignUp_SignUp.json"])
        #expect(result.status == 0)
        #expect(result.lines.first == "Pre sign-up: PreSignUp_SignUp")
        #expect(!result.stdout.contains("=="))
    }

    @Test("import writes each distinct event once and prints the summary; a second run writes nothing")
    func importSamples() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let sources = ["lambda-node-text.log", "s3-export.log.gz", "logs-tail.log", "powertools.jsonl", "broken-lines.log"].map { Self.logs + "/" + $0 }
        let result = try Binary.run(["import"] + sources + ["--into", folder.path + "/out"])
        #expect(result.status == 1, "a broken event line makes the status 1")
        #expect(result.stdout == """
            sources read: 5
            lines read: 58
            events found: 10
              custom-message: 2
              post-authentication: 1
              pre-authentication: 1
              pre-sign-up: 5
              pre-token-generation-v2: 1
            files written: 6 (into \(folder.path)/out)
            duplicates: 4 (same as an event met before)
            lines without an event: 14
            problems: 2

            """)
        #expect(result.stderr.contains("fixtures/logs/broken-lines.log:2:257: unterminated string"))
        let written = FileManager.default.enumerator(atPath: folder.path + "/out")?.allObjects.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
        #expect(written == [
            "custom-message/CustomMessage_SignUp.17f0fd9e-1d63-46c6-bf2c-6d290837f37a.json",
            "post-authentication/PostAuthentication_Authentication.a246db1e-2ab6-43a3-8066-d0bded8e00b2.json",
            "pre-authentication/PreAuthentication_Authentication.eb5fa8f7-2417-42bd-8db8-b0c849eba1e1.json",
            "pre-sign-up/PreSignUp_AdminCreateUser.lena.mueller.json",
            "pre-sign-up/PreSignUp_SignUp.17f0fd9e-1d63-46c6-bf2c-6d290837f37a.json",
            "pre-token-generation-v2/TokenGeneration_Authentication.17f0fd9e-1d63-46c6-bf2c-6d290837f37a.json",
        ])
        // Every written file is a valid event for check.
        let check = try Binary.run(["check", folder.path + "/out"])
        #expect(check.status == 0, "\(check.stdout)")

        let again = try Binary.run(["import"] + sources + ["--into", folder.path + "/out"])
        #expect(again.stdout.contains("files written: 0"))
        #expect(again.stdout.contains("already there: 6 (an identical file exists)"))
    }

    @Test("import --dry-run lists what it would write and writes nothing")
    func importDryRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let result = try Binary.run(["import", Self.logs + "/events.ndjson", "--into", folder.path + "/out", "--dry-run"])
        #expect(result.status == 0)
        #expect(result.lines.prefix(3) == [
            "would write \(folder.path)/out/pre-sign-up/PreSignUp_SignUp.17f0fd9e-1d63-46c6-bf2c-6d290837f37a.json (from fixtures/logs/events.ndjson:1)",
            "would write \(folder.path)/out/post-confirmation/PostConfirmation_ConfirmSignUp.17f0fd9e-1d63-46c6-bf2c-6d290837f37a.json (from fixtures/logs/events.ndjson:2)",
            "would write \(folder.path)/out/user-migration/UserMigration_Authentication.amara.okafor@example.com.json (from fixtures/logs/events.ndjson:5)",
        ])
        #expect(result.stdout.contains("files to write: 3"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }

    @Test("import from standard input; names and bytes from the log reach the terminal escaped, and file names are safe")
    func importEscapes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let event = #"{"version":"1","triggerSource":"PreSignUp_SignUp","region":"eu-west-1","userPoolId":"eu-west-1_x","userName":"evil\u001b[31m/../x","callerContext":{"clientId":"c"},"request":{"userAttributes":{}},"response":{}}"#
        let broken = "{\"triggerSource\":\"PreSignUp_SignUp\",\"version\":\"1\",\"request\":{},\"x\":\u{1B}[2J}"
        let result = try Binary.run(["import", "-", "--into", folder.path, "--verbose"], input: Array((event + "\n" + broken + "\n").utf8))
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
        #expect(result.stderr.contains("stdin:2:"))
        #expect(result.stdout.contains("wrote \(folder.path)/pre-sign-up/PreSignUp_SignUp.evil__31m_.._x.json (from stdin:1)"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/pre-sign-up/PreSignUp_SignUp.evil__31m_.._x.json"))
    }

    @Test("import of a file with no event and of a missing file: clear messages, exit status 2, nothing written")
    func importNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let result = try Binary.run(["import", "fixtures/invalid/not-json.json", "nope.log", "--into", folder.path + "/out"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("fixtures/invalid/not-json.json: no Cognito event found in it"))
        #expect(result.stderr.contains("nope.log: no such file"))
        #expect(result.stdout.contains("events found: 0"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }
}

/// `import` from a pipe that delivers slowly, as `tail -f` does: progress on standard error once it
/// takes more than a second, every event imported, and the end of the input ends the import.
@Suite struct ImportStreamingTests {
    @Test("import - --progress on a slow pipe reports progress and imports what arrives until the pipe closes")
    func slowPipe() throws {
        let binary = try Binary.required()
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let lines = String(decoding: Repository.bytes(of: Repository.fixtures + "/logs/events.ndjson"), as: UTF8.self)
            .split(separator: "\n").map { String($0) + "\n" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["import", "-", "--into", folder.path + "/out", "--progress"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(lines[0].utf8))
        Thread.sleep(forTimeInterval: 1.3)
        #expect(process.isRunning, "import ended before its input did")
        for line in lines.dropFirst() { try input.fileHandleForWriting.write(contentsOf: Data(line.utf8)) }
        try input.fileHandleForWriting.close()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(stderr.contains("reading stdin: 0 MB, 1 lines, 1 events"), "\(stderr)")
        #expect(String(decoding: stdout, as: UTF8.self).contains("events found: 3"))
    }
}
