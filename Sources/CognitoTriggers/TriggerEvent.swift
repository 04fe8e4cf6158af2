import JSONDocument

/// A Cognito user pool trigger event: the parsed document with the fields every trigger shares.
///
/// Open any JSON with `TriggerEvent(bytes:)`; `trigger` says which trigger it is (nil for JSON that is
/// no known event, which stays readable as a document), and `typed` gives the trigger's own wrapper.
public struct TriggerEvent: EventView {
    public var document: JSONDocument
    public var basePath: JSONPath { [] }

    /// Wraps an already parsed document.
    public init(document: JSONDocument) { self.document = document }

    /// Parses an event from bytes.
    public init(bytes: [UInt8]) throws(JSONParseError) { self.document = try JSONDocument(bytes: bytes) }

    /// Parses an event from text.
    public init(text: String) throws(JSONParseError) { self.document = try JSONDocument(text: text) }

    // MARK: Common fields

    /// The event format version (`"1"`; pre token generation sends `"1"`, `"2"` or `"3"`).
    public var version: String { get throws(FieldError) { try required("version", .string) } }
    /// The AWS Region of the user pool.
    public var region: String { get throws(FieldError) { try required("region", .string) } }
    /// The user pool ID.
    public var userPoolId: String { get throws(FieldError) { try required("userPoolId", .string) } }
    /// The user the event is about; nil in machine-to-machine token events.
    public var userName: String? { get throws(FieldError) { try optional("userName", .string) } }
    /// The raw `triggerSource` string.
    public var triggerSourceName: String { get throws(FieldError) { try required("triggerSource", .string) } }
    /// The situation that made Cognito call the function (`.unknown` for strings we do not know).
    public var triggerSource: TriggerSource? {
        (try? optional("triggerSource", .string)).flatMap { $0 }.map(TriggerSource.init(rawValue:))
    }
    /// The app client and SDK behind the request.
    public var callerContext: CallerContext { CallerContext(document: document, basePath: ["callerContext"]) }

    // MARK: Which trigger

    /// The trigger this event belongs to, or nil when it matches none.
    ///
    /// Pre token generation events share their sources between versions: `version` "2" or "3" picks
    /// V2 or V3, `TokenGeneration_ClientCredentials` is always V3, and an event whose shape is V2
    /// (`request.scopes`) is V2 even when `version` says "1", as some captured events do.
    public var trigger: Trigger? {
        guard let source = triggerSource else { return nil }
        var candidates = source.triggers
        if case .unknown(let name) = source { candidates = Self.triggers(forPrefixOf: name) }
        guard candidates.count > 1 else { return candidates.first }
        let version = document.node(at: ["version"])?.stringValue
        if version == "3" { return .preTokenGenerationV3 }
        if version == "2" || hasV2Shape { return .preTokenGenerationV2 }
        return .preTokenGenerationV1
    }

    /// For a trigger source we do not know, the triggers its prefix names: captured events and test
    /// data sometimes hold placeholders such as `CustomMessage_SignUp/CustomMessage_ResendCode` or
    /// `PreTokenGen`. `validate()` warns about them.
    static func triggers(forPrefixOf name: String) -> [Trigger] {
        let prefix = name.prefix { $0 != "_" && $0 != "/" }
        // Older spellings of the token generation prefix; every other prefix is that of the known
        // sources, which say their triggers.
        let known = prefix == "PreTokenGen" || prefix == "PreTokenGeneration" ? "TokenGeneration" : prefix
        var found: [Trigger] = []
        for source in TriggerSource.known where source.rawValue.prefix(while: { $0 != "_" }) == known {
            for trigger in source.triggers where !found.contains(trigger) { found.append(trigger) }
        }
        return found
    }

    var hasV2Shape: Bool {
        document.node(at: ["request", "scopes"]) != nil
    }

    /// The catalogue's description of this event's trigger.
    public var spec: TriggerSpec? { trigger.map(Catalogue.spec(for:)) }

