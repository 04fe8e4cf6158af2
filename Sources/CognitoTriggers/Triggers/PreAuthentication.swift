import JSONDocument

/// Pre authentication: runs when a user starts to sign in; raising an error denies the sign-in.
public struct PreAuthenticationEvent: CognitoTriggerEvent, UserAttributesEvent, UserNotFoundEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == PreAuthenticationEvent {
    /// Extra data the app sent for validation only.
    public var validationData: [String: String] { get throws(FieldError) { try map("validationData") } }
}
