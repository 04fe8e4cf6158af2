import JSONDocument
import TerminalText

/// Why a template could not be made: `source` is the trigger source asked for, as given.
public typealias TemplateError = SourcedError<TemplateErrorKind>

/// What kind of problem stopped a template.
public enum TemplateErrorKind: SourcedErrorKind {
    /// The trigger source is not one Cognito sends; `suggestions` are the known sources closest to it.
    case unknownSource(suggestions: [TriggerSource])
    /// The trigger source exists, but not in this version of the event (`allowed` lists the versions that have it).
    case unsupportedVersion(Int, allowed: [Int])
    /// The template text did not parse: a bug in this library, reported rather than trapped.
    case invalidTemplate(JSONParseError)

    /// `unknown trigger source "PreSignup": did you mean PreSignUp_SignUp, ...?`
    public func message(for source: String) -> String {
        switch self {
        case .unknownSource(let suggestions):
            let shown = TerminalText.escaped(source)
            guard !suggestions.isEmpty else {
                return "unknown trigger source \"\(shown)\"; `cognito-explorer triggers` lists every trigger source"
            }
            return "unknown trigger source \"\(shown)\"; did you mean "
                + suggestions.map(\.rawValue).joined(separator: ", ") + "?"
        case .unsupportedVersion(let version, let allowed):
            let versions = allowed.map(String.init).joined(separator: ", ")
            return "\(source) has no version \(version) event; the versions with this trigger source: \(versions)"
        case .invalidTemplate(let error):
            return "the template for \(source) is not valid JSON (\(error.message)); please report this"
        }
    }
}

/// Complete example events, as Cognito sends them before the function runs, built from the catalogue.
///
/// Every common and request field the catalogue lists for the trigger is present, with a plausible
/// value (people and addresses at example.com); the response holds Cognito's defaults (null, false or
/// an empty object), and the custom sender triggers have none, as in real events. Keys follow the
/// order Cognito uses, the text is indented by two spaces and ends with a line break.
public enum Templates {
    /// The template event for a trigger source, as a document ready to edit.
    ///
    /// `version` only matters for pre token generation, where it picks the trigger version (1, 2 or 3;
    /// `TokenGeneration_ClientCredentials` exists only in version 3). Other triggers have version 1.
    /// Without it, the lowest version that has the source is used.
    public static func event(for source: TriggerSource, version: Int? = nil) throws(TemplateError) -> JSONDocument {
        let text = try self.text(for: source, version: version)
        do {
            return try JSONDocument(text: text)
        } catch {
            throw TemplateError(source: source.rawValue, kind: .invalidTemplate(error))
        }
    }

    /// The template event as text (two-space indents, final line break).
    public static func text(for source: TriggerSource, version: Int? = nil) throws(TemplateError) -> String {
        try value(for: source, version: version).prettyText(unit: "  ") + "\n"
    }

    /// The template event as a value.
    public static func value(for source: TriggerSource, version: Int? = nil) throws(TemplateError) -> JSONValue {
        let (trigger, version) = try resolve(source, version: version)
        let example = Example(source: source, trigger: trigger, version: version)
        var event: JSONValue = .object([])
        for field in Catalogue.commonFields + Catalogue.spec(for: trigger).fields {
            guard let value = example.value(for: field) else { continue }
            event.insert(value, at: field.path[...])
        }
        return event
    }

    /// The versions of the event that carry a trigger source: `[1, 2, 3]` for pre token generation,
    /// `[3]` for client credentials, `[1]` for the rest, `[]` for unknown sources.
    public static func versions(of source: TriggerSource) -> [Int] {
        source.triggers.map(\.eventVersion).sorted()
    }

