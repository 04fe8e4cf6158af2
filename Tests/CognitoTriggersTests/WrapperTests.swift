import Foundation
import JSONDocument
import Testing
@testable import CognitoTriggers

// Tests that mirror the seed (Powertools' cognito_user_pool_event), trigger by trigger: every
// property it lists is read through `event.typed`, every setter writes through to the document
// text and changes it only at that value. This file holds the helpers, the common fields and
// trigger detection; the triggers are in WrapperTests+*.swift.

/// Building events from text and checking edits.
enum Wrap {
    /// An event with the common fields and `body` (the members after `callerContext`, indented by two).
    static func event(_ source: String, version: String = "1", _ body: String) -> String {
        """
        {
          "version": "\(version)",
          "triggerSource": "\(source)",
          "region": "us-east-1",
          "userPoolId": "us-east-1_EXAMPLE12",
          "userName": "jane",
          "callerContext": {
            "awsSdkVersion": "aws-sdk-js-3.637.0",
            "clientId": "1example23456789abcdefghij"
          },
        \(body)
        }

        """
    }

    /// The text with its only occurrence of `old` replaced; fails when `old` is not there exactly once.
    static func replacing(_ text: String, _ old: String, _ new: String,
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let count = text.components(separatedBy: old).count - 1
        try #require(count == 1, "expected exactly one occurrence of \(old), found \(count)", sourceLocation: sourceLocation)
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The typed event of a text.
    static func typed(_ text: String) throws -> TypedEvent { try TriggerEvent(text: text).typed }

    /// The error a throwing read gives, or nil when it does not throw.
    static func error<T>(_ read: () throws(FieldError) -> T) -> FieldError? {
        do {
            _ = try read()
            return nil
        } catch {
            return error
        }
    }
}

extension TypedEvent {
    var preSignUp: PreSignUpEvent? { if case .preSignUp(let e) = self { e } else { nil } }
    var postConfirmation: PostConfirmationEvent? { if case .postConfirmation(let e) = self { e } else { nil } }
    var userMigration: UserMigrationEvent? { if case .userMigration(let e) = self { e } else { nil } }
    var customMessage: CustomMessageEvent? { if case .customMessage(let e) = self { e } else { nil } }
    var preAuthentication: PreAuthenticationEvent? { if case .preAuthentication(let e) = self { e } else { nil } }
    var postAuthentication: PostAuthenticationEvent? { if case .postAuthentication(let e) = self { e } else { nil } }
    var preTokenGenerationV1: PreTokenGenerationEvent? { if case .preTokenGenerationV1(let e) = self { e } else { nil } }
    var preTokenGenerationV2: PreTokenGenerationV2Event? { if case .preTokenGenerationV2(let e) = self { e } else { nil } }
    var preTokenGenerationV3: PreTokenGenerationV2Event? { if case .preTokenGenerationV3(let e) = self { e } else { nil } }
    var defineAuthChallenge: DefineAuthChallengeEvent? { if case .defineAuthChallenge(let e) = self { e } else { nil } }
    var createAuthChallenge: CreateAuthChallengeEvent? { if case .createAuthChallenge(let e) = self { e } else { nil } }
    var verifyAuthChallengeResponse: VerifyAuthChallengeResponseEvent? {
        if case .verifyAuthChallengeResponse(let e) = self { e } else { nil }
    }
    var customEmailSender: CustomSenderEvent? { if case .customEmailSender(let e) = self { e } else { nil } }
    var customSMSSender: CustomSenderEvent? { if case .customSMSSender(let e) = self { e } else { nil } }
    var inboundFederation: InboundFederationEvent? { if case .inboundFederation(let e) = self { e } else { nil } }
    var unknown: TriggerEvent? { if case .unknown(let e) = self { e } else { nil } }
}

@Suite("Wrapper: common fields (BaseTriggerEvent, CallerContext)")
struct CommonWrapperTests {
    static let text = Wrap.event("PostConfirmation_ConfirmSignUp", """
          "request": {
            "userAttributes": {}
          },
          "response": {}
        """)

    @Test func readsEveryCommonField() throws {
        let event = try TriggerEvent(text: Self.text)
        #expect(try event.version == "1")
        #expect(try event.region == "us-east-1")
        #expect(try event.userPoolId == "us-east-1_EXAMPLE12")
        #expect(try event.triggerSourceName == "PostConfirmation_ConfirmSignUp")
        #expect(event.triggerSource == .postConfirmationConfirmSignUp)
        #expect(try event.userName == "jane")
        #expect(try event.callerContext.awsSdkVersion == "aws-sdk-js-3.637.0")
        #expect(try event.callerContext.clientId == "1example23456789abcdefghij")
    }

