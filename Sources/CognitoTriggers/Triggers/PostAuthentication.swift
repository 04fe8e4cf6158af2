import JSONDocument

/// Post authentication: runs after a successful sign-in, for logging or analytics.
public struct PostAuthenticationEvent: CognitoTriggerEvent, UserAttributesEvent, ClientMetadataEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == PostAuthenticationEvent {
    /// True when the user signed in from a device Cognito had not seen.
    public var newDeviceUsed: Bool { get throws(FieldError) { try optional("newDeviceUsed", .bool) ?? false } }
}
