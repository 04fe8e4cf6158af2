import JSONDocument
import Testing
@testable import CognitoTriggers

@Suite("Templates")
struct TemplateTests {
    /// Every known source with every version that has it.
    static let cases: [TemplateCase] = TriggerSource.known.flatMap { source in
        Templates.versions(of: source).map { TemplateCase(source: source, version: $0) }
    }

    struct TemplateCase: Sendable, CustomTestStringConvertible {
        let source: TriggerSource
        let version: Int
        var testDescription: String { "\(source.rawValue) v\(version)" }
        var trigger: Trigger? { source.triggers.first { $0.eventVersion == version } }
    }

    @Test("There is a template for every source and version: 41 sources, 51 templates")
    func count() {
        #expect(TriggerSource.known.count == 41)
        #expect(Self.cases.count == 51)
    }

    @Test("Every template validates with no problems and opens as its trigger", arguments: cases)
    func validatesClean(_ c: TemplateCase) throws {
        let document = try Templates.event(for: c.source, version: c.version)
        let event = TriggerEvent(document: document)
        #expect(event.validate() == [])
        #expect(event.trigger == c.trigger)
        #expect(event.triggerSource == c.source)
        #expect(try event.version == String(c.version))
        // Every typed property reads without an error.
        try FixtureAndConformanceTests.readEverything(event)
    }

    @Test("Every template round-trips through JSONDocument byte for byte, with two-space indents and a final newline",
          arguments: cases)
    func roundTrips(_ c: TemplateCase) throws {
        let text = try Templates.text(for: c.source, version: c.version)
        let document = try JSONDocument(text: text)
        #expect(document.text == text)
        #expect(try Templates.event(for: c.source, version: c.version).bytes == Array(text.utf8))
        #expect(text.hasSuffix("}\n"))
        #expect(!text.hasSuffix("\n\n"))
        #expect(document.whitespaceStyle.indentUnit == "  ")
        #expect(document.whitespaceStyle.newline == "\n")
        #expect(text.hasPrefix("{\n  \"version\": "))
    }

    @Test("Top-level keys come in Cognito's order", arguments: cases)
    func keyOrder(_ c: TemplateCase) throws {
        let document = try Templates.event(for: c.source, version: c.version)
        let keys = document.root.members.map(\.key)
        let isSender = c.trigger == .customEmailSender || c.trigger == .customSMSSender
        let expected = ["version", "triggerSource", "region", "userPoolId", "userName", "callerContext", "request"]
            + (isSender ? [] : ["response"])
        #expect(keys == expected)
    }

    @Test("Every common and request field the catalogue knows is present", arguments: cases)
    func everyFieldPresent(_ c: TemplateCase) throws {
        let trigger = try #require(c.trigger)
        let document = try Templates.event(for: c.source, version: c.version)
        for field in Catalogue.commonFields + Catalogue.spec(for: trigger).requestFields {
            let path: JSONPath = field.path.map { $0 == "*" ? .index(0) : .key($0) }
            #expect(document.node(at: path) != nil, "\(field.dottedPath) is missing")
        }
    }

    @Test("The response is as Cognito sends it: its direct members at null, false or {}, nothing deeper", arguments: cases)
    func responseDefaults(_ c: TemplateCase) throws {
        let trigger = try #require(c.trigger)
        let document = try Templates.event(for: c.source, version: c.version)
        let spec = Catalogue.spec(for: trigger)
        guard trigger != .customEmailSender && trigger != .customSMSSender else {
            #expect(document.node(at: ["response"]) == nil)
            return
        }
        let response = try #require(document.node(at: ["response"]))
        let direct = spec.responseFields.filter { $0.path.count == 2 }
        #expect(response.members.map(\.key) == direct.map(\.name))
        for member in response.members {
            let value = member.value.value
            #expect(value == .null || value == .bool(false) || value == .object([]), "\(member.key): \(value)")
        }
    }

    @Test("Examples use example.com and the reserved documentation ranges")
    func exampleValues() throws {
        for c in Self.cases {
            let text = try Templates.text(for: c.source, version: c.version)
            for match in text.split(separator: "@").dropFirst() {
                #expect(match.hasPrefix("example.com"), "\(c.testDescription): \(match.prefix(20))")
            }
        }
    }

