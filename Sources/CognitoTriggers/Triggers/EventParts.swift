import JSONDocument

/// The `request` object of a trigger event; each trigger adds its fields in an extension
/// `where Event == ThatTriggersEvent`.
public struct EventRequest<Event: CognitoTriggerEvent>: EventView {
    /// The whole event's document.
    public var document: JSONDocument
    /// Always `["request"]`.
    public let basePath: JSONPath = ["request"]
}

/// The `response` object of a trigger event, which the function fills in; each trigger adds its
/// fields in an extension. Setting a field creates the object when the event has none.
public struct EventResponse<Event: TriggerEventWithResponse>: EventView {
    /// The whole event's document.
    public var document: JSONDocument
    /// Always `["response"]`.
    public let basePath: JSONPath = ["response"]
}

extension CognitoTriggerEvent {
    /// What Cognito sent: the trigger's request fields.
    public var request: EventRequest<Self> { EventRequest(document: document) }
}

/// A trigger whose response the function fills in (every trigger but post authentication, post
/// confirmation, pre authentication and the custom senders).
public protocol TriggerEventWithResponse: CognitoTriggerEvent {}

extension TriggerEventWithResponse {
    /// What the function answers; a change to it is a change to the event's document.
    public var response: EventResponse<Self> {
        get { EventResponse(document: document) }
        set { document = newValue.document }
    }
}

// The request fields several triggers share, stated once: a trigger's event type lists the ones its
// request carries among its conformances.

/// A trigger whose request always holds the user's attributes.
public protocol UserAttributesEvent: CognitoTriggerEvent {}

extension EventRequest where Event: UserAttributesEvent {
    /// The user's attributes, by attribute name.
    public var userAttributes: [String: String] { get throws(FieldError) { try required("userAttributes", .stringMap) } }
}

/// A trigger whose request may hold the app's `ClientMetadata`.
public protocol ClientMetadataEvent: CognitoTriggerEvent {}

extension EventRequest where Event: ClientMetadataEvent {
    /// Data the app passed in `ClientMetadata` (empty when it passed none).
    public var clientMetadata: [String: String] { get throws(FieldError) { try map("clientMetadata") } }
}

/// A trigger whose request may say that no user has the name signed in with.
public protocol UserNotFoundEvent: CognitoTriggerEvent {}

extension EventRequest where Event: UserNotFoundEvent {
    /// True when the user does not exist (only sent when the app client hides that fact).
    public var userNotFound: Bool? { get throws(FieldError) { try optional("userNotFound", .bool) } }
}
