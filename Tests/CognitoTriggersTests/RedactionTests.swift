import Foundation
import JSONDocument
import Testing
import TestSupport
@testable import CognitoTriggers

/// Redaction of every bundled and real event: nothing personal survives, everything else stays.
@Suite struct RedactionTests {
    /// The fixtures that are events: every valid one, and the invalid ones that still parse as events.
    static let fixtureEvents: [String] = Repository.validFixtures + [
        "bom", "control-characters", "crlf", "custom-message-missing-code", "duplicate-keys", "minified",
        "missing-fields", "unknown-trigger", "wrong-types",
    ].map { Repository.fixtures + "/invalid/\($0).json" }

    @Test("no personal value of a fixture survives, and only the redacted values' bytes change", arguments: fixtureEvents)
    func fixture(_ path: String) throws {
        try Self.checkRedaction(of: path)
    }

    @Test("no personal value of a real Cognito event survives, and only the redacted values' bytes change",
          .enabled(if: Conformance.isAvailable || Conformance.isCI, Comment(rawValue: Conformance.skipReason)))
    func conformanceEvents() throws {
        try #require(Conformance.isAvailable, Comment(rawValue: Conformance.skipReason))
        #expect(Conformance.cognitoEvents.count > 30)
        for path in Conformance.cognitoEvents { try Self.checkRedaction(of: path) }
    }

    /// Redacts one file and checks everything the redaction promises.
    static func checkRedaction(of path: String, salt: String = "test salt") throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let bytes = Repository.bytes(of: path)
        let original = try TriggerEvent(bytes: bytes)
        var event = original
        var redactor = Redactor(salt: salt)
        let report = try redactor.redact(&event)
        let output = event.document.bytes
        let outputText = String(decoding: output, as: UTF8.self)

        // It still parses, and reads as the same trigger.
        let reparsed = try TriggerEvent(bytes: output)
        #expect(reparsed.trigger == original.trigger, "\(name)")

        // No original personal value survives in any value of the output (keys are attribute
        // names, kept by design), unless the same text is also a value that is not personal.
        let personal = personalValues(of: original)
        #expect(!personal.isEmpty || original.trigger == nil || name.contains("custommessage"), "\(name): no personal value found to check")
        let personalTexts = Set(personal.map(\.text))
        let keptValues = stringValues(in: original.document.root).filter { !personalTexts.contains($0) }
        let outputValues = stringValues(in: reparsed.document.root)
        for value in personal where value.text.count >= 4 && !keptValues.contains(where: { $0.contains(value.text) }) {
            let survives = outputValues.contains { $0.contains(value.text) }
            #expect(!survives, "\(name): \(value.path.dottedString) \"\(value.text)\" survives")
        }
        for value in personal where value.text.count < 4 {
            let fake = reparsed.document.node(at: value.path)?.stringValue
            #expect(fake != value.text, "\(name): \(value.path.dottedString) \"\(value.text)\" survives")
        }
        // Every value that is not personal stays as it was (a placeholder repeating a personal
        // value, as some test events have, goes with it).
        for (value, role) in classifiedValues(of: original) where role == .kept && !personalTexts.contains(value.text) {
            #expect(reparsed.document[value.path]?.stringValue == value.text, "\(name): \(value.path.dottedString) changed")
        }
        // Nor anything shaped like an email address, phone number, UUID or JWT, wherever it was.
        for shaped in shapedValues(in: original.document.root) {
            let survives = contains(output, shaped)
            #expect(!survives, "\(name): \"\(shaped)\" survives")
        }
        // The JWTs of the output still have JSON inside, and no personal value in it.
        for token in jwts(in: outputText) {
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 3, "\(name): \(token)")
            for part in parts.prefix(2) {
                let decoded = try #require(Fakes.decodeBase64URL(part), "\(name): \(token)")
                let claims = try JSONValue(parsing: String(decoding: decoded, as: UTF8.self))
                #expect(claims.kind == .object)
                let text = claims.compactText
                for value in personal where value.text.count >= 4 { #expect(!text.contains(value.text), "\(name): \(value.text) inside a JWT") }
            }
        }

        // Validation finds the same problems at the same places (their wording may quote values).
        let before = original.validate().map { "\($0.severity) \($0.path.dottedString) \($0.source)" }
        let after = reparsed.validate().map { "\($0.severity) \($0.path.dottedString) \($0.source)" }
        #expect(before == after, "\(name)")

