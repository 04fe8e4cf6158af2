import JSONDocument

/// Pre sign-up: runs before Cognito creates a user; the function can reject the sign-up or confirm it.
public struct PreSignUpEvent: TriggerEventWithResponse, UserAttributesEvent, ClientMetadataEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == PreSignUpEvent {
    /// Extra data the app sent for validation only; Cognito does not store it.
    public var validationData: [String: String] { get throws(FieldError) { try map("validationData") } }
}

extension EventResponse where Event == PreSignUpEvent {
    /// Confirm the user without a code.
    public var autoConfirmUser: Bool? { get { self["autoConfirmUser", .bool] } set { self["autoConfirmUser", .bool] = newValue } }
    /// Mark the phone number verified (needs a `phone_number` attribute).
    public var autoVerifyPhone: Bool? { get { self["autoVerifyPhone", .bool] } set { self["autoVerifyPhone", .bool] = newValue } }
    /// Mark the email address verified (needs an `email` attribute).
    public var autoVerifyEmail: Bool? { get { self["autoVerifyEmail", .bool] } set { self["autoVerifyEmail", .bool] = newValue } }
}
