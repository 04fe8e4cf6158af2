import JSONDocument

/// Post confirmation: runs after a user is confirmed; nothing in the response changes the outcome.
public struct PostConfirmationEvent: CognitoTriggerEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == PostConfirmationEvent {
    /// The confirmed user's attributes.
    public var userAttributes: [String: String] { get throws(FieldError) { try required("userAttributes", .stringMap) } }
    /// Data the app passed in `ClientMetadata`.
    public var clientMetadata: [String: String] { get throws(FieldError) { try map("clientMetadata") } }
}