        // Keys, placeholders and the fields Cognito needs stay as they were.
        #expect(keys(in: original.document.root) == keys(in: reparsed.document.root), "\(name)")
        for kept: JSONPath in [["triggerSource"], ["version"], ["region"], ["userPoolId"], ["callerContext"],
                               ["request", "codeParameter"], ["request", "linkParameter"], ["request", "usernameParameter"],
                               ["request", "providerName"], ["request", "scopes"]] {
            // (A placeholder that repeats a personal value, such as the user name, is replaced with it.)
            if let text = original.document[kept]?.stringValue, personalTexts.contains(text) { continue }
            #expect(original.document[kept] == reparsed.document[kept], "\(name): \(kept.dottedString)")
        }
        for placeholder in ["{####}", "{username}", "####", "{##Click Here##}"] {
            #expect(occurrences(of: placeholder, in: bytes) == occurrences(of: placeholder, in: output), "\(name): \(placeholder)")
        }

        // Only the replaced values' bytes changed: the report's spans, filled with the fakes,
        // rebuild the output from the input exactly.
        var rebuilt = bytes
        for replacement in report.replacements.reversed() {
            #expect(original.document.node(at: replacement.path)?.kind == .string || hasRepeatedKeys(original), "\(name): \(replacement.path.dottedString)")
            #expect(bytes[replacement.span.lowerBound] == UInt8(ascii: "\""))
            rebuilt.replaceSubrange(replacement.span, with: Array(JSONValue.string(replacement.fake).compactText.utf8))
        }
        let onlyRedactedBytesChanged = rebuilt == output
        #expect(onlyRedactedBytesChanged, "\(name): bytes changed outside the redacted values")

