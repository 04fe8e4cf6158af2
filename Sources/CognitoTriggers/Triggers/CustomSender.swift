import JSONDocument

/// Custom email sender and custom SMS sender: Cognito hands the function an encrypted code and the
/// function delivers the message itself. There is no response to fill in.
public struct CustomSenderEvent: CognitoTriggerEvent, UserAttributesEvent, ClientMetadataEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }
}

extension EventRequest where Event == CustomSenderEvent {
    /// The request format: `customEmailSenderRequestV1` or `customSMSSenderRequestV1`.
    public var type: String { get throws(FieldError) { try required("type", .string) } }
    /// The code, encrypted with the pool's KMS key; null for messages without a code.
    public var code: String? { get throws(FieldError) { try optional("code", .string) } }
}
