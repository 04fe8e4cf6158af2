import JSONDocument

/// Define auth challenge: decides, after each step of a custom sign-in, what comes next.
public struct DefineAuthChallengeEvent: TriggerEventWithResponse, UserAttributesEvent, ClientMetadataEvent, UserNotFoundEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == DefineAuthChallengeEvent {
    /// The challenges so far, oldest first.
    public var session: [ChallengeResult] { get throws(FieldError) { try self.session() } }
}

extension EventResponse where Event == DefineAuthChallengeEvent {
    /// The next challenge to present, such as `CUSTOM_CHALLENGE`.
    public var challengeName: String? { get { self["challengeName", .string] } set { self["challengeName", .string] = newValue } }
    /// Issue tokens now: the user has passed.
    public var issueTokens: Bool? { get { self["issueTokens", .bool] } set { self["issueTokens", .bool] = newValue } }
    /// End the sign-in as failed.
    public var failAuthentication: Bool? { get { self["failAuthentication", .bool] } set { self["failAuthentication", .bool] = newValue } }
}

/// Create auth challenge: makes the custom challenge that define auth challenge asked for.
public struct CreateAuthChallengeEvent: TriggerEventWithResponse, UserAttributesEvent, ClientMetadataEvent, UserNotFoundEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == CreateAuthChallengeEvent {
    /// The challenge to create (`CUSTOM_CHALLENGE`).
    public var challengeName: String { get throws(FieldError) { try required("challengeName", .string) } }
    /// The challenges so far, oldest first.
    public var session: [ChallengeResult] { get throws(FieldError) { try self.session() } }
}

extension EventResponse where Event == CreateAuthChallengeEvent {
    /// What the app may show the user (never the answer).
    public var publicChallengeParameters: [String: String]? { get { self["publicChallengeParameters", .stringMap] } set { self["publicChallengeParameters", .stringMap] = newValue } }
    /// What the verify function needs, such as the expected answer; never sent to the app.
    public var privateChallengeParameters: [String: String]? { get { self["privateChallengeParameters", .stringMap] } set { self["privateChallengeParameters", .stringMap] = newValue } }
    /// A label stored in the session, to tell custom challenges apart later.
    public var challengeMetadata: String? { get { self["challengeMetadata", .string] } set { self["challengeMetadata", .string] = newValue } }
}

/// Verify auth challenge response: checks the user's answer to a custom challenge.
public struct VerifyAuthChallengeResponseEvent: TriggerEventWithResponse, UserAttributesEvent, ClientMetadataEvent, UserNotFoundEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == VerifyAuthChallengeResponseEvent {
    /// What create auth challenge stored for checking the answer.
    public var privateChallengeParameters: [String: String] { get throws(FieldError) { try map("privateChallengeParameters") } }
    /// The user's answer.
    public var challengeAnswer: String { get throws(FieldError) { try required("challengeAnswer", .string) } }
}

extension EventResponse where Event == VerifyAuthChallengeResponseEvent {
    /// Whether the answer is right.
    public var answerCorrect: Bool? { get { self["answerCorrect", .bool] } set { self["answerCorrect", .bool] = newValue } }
}