    @Test func typedWrappersReadTheSameCommonFields() throws {
        let e = try #require(try Wrap.typed(Self.text).postConfirmation)
        #expect(try e.version == "1")
        #expect(try e.region == "us-east-1")
        #expect(try e.userPoolId == "us-east-1_EXAMPLE12")
        #expect(try e.userName == "jane")
        #expect(e.triggerSource == .postConfirmationConfirmSignUp)
        #expect(try e.callerContext.clientId == "1example23456789abcdefghij")
        #expect(try e.callerContext.awsSdkVersion == "aws-sdk-js-3.637.0")
        #expect(e.event.document.text == Self.text)
    }

    @Test("callerContext.awsSdk is read when awsSdkVersion is absent")
    func awsSdkFallback() throws {
        let text = try Wrap.replacing(Self.text, "\"awsSdkVersion\"", "\"awsSdk\"")
        let event = try TriggerEvent(text: text)
        #expect(try event.callerContext.awsSdkVersion == "aws-sdk-js-3.637.0")
        #expect(event.validate() == [Problem(.warning, ["callerContext", "awsSdk"],
            "named awsSdk; Cognito sends awsSdkVersion (read as that)",
            source: "AWS Cognito Developer Guide: Lambda trigger common parameters")])
    }

    @Test("awsSdkVersion wins over awsSdk when both are present")
    func awsSdkVersionWins() throws {
        let text = try Wrap.replacing(Self.text, "\"clientId\"", "\"awsSdk\": \"other\",\n    \"clientId\"")
        #expect(try TriggerEvent(text: text).callerContext.awsSdkVersion == "aws-sdk-js-3.637.0")
    }

    @Test("A null userName reads as nil; an absent one too")
    func userNameNull() throws {
        let null = try Wrap.replacing(Self.text, "\"userName\": \"jane\"", "\"userName\": null")
        #expect(try TriggerEvent(text: null).userName == nil)
        let absent = try Wrap.replacing(Self.text, "  \"userName\": \"jane\",\n", "")
        #expect(try TriggerEvent(text: absent).userName == nil)
    }

    @Test("Missing required common fields and wrong types are FieldErrors naming the path", arguments: [
        ("\"region\": \"us-east-1\"", "\"region\": 42", "region: expected a string, found a number"),
        ("\"version\": \"1\"", "\"version\": null", "version: required field is missing"),
        ("\"userPoolId\": \"us-east-1_EXAMPLE12\"", "\"pool\": \"x\"", "userPoolId: required field is missing"),
        ("\"clientId\": \"1example23456789abcdefghij\"", "\"clientId\": [\"x\"]", "callerContext.clientId: expected a string, found an array"),
    ])
    func commonFieldErrors(old: String, new: String, message: String) throws {
        let event = try TriggerEvent(text: try Wrap.replacing(Self.text, old, new))
        let errors = [
            Wrap.error { () throws(FieldError) in try event.region },
            Wrap.error { () throws(FieldError) in try event.version },
            Wrap.error { () throws(FieldError) in try event.userPoolId },
            Wrap.error { () throws(FieldError) in try event.callerContext.clientId },
        ].compactMap { $0 }
        #expect(errors.map(\.description) == [message])
    }

    @Test("A userName that is not a string is a FieldError")
    func userNameWrongType() throws {
        let event = try TriggerEvent(text: try Wrap.replacing(Self.text, "\"userName\": \"jane\"", "\"userName\": true"))
        #expect(Wrap.error { () throws(FieldError) in try event.userName }
            == FieldError(path: ["userName"], kind: .wrongType(expected: "a string", found: .bool)))
    }
}

@Suite("Wrapper: which trigger an event is")
struct DetectionWrapperTests {
    static func event(source: String, version: String = "1", scopes: Bool = false) -> String {
        let request = scopes
            ? "  \"request\": {\n    \"userAttributes\": {},\n    \"scopes\": [\"openid\"]\n  },\n  \"response\": {}"
            : "  \"request\": {\n    \"userAttributes\": {}\n  },\n  \"response\": {}"
        return Wrap.event(source, version: version, request)
    }