        // Each fake has the shape of its kind.
        for replacement in report.replacements {
            let originalText = String(decoding: bytes[replacement.span], as: UTF8.self)
            checkShape(of: replacement, originalJSON: originalText, in: name)
        }
    }

    /// A personal value of the original event and where it is.
    struct PersonalValue {
        let path: JSONPath
        let text: String
    }

    /// What the catalogue makes of a string value, read from the field specs here rather than
    /// through the redactor: `FieldSpec.personal` and `Catalogue.privacy(ofAttribute:)`.
    enum Role {
        /// Personal data: must not survive.
        case personal
        /// Free text: only the personal values in it go.
        case text
        /// Not personal: must stay as it is.
        case kept
        /// A field the catalogue does not describe.
        case unknown
    }

    /// Every string value of the event with letters or digits, with its path and role.
    static func classifiedValues(of event: TriggerEvent) -> [(value: PersonalValue, role: Role)] {
        var result: [(PersonalValue, Role)] = []
        let clientId = event.document.node(at: ["callerContext", "clientId"])?.stringValue
        func visit(_ node: JSONNode, _ path: JSONPath) {
            switch node.kind {
            case .object, .array:
                var index = 0
                for child in node.children {
                    visit(child, path + [node.kind == .object ? .key(child.key ?? "") : .index(index)])
                    index += 1
                }
            case .string:
                guard let text = node.stringValue, text.contains(where: { $0.isLetter || $0.isNumber }) else { return }
                result.append((PersonalValue(path: path, text: text), role(path, text)))
            default:
                return
            }
        }
        func role(_ path: JSONPath, _ text: String) -> Role {
            for length in stride(from: path.count, through: 1, by: -1) {
                guard let spec = Catalogue.field(at: JSONPath(path.prefix(length)), in: event.trigger) else { continue }
                switch spec.personal {
                case .none: return length == path.count ? .kept : .unknown
                case .value(let kind):
                    if kind == .text { return .text }
                    return path == ["userName"] && text == clientId ? .kept : .personal
                case .namedValues(let unknownNames):
                    guard length < path.count else { return .kept }
                    if text == "true" || text == "false" { return .kept }
                    switch Catalogue.privacy(ofAttribute: path[length].key ?? "") {
                    case .notPersonal: return .kept
                    case .personal(let kind):
                        if kind == .groupName || kind == .groupRole { return .kept }
                        return kind == .text ? .text : .personal
                    case .unknown: return unknownNames == .text ? .text : .personal
                    }
                case .groupNames, .groupRoles, .placeholder: return .kept
                }
            }
            return .unknown
        }
        visit(event.document.root, [])
        return result
    }

    /// The string values the catalogue calls personal.
    static func personalValues(of event: TriggerEvent) -> [PersonalValue] {
        classifiedValues(of: event).filter { $0.role == .personal }.map(\.value)
    }

    /// Every string value, in document order.
    static func stringValues(in root: JSONNode) -> [String] {
        var result: [String] = []
        func visit(_ node: JSONNode) {
            if let text = node.stringValue { result.append(text) }
            for child in node.children { visit(child) }
        }
        visit(root)
        return result
    }

    /// Every run of every string value that looks like an email address, E.164 phone number, UUID or JWT.
    static func shapedValues(in root: JSONNode) -> [String] {
        var result: [String] = []
        func visit(_ node: JSONNode) {
            if node.kind == .object || node.kind == .array { for child in node.children { visit(child) } }
            guard let text = node.stringValue else { return }
            for pattern in [/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+/, /\+[1-9][0-9]{6,14}/, /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/, /eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*/] as [Regex<Substring>] {
                result += text.matches(of: pattern).map { String(text[$0.range]) }
            }
        }
        visit(root)
        return result
    }

    static func jwts(in text: String) -> [String] {
        text.matches(of: /eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*/).map { String(text[$0.range]) }
    }

    /// Whether the bytes hold the text as it is or as JSON writes it inside a string.
    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let escaped = JSONValue.string(text).compactText.dropFirst().dropLast()
        return occurrences(of: text, in: bytes) > 0 || occurrences(of: String(escaped), in: bytes) > 0
    }

    static func occurrences(of text: String, in bytes: [UInt8]) -> Int {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= bytes.count else { return 0 }
        var count = 0
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] && Array(bytes[start..<(start + needle.count)]) == needle {
            count += 1
        }
        return count
    }

    /// Every key of every object, in document order.
    static func keys(in root: JSONNode) -> [String] {
        var result: [String] = []
        func visit(_ node: JSONNode) {
            for child in node.children {
                if let key = child.key { result.append(key) }
                visit(child)
            }
        }
        visit(root)
        return result
    }

    static func hasRepeatedKeys(_ event: TriggerEvent) -> Bool { !event.document.duplicateKeys.isEmpty }

    /// The fake of each kind keeps the shape of what it replaced.
    static func checkShape(of replacement: Redactor.Replacement, originalJSON: String, in name: String) {
        let original = (try? JSONValue(parsing: originalJSON))?.stringValue ?? ""
        let fake = replacement.fake
        #expect(fake != original, "\(name): \(replacement.path.dottedString)")
        switch replacement.kind {
        case .email where Shapes.isEmail(original):
            #expect(fake.wholeMatch(of: /[a-z]+\.[a-z]+[0-9]{1,3}@example\.com/) != nil, "\(name): \(fake)")
        case .phoneNumber where Shapes.isPhoneNumber(original):
            #expect(fake.wholeMatch(of: /\+1555[0-9]{7}/) != nil, "\(name): \(fake)")
        case .identifier where Shapes.isUUID(original), .userName where Shapes.isUUID(original):
            #expect(fake.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil, "\(name): \(fake)")
        case .encryptedCode:
            #expect(fake.count == original.count, "\(name)")
            #expect(fake.reversed().prefix { $0 == "=" }.count == original.reversed().prefix { $0 == "=" }.count)
            #expect(fake.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) })
        case .jwt where original.split(separator: ".", omittingEmptySubsequences: false).count == 3:
            let parts = fake.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 3, "\(name): \(fake)")
            #expect(parts.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } })
        case .ipAddress where Shapes.isIPv4(original):
            #expect(Shapes.isIPv4(fake) && fake.hasPrefix("198.1"), "\(name): \(fake)")
        case .other, .secret, .password, .code:
            #expect(fake.count == original.count, "\(name): \(original) -> \(fake)")
        default:
            break
        }
    }

    // MARK: Determinism

    static func redacted(_ path: String, with redactor: inout Redactor) throws -> TriggerEvent {
        var event = try TriggerEvent(bytes: Repository.bytes(of: Repository.fixtures + "/" + path))
        _ = try redactor.redact(&event)
        return event
    }

    @Test func theSameUserLinesUpAcrossSignUpSignInAndTokenEvents() throws {
        // Zoë signs up, confirms, and gets tokens: the same email and sub in each.
        var redactor = Redactor(salt: "s")
        let signUp = try Self.redacted("pre-sign-up/PreSignUp_SignUp.json", with: &redactor)
        let confirm = try Self.redacted("post-confirmation/PostConfirmation_ConfirmSignUp.json", with: &redactor)
        let tokens = try Self.redacted("pre-token-generation-v2/TokenGeneration_Authentication.json", with: &redactor)
        let email: JSONPath = ["request", "userAttributes", "email"]
        let fake = try #require(signUp.document.node(at: email)?.stringValue)
        #expect(fake != "zoe.thorsdottir@example.com")
        #expect(confirm.document.node(at: email)?.stringValue == fake)
        #expect(tokens.document.node(at: email)?.stringValue == fake)
        #expect(tokens.document.node(at: ["request", "userAttributes", "cognito:email_alias"])?.stringValue == fake)
        // The user name is the sub: both get the same fake UUID.
        #expect(tokens.document.node(at: ["userName"])?.stringValue == tokens.document.node(at: ["request", "userAttributes", "sub"])?.stringValue)
        #expect(signUp.document.node(at: ["userName"])?.stringValue == tokens.document.node(at: ["userName"])?.stringValue)
        // A name keeps matching word by word: given and family names inside the full name.
        var federation = Redactor(salt: "s")
        let oidc = try Self.redacted("inbound-federation/InboundFederation_ExternalProvider.oidc.json", with: &federation)
        let given = try #require(oidc.document.node(at: ["request", "attributes", "idToken", "given_name"])?.stringValue)
        let family = try #require(oidc.document.node(at: ["request", "attributes", "idToken", "family_name"])?.stringValue)
        #expect(oidc.document.node(at: ["request", "attributes", "idToken", "name"])?.stringValue == "\(given) \(family)")
        // The provider's sub, inside the user name after the provider prefix and inside the ID token.
        let sub = try #require(oidc.document.node(at: ["request", "attributes", "idToken", "sub"])?.stringValue)
        #expect(oidc.document.node(at: ["userName"])?.stringValue == "ExampleWorkforce_" + sub)
        let idToken = try #require(oidc.document.node(at: ["request", "attributes", "tokenResponse", "id_token"])?.stringValue)
        let payload = try #require(Fakes.decodeBase64URL(idToken.split(separator: ".")[1]))
        let claims = try JSONValue(parsing: String(decoding: payload, as: UTF8.self))
        #expect(claims["sub"]?.stringValue == sub)
        #expect(claims["email"]?.stringValue == oidc.document.node(at: ["request", "attributes", "idToken", "email"])?.stringValue)
    }

    @Test func theSameSaltGivesTheSameBytesAndAnotherSaltOtherFakes() throws {
        for path in Repository.validFixtures {
            let bytes = Repository.bytes(of: path)
            func run(_ salt: String?) throws -> [UInt8] {
                var event = try TriggerEvent(bytes: bytes)
                var redactor = Redactor(salt: salt)
                _ = try redactor.redact(&event)
                return event.document.bytes
            }
            let first = try run("alpha")
            #expect(try run("alpha") == first, "\(path)")
            if first != bytes {
                #expect(try run("beta") != first, "\(path)")
                #expect(try run(nil) != first, "\(path): a random salt")
            }
        }
    }

    @Test func theOrderOfEventsDoesNotChangeTheFakes() throws {
        var forward = Redactor(salt: "s"), backward = Redactor(salt: "s")
        let a1 = try Self.redacted("pre-sign-up/PreSignUp_AdminCreateUser.json", with: &forward)
        let b1 = try Self.redacted("custom-message/CustomMessage_AdminCreateUser.json", with: &forward)
        let b2 = try Self.redacted("custom-message/CustomMessage_AdminCreateUser.json", with: &backward)
        let a2 = try Self.redacted("pre-sign-up/PreSignUp_AdminCreateUser.json", with: &backward)
        #expect(a1.document.bytes == a2.document.bytes)
        #expect(b1.document.bytes == b2.document.bytes)
        // Lena's email, phone and user name match between the two events.
        for path: JSONPath in [["userName"], ["request", "userAttributes", "email"], ["request", "userAttributes", "phone_number"],
                               ["request", "userAttributes", "given_name"]] {
            #expect(a1.document[path] == b1.document[path], "\(path.dottedString)")
        }
    }

    @Test func differentOriginalsNeverShareAFakeIdentifier() throws {
        var redactor = Redactor(salt: "clash")
        var seen: [String: String] = [:]
        // Two thousand email addresses and two thousand one-digit-apart codes.
        for index in 0..<2000 {
            let text = """
                {"version":"1","triggerSource":"PreSignUp_SignUp","region":"r","userPoolId":"p","userName":"u\(index)",\
                "callerContext":{"awsSdkVersion":"a","clientId":"c"},"request":{"userAttributes":{"email":"person\(index)@example.net",\
                "custom:code":"\(index)"}},"response":{}}
                """
            var event = try TriggerEvent(text: text)
            _ = try redactor.redact(&event)
            for key in ["email", "custom:code"] {
                let fake = try #require(event.document.node(at: ["request", "userAttributes", .key(key)])?.stringValue)
                let original = key == "email" ? "person\(index)@example.net" : "\(index)"
                #expect(fake != original)
                if let other = seen[key + fake] { Issue.record("\(original) and \(other) share the fake \(fake)") }
                seen[key + fake] = original
            }
        }
    }

    // MARK: What stays and what goes

    @Test func groupsStayUnlessAskedForAndRolesKeepTheirAccount() throws {
        let path = "pre-token-generation-v2/TokenGeneration_Authentication.json"
        var keeping = Redactor(salt: "s")
        let kept = try Self.redacted(path, with: &keeping)
        #expect(kept.document[["request", "groupConfiguration", "groupsToOverride"]] == ["readers", "beta-testers"])
        #expect(kept.document[["request", "groupConfiguration", "preferredRole"]] == "arn:aws:iam::210987654321:role/app-readers")
        var replacing = Redactor(salt: "s", redactGroups: true)
        let replaced = try Self.redacted(path, with: &replacing)
        let groups = try #require(replaced.document[["request", "groupConfiguration", "groupsToOverride"]]?.arrayValue)
        #expect(groups.count == 2 && !groups.contains("readers") && !groups.contains("beta-testers"))
        // The same group in the request and in the override gets the same fake.
        #expect(replaced.document[["response", "claimsAndScopeOverrideDetails", "groupOverrideDetails", "groupsToOverride", 0]] == groups[0])
        let role = try #require(replaced.document[["request", "groupConfiguration", "preferredRole"]]?.stringValue)
        #expect(role.hasPrefix("arn:aws:iam::210987654321:role/") && role != "arn:aws:iam::210987654321:role/app-readers")
        #expect(role.count == "arn:aws:iam::210987654321:role/app-readers".count)
    }

    @Test func messageTextsLoseTheUsersValuesAndKeepTheirPlaceholders() throws {
        var event = try TriggerEvent(bytes: Repository.bytes(of: Repository.fixtures + "/custom-message/CustomMessage_AdminCreateUser.json"))
        try event.document.setValue("Hallo Lena Müller, your user name is {username} and your password {####}. Questions: lena.mueller@example.org or +4915112345678. {##Click Here##}",
                                    at: ["response", "emailMessage"])
        try event.document.setValue("Lena: {username} {####}", at: ["response", "smsMessage"])
        try event.document.setValue("Welcome, Lena!", at: ["response", "emailSubject"])
        var redactor = Redactor(salt: "s")
        let report = try redactor.redact(&event)
        let given = try #require(event.document.node(at: ["request", "userAttributes", "given_name"])?.stringValue)
        let family = try #require(event.document.node(at: ["request", "userAttributes", "family_name"])?.stringValue)
        let email = try #require(event.document.node(at: ["request", "userAttributes", "email"])?.stringValue)
        let phone = try #require(event.document.node(at: ["request", "userAttributes", "phone_number"])?.stringValue)
        #expect(event.document[["response", "emailMessage"]]?.stringValue
            == "Hallo \(given) \(family), your user name is {username} and your password {####}. Questions: \(email) or \(phone). {##Click Here##}")
        #expect(event.document[["response", "smsMessage"]]?.stringValue == "\(given): {username} {####}")
        #expect(event.document[["response", "emailSubject"]]?.stringValue == "Welcome, \(given)!")
        #expect(report.counts.contains { $0.kind == .text && $0.count == 3 })
        #expect(event.validate().isEmpty)
    }

    @Test func aPlaceholderStaysWholeEvenWhenAPersonalValueIsAWordOfIt() throws {
        var event = try TriggerEvent(bytes: Repository.bytes(of: Repository.fixtures + "/custom-message/CustomMessage_SignUp.json"))
        try event.document.setValue("Click", at: ["request", "userAttributes", "given_name"], createMissing: true)
        try event.document.setValue("Hi Click, confirm with {####} or {##Click Here##}", at: ["response", "emailMessage"])
        var redactor = Redactor(salt: "s")
        _ = try redactor.redact(&event)
        let given = try #require(event.document[["request", "userAttributes", "given_name"]]?.stringValue)
        #expect(given != "Click")
        #expect(event.document[["response", "emailMessage"]]?.stringValue == "Hi \(given), confirm with {####} or {##Click Here##}")
    }

    @Test func aWordThatOnlyContainsAPersonalValueStays() {
        let known = ["Ann": "Vera"]
        #expect(Redactor.replacingWords(in: "Ann, Annual report for Ann.", known: known, originals: ["Ann"]) == "Vera, Annual report for Vera.")
    }

    @Test func unknownFieldsAreKeptAndReportedUnlessTheyHoldPersonalValues() throws {
        var event = try TriggerEvent(text: """
            {"version":"1","triggerSource":"PostAuthentication_Authentication","region":"eu-west-1","userPoolId":"eu-west-1_abc",\
            "userName":"mara","callerContext":{"awsSdkVersion":"a","clientId":"c"},"request":{"newDeviceUsed":false,\
            "userAttributes":{"email":"mara@example.net"},"note":"seen from the office","contact":"Reach mara@example.net",\
            "traceId":"0f8fad5b-d9cb-469f-a165-70867728950e","blank":"","dash":"-"},"response":{},"extra":{"who":"mara"}}
            """)
        var redactor = Redactor(salt: "s")
        let report = try redactor.redact(&event)
        #expect(report.keptUnknown == [["request", "note"]])
        #expect(event.document[["request", "note"]] == "seen from the office")
        let email = try #require(event.document[["request", "userAttributes", "email"]]?.stringValue)
        #expect(event.document[["request", "contact"]]?.stringValue == "Reach \(email)")
        #expect(event.document[["request", "traceId"]]?.stringValue != "0f8fad5b-d9cb-469f-a165-70867728950e")
        // "mara" is the user name: known, so replaced where it stands alone in an unknown field.
        #expect(event.document[["extra", "who"]] == event.document[["userName"]])
    }

    @Test func bothOccurrencesOfARepeatedKeyAreReplaced() throws {
        var event = try TriggerEvent(bytes: Repository.bytes(of: Repository.fixtures + "/invalid/duplicate-keys.json"))
        var redactor = Redactor(salt: "s")
        let report = try redactor.redact(&event)
        #expect(report.replacements.filter { $0.path == ["request", "userAttributes", "email"] }.count == 2)
        #expect(!event.document.text.contains("ines"))
    }

    @Test func theMachineToMachineUserNameIsTheAppClientAndStays() throws {
        var redactor = Redactor(salt: "s")
        let event = try Self.redacted("pre-token-generation-v3/TokenGeneration_ClientCredentials.json", with: &redactor)
        #expect(event.document[["userName"]] == event.document[["callerContext", "clientId"]])
    }

    @Test func theCodeTheUserTypedStillMatchesTheExpectedOne() throws {
        var redactor = Redactor(salt: "s")
        let event = try Self.redacted("verify-auth-challenge-response/VerifyAuthChallengeResponse_Authentication.json", with: &redactor)
        let answer = try #require(event.document[["request", "challengeAnswer"]]?.stringValue)
        #expect(answer != "418205" && answer.count == 6 && answer.allSatisfy(\.isNumber))
        #expect(event.document[["request", "privateChallengeParameters", "expectedCode"]]?.stringValue == answer)
    }

    @Test("documents that are not events are refused and left as they were", arguments: [
        ("[1, 2]", "not a Cognito trigger event: the top level is an array, not an object"),
        ("{\"userName\": \"bob@example.com\"}", "not a Cognito trigger event: there is no triggerSource"),
        ("{\"triggerSource\": 7}", "not a Cognito trigger event: triggerSource is a number, not a string"),
    ])
    func notAnEvent(_ text: String, _ message: String) throws {
        var event = try TriggerEvent(text: text)
        var redactor = Redactor(salt: "s")
        #expect(throws: Redactor.RedactionError(message: message)) { try redactor.redact(&event) }
        #expect(event.document.text == text)
    }

    @Test func aDeeplyNestedUnknownFieldIsWalkedWithoutTrouble() throws {
        let depth = 500
        let nested = String(repeating: "{\"x\":", count: depth) + "\"mail me at deep@example.net\"" + String(repeating: "}", count: depth)
        var event = try TriggerEvent(text: """
            {"version":"1","triggerSource":"PostConfirmation_ConfirmSignUp","region":"r","userPoolId":"p","userName":"u",\
            "callerContext":{"awsSdkVersion":"a","clientId":"c"},"request":{"userAttributes":{}},"response":{},"deep":\(nested)}
            """)
        var redactor = Redactor(salt: "s")
        let report = try redactor.redact(&event)
        #expect(!event.document.text.contains("deep@example.net"))
        #expect(report.replacements.contains { $0.path.count == depth + 1 && $0.kind == .text })
    }

    @Test func aLargeEventIsRedactedWhole() throws {
        var members: [String] = []
        for index in 0..<5000 { members.append("\"custom:a\(index)\":\"value \(index) of a@b.example\"") }
        var event = try TriggerEvent(text: """
            {"version":"1","triggerSource":"PreAuthentication_Authentication","region":"r","userPoolId":"p","userName":"u",\
            "callerContext":{"awsSdkVersion":"a","clientId":"c"},"request":{"userAttributes":{\(members.joined(separator: ","))}},"response":{}}
            """)
        var redactor = Redactor(salt: "s")
        let report = try redactor.redact(&event)
        #expect(report.replacements.count == 5001)
        #expect(!event.document.text.contains("a@b.example"))
    }

    /// Redacts one attribute value of a minimal event and returns its fake.
    static func fake(ofAttribute name: String, _ value: String, userName: String = "someone") throws -> (attribute: String, userName: String) {
        var event = try TriggerEvent(text: """
            {"version":"1","triggerSource":"PreAuthentication_Authentication","region":"r","userPoolId":"p",\
            "userName":\(JSONValue.string(userName).compactText),"callerContext":{"awsSdkVersion":"a","clientId":"c"},\
            "request":{"userAttributes":{\(JSONValue.string(name).compactText):\(JSONValue.string(value).compactText)}},"response":{}}
            """)
        var redactor = Redactor(salt: "shapes")
        _ = try redactor.redact(&event)
        return (event.document[["request", "userAttributes", .key(name)]]?.stringValue ?? "", event.document[["userName"]]?.stringValue ?? "")
    }

    @Test("a user name keeps its form", arguments: [
        ("Google_108234567890123456789", #"Google_[0-9]{21}"#),
        ("facebook_10158", #"facebook_[0-9]{5}"#),
        (#"CORP\lmueller"#, #"CORP\\[a-z]+\.[a-z]+"#),
        ("lena.mueller", #"[a-z]+\.[a-z]+"#),
        ("lena@example.org", #"[a-z]+\.[a-z]+[0-9]{1,3}@example\.com"#),
        ("+4915112345678", #"\+1555[0-9]{7}"#),
        ("8d3f1c2e-5b7a-4e9c-9a1d-2f6b8c0e4a71", #"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"#),
        ("user_42!", #"[a-z]{4}_[0-9]{2}!"#),
    ])
    func userNameForms(_ original: String, _ form: String) throws {
        let fake = try Self.fake(ofAttribute: "custom:x", "y", userName: original).userName
        #expect(fake != original)
        #expect(try fake.wholeMatch(of: Regex(form)) != nil, "\(original) -> \(fake)")
    }

    @Test("each kind of attribute gets a fake of its shape", arguments: [
        ("birthdate", "1987-04-12", #"(19[5-9][0-9]|200[0-5])-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])"#),
        ("address", "Hauptstraße 5, 10115 Berlin", #"[0-9]{1,3} [A-Z][a-z]+ Street, [A-Z][a-z]+"#),
        ("IP_ADDRESS", "2001:0db8:85a3::8a2e:0370:7334", #"2001:db8(:[0-9a-f]{1,4}){6}"#),
        ("picture", "https://lh3.googleusercontent.com/a/ACg8oc?sz=96", #"https://example\.com/[a-z]/[A-Z]{2}[a-z][0-9][a-z]{2}\?sz=[0-9]{2}"#),
        ("given_name", "Zoë", #"[A-Z][a-z]+"#),
        ("name", "Mary Ann Smith", #"[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+"#),
        ("custom:tier", "Gold-3", #"[A-Z][a-z]{3}-[0-9]"#),
        ("identities", #"[{"userId":"108234567890","providerName":"Google","primary":true}]"#,
         #"\[\{"userId":"[0-9]{12}","providerName":"Google","primary":true\}\]"#),
    ])
    func attributeShapes(_ name: String, _ value: String, _ shape: String) throws {
        let fake = try Self.fake(ofAttribute: name, value).attribute
        #expect(fake != value)
        #expect(try fake.wholeMatch(of: Regex(shape)) != nil, "\(name): \(value) -> \(fake)")
    }

    // MARK: The catalogue

    @Test func everyTriggerMarksItsPersonalFields() {
        for spec in Catalogue.triggers {
            for field in spec.fields {
                switch field.name {
                case "userAttributes", "clientMetadata", "validationData", "userAttributesToMap", "claimsToAddOrOverride",
                     "tokenResponse", "idToken", "userInfo", "samlResponse", "privateChallengeParameters", "publicChallengeParameters":
                    guard case .namedValues = field.personal else { Issue.record("\(spec.title) \(field.dottedPath)"); continue }
                case "password", "challengeAnswer", "code", "userName", "smsMessage", "emailMessage", "emailSubject", "challengeMetadata":
                    guard case .value = field.personal else { Issue.record("\(spec.title) \(field.dottedPath)"); continue }
                case "codeParameter", "linkParameter", "usernameParameter":
                    #expect(field.personal == .placeholder, "\(spec.title) \(field.dottedPath)")
                case "groupsToOverride":
                    #expect(field.personal == .groupNames, "\(spec.title) \(field.dottedPath)")
                case "iamRolesToOverride", "preferredRole":
                    #expect(field.personal == .groupRoles, "\(spec.title) \(field.dottedPath)")
                default:
                    #expect(field.personal == .none, "\(spec.title) \(field.dottedPath)")
                }
            }
        }
        #expect(Catalogue.field(at: ["userName"], in: nil)?.personal == .value(.userName))
    }

    @Test("attribute names are compared without case, prefix or separators", arguments: [
        ("phone_number", Catalogue.AttributePrivacy.personal(.phoneNumber)),
        ("custom:Phone", .personal(.phoneNumber)),
        ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", .personal(.email)),
        ("IP_ADDRESS", .personal(.ipAddress)),
        ("email_verified", .notPersonal),
        ("cognito:user_status", .notPersonal),
        ("custom:plan", .unknown),
    ])
    func attributePrivacy(_ name: String, _ expected: Catalogue.AttributePrivacy) {
        #expect(Catalogue.privacy(ofAttribute: name) == expected)
    }

    // MARK: SHA-256

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("SHA-256 gives the FIPS 180-4 example digests", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(_ message: String, _ digest: String) {
        #expect(Self.hex(SHA256.hash(Array(message.utf8))) == digest)
    }

    @Test func sha256OfAMillionBytesFedInPiecesOfEverySize() {
        var hasher = SHA256()
        var fed = 0
        var piece = 1
        while fed < 1_000_000 {
            let count = min(piece, 1_000_000 - fed)
            hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: count))
            fed += count
            piece = piece % 150 + 1
        }
        #expect(Self.hex(hasher.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("HMAC-SHA-256 gives the RFC 4231 results", arguments: [
        ([UInt8](repeating: 0x0b, count: 20), "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 131), "Test Using Larger Than Block-Size Key - Hash Key First",
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ])
    func hmac(_ key: [UInt8], _ message: String, _ expected: String) {
        #expect(Self.hex(SHA256.hmac(key: key, message: Array(message.utf8))) == expected)
    }
}
