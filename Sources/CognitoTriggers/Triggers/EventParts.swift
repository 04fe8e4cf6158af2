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