    @Test("Templates differ where the source matters")
    func sourceSpecifics() throws {
        let invite = try Templates.event(for: .customMessageAdminCreateUser)
        #expect(invite[["request", "usernameParameter"]] == "{username}")
        #expect(try Templates.event(for: .customMessageSignUp)[["request", "usernameParameter"]] == .null)
        #expect(try Templates.event(for: .userMigrationForgotPassword)[["request", "password"]] == .null)
        #expect(try Templates.event(for: .userMigrationAuthentication)[["request", "password"]]?.stringValue != nil)
        let machine = try Templates.event(for: .tokenGenerationClientCredentials)
        #expect(machine[["version"]] == "3")
        #expect(machine[["request", "userAttributes"]] == .object([]))
        #expect(try Templates.event(for: .customEmailSenderAccountTakeOverNotification)[["request", "code"]] == .null)
        #expect(try Templates.event(for: .customSMSSenderSignUp)[["request", "type"]] == "customSMSSenderRequestV1")
        #expect(try Templates.event(for: .inboundFederationExternalProvider)[["response", "userAttributesToMap"]] == .object([]))
        #expect(try Templates.event(for: .tokenGenerationHostedAuth, version: 2)[["response", "claimsAndScopeOverrideDetails"]] == .null)
        #expect(try Templates.event(for: .tokenGenerationHostedAuth)[["response", "claimsOverrideDetails"]] == .null)
    }

    @Test("Without a version, the lowest version that has the source is used")
    func defaultVersion() throws {
        #expect(try Templates.event(for: .tokenGenerationRefreshTokens)[["version"]] == "1")
        #expect(try Templates.event(for: .tokenGenerationClientCredentials)[["version"]] == "3")
        #expect(try Templates.event(for: .preSignUpSignUp)[["version"]] == "1")
        #expect(Templates.versions(of: .tokenGenerationHostedAuth) == [1, 2, 3])
        #expect(Templates.versions(of: .tokenGenerationClientCredentials) == [3])
        #expect(Templates.versions(of: .preSignUpSignUp) == [1])
        #expect(Templates.versions(of: .unknown("X")) == [])
    }

    @Test("A version the source does not have is an error naming the versions it has", arguments: [
        (TriggerSource.preSignUpSignUp, 2, "PreSignUp_SignUp has no version 2 event; the versions with this trigger source: 1"),
        (.tokenGenerationClientCredentials, 1, "TokenGeneration_ClientCredentials has no version 1 event; the versions with this trigger source: 3"),
        (.tokenGenerationHostedAuth, 4, "TokenGeneration_HostedAuth has no version 4 event; the versions with this trigger source: 1, 2, 3"),
    ])
    func unsupportedVersion(source: TriggerSource, version: Int, message: String) {
        #expect(throws: TemplateError(source: source.rawValue, kind: .unsupportedVersion(version, allowed: Templates.versions(of: source)))) {
            try Templates.event(for: source, version: version)
        }
        do {
            _ = try Templates.text(for: source, version: version)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("Source names: exact, or differing only in case")
    func sourceNames() throws {
        #expect(try Templates.source(named: "PreSignUp_SignUp") == .preSignUpSignUp)
        #expect(try Templates.source(named: "presignup_signup") == .preSignUpSignUp)
        #expect(try Templates.source(named: "TOKENGENERATION_CLIENTCREDENTIALS") == .tokenGenerationClientCredentials)
    }

    @Test("Unknown source names are errors listing close matches", arguments: [
        ("PreSingUp_SignUp", ["PreSignUp_SignUp"]),
        ("PreSignUp", ["PreSignUp_SignUp", "PreSignUp_AdminCreateUser", "PreSignUp_ExternalProvider"]),
        ("customsmssender_signup_x", ["CustomSMSSender_SignUp", "CustomEmailSender_SignUp"]),
        ("DefineAuth", ["DefineAuthChallenge_Authentication"]),
        ("Xyzzy", []),
        ("", []),
    ])
    func unknownNames(name: String, suggestions: [String]) {
        do {
            _ = try Templates.source(named: name)
            Issue.record("\(name) was accepted")
        } catch {
            guard case .unknownSource(let found) = error.kind else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(found.map(\.rawValue) == suggestions)
            if suggestions.isEmpty {
                #expect(error.description == "unknown trigger source \"\(name)\"; `cognito-explorer triggers` lists every trigger source")
            } else {
                #expect(error.description == "unknown trigger source \"\(name)\"; did you mean \(suggestions.joined(separator: ", "))?")
            }
        }
    }

    @Test("An unknown source cannot have a template")
    func unknownTemplate() {
        #expect(throws: TemplateError.self) { try Templates.event(for: .unknown("Foo_Bar")) }
    }

    @Test("The error message escapes what the user typed")
    func escapedName() {
        let error = TemplateError(source: "a\u{1B}[2Jb", kind: .unknownSource(suggestions: []))
        #expect(!error.description.contains("\u{1B}"))
        #expect(error.description.contains("a\\u001b[2Jb"))
    }

    @Test("Edit distance", arguments: [("", "", 0), ("abc", "", 3), ("kitten", "sitting", 3), ("flaw", "lawn", 2), ("same", "same", 0)])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Templates.editDistance(a, b) == distance)
        #expect(Templates.editDistance(b, a) == distance)
    }
}
