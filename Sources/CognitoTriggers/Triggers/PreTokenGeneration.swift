import JSONDocument

/// The request of every pre token generation version: the user's groups, attributes and metadata.
public struct TokenGenerationRequest: EventView {
    public var document: JSONDocument
    public let basePath: JSONPath
    /// The groups and IAM roles the user has in the pool.
    public var groupConfiguration: GroupOverrideDetails {
        GroupOverrideDetails(document: document, basePath: path("groupConfiguration"))
    }
    /// The user's attributes (empty for machine-to-machine tokens).
    public var userAttributes: [String: String] { get throws(FieldError) { try map("userAttributes") } }
    /// Data the app passed in `ClientMetadata`.
    public var clientMetadata: [String: String] { get throws(FieldError) { try map("clientMetadata") } }
    /// The OAuth scopes of the access token (V2 and V3 only).
    public var scopes: [String] { get throws(FieldError) { try optional("scopes", .stringList) ?? [] } }
}

/// Pre token generation V1: runs before Cognito issues tokens; the function changes ID token claims
/// and groups.
public struct PreTokenGenerationEvent: CognitoTriggerEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }

    public var request: TokenGenerationRequest { TokenGenerationRequest(document: document, basePath: ["request"]) }
    public var response: Response {
        get { Response(document: document, basePath: ["response"]) }
        set { document = newValue.document }
    }

    public struct Response: EventView {
        public var document: JSONDocument
        public let basePath: JSONPath
        /// The changes to the ID token; created on first access, also where the event holds `null`.
        public var claimsOverrideDetails: ClaimsOverrideDetails {
            mutating get {
                var view = ClaimsOverrideDetails(document: document, basePath: path("claimsOverrideDetails"))
                view.ensureObject()
                document = view.document
                return view
            }
            set { document = newValue.document }
        }
    }
}

/// Pre token generation V2 and V3: like V1, and also changes the access token's claims and scopes.
/// V3 runs for machine-to-machine (client credentials) tokens too.
public struct PreTokenGenerationV2Event: CognitoTriggerEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }

    public var request: TokenGenerationRequest { TokenGenerationRequest(document: document, basePath: ["request"]) }
    public var response: Response {
        get { Response(document: document, basePath: ["response"]) }
        set { document = newValue.document }
    }

    public struct Response: EventView {
        public var document: JSONDocument
        public let basePath: JSONPath
        /// The changes to both tokens; created on first access, also where the event holds `null`.
        public var claimsAndScopeOverrideDetails: ClaimsAndScopeOverrideDetails {
            mutating get {
                var view = ClaimsAndScopeOverrideDetails(document: document, basePath: path("claimsAndScopeOverrideDetails"))
                view.ensureObject()
                document = view.document
                return view
            }
            set { document = newValue.document }
        }
    }
}
