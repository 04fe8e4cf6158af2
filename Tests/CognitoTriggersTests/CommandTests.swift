import Foundation
import JSONDocument
import Testing
import TestSupport
import TerminalText
@testable import CognitoTriggers

/// End-to-end runs of the built `cognito-explorer`: output, exit status, and files on disk.
///
/// `swift test` builds the executable next to the test bundle; `Binary` says how it is found.
@Suite("cognito-explorer show, set, new and triggers")
struct CommandTests {
    /// Where the executable is, by the one rule in `Binary`.
    static var binary: String? { Binary.path }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the executable in `folder` with a timeout; colour and width settings of the caller are removed.
    static func run(_ arguments: [String], in folder: TemporaryFolder, timeout: TimeInterval = 30,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        let binary = try #require(Self.binary, "\(Binary.skipReason)", sourceLocation: sourceLocation)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        var environment = ProcessInfo.processInfo.environment
        for key in ["NO_COLOR", "COLUMNS", "TERM"] { environment[key] = nil }
        process.environment = environment
        let id = UUID().uuidString
        let outPath = folder.path + "/.stdout-" + id, errPath = folder.path + "/.stderr-" + id
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer {
            try? out.close()
            try? err.close()
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            Issue.record("cognito-explorer \(arguments.joined(separator: " ")) timed out after \(timeout) s", sourceLocation: sourceLocation)
        }
        process.waitUntilExit()
        let stdout = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// Copies a fixture into the folder and returns its new path.
    static func copy(_ fixture: String, to folder: TemporaryFolder, as name: String = "event.json") throws -> String {
        let target = folder.path + "/" + name
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/" + fixture, toPath: target)
        return target
    }

    static func read(_ path: String) -> String { String(decoding: Repository.bytes(of: path), as: UTF8.self) }

    @Test("The executable is found beside the test bundle")
    func binaryExists() {
        #expect(Self.binary != nil, "\(Binary.skipReason)")
    }

    // MARK: show

    @Test("show prints the same text as EventPrinter, and exits 0 for a clean event")
    func show() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("pre-sign-up/PreSignUp_SignUp.json", to: folder)
        let run = try Self.run(["show", file], in: folder)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let event = try TriggerEvent(bytes: Repository.bytes(of: file))
        #expect(run.stdout == EventPrinter.text(of: event, options: .init(width: 80, color: false)))
        #expect(run.stdout.hasPrefix("Pre sign-up: PreSignUp_SignUp\n"))
        #expect(run.stdout.hasSuffix("\nNo problems.\n"))
    }

