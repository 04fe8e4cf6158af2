import JSONDocument

/// The pre token generation events, whose request is the same in every version.
public protocol TokenGenerationEvent: TriggerEventWithResponse, ClientMetadataEvent {}

/// The request of every pre token generation version: the user's groups, attributes and metadata.
extension EventRequest where Event: TokenGenerationEvent {
    /// The groups and IAM roles the user has in the pool.
    public var groupConfiguration: GroupOverrideDetails {
        GroupOverrideDetails(document: document, basePath: path("groupConfiguration"))
    }
    /// The user's attributes (empty for machine-to-machine tokens).
    public var userAttributes: [String: String] { get throws(FieldError) { try map("userAttributes") } }
    /// The OAuth scopes of the access token (V2 and V3 only).
    public var scopes: [String] { get throws(FieldError) { try optional("scopes", .stringList) ?? [] } }
}

/// Pre token generation V1: runs before Cognito issues tokens; the function changes ID token claims
/// and groups.
public struct PreTokenGenerationEvent: TokenGenerationEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventResponse where Event == PreTokenGenerationEvent {
    /// The changes to the ID token; created on first access, also where the event holds `null`.
    public var claimsOverrideDetails: ClaimsOverrideDetails {
        mutating get { objectMember("claimsOverrideDetails", ClaimsOverrideDetails.init) }
        set { document = newValue.document }
    }
}

/// Pre token generation V2 and V3: like V1, and also changes the access token's claims and scopes.
/// V3 runs for machine-to-machine (client credentials) tokens too.
public struct PreTokenGenerationV2Event: TokenGenerationEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventResponse where Event == PreTokenGenerationV2Event {
    /// The changes to both tokens; created on first access, also where the event holds `null`.
    public var claimsAndScopeOverrideDetails: ClaimsAndScopeOverrideDetails {
        mutating get { objectMember("claimsAndScopeOverrideDetails", ClaimsAndScopeOverrideDetails.init) }
        set { document = newValue.document }
    }
}
