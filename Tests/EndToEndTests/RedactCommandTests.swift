import Foundation
import JSONDocument
import Testing
import TestSupport

/// `cognito-explorer redact`, run as a user would: where the result goes, what is printed, and
/// that no original is ever lost.
@Suite(.enabled(if: Binary.path != nil, "needs the built cognito-explorer"))
struct RedactCommandTests {
    static let signUp = Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"
    static let confirm = Repository.fixtures + "/post-confirmation/PostConfirmation_ConfirmSignUp.json"

    /// A copy of a fixture in a temporary folder.
    static func copy(_ source: String, to folder: TemporaryFolder, as name: String) throws -> String {
        try folder.write(name, String(decoding: Repository.bytes(of: source), as: UTF8.self))
    }

    @Test func oneFileGoesToStandardOutputAndTheReportToStandardError() throws {
        let result = try Binary.run(["redact", "fixtures/pre-sign-up/PreSignUp_SignUp.json", "--salt", "e2e"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONDocument(text: result.stdout)
        #expect(document[["triggerSource"]] == "PreSignUp_SignUp")
        #expect(!result.stdout.contains("zoe.thorsdottir") && !result.stdout.contains("Þórsdóttir"))
        #expect(!result.stdout.contains("17f0fd9e-1d63-46c6-bf2c-6d290837f37a"))
        #expect(result.stderr == "fixtures/pre-sign-up/PreSignUp_SignUp.json: 1 email address, 1 user name, 1 full name, 1 token or secret, 2 other personal values\n")
        // The same salt gives the same bytes in another run; without one, a note says so.
        #expect(try Binary.run(["redact", "fixtures/pre-sign-up/PreSignUp_SignUp.json", "--salt", "e2e"]).stdout == result.stdout)
        let unsalted = try Binary.run(["redact", "fixtures/pre-sign-up/PreSignUp_SignUp.json"])
        #expect(unsalted.stdout != result.stdout)
        #expect(unsalted.stderr.contains("note: the fakes were keyed with a random salt; give --salt"))
    }

    @Test func standardInputIsReadWhenTheFileIsADash() throws {
        let result = try ReadmeCommandsTests.shell("'\(try #require(Binary.path))' redact - --salt e2e < fixtures/pre-sign-up/PreSignUp_SignUp.json", in: Repository.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try Binary.run(["redact", "fixtures/pre-sign-up/PreSignUp_SignUp.json", "--salt", "e2e"])).stdout)
        #expect(result.stderr == "-: 1 email address, 1 user name, 1 full name, 1 token or secret, 2 other personal values\n")
        let inPlace = try Binary.run(["redact", "-", "--in-place"])
        #expect(inPlace.status == 64)
        #expect(inPlace.stderr.contains("Standard input (-) is read alone, and cannot be redacted in place."))
    }

    @Test func groupNamesStayUnlessRedactGroupsIsGiven() throws {
        let file = "fixtures/pre-token-generation-v2/TokenGeneration_Authentication.json"
        let kept = try Binary.run(["redact", file, "--salt", "g"])
        #expect(kept.stdout.contains("\"beta-testers\"") && !kept.stderr.contains("group"))
        let replaced = try Binary.run(["redact", file, "--salt", "g", "--redact-groups"])
        #expect(replaced.status == 0)
        #expect(!replaced.stdout.contains("beta-testers") && !replaced.stdout.contains("role/app-readers"))
        #expect(replaced.stdout.contains("arn:aws:iam::210987654321:role/"))
        #expect(replaced.stderr.contains("4 group names") && replaced.stderr.contains("6 group role ARNs"), "\(replaced.stderr)")
    }

    @Test func inPlaceChangesOnlyTheRedactedValuesAndMatchesTheStandardOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy(Self.signUp, to: folder, as: "event.json")
        let printed = try Binary.run(["redact", file, "--salt", "same"])
        let result = try Binary.run(["redact", file, "--salt", "same", "--in-place"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("event.json: 1 email address, 1 user name, 1 full name, 1 token or secret, 2 other personal values\n"))
        let written = String(decoding: Repository.bytes(of: file), as: UTF8.self)
        #expect(written == printed.stdout)
        // Line by line: only the lines of replaced values differ.
        let before = String(decoding: Repository.bytes(of: Self.signUp), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let after = written.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        let changed = zip(before, after).filter { $0 != $1 }.map { String($0.0.split(separator: ":")[0]).trimmingCharacters(in: .whitespaces) }
        #expect(changed == ["\"userName\"", "\"name\"", "\"email\"", "\"recaptchaToken\"", "\"signupSource\"", "\"campaign\""])
    }

    @Test func severalFilesGoToAFolderWithTheSameFakesForTheSameUser() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let out = folder.path + "/shared"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        let result = try Binary.run(["redact", Self.signUp, Self.confirm, "--output", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix(" values replaced in 2 of 2 files\n"), "\(result.stdout)")
        let first = try JSONDocument(bytes: Repository.bytes(of: out + "/PreSignUp_SignUp.json"))
        let second = try JSONDocument(bytes: Repository.bytes(of: out + "/PostConfirmation_ConfirmSignUp.json"))
        let email = try #require(first[["request", "userAttributes", "email"]]?.stringValue)
        #expect(email.hasSuffix("@example.com") && email != "zoe.thorsdottir@example.com")
        #expect(second[["request", "userAttributes", "email"]]?.stringValue == email)
        #expect(first[["userName"]] == second[["userName"]])
        // A second run never replaces what the first wrote.
        let again = try Binary.run(["redact", Self.signUp, "--output", out + "/PreSignUp_SignUp.json"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("PreSignUp_SignUp.json exists; redact never replaces a file"))
        #expect(try JSONDocument(bytes: Repository.bytes(of: out + "/PreSignUp_SignUp.json"))[["request", "userAttributes", "email"]]?.stringValue == email)
    }

    @Test func theOriginalIsNeverLostByAccident() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try Self.copy(Self.signUp, to: folder, as: "event.json")
        let original = Repository.bytes(of: file)
        // Writing the result over the input needs --in-place.
        let over = try Binary.run(["redact", file, "--output", file])
        #expect(over.status == 1)
        #expect(over.stderr.contains("is one of the input files; use --in-place to replace it"))
        // Several files need a folder or --in-place; --in-place and --output exclude each other.
        let several = try Binary.run(["redact", file, Self.confirm])
        #expect(several.status == 64)
        #expect(several.stderr.contains("For several files give --output FOLDER or --in-place."))
        let both = try Binary.run(["redact", file, "--in-place", "--output", folder.path + "/x.json"])
        #expect(both.status == 64)
        #expect(Repository.bytes(of: file) == original)
    }

    @Test("bad input gets a clear message, exit status 2 and nothing written", arguments: [
        ("malformed.json", "{\n  \"triggerSource\": \"PreSignUp_SignUp\"\n  \"userName\": \"x\"\n}\n", "malformed.json:3:3: expected ',' or '}' after an object member"),
        ("not-an-event.json", "{\"userName\": \"bob@example.com\"}", "not-an-event.json: not a Cognito trigger event: there is no triggerSource; nothing written"),
        ("list.json", "[1, 2]", "list.json: not a Cognito trigger event: the top level is an array, not an object; nothing written"),
        ("empty.json", "", "empty.json: empty file (0 bytes), not JSON"),
    ])
    func badInput(_ name: String, _ text: String, _ message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try folder.write(name, text)
        for extra in [[], ["--in-place"], ["--output", folder.path + "/out.json"]] {
            let result = try Binary.run(["redact", name] + extra, in: folder.path)
            #expect(result.status == 2, "\(extra)")
            #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(!result.stderr.contains("note:"), "no salt note when nothing was redacted")
            #expect(String(decoding: Repository.bytes(of: file), as: UTF8.self) == text)
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/out.json"))
        }
        let missing = try Binary.run(["redact", "nowhere.json"], in: folder.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("nowhere.json: no such file"), "\(missing.stderr)")
    }

    @Test func aBadFileAmongGoodOnesStopsNothingElse() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let good = try Self.copy(Self.signUp, to: folder, as: "good.json")
        let bad = try folder.write("bad.json", "{oops")
        let result = try Binary.run(["redact", bad, good, "--in-place", "--salt", "s"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(bad + ":1:2: "), "\(result.stderr)")
        #expect(result.stdout.hasSuffix(" values replaced in 1 of 2 files\n"), "\(result.stdout)")
        #expect(!String(decoding: Repository.bytes(of: good), as: UTF8.self).contains("zoe.thorsdottir"))
        #expect(String(decoding: Repository.bytes(of: bad), as: UTF8.self) == "{oops")
    }

    @Test func fileNamesAndEventTextReachTheTerminalEscapedAndAPipeTheExactBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let name = "ev\u{1B}[31mil\u{202E}.json"
        var text = String(decoding: Repository.bytes(of: Self.signUp), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"locale\": \"is-IS\"", with: "\"locale\": \"is\u{202E}IS\u{9B}\"")
        try folder.write(name, text)
        // Into a pipe: the exact bytes, as --output writes them; the report's file name escaped.
        let piped = try Binary.run(["redact", name, "--salt", "s"], in: folder.path)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stderr.contains("\u{1B}") && piped.stderr.contains("ev\\u001b[31mil\\u202e.json: "))
        let written = try Binary.run(["redact", name, "--salt", "s", "--output", "out.json"], in: folder.path)
        #expect(written.status == 0)
        #expect(Array(piped.stdout.utf8) == Repository.bytes(of: folder.path + "/out.json"))
        #expect(try JSONDocument(text: piped.stdout)[["request", "userAttributes", "locale"]] == "is\u{202E}IS\u{9B}")
        // On a terminal (script(1) gives it one): every steering character escaped, the same JSON.
        let binary = try #require(Binary.path)
        let shown = try ReadmeCommandsTests.shell("script -qec \"'\(binary)' redact 'ev'*.json --salt s\" /dev/null", in: folder.path)
        #expect(shown.status == 0, "\(shown.stdout)")
        #expect(!shown.stdout.contains("\u{1B}") && !shown.stdout.contains("\u{202E}") && !shown.stdout.contains("\u{9B}"))
        #expect(shown.stdout.contains("\"is\\u202eIS\\u009b\"") && shown.stdout.contains("ev\\u001b[31mil\\u202e.json: "))
        let json = shown.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        let event = try #require(json.range(of: "\n}\n").map { String(json[..<$0.upperBound]) })
        #expect(try JSONDocument(text: event)[["request", "userAttributes", "locale"]] == "is\u{202E}IS\u{9B}")
    }
    // MARK: import --redact