    /// The trigger and version a template for `source` uses.
    public static func resolve(_ source: TriggerSource, version: Int?) throws(TemplateError) -> (Trigger, Int) {
        let allowed = versions(of: source)
        guard let lowest = allowed.first else {
            throw TemplateError(source: source.rawValue, kind: .unknownSource(suggestions: closeMatches(to: source.rawValue)))
        }
        let chosen = version ?? lowest
        guard let trigger = source.triggers.first(where: { $0.eventVersion == chosen }) else {
            throw TemplateError(source: source.rawValue, kind: .unsupportedVersion(chosen, allowed: allowed))
        }
        return (trigger, chosen)
    }

    /// Reads a trigger source typed by a person: an exact name, or one that differs only in case.
    ///
    /// Anything else is an error whose suggestions are the closest known sources.
    public static func source(named name: String) throws(TemplateError) -> TriggerSource {
        let exact = TriggerSource(rawValue: name)
        if exact.isKnown { return exact }
        if let folded = TriggerSource.known.first(where: { $0.rawValue.lowercased() == name.lowercased() }) {
            return folded
        }
        throw TemplateError(source: name, kind: .unknownSource(suggestions: closeMatches(to: name)))
    }

    /// The known trigger sources closest to a name: those that contain it (ignoring case and
    /// underscores), then those within a few edits of it, best first, at most eight.
    public static func closeMatches(to name: String) -> [TriggerSource] {
        let wanted = normalized(name)
        guard !wanted.isEmpty else { return [] }
        var scored: [(TriggerSource, Int)] = []
        for source in TriggerSource.known {
            let candidate = normalized(source.rawValue)
            if candidate.contains(wanted) || (wanted.count >= 6 && wanted.contains(candidate)) {
                scored.append((source, 0))
                continue
            }
            // Compare with the whole name and with its prefix of the same length, so that a
            // misspelt trigger name ("PreSingUp") finds the sources that start with it; whole-name
            // matches rank first at the same distance.
            let whole = editDistance(wanted, candidate)
            let prefix = editDistance(wanted, String(candidate.prefix(wanted.count)))
            let distance = min(whole, prefix)
            if distance <= max(2, wanted.count / 4) { scored.append((source, 2 * distance + (whole <= prefix ? 0 : 1))) }
        }
        return scored.enumerated()
            .sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }
            .prefix(8)
            .map { $0.element.0 }
    }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " }.map(Character.init))
    }

    /// The Levenshtein distance between two strings, by characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension Trigger {
    /// The value of `version` in this trigger's events.
    public var eventVersion: Int {
        switch self {
        case .preTokenGenerationV2: 2
        case .preTokenGenerationV3: 3
        default: 1
        }
    }
}

extension JSONValue {
    /// Puts a value at a catalogue path, creating objects on the way; `"*"` is the first array element.
    /// An existing member is replaced in place, so parents keep the position of their first mention.
    mutating func insert(_ value: JSONValue, at path: ArraySlice<String>) {
        guard let first = path.first else {
            self = value
            return
        }
        let rest = path.dropFirst()
        if first == "*" {
            var elements = arrayValue ?? []
            if elements.isEmpty { elements.append(.object([])) }
            elements[0].insert(value, at: rest)
            self = .array(elements)
            return
        }
        var members = objectValue ?? []
        if let index = members.firstIndex(where: { $0.key == first }) {
            members[index].value.insert(value, at: rest)
        } else {
            var child: JSONValue = rest.isEmpty ? value : .object([])
            if !rest.isEmpty { child.insert(value, at: rest) }
            members.append(.init(first, child))
        }
        self = .object(members)
    }
}

/// The example values of one template: a made-up user of a made-up pool.
private struct Example {
    let source: TriggerSource
    let trigger: Trigger
    let version: Int

    static let region = "us-east-1"
    static let userPoolId = "us-east-1_EXAMPLE12"
    static let clientId = "1example23456789abcdefghij"
    static let sub = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    static let email = "jane.doe@example.com"
    static let phone = "+15555550123"
    static let roleARN = "arn:aws:iam::123456789012:role/example-readers"

    var isClientCredentials: Bool { source == .tokenGenerationClientCredentials }

