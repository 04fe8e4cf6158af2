import JSONDocument

/// Define auth challenge: decides, after each step of a custom sign-in, what comes next.
public struct DefineAuthChallengeEvent: TriggerEventWithResponse {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == DefineAuthChallengeEvent {
    /// The user's attributes.
    public var userAttributes: [String: String] { get throws(FieldError) { try required("userAttributes", .stringMap) } }
    /// True when the user does not exist (only sent when the app client hides that fact).
    public var userNotFound: Bool? { get throws(FieldError) { try optional("userNotFound", .bool) } }
    /// The challenges so far, oldest first.
    public var session: [ChallengeResult] { get throws(FieldError) { try self.session() } }
    /// Data the app passed in `ClientMetadata`.
    public var clientMetadata: [String: String] { get throws(FieldError) { try map("clientMetadata") } }
}

extension EventResponse where Event == DefineAuthChallengeEvent {
    /// The next challenge to present, such as `CUSTOM_CHALLENGE`.
    public var challengeName: String? {
        get { lenient("challengeName", .string) }
        set { write("challengeName", newValue, JSONValue.string) }
    }
    /// Issue tokens now: the user has passed.
    public var issueTokens: Bool? {
        get { lenient("issueTokens", .bool) }
        set { write("issueTokens", newValue, JSONValue.bool) }
    }
    /// End the sign-in as failed.
    public var failAuthentication: Bool? {
        get { lenient("failAuthentication", .bool) }
        set { write("failAuthentication", newValue, JSONValue.bool) }
    }
}

/// Create auth challenge: makes the custom challenge that define auth challenge asked for.
public struct CreateAuthChallengeEvent: TriggerEventWithResponse {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == CreateAuthChallengeEvent {
    /// The user's attributes.
    public var userAttributes: [String: String] { get throws(FieldError) { try required("userAttributes", .stringMap) } }
    /// True when the user does not exist (only sent when the app client hides that fact).
    public var userNotFound: Bool? { get throws(FieldError) { try optional("userNotFound", .bool) } }
    /// The challenge to create (`CUSTOM_CHALLENGE`).
    public var challengeName: String { get throws(FieldError) { try required("challengeName", .string) } }
    /// The challenges so far, oldest first.
    public var session: [ChallengeResult] { get throws(FieldError) { try self.session() } }
    /// Data the app passed in `ClientMetadata`.
    public var clientMetadata: [String: String] { get throws(FieldError) { try map("clientMetadata") } }
}

extension EventResponse where Event == CreateAuthChallengeEvent {
    /// What the app may show the user (never the answer).
    public var publicChallengeParameters: [String: String]? {
        get { lenient("publicChallengeParameters", .stringMap) }
        set { write("publicChallengeParameters", newValue, JSONValue.stringObject) }
    }
    /// What the verify function needs, such as the expected answer; never sent to the app.
    public var privateChallengeParameters: [String: String]? {
        get { lenient("privateChallengeParameters", .stringMap) }
        set { write("privateChallengeParameters", newValue, JSONValue.stringObject) }
    }
    /// A label stored in the session, to tell custom challenges apart later.
    public var challengeMetadata: String? {
        get { lenient("challengeMetadata", .string) }
        set { write("challengeMetadata", newValue, JSONValue.string) }
    }
}

/// Verify auth challenge response: checks the user's answer to a custom challenge.
public struct VerifyAuthChallengeResponseEvent: TriggerEventWithResponse {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == VerifyAuthChallengeResponseEvent {
    /// The user's attributes.
    public var userAttributes: [String: String] { get throws(FieldError) { try required("userAttributes", .stringMap) } }
    /// What create auth challenge stored for checking the answer.
    public var privateChallengeParameters: [String: String] { get throws(FieldError) { try map("privateChallengeParameters") } }
    /// The user's answer.
    public var challengeAnswer: String { get throws(FieldError) { try required("challengeAnswer", .string) } }
    /// Data the app passed in `ClientMetadata`.
    public var clientMetadata: [String: String] { get throws(FieldError) { try map("clientMetadata") } }
    /// True when the user does not exist (only sent when the app client hides that fact).
    public var userNotFound: Bool? { get throws(FieldError) { try optional("userNotFound", .bool) } }
}

extension EventResponse where Event == VerifyAuthChallengeResponseEvent {
    /// Whether the answer is right.
    public var answerCorrect: Bool? {
        get { lenient("answerCorrect", .bool) }
        set { write("answerCorrect", newValue, JSONValue.bool) }
    }
}
