import JSONDocument

/// User migration: runs when a user Cognito does not know signs in or resets a password, so the
/// function can bring the user over from an old directory.
public struct UserMigrationEvent: TriggerEventWithResponse, ClientMetadataEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == UserMigrationEvent {
    /// The password the user typed (sign-in only; absent for forgotten passwords).
    public var password: String? { get throws(FieldError) { try optional("password", .string) } }
    /// Extra data the app sent for validation only.
    public var validationData: [String: String] { get throws(FieldError) { try map("validationData") } }
}

extension EventResponse where Event == UserMigrationEvent {
    /// The attributes to create the user with.
    public var userAttributes: [String: String]? { get { self["userAttributes", .stringMap] } set { self["userAttributes", .stringMap] = newValue } }
    /// `CONFIRMED` or `RESET_REQUIRED`.
    public var finalUserStatus: String? { get { self["finalUserStatus", .string] } set { self["finalUserStatus", .string] = newValue } }
    /// `SUPPRESS` to send no welcome message, `RESEND` to send it again.
    public var messageAction: String? { get { self["messageAction", .string] } set { self["messageAction", .string] = newValue } }
    /// Where to send the welcome message: `EMAIL`, `SMS` or both.
    public var desiredDeliveryMediums: [String]? { get { self["desiredDeliveryMediums", .stringList] } set { self["desiredDeliveryMediums", .stringList] = newValue } }
    /// Move an email or phone alias from an existing user to the migrated one.
    public var forceAliasCreation: Bool? { get { self["forceAliasCreation", .bool] } set { self["forceAliasCreation", .bool] = newValue } }
    /// Turn on SMS multi-factor authentication for the migrated user (needs a `phone_number`).
    public var enableSMSMFA: Bool? { get { self["enableSMSMFA", .bool] } set { self["enableSMSMFA", .bool] = newValue } }
}