    /// The value of a field, or nil when the template leaves it out (fields below a null response member).
    func value(for field: FieldSpec) -> JSONValue? {
        switch field.section {
        case .common: return common(field)
        case .request: return request(field)
        case .response: return response(field)
        }
    }

    private func common(_ field: FieldSpec) -> JSONValue? {
        switch field.dottedPath {
        case "version": return .string(String(version))
        case "triggerSource": return .string(source.rawValue)
        case "region": return .string(Self.region)
        case "userPoolId": return .string(Self.userPoolId)
        case "userName": return .string(userName)
        case "callerContext": return .object([])
        case "callerContext.awsSdkVersion": return .string(sdkVersion)
        case "callerContext.clientId": return .string(Self.clientId)
        default: return fallback(field)
        }
    }

    private var userName: String {
        switch source {
        case .tokenGenerationClientCredentials: return Self.clientId
        case .preSignUpExternalProvider: return "Google_104857600123456789012"
        case .inboundFederationExternalProvider: return "ExampleOIDC_00u1example2user3"
        case .userMigrationAuthentication, .userMigrationForgotPassword: return Self.email
        case .preSignUpAdminCreateUser, .customMessageAdminCreateUser,
             .customEmailSenderAdminCreateUser, .customSMSSenderAdminCreateUser: return "jane.doe"
        default: return Self.sub
        }
    }

    /// Cognito writes a placeholder when no SDK made the request (hosted pages, federation, client credentials).
    private var sdkVersion: String {
        let withoutSDK = trigger == .inboundFederation || isClientCredentials || source == .tokenGenerationHostedAuth
        return withoutSDK ? "aws-sdk-unknown-unknown" : "aws-sdk-js-3.637.0"
    }

    private var userStatus: String {
        switch source {
        case .preSignUpSignUp, .customMessageSignUp, .customMessageResendCode,
             .customEmailSenderSignUp, .customEmailSenderResendCode,
             .customSMSSenderSignUp, .customSMSSenderResendCode: return "UNCONFIRMED"
        case .customMessageAdminCreateUser, .customEmailSenderAdminCreateUser, .customSMSSenderAdminCreateUser:
            return "FORCE_CHANGE_PASSWORD"
        default: return "CONFIRMED"
        }
    }

    /// The user's attributes as this trigger source sees them.
    private var userAttributes: JSONValue {
        if isClientCredentials { return .object([]) }
        switch trigger {
        case .preSignUp:
            return ["email": .string(Self.email), "name": "Jane Doe", "phone_number": .string(Self.phone)]
        case .customSMSSender:
            return [
                "sub": .string(Self.sub), "cognito:user_status": .string(userStatus),
                "phone_number_verified": .string(userStatus == "CONFIRMED" ? "true" : "false"),
                "phone_number": .string(Self.phone), "name": "Jane Doe",
            ]
        case .customEmailSender where source == .customEmailSenderAccountTakeOverNotification:
            return [
                "EVENT_ID": "5d0c2a4e-8f1b-4c3d-9a7e-6b5f4e3d2c1b", "USER_NAME": .string(Self.sub),
                "IP_ADDRESS": "203.0.113.10", "ACCOUNT_TAKE_OVER_ACTION": "BLOCK",
                "LOGIN_TIME": "2025-01-15T09:30:00Z", "CITY": "Seattle", "COUNTRY": "United States",
                "DEVICE_NAME": "Firefox 136, Linux", "email": .string(Self.email),
            ]
        default:
            return [
                "sub": .string(Self.sub), "cognito:user_status": .string(userStatus),
                "email_verified": .string(userStatus == "UNCONFIRMED" ? "false" : "true"),
                "name": "Jane Doe", "email": .string(Self.email),
            ]
        }
    }