    @Test("show never writes control characters, escapes or bidi overrides from the event")
    func showEscapes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("invalid/control-characters.json", to: folder)
        let run = try Self.run(["show", file], in: folder)
        #expect(run.status == 0)
        #expect(!run.stdout.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
        #expect(run.stdout.contains("name (string): \"\\u001b[31mRED\\u001b[0m Mallory\\u0007\""))
        #expect(run.stdout.contains("nickname (string): \"evil\\u202etxt.exe\""))
        // Not a terminal: no dimming either.
        #expect(!run.stdout.contains("\u{1B}"))
    }

    @Test("show --json prints the machine-readable form")
    func showJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("pre-token-generation-v2/TokenGeneration_Authentication.json", to: folder)
        let run = try Self.run(["show", "--json", file], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout == EventPrinter.json(of: try TriggerEvent(bytes: Repository.bytes(of: file)), file: file))
        let value = try JSONValue(parsing: run.stdout)
        #expect(value["trigger"] == "preTokenGenerationV2")
        #expect(value["triggerSource"] == "TokenGeneration_Authentication")
    }

    @Test("show exits 1 for an event with errors and still prints it")
    func showErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("invalid/wrong-types.json", to: folder)
        let run = try Self.run(["show", file], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.contains("  request.userAttributes: error: expected a map of strings, found an array\n"))
    }

    @Test("show of text that is not JSON: FILE:LINE:COLUMN, the line and a caret, exit 2")
    func showNotJSON() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try folder.write("bad.json", "{\n  \"a\": 1\n  \"b\": 2\n}\n")
        let run = try Self.run(["show", file], in: folder)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == """
            \(file):3:3: expected ',' or '}' after an object member
             3 |   "b": 2
               |   ^

            """)
    }

    @Test("show of files that cannot be read, are empty or binary: exit 2", arguments: [
        ("missing.json", nil, "missing.json: no such file"),
        ("empty.json", "", "empty.json: empty file (0 bytes), not JSON"),
        ("binary.json", "\u{0}\u{1}\u{2}", "binary.json: binary file (it holds NUL bytes), not JSON"),
    ] as [(String, String?, String)])
    func showUnreadable(name: String, content: String?, message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        if let content { try folder.write(name, content) }
        let run = try Self.run(["show", name], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr == message + "\n")
    }

    // MARK: set

    @Test("set changes the file only at the fields and prints one line per change, then the problems")
    func set() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("user-migration/UserMigration_Authentication.json", to: folder)
        let original = Self.read(file)
        let run = try Self.run(["set", file, "response.finalUserStatus=CONFIRMED", "response.forceAliasCreation=true",
                                "response.desiredDeliveryMediums=[\"EMAIL\"]", "--unset", "response.messageAction"], in: folder)
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == """
            response.finalUserStatus: null -> "CONFIRMED"
            response.forceAliasCreation: null -> true
            response.desiredDeliveryMediums: null -> ["EMAIL"]
            response.messageAction: null -> (removed)

            No problems.

            """)
        var expected = try Wrap.replacing(original, "\"finalUserStatus\": null", "\"finalUserStatus\": \"CONFIRMED\"")
        expected = try Wrap.replacing(expected, "\"forceAliasCreation\": null", "\"forceAliasCreation\": true")
        expected = try Wrap.replacing(expected, "\"desiredDeliveryMediums\": null", "\"desiredDeliveryMediums\": [\n      \"EMAIL\"\n    ]")
        expected = try Wrap.replacing(expected, "    \"messageAction\": null,\n", "")
        #expect(Self.read(file) == expected)
    }

    @Test("set creates missing objects and replaces null on the way")
    func setNested() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("pre-token-generation-v1/TokenGeneration_HostedAuth.json", to: folder)
        let original = Self.read(file)
        let run = try Self.run(["set", file, "response.claimsOverrideDetails.claimsToSuppress=[\"email\"]"], in: folder)
        #expect(run.status == 0)
        #expect(Self.read(file) == (try Wrap.replacing(original, "\"claimsOverrideDetails\": null",
            "\"claimsOverrideDetails\": {\n      \"claimsToSuppress\": [\n        \"email\"\n      ]\n    }")))
    }

    @Test("set keeps CRLF line endings, odd spacing and every other byte")
    func setKeepsBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = Self.read(Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json")
            .replacingOccurrences(of: "\n", with: "\r\n")
            .replacingOccurrences(of: "\"autoVerifyEmail\": false", with: "\"autoVerifyEmail\"  :false")
        let file = try folder.write("crlf.json", original)
        let run = try Self.run(["set", file, "response.autoVerifyEmail=true", "response.autoVerifyPhone=false"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("response.autoVerifyEmail: false -> true\nresponse.autoVerifyPhone: false (unchanged)\n"))
        #expect(Self.read(file) == (try Wrap.replacing(original, "\"autoVerifyEmail\"  :false", "\"autoVerifyEmail\"  :true")))
    }

    @Test("set refuses a value of the wrong type: exit 1, file untouched", arguments: [
        (["response.autoConfirmUser=\"true\""], "error: response.autoConfirmUser: expected a boolean (true or false), found a string (write true without quotes); event.json is unchanged"),
        (["response.autoConfirmUser=yes"], "error: response.autoConfirmUser: \"yes\" is not a JSON value; write a boolean (true or false); event.json is unchanged"),
        (["response.autoVerifyEmail=true", "response.autoConfirmUser=[]"], "error: response.autoConfirmUser: expected a boolean (true or false), found an array; event.json is unchanged"),
        (["request.userAttributes.email=x"], "error: request.userAttributes.email: is not a response field; request and common fields hold what Cognito sent, and a function's changes to them have no effect (use --force to change it anyway); event.json is unchanged"),
        (["response.autoConfirmUser.deeper=1"], "error: response.autoConfirmUser.deeper: response.autoConfirmUser is a boolean, not an object; change or remove it first; event.json is unchanged"),
        (["autoConfirmUser"], "error: \"autoConfirmUser\" is not FIELD=VALUE (for example response.autoConfirmUser=true); event.json is unchanged"),
    ])
    func setRefused(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("pre-sign-up/PreSignUp_SignUp.json", to: folder)
        let original = Repository.bytes(of: file)
        let run = try Self.run(["set", "event.json"] + arguments, in: folder)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == message + "\n")
        #expect(Repository.bytes(of: file) == original)
    }

    @Test("set --force changes request fields")
    func setForce() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("pre-sign-up/PreSignUp_SignUp.json", to: folder)
        let original = Self.read(file)
        let run = try Self.run(["set", file, "--force", "request.userAttributes.locale=de-DE"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("request.userAttributes.locale: \"is-IS\" -> \"de-DE\"\n"))
        #expect(Self.read(file) == (try Wrap.replacing(original, "\"is-IS\"", "\"de-DE\"")))
    }

    @Test("set --output writes another file and leaves the original alone")
    func setOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("define-auth-challenge/DefineAuthChallenge_Authentication.json", to: folder)
        let original = Self.read(file)
        let run = try Self.run(["set", file, "response.issueTokens=true", "--output", "out.json"], in: folder)
        #expect(run.status == 0)
        #expect(Self.read(file) == original)
        #expect(Self.read(folder.path + "/out.json") == (try Wrap.replacing(original, "\"issueTokens\": null", "\"issueTokens\": true")))
    }

    @Test("set takes jq's spelling of a path, and exits 0 when the saved event has no errors")
    func setJQPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("pre-token-generation-v2/TokenGeneration_Authentication.json", to: folder)
        let original = Self.read(file)
        let run = try Self.run(["set", file, #".response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride."custom:tier"=gold"#], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix(#"response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride["custom:tier"]: (absent) -> "gold""#))
        #expect(Self.read(file) != original)
        #expect(!Self.read(file).contains(#""\"custom:tier\"""#), "no key with quotes in its name")
        #expect(Self.read(file).contains(#""custom:tier": "gold""#))
        let refused = try Self.run(["set", file, #"response.a"b"c=1"#], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is not a field path"))
    }

    @Test("set reports the problems of the result")
    func setProblems() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("custom-message/CustomMessage_SignUp.json", to: folder)
        let run = try Self.run(["set", file, "response.smsMessage=Welcome!"], in: folder)
        #expect(run.status == 1, "saved, but with errors: the status check would give")
        #expect(run.stdout == """
            response.smsMessage: null -> "Welcome!"

            Problems (1):
              response.smsMessage: error: does not contain the code placeholder {####}; Cognito rejects the message

            """)
    }

    @Test("set without changes is a usage error; set of a file that is not JSON exits 2")
    func setUsage() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy("pre-sign-up/PreSignUp_SignUp.json", to: folder)
        let original = Repository.bytes(of: file)
        let usage = try Self.run(["set", file], in: folder)
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("Give at least one FIELD=VALUE or --unset FIELD."))
        #expect(Repository.bytes(of: file) == original)
        let bad = try folder.write("bad.json", "{\"a\": }")
        let notJSON = try Self.run(["set", bad, "response.x=1"], in: folder)
        #expect(notJSON.status == 2)
        #expect(notJSON.stderr.hasPrefix("\(bad):1:7: expected a value, found '}'\n"))
        #expect(Self.read(bad) == "{\"a\": }")
    }

    // MARK: new

    @Test("new prints the template; --output writes it; an existing file needs --force")
    func new() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let template = try Templates.text(for: .tokenGenerationHostedAuth, version: 2)
        let printed = try Self.run(["new", "TokenGeneration_HostedAuth", "--version", "2"], in: folder)
        #expect(printed.status == 0)
        #expect(printed.stdout == template)
        let written = try Self.run(["new", "TokenGeneration_HostedAuth", "--version", "2", "--output", "t.json"], in: folder)
        #expect(written.status == 0)
        #expect(written.stdout == "")
        #expect(Self.read(folder.path + "/t.json") == template)
        let refused = try Self.run(["new", "PreSignUp_SignUp", "--output", "t.json"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: t.json: the file exists; use --force to overwrite it\n")
        #expect(Self.read(folder.path + "/t.json") == template)
        let forced = try Self.run(["new", "PreSignUp_SignUp", "--output", "t.json", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(Self.read(folder.path + "/t.json") == (try Templates.text(for: .preSignUpSignUp)))
        // The written event shows clean.
        let shown = try Self.run(["show", "t.json"], in: folder)
        #expect(shown.status == 0)
        #expect(shown.stdout.hasSuffix("\nNo problems.\n"))
    }

    @Test("new with an unknown source or version: a clear error, exit 2", arguments: [
        (["new", "PreSignUp_SignUpp"], "error: unknown trigger source \"PreSignUp_SignUpp\"; did you mean PreSignUp_SignUp?"),
        (["new", "PreSingUp"], "error: unknown trigger source \"PreSingUp\"; did you mean PreSignUp_SignUp, PreSignUp_AdminCreateUser, PreSignUp_ExternalProvider?"),
        (["new", "Nothing"], "error: unknown trigger source \"Nothing\"; `cognito-explorer triggers` lists every trigger source"),
        (["new", "PreSignUp_SignUp", "--version", "2"], "error: PreSignUp_SignUp has no version 2 event; the versions with this trigger source: 1"),
    ])
    func newErrors(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let run = try Self.run(arguments, in: folder)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == message + "\n")
    }

    @Test("new accepts a source in any case")
    func newCase() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let run = try Self.run(["new", "custommessage_signup"], in: folder)
        #expect(run.status == 0)
        #expect(run.stdout == (try Templates.text(for: .customMessageSignUp)))
    }

    // MARK: triggers

    @Test("triggers lists the catalogue, as text and as JSON")
    func triggers() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let text = try Self.run(["triggers"], in: folder)
        #expect(text.status == 0)
        #expect(text.stdout == EventPrinter.triggersText(options: .init(width: 80, color: false)))
        let json = try Self.run(["triggers", "--json"], in: folder)
        #expect(json.status == 0)
        #expect(json.stdout == EventPrinter.triggersJSON())
        #expect(try JSONValue(parsing: json.stdout).arrayValue?.count == 15)
    }
}

