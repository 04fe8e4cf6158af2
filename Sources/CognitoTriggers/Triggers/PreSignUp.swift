import JSONDocument

/// Pre sign-up: runs before Cognito creates a user; the function can reject the sign-up or confirm it.
public struct PreSignUpEvent: CognitoTriggerEvent {
    public var document: JSONDocument
    public init(document: JSONDocument) { self.document = document }

    public var request: Request { Request(document: document, basePath: ["request"]) }
    public var response: Response {
        get { Response(document: document, basePath: ["response"]) }
        set { document = newValue.document }
    }

    public struct Request: EventView {
        public var document: JSONDocument
        public let basePath: JSONPath
        /// The attributes the user signed up with.
        public var userAttributes: [String: String] { get throws(FieldError) { try required("userAttributes", .stringMap) } }
        /// Extra data the app sent for validation only; Cognito does not store it.
        public var validationData: [String: String] { get throws(FieldError) { try map("validationData") } }
        /// Data the app passed in `ClientMetadata`.
        public var clientMetadata: [String: String] { get throws(FieldError) { try map("clientMetadata") } }
    }

    public struct Response: EventView {
        public var document: JSONDocument
        public let basePath: JSONPath
        /// Confirm the user without a code.
        public var autoConfirmUser: Bool? {
            get { lenient("autoConfirmUser", .bool) }
            set { write("autoConfirmUser", newValue, JSONValue.bool) }
        }
        /// Mark the phone number verified (needs a `phone_number` attribute).
        public var autoVerifyPhone: Bool? {
            get { lenient("autoVerifyPhone", .bool) }
            set { write("autoVerifyPhone", newValue, JSONValue.bool) }
        }
        /// Mark the email address verified (needs an `email` attribute).
        public var autoVerifyEmail: Bool? {
            get { lenient("autoVerifyEmail", .bool) }
            set { write("autoVerifyEmail", newValue, JSONValue.bool) }
        }
    }
}