    private func request(_ field: FieldSpec) -> JSONValue? {
        switch field.path.dropFirst().joined(separator: ".") {
        case "": return .object([])
        case "userAttributes": return userAttributes
        case "validationData": return ["captchaToken": "example-captcha-token"]
        case "clientMetadata":
            return isClientCredentials ? ["service": "example-batch-job"] : ["appVersion": "1.0.0"]
        case "userNotFound", "newDeviceUsed": return false
        case "userName": return .string(userName)
        case "password":
            return source == .userMigrationAuthentication ? "example-Passw0rd!" : .null
        case "codeParameter": return "{####}"
        case "linkParameter": return "{##Click Here##}"
        case "usernameParameter":
            return source == .customMessageAdminCreateUser ? "{username}" : .null
        case "groupConfiguration": return .object([])
        case "groupConfiguration.groupsToOverride":
            return isClientCredentials ? [] : ["readers"]
        case "groupConfiguration.iamRolesToOverride":
            return isClientCredentials ? [] : [.string(Self.roleARN)]
        case "groupConfiguration.preferredRole":
            return isClientCredentials ? .null : .string(Self.roleARN)
        case "scopes":
            if isClientCredentials { return ["example-api/items.read"] }
            return source == .tokenGenerationHostedAuth ? ["openid", "email", "profile"] : ["aws.cognito.signin.user.admin"]
        case "challengeName": return "CUSTOM_CHALLENGE"
        case "session": return .array([])
        case "session.*": return .object([])
        case "session.*.challengeName": return "CUSTOM_CHALLENGE"
        case "session.*.challengeResult": return trigger == .createAuthChallenge ? false : true
        case "session.*.challengeMetadata": return "EMAIL_CODE"
        case "privateChallengeParameters": return ["answer": "123456"]
        case "challengeAnswer": return "123456"
        case "type":
            return trigger == .customSMSSender ? "customSMSSenderRequestV1" : "customEmailSenderRequestV1"
        case "code":
            return source == .customEmailSenderAccountTakeOverNotification
                ? .null : "AYADeExampleEncryptedCodeNotRealCiphertext0123456789abcdefghijklmnopqrstuvwxyz=="
        case "providerName": return "ExampleOIDC"
        case "providerType": return "OIDC"
        case "attributes": return .object([])
        case "attributes.tokenResponse":
            return [
                "access_token": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJleGFtcGxlIn0.example-signature",
                "id_token": "eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6ImphbmUuZG9lQGV4YW1wbGUuY29tIn0.example-signature",
                "refresh_token": "example-refresh-token", "token_type": "Bearer", "expires_in": "3600",
                "scope": "openid email profile",
            ]
        case "attributes.idToken":
            return [
                "sub": "00u1example2user3", "iss": "https://login.example.com", "aud": "example-client",
                "email": .string(Self.email), "email_verified": "true", "name": "Jane Doe",
            ]
        case "attributes.userInfo":
            return ["sub": "00u1example2user3", "email": .string(Self.email), "name": "Jane Doe"]
        case "attributes.samlResponse": return .object([])
        default: return fallback(field)
        }
    }

    /// The response as Cognito sends it: its direct members at their defaults, nothing deeper.
    private func response(_ field: FieldSpec) -> JSONValue? {
        if field.path.count == 1 {
            // The custom senders' events carry no response at all.
            return trigger == .customEmailSender || trigger == .customSMSSender ? nil : .object([])
        }
        guard field.path.count == 2 else { return nil }
        if trigger == .inboundFederation && field.name == "userAttributesToMap" { return .object([]) }
        if field.type == .boolean && !field.isNullable { return false }
        return .null
    }

    /// A value of the right shape for fields without their own example.
    private func fallback(_ field: FieldSpec) -> JSONValue {
        switch field.type {
        case .string: return "example"
        case .boolean: return false
        case .integer, .number: return 0
        case .enumeration: return field.allowedValues.first.map(JSONValue.string) ?? "example"
        case .stringMap, .claimMap, .attributeMap, .object: return .object([])
        case .stringList, .enumerationList, .objectList: return .array([])
        case .any: return .null
        }
    }
}
