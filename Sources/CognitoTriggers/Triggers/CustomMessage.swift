import JSONDocument

/// Custom message: runs before Cognito sends a verification, welcome or MFA message, so the function
/// can write its text.
public struct CustomMessageEvent: TriggerEventWithResponse, UserAttributesEvent, ClientMetadataEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == CustomMessageEvent {
    /// The placeholder (such as `{####}`) that the message must contain; Cognito puts the code there.
    public var codeParameter: String { get throws(FieldError) { try required("codeParameter", .string) } }
    /// The placeholder for a verification link, when the pool sends links.
    public var linkParameter: String? { get throws(FieldError) { try optional("linkParameter", .string) } }
    /// The placeholder for the user name (sent for `AdminCreateUser` invitations).
    public var usernameParameter: String? { get throws(FieldError) { try optional("usernameParameter", .string) } }
}

extension EventResponse where Event == CustomMessageEvent {
    /// The text message; must contain the code placeholder.
    public var smsMessage: String? { get { self["smsMessage", .string] } set { self["smsMessage", .string] = newValue } }
    /// The email body (may be HTML); must contain the code placeholder.
    public var emailMessage: String? { get { self["emailMessage", .string] } set { self["emailMessage", .string] = newValue } }
    /// The email subject line.
    public var emailSubject: String? { get { self["emailSubject", .string] } set { self["emailSubject", .string] = newValue } }
}
