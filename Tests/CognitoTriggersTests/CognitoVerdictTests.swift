import Foundation
import JSONDocument
import Testing
import TestSupport
@testable import CognitoTriggers

/// What Cognito does with a function's answer: reading it, the field changes, the verdict in words.
@Suite struct CognitoVerdictTests {
    static func fixture(_ name: String) throws -> TriggerEvent {
        try TriggerEvent(bytes: Repository.bytes(of: Repository.fixtures + "/" + name))
    }

    static func answer(_ event: TriggerEvent, _ edits: [(JSONPath, JSONValue)]) throws -> [UInt8] {
        var copy = event
        for (path, value) in edits { try copy.document.setValue(value, at: path, createMissing: true) }
        return copy.document.bytes
    }

    @Test func preSignUpConfirmingAndVerifyingIsSaidInWords() throws {
        let before = try Self.fixture("pre-sign-up/PreSignUp_SignUp.json")
        let bytes = try Self.answer(before, [(["response", "autoConfirmUser"], .bool(true)), (["response", "autoVerifyEmail"], .bool(true))])
        let report = CognitoVerdict.report(answer: bytes, to: before)
        #expect(report.isClean)
        #expect(report.changes.map(\.description) == ["response.autoConfirmUser: false -> true", "response.autoVerifyEmail: false -> true"])
        #expect(report.cognitoDoes == ["Cognito creates the user, confirms the user and marks the email as verified."])
        let unchanged = CognitoVerdict.report(answer: before.document.bytes, to: before)
        #expect(unchanged.changes.isEmpty)
        #expect(unchanged.cognitoDoes == ["Cognito creates the user, leaves the user unconfirmed (the user confirms with a code)."])
    }

    @Test func anEventReturnedWithoutItsResponseIsReadAsAnEmptyOne() throws {
        var confirmed = try Self.fixture("pre-sign-up/PreSignUp_SignUp.json")
        try confirmed.document.setValue(.bool(true), at: ["response", "autoConfirmUser"])
        var answer = confirmed
        try answer.document.removeValue(at: ["response"])
        let report = CognitoVerdict.report(answer: answer.document.bytes, to: confirmed)
        #expect(report.changes.map(\.path) == [["response"]])
        #expect(report.cognitoDoes == ["Cognito creates the user, leaves the user unconfirmed (the user confirms with a code)."])
    }

    @Test func changesOutsideTheResponseAreFlagged() throws {
        let before = try Self.fixture("pre-sign-up/PreSignUp_SignUp.json")
        let bytes = try Self.answer(before, [(["request", "userAttributes", "email"], .string("changed@example.com")),
                                             (["request", "added"], .number(JSONNumber(1)))])
        let report = CognitoVerdict.report(answer: bytes, to: before)
        #expect(!report.isClean)
        #expect(report.ignoredChanges.map(\.description) == [
            #"request.userAttributes.email: "zoe.thorsdottir@example.com" -> "changed@example.com""#,
            "request.added: (absent) -> 1",
        ])
    }

    @Test func anAnswerThatIsOnlyTheResponseIsRecognised() throws {
        let before = try Self.fixture("pre-sign-up/PreSignUp_SignUp.json")
        let report = CognitoVerdict.report(answer: Array(#"{"autoConfirmUser": true, "autoVerifyEmail": false}"#.utf8), to: before)
        guard case .onlyResponse = report.answer else { Issue.record("\(report.answer)"); return }
        #expect(report.cognitoDoes == [CognitoVerdict.afterOnlyResponse])
        #expect(CognitoVerdict.afterOnlyResponse.hasPrefix("Cognito expects the whole event back"))
    }

    @Test(arguments: [
        ("hello", "notJSON"), ("{\"a\":\"\u{FF}\"}", "event?"), ("[1,2]", "notTheEvent"), (#"{"other": 1}"#, "notTheEvent"),
    ])
    func unreadableAnswersAreClassified(text: String, expected: String) throws {
        let before = try Self.fixture("pre-sign-up/PreSignUp_SignUp.json")
        let answer = CognitoVerdict.read(Array(text.utf8), answering: before)
        switch (answer, expected) {
        case (.notJSON, "notJSON"), (.notTheEvent, "notTheEvent"), (.notTheEvent, "event?"): break
        default: Issue.record("\(text): \(answer)")
        }
    }

    @Test func bytesThatAreNotUTF8AreNamed() throws {
        let before = try Self.fixture("pre-sign-up/PreSignUp_SignUp.json")
        let answer = CognitoVerdict.read([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D], answering: before)
        guard case .notUTF8(let error) = answer else { Issue.record("\(answer)"); return }
        #expect(error.description.contains("invalid UTF-8"))
        #expect(CognitoVerdict.report(answer: Array("[]".utf8), to: before).cognitoDoes == [CognitoVerdict.afterUnreadableAnswer])
    }

    @Test func aCustomMessageWithoutTheCodeHasAnErrorAndSaysCognitoRejectsIt() throws {
        let before = try Self.fixture("custom-message/CustomMessage_SignUp.json")
        let bytes = try Self.answer(before, [(["response", "emailMessage"], .string("Welcome!")), (["response", "emailSubject"], .string("Hi"))])
        let report = CognitoVerdict.report(answer: bytes, to: before)
        #expect(!report.isClean)
        #expect(report.problems.contains { $0.severity == .error && $0.path == ["response", "emailMessage"] })
        #expect(report.cognitoDoes == [
            "The response has errors (listed above) that Cognito rejects; the rest is read as follows.",
            "Cognito sends the email with the subject \"Hi\".",
            "Cognito sends the email message: Welcome!",
        ])
    }

    @Test func errorsAreSaidWithTheWordingAppsSee() {
        #expect(CognitoVerdict.afterError(.preSignUp, message: "Sign-up is closed") == [
            "Cognito fails the sign-up: the app's request ends with an error instead of going on.",
            "Apps typically receive UserLambdaValidationException: PreSignUp failed with error Sign-up is closed. (the wording apps observe; the guide does not spell it out)",
        ])
        #expect(CognitoVerdict.afterError(.preAuthentication, message: "\u{1B}[31mred")[1].contains(#"\u001b"#))
        #expect(CognitoVerdict.afterError(.customEmailSender, message: "x") == ["Cognito does not wait for custom sender triggers: the message is not delivered by this call."])
    }

    @Test func authChallengeAndTokenVerdicts() throws {
        let define = try Self.fixture("define-auth-challenge/DefineAuthChallenge_Authentication.json")
        let issue = try Self.answer(define, [(["response", "issueTokens"], .bool(true)), (["response", "failAuthentication"], .bool(false))])
        #expect(CognitoVerdict.report(answer: issue, to: define).cognitoDoes == ["Cognito issues tokens: the user is signed in."])
        let tokens = try Self.fixture("pre-token-generation-v2/TokenGeneration_Authentication.json")
        let claims = try Self.answer(tokens, [
            (["response", "claimsAndScopeOverrideDetails"], [
                "idTokenGeneration": ["claimsToAddOrOverride": ["tier": "gold"]],
                "accessTokenGeneration": ["scopesToAdd": ["orders/read"]],
            ]),
        ])
        #expect(CognitoVerdict.report(answer: claims, to: tokens).cognitoDoes == [
            "Cognito adds or overrides these claims in the ID token: tier.",
            "Cognito adds these scopes to the access token: orders/read.",
        ])
    }
}