    /// Every JSON file under a folder, by its path inside it.
    static func importedFiles(in folder: String) throws -> [String: JSONDocument] {
        var result: [String: JSONDocument] = [:]
        for path in Repository.jsonFiles(under: folder) {
            result[String(path.dropFirst(folder.count))] = try JSONDocument(bytes: Repository.bytes(of: path))
        }
        return result
    }

    /// The string values of a document with their paths.
    static func strings(in document: JSONDocument) -> [(path: JSONPath, text: String)] {
        var result: [(JSONPath, String)] = []
        func visit(_ node: JSONNode, _ path: JSONPath) {
            if let text = node.stringValue { result.append((path, text)) }
            var index = 0
            for child in node.children {
                visit(child, path + [node.kind == .object ? .key(child.key ?? "") : .index(index)])
                index += 1
            }
        }
        visit(document.root, [])
        return result
    }

    /// Where the sample logs' events hold personal data, written out here (this target does not
    /// link the catalogue): the user name, attribute maps, metadata, passwords, codes, answers.
    static let personalPlaces: [JSONPath] = [
        ["userName"], ["request", "userName"], ["request", "userAttributes"], ["request", "clientMetadata"],
        ["request", "validationData"], ["request", "password"], ["request", "code"], ["request", "challengeAnswer"],
        ["request", "privateChallengeParameters"], ["request", "attributes"], ["response", "userAttributes"],
        ["response", "userAttributesToMap"],
    ]
    static let notPersonalNames: Set<String> = [
        "email_verified", "phone_number_verified", "cognito:user_status", "locale", "zoneinfo", "token_type",
        "expires_in", "scope", "iss", "aud", "iat", "exp",
    ]

