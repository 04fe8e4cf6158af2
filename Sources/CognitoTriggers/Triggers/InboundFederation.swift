import JSONDocument

/// Inbound federation: runs when a user signs in through an external identity provider, so the
/// function can choose which of the provider's attributes reach the user profile.
public struct InboundFederationEvent: TriggerEventWithResponse {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == InboundFederationEvent {
    /// The provider's name as configured in the pool.
    public var providerName: String { get throws(FieldError) { try required("providerName", .string) } }
    /// `OIDC`, `SAML`, `Facebook`, `Google`, `SignInWithApple` or `LoginWithAmazon`.
    public var providerType: String { get throws(FieldError) { try required("providerType", .string) } }
    /// What the provider sent: token response, ID token claims, user info or SAML assertion.
    public var attributes: Section { Section(document: document, basePath: path("attributes")) }
}

extension EventResponse where Event == InboundFederationEvent {
    /// The attributes to write to the user profile, by attribute name.
    public var userAttributesToMap: [String: String]? { get { self["userAttributesToMap", .stringMap] } set { self["userAttributesToMap", .stringMap] = newValue } }
}