    /// The trigger's own typed wrapper.
    public var typed: TypedEvent {
        switch trigger {
        case .preSignUp: return .preSignUp(PreSignUpEvent(document: document))
        case .postConfirmation: return .postConfirmation(PostConfirmationEvent(document: document))
        case .userMigration: return .userMigration(UserMigrationEvent(document: document))
        case .customMessage: return .customMessage(CustomMessageEvent(document: document))
        case .preAuthentication: return .preAuthentication(PreAuthenticationEvent(document: document))
        case .postAuthentication: return .postAuthentication(PostAuthenticationEvent(document: document))
        case .preTokenGenerationV1: return .preTokenGenerationV1(PreTokenGenerationEvent(document: document))
        case .preTokenGenerationV2: return .preTokenGenerationV2(PreTokenGenerationV2Event(document: document))
        case .preTokenGenerationV3: return .preTokenGenerationV3(PreTokenGenerationV2Event(document: document))
        case .defineAuthChallenge: return .defineAuthChallenge(DefineAuthChallengeEvent(document: document))
        case .createAuthChallenge: return .createAuthChallenge(CreateAuthChallengeEvent(document: document))
        case .verifyAuthChallengeResponse: return .verifyAuthChallengeResponse(VerifyAuthChallengeResponseEvent(document: document))
        case .customEmailSender: return .customEmailSender(CustomSenderEvent(document: document))
        case .customSMSSender: return .customSMSSender(CustomSenderEvent(document: document))
        case .inboundFederation: return .inboundFederation(InboundFederationEvent(document: document))
        case nil: return .unknown(self)
        }
    }
}

/// An event opened as its trigger's typed wrapper.
public enum TypedEvent: Sendable {
    case preSignUp(PreSignUpEvent)
    case postConfirmation(PostConfirmationEvent)
    case userMigration(UserMigrationEvent)
    case customMessage(CustomMessageEvent)
    case preAuthentication(PreAuthenticationEvent)
    case postAuthentication(PostAuthenticationEvent)
    case preTokenGenerationV1(PreTokenGenerationEvent)
    case preTokenGenerationV2(PreTokenGenerationV2Event)
    /// V3 has V2's shape; it also runs for machine-to-machine (client credentials) tokens.
    case preTokenGenerationV3(PreTokenGenerationV2Event)
    case defineAuthChallenge(DefineAuthChallengeEvent)
    case createAuthChallenge(CreateAuthChallengeEvent)
    case verifyAuthChallengeResponse(VerifyAuthChallengeResponseEvent)
    case customEmailSender(CustomSenderEvent)
    case customSMSSender(CustomSenderEvent)
    case inboundFederation(InboundFederationEvent)
    /// JSON that matches no trigger: still readable through `TriggerEvent`.
    case unknown(TriggerEvent)
}

/// What every trigger's wrapper shares: the common fields, read through the same document.
public protocol CognitoTriggerEvent: EventView {
    init(document: JSONDocument)
}

extension CognitoTriggerEvent {
    public var basePath: JSONPath { [] }
    /// The event as a plain `TriggerEvent`, for the common fields and validation.
    public var event: TriggerEvent { TriggerEvent(document: document) }
    public var version: String { get throws(FieldError) { try required("version", .string) } }
    public var region: String { get throws(FieldError) { try required("region", .string) } }
    public var userPoolId: String { get throws(FieldError) { try required("userPoolId", .string) } }
    public var userName: String? { get throws(FieldError) { try optional("userName", .string) } }
    public var triggerSource: TriggerSource? { event.triggerSource }
    public var callerContext: CallerContext { CallerContext(document: document, basePath: ["callerContext"]) }
}

/// Which app client and SDK made the request behind the event.
public struct CallerContext: EventView {
    public var document: JSONDocument
    public let basePath: JSONPath

    /// The SDK version; some captured events name this `awsSdk` instead, which is read as a fallback.
    public var awsSdkVersion: String? {
        get throws(FieldError) {
            if let version = try optional("awsSdkVersion", .string) { return version }
            return try optional("awsSdk", .string)
        }
    }
    /// The app client ID.
    public var clientId: String { get throws(FieldError) { try required("clientId", .string) } }
}