    @Test func importRedactWritesTheSameEventsWithNoPersonalValueLeft() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let logs = Repository.root + "/fixtures/logs"
        let sources = (try FileManager.default.contentsOfDirectory(atPath: logs)).sorted()
            .filter { !$0.hasSuffix(".md") && !$0.hasSuffix(".py") }.map { logs + "/" + $0 }
        #expect(sources.count >= 10)
        let plain = try Binary.run(["import"] + sources + ["--into", folder.path + "/plain"])
        let redacted = try Binary.run(["import"] + sources + ["--into", folder.path + "/redacted", "--redact", "--salt", "r"])
        #expect(plain.status == redacted.status, "\(redacted.stderr)")
        #expect(redacted.stdout.contains("values redacted: "), "\(redacted.stdout)")
        let before = try Self.importedFiles(in: folder.path + "/plain")
        let after = try Self.importedFiles(in: folder.path + "/redacted")
        #expect(before.count == after.count && before.count >= 10)

        // Every personal value of the plain import, and everything shaped like an email address,
        // UUID or E.164 number, is gone from the redacted files and from their names.
        var personal: Set<String> = []
        var kept: Set<String> = []
        for document in before.values {
            let clientId = document[["callerContext", "clientId"]]?.stringValue
            for (path, text) in Self.strings(in: document) where text.contains(where: { $0.isLetter || $0.isNumber }) {
                let place = Self.personalPlaces.contains { path.starts(with: $0) }
                let name = path.last?.key ?? ""
                let isPersonal = place && !Self.notPersonalNames.contains(name) && text != "true" && text != "false"
                    && !(path == ["userName"] && text == clientId)
                if isPersonal { personal.insert(text) } else { kept.insert(text) }
                for pattern in [#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"#, #"\+[1-9][0-9]{6,14}"#,
                                #"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"#] {
                    for match in text.matches(of: try Regex(pattern)) { personal.insert(String(text[match.range])) }
                }
            }
        }
        #expect(personal.count > 30)
        let output = after.values.flatMap { Self.strings(in: $0).map(\.text) }
        for value in personal where value.count >= 4 && !kept.contains(where: { $0.contains(value) }) {
            let survives = output.contains { $0.contains(value) } || after.keys.contains { $0.contains(value) }
            #expect(!survives, "\"\(value)\" survives")
        }
        // The same salt gives the same files in another run; the events line up across files.
        let again = try Binary.run(["import"] + sources + ["--into", folder.path + "/again", "--redact", "--salt", "r"])
        #expect(again.status == redacted.status)
        let repeated = try Self.importedFiles(in: folder.path + "/again")
        #expect(Set(repeated.keys) == Set(after.keys))
        for (name, document) in after { #expect(repeated[name]?.bytes == document.bytes, "\(name)") }
    }

    @Test func importTakesTheRedactionOptionsOnlyWithRedact() throws {
        let result = try Binary.run(["import", "fixtures/logs/events.ndjson", "--into", "/tmp/never", "--salt", "s"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--salt and --redact-groups go with --redact."))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never"))
    }
}
