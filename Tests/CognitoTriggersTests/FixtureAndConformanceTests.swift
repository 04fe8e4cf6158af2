import Foundation
import JSONDocument
import Testing
import TestSupport
@testable import CognitoTriggers

@Suite struct FixtureAndConformanceTests {
    @Test("every valid fixture opens as a known trigger and validates without problems", arguments: Repository.validFixtures)
    func fixtureIsClean(_ path: String) throws {
        let event = try TriggerEvent(bytes: Repository.bytes(of: path))
        let trigger = try #require(event.trigger, "\(path) matches no trigger")
        // The folder names the trigger: pre-token-generation-v2/... is V2.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
        #expect(trigger.folderName == folder)
        let problems = event.validate()
        #expect(problems.isEmpty, "\(path): \(problems.map(\.description))")
        // The file name is its triggerSource.
        let name = URL(fileURLWithPath: path).lastPathComponent
        #expect(name.hasPrefix(event.triggerSource?.rawValue ?? "?"))
    }

    @Test func everyTriggerSourceHasAFixture() {
        let names = Repository.validFixtures.map { URL(fileURLWithPath: $0).lastPathComponent }
        for source in TriggerSource.known {
            #expect(names.contains { $0.hasPrefix(source.rawValue + ".") }, "no fixture for \(source.rawValue)")
        }
    }

    /// What each conformance event is, and the only problems its oddities may cause.
    static let expectedTriggers: [String: Trigger] = [
        "cognitoPreTokenV2GenerationEvent.json": .preTokenGenerationV2,
        "cognito-event-userpools-pretokengen-v2.json": .preTokenGenerationV2,
        "cognito-event-userpools-pretokengen-v2_0.json": .preTokenGenerationV2,
        "cognito_user_pool_pre_token_generation_event_v2.json": .preTokenGenerationV2,
    ]

    /// Errors that the test data's own oddities explain (placeholders written by library authors).
    static let explainedErrors: [String: Set<String>] = [
        // aws-lambda-go fills responses with placeholder strings such as "<message-action>".
        "cognito-event-userpools-migrateuser.json": [
            "response.desiredDeliveryMediums[0]", "response.desiredDeliveryMediums[1]",
            "response.finalUserStatus", "response.messageAction",
        ],
        // Its custom message response is placeholder text without the code placeholder.
        "cognito-event-userpools-custommessage.json": ["response.emailMessage", "response.smsMessage"],
        // Its define-auth response sets challengeName to "challengeName" and both booleans to true.
        "cognito-event-userpools-define-auth-challenge.json": ["response.challengeName", "response.failAuthentication"],
    ]

    @Test("every real Cognito event opens as its trigger, validates with only explained problems, and reads",
          .enabled(if: Conformance.isAvailable, Comment(rawValue: Conformance.skipReason)))
    func conformanceEvents() throws {
        var summary: [String] = []
        for path in Conformance.cognitoEvents {
            let name = URL(fileURLWithPath: path).lastPathComponent
            let event = try TriggerEvent(bytes: Repository.bytes(of: path))
            let problems = event.validate()
            summary.append("\(name): \(event.trigger.map { "\($0)" } ?? "none") \(problems.map(\.description))")
            if name == "base.json" { continue }  // the TypeScript base event has no trigger source
            let trigger = try #require(event.trigger, "\(name)")
            if let expected = Self.expectedTriggers[name] { #expect(trigger == expected, "\(name)") }
            let explained = Self.explainedErrors[name] ?? []
            let errors = Set(problems.filter { $0.severity == .error }.map(\.path.dottedString))
            #expect(errors == explained, "\(name): \(problems.map(\.description))")
            // Every wrapper reads the event without failing on its oddities, and `show` prints it.
            try Self.readEverything(event)
            let shown = EventPrinter.text(of: event)
            #expect(shown.contains("\"") && !shown.contains("\u{1B}"), "\(name): show output")
            let json = EventPrinter.json(of: event, file: name)
            #expect((try? JSONDocument(text: json)) != nil, "\(name): show --json is valid JSON")
        }
        print(summary.joined(separator: "\n"))
    }

    /// Reads every property of the typed wrapper, as a handler would.
    static func readEverything(_ event: TriggerEvent) throws {
        _ = try event.region
        _ = try event.userPoolId
        _ = try event.userName
        _ = try event.callerContext.clientId
        _ = try event.callerContext.awsSdkVersion
        switch event.typed {
        case .preSignUp(let e):
            _ = try (e.request.userAttributes, e.request.validationData, e.request.clientMetadata)
            _ = (e.response.autoConfirmUser, e.response.autoVerifyEmail, e.response.autoVerifyPhone)
        case .postConfirmation(let e): _ = try (e.request.userAttributes, e.request.clientMetadata)
        case .userMigration(let e):
            _ = try (e.request.password, e.request.validationData, e.request.clientMetadata)
            _ = (e.response.userAttributes, e.response.finalUserStatus, e.response.messageAction,
                 e.response.desiredDeliveryMediums, e.response.forceAliasCreation, e.response.enableSMSMFA)
        case .customMessage(let e):
            _ = try (e.request.codeParameter, e.request.linkParameter, e.request.usernameParameter,
                     e.request.userAttributes, e.request.clientMetadata)
            _ = (e.response.smsMessage, e.response.emailMessage, e.response.emailSubject)
        case .preAuthentication(let e): _ = try (e.request.userNotFound, e.request.userAttributes, e.request.validationData)
        case .postAuthentication(let e): _ = try (e.request.newDeviceUsed, e.request.userAttributes, e.request.clientMetadata)
        case .preTokenGenerationV1(var e):
            _ = try (e.request.userAttributes, e.request.clientMetadata)
            _ = (e.request.groupConfiguration.groupsToOverride, e.request.groupConfiguration.preferredRole)
            _ = (e.response.claimsOverrideDetails.claimsToAddOrOverride, e.response.claimsOverrideDetails.claimsToSuppress)
        case .preTokenGenerationV2(var e), .preTokenGenerationV3(var e):
            _ = try (e.request.userAttributes, e.request.clientMetadata, e.request.scopes)
            _ = e.response.claimsAndScopeOverrideDetails.accessTokenGeneration.scopesToAdd
            _ = e.response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride
        case .defineAuthChallenge(let e):
            _ = try (e.request.userAttributes, e.request.userNotFound, e.request.clientMetadata)
            for step in try e.request.session { _ = try (step.challengeName, step.challengeResult, step.challengeMetadata) }
            _ = (e.response.challengeName, e.response.issueTokens, e.response.failAuthentication)
        case .createAuthChallenge(let e):
            _ = try (e.request.userAttributes, e.request.challengeName, e.request.clientMetadata)
            for step in try e.request.session { _ = try (step.challengeName, step.challengeResult, step.challengeMetadata) }
            _ = (e.response.publicChallengeParameters, e.response.privateChallengeParameters, e.response.challengeMetadata)
        case .verifyAuthChallengeResponse(let e):
            _ = try (e.request.userAttributes, e.request.privateChallengeParameters, e.request.challengeAnswer,
                     e.request.clientMetadata, e.request.userNotFound)
            _ = e.response.answerCorrect
        case .customEmailSender(let e), .customSMSSender(let e):
            _ = try (e.request.type, e.request.code, e.request.userAttributes, e.request.clientMetadata)
        case .inboundFederation(let e):
            _ = try (e.request.providerName, e.request.providerType)
            _ = e.response.userAttributesToMap
        case .unknown: break
        }
    }
}
