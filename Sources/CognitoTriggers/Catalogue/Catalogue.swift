import JSONDocument

/// The single description of every Cognito user pool trigger, its sources and its fields.
///
/// The tree pane, help text, validation and event templates all read from here.
public enum Catalogue {
    /// The top-level fields every trigger event carries, parents before children.
    public static let commonFields: [FieldSpec] = [
        .field(.common, ["version"], .string, """
            The version of the event format. Pre token generation sends "1", "2" or "3" to match the \
            trigger version set on the user pool, which tells you which response shape Cognito expects.
            """),
        .field(.common, ["triggerSource"], .enumeration, allowed: TriggerSource.known.map(\.rawValue), """
            The situation that made Cognito call the function, such as PreSignUp_SignUp or \
            TokenGeneration_RefreshTokens. One function often serves several situations, so branch on \
            this value before reading the request.
            """),
        .field(.common, ["region"], .string, """
            The AWS Region that hosts the user pool, such as eu-west-1.
            """),
        .field(.common, ["userPoolId"], .string, """
            The ID of the user pool that called the function, made of the Region and a random suffix. \
            Use it when the function calls the Cognito API back, for example to read or update the user.
            """),
        .field(.common, ["userName"], .string, nullable: true, personal: .value(.userName), """
            The username of the user the event is about, as the pool stores it. In pools where people sign \
            in with an email address or phone number it is often a generated UUID rather than what they \
            typed, and users from an identity provider get a name such as Google_1234.
            """),
        .field(.common, ["callerContext"], .object, """
            Details about the app and SDK behind the request that led to this call.
            """),
        .field(.common, ["callerContext", "awsSdkVersion"], .string, """
            The version of the AWS SDK or tool that sent the original request. Cognito writes a \
            placeholder such as aws-sdk-unknown-unknown when it cannot tell, as for hosted UI sign-ins.
            """),
        .field(.common, ["callerContext", "clientId"], .string, """
            The ID (not the name) of the app client the request came through. Use it to apply different \
            rules to different apps that share the pool.
            """),
    ]

    /// The challenge names that can appear in `session` entries of the custom authentication triggers.
    public static let challengeNames: [String] = [
        "CUSTOM_CHALLENGE", "SRP_A", "PASSWORD_VERIFIER", "SMS_MFA", "EMAIL_OTP",
        "SOFTWARE_TOKEN_MFA", "DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER", "ADMIN_NO_SRP_AUTH",
    ]

    /// All trigger specs, in the order of `Trigger.allCases`.
    public static let triggers: [TriggerSpec] = Trigger.allCases.map(spec(for:))

    /// The spec of one trigger.
    public static func spec(for trigger: Trigger) -> TriggerSpec {
        switch trigger {
        case .preSignUp: preSignUp
        case .postConfirmation: postConfirmation
        case .userMigration: userMigration
        case .customMessage: customMessage
        case .preAuthentication: preAuthentication
        case .postAuthentication: postAuthentication
        case .preTokenGenerationV1: preTokenGenerationV1
        case .preTokenGenerationV2: preTokenGenerationV2
        case .preTokenGenerationV3: preTokenGenerationV3
        case .defineAuthChallenge: defineAuthChallenge
        case .createAuthChallenge: createAuthChallenge
        case .verifyAuthChallengeResponse: verifyAuthChallengeResponse
        case .customEmailSender: customEmailSender
        case .customSMSSender: customSMSSender
        case .inboundFederation: inboundFederation
        }
    }

    /// The spec describing the field at a document path, looking in the common fields and then in
    /// `trigger`'s fields; the one catalogue lookup by path.
    ///
    /// An array index matches `"*"` in a spec's path and nothing else, and a key matches only its own
    /// name, so `request.session[0].challengeName` finds `request.session.*.challengeName` while an
    /// object key `"0"` or `"*"` is never taken for an index. With a nil trigger only the common
    /// fields are searched.
    public static func field(at path: JSONPath, in trigger: Trigger?) -> FieldSpec? {
        guard !path.isEmpty else { return nil }
        if let common = commonFields.first(where: { matches(pattern: $0.path, path: path) }) {
            return common
        }
        guard let trigger else { return nil }
        return spec(for: trigger).fields.first { matches(pattern: $0.path, path: path) }
    }

    /// The specs of the direct children of the field at `path`; `[]` gives the top-level fields.
    public static func fields(under path: JSONPath, in trigger: Trigger) -> [FieldSpec] {
        (commonFields + spec(for: trigger).fields).filter { field in
            field.path.count == path.count + 1 && matches(pattern: Array(field.path.dropLast()), path: path)
        }
    }

    /// The description of a trigger source, or nil for `.unknown`.
    public static func source(_ s: TriggerSource) -> TriggerSourceSpec? {
        for trigger in s.triggers {
            if let found = spec(for: trigger).sources.first(where: { $0.source == s }) {
                return found
            }
        }
        return nil
    }

    /// True when `path` is as long as `pattern` and each step matches: an index only `"*"`, a key only its own name.
    static func matches(pattern: [String], path: JSONPath) -> Bool {
        guard pattern.count == path.count else { return false }
        for (expected, actual) in zip(pattern, path) {
            switch actual {
            case .index: guard expected == "*" else { return false }
            case .key(let key): guard expected != "*", expected == key else { return false }
            }
        }
        return true
    }
}
