import JSONDocument

/// Post confirmation: runs after a user is confirmed; nothing in the response changes the outcome.
public struct PostConfirmationEvent: CognitoTriggerEvent, UserAttributesEvent, ClientMetadataEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}
