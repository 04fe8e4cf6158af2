import JSONDocument

/// Pre authentication: runs when a user starts to sign in; raising an error denies the sign-in.
public struct PreAuthenticationEvent: CognitoTriggerEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == PreAuthenticationEvent {
    /// True when the user does not exist (only sent when the app client hides that fact).
    public var userNotFound: Bool? { get throws(FieldError) { try optional("userNotFound", .bool) } }
    /// The user's attributes.
    public var userAttributes: [String: String] { get throws(FieldError) { try required("userAttributes", .stringMap) } }
    /// Extra data the app sent for validation only.
    public var validationData: [String: String] { get throws(FieldError) { try map("validationData") } }
}