    @Test("Pre token generation: version 2 or 3, the client credentials source, or a V2 shape pick the version", arguments: [
        ("TokenGeneration_HostedAuth", "1", false, Trigger.preTokenGenerationV1),
        ("TokenGeneration_HostedAuth", "2", false, .preTokenGenerationV2),
        ("TokenGeneration_HostedAuth", "3", false, .preTokenGenerationV3),
        ("TokenGeneration_RefreshTokens", "1", true, .preTokenGenerationV2),
        ("TokenGeneration_Authentication", "2", true, .preTokenGenerationV2),
        ("TokenGeneration_Authentication", "3", true, .preTokenGenerationV3),
        ("TokenGeneration_ClientCredentials", "3", true, .preTokenGenerationV3),
        ("TokenGeneration_ClientCredentials", "1", false, .preTokenGenerationV3),
        ("TokenGeneration_ClientCredentials", "2", true, .preTokenGenerationV3),
    ])
    func tokenGenerationVersions(source: String, version: String, scopes: Bool, expected: Trigger) throws {
        let event = try TriggerEvent(text: Self.event(source: source, version: version, scopes: scopes))
        #expect(event.trigger == expected)
    }

    @Test("The typed wrapper matches the trigger version")
    func typedTokenWrappers() throws {
        #expect(try Wrap.typed(Self.event(source: "TokenGeneration_HostedAuth")).preTokenGenerationV1 != nil)
        #expect(try Wrap.typed(Self.event(source: "TokenGeneration_HostedAuth", version: "2")).preTokenGenerationV2 != nil)
        #expect(try Wrap.typed(Self.event(source: "TokenGeneration_ClientCredentials", version: "3")).preTokenGenerationV3 != nil)
    }

    @Test("Placeholder sources are read by their prefix", arguments: [
        ("CustomMessage_SignUp/CustomMessage_ResendCode", Trigger.customMessage),
        ("PreTokenGen", .preTokenGenerationV1),
        ("PreTokenGeneration_Whatever", .preTokenGenerationV1),
        ("PreSignUp_SomethingNew", .preSignUp),
        ("CustomSMSSender_Future", .customSMSSender),
        ("InboundFederation_Other", .inboundFederation),
        ("PostConfirmation_New", .postConfirmation),
        ("UserMigration_New", .userMigration),
        ("PreAuthentication_New", .preAuthentication),
        ("PostAuthentication_New", .postAuthentication),
        ("TokenGeneration_New", .preTokenGenerationV1),
        ("DefineAuthChallenge_New", .defineAuthChallenge),
        ("CreateAuthChallenge_New", .createAuthChallenge),
        ("VerifyAuthChallengeResponse_New", .verifyAuthChallengeResponse),
        ("CustomEmailSender_New", .customEmailSender),
    ])
    func placeholderPrefixes(source: String, expected: Trigger) throws {
        let event = try TriggerEvent(text: Self.event(source: source))
        #expect(event.triggerSource == .unknown(source))
        #expect(event.trigger == expected)
    }

    @Test("A source whose prefix names no trigger has none", arguments: ["Nothing_Here", "_SignUp", "", "preSignUp_SignUp", "Custom"])
    func unknownPrefixes(source: String) throws {
        #expect(try TriggerEvent(text: Self.event(source: source)).trigger == nil)
    }

    @Test("A placeholder token source with the V2 shape is V2")
    func placeholderWithShape() throws {
        #expect(try TriggerEvent(text: Self.event(source: "PreTokenGen", scopes: true)).trigger == .preTokenGenerationV2)
        #expect(try TriggerEvent(text: Self.event(source: "PreTokenGen", version: "3")).trigger == .preTokenGenerationV3)
    }

    @Test("Every known source maps to its trigger", arguments: TriggerSource.known)
    func knownSources(source: TriggerSource) throws {
        let version = source == .tokenGenerationClientCredentials ? "3" : "1"
        let event = try TriggerEvent(text: Self.event(source: source.rawValue, version: version))
        #expect(event.trigger == source.triggers.first)
        #expect(event.triggerSource == source)
    }

    @Test("An unknown source gives no trigger and an .unknown typed event that still reads")
    func unknownSource() throws {
        let event = try TriggerEvent(text: Self.event(source: "Something_Else"))
        #expect(event.trigger == nil)
        #expect(event.spec == nil)
        #expect(event.triggerSource == .unknown("Something_Else"))
        let unknown = try #require(event.typed.unknown)
        #expect(try unknown.region == "us-east-1")
        #expect(try unknown.callerContext.clientId == "1example23456789abcdefghij")
        #expect(unknown.document[["request", "userAttributes"]] == .object([]))
    }

    @Test("No triggerSource, or one that is not a string, gives no trigger")
    func noSource() throws {
        #expect(try TriggerEvent(text: "{\"version\": \"1\"}").trigger == nil)
        #expect(try TriggerEvent(text: "{\"triggerSource\": 3}").trigger == nil)
        #expect(try TriggerEvent(text: "[1, 2]").typed.unknown != nil)
    }
}
