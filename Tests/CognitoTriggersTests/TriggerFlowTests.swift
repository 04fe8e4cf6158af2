import Testing
@testable import CognitoTriggers

@Suite struct TriggerFlowTests {
    @Test("every known trigger source appears in some journey")
    func everySourceHasAPlace() {
        let shown = Set(TriggerFlow.all.flatMap { $0.steps.flatMap(\.sources) })
        for source in TriggerSource.known {
            #expect(shown.contains(source), "\(source.rawValue) is in no flow")
        }
    }

    @Test("every step's sources belong to its trigger")
    func sourcesMatchTriggers() {
        for flow in TriggerFlow.all {
            for step in flow.steps {
                guard let trigger = step.trigger else {
                    #expect(step.sources.isEmpty)
                    #expect(!step.note.isEmpty)
                    continue
                }
                for source in step.sources {
                    #expect(source.triggers.contains(trigger), "\(flow.title): \(source.rawValue) is not a source of \(trigger)")
                }
            }
        }
    }

    @Test("the flows text names every journey in Cognito's order, and marks the challenge loop")
    func text() {
        let text = TriggerFlow.text()
        let titles = ["Sign-up", "Sign-in", "Migration", "Forgot password", "Token refresh",
                      "Client credentials (machine to machine)", "Federated sign-in"]
        var position = text.startIndex
        for title in titles {
            guard let range = text.range(of: "\n" + title + "\n", range: position..<text.endIndex) ?? (title == "Sign-up" ? text.range(of: title + "\n") : nil) else {
                Issue.record("\(title) missing or out of order")
                continue
            }
            position = range.upperBound
        }
        #expect(text.contains("2. Define auth challenge ↻ ●"))
        #expect(text.contains("   1. Pre token generation (V3) ○\n       TokenGeneration_ClientCredentials"))
        #expect(!text.contains("if configured"), "every trigger runs only when attached; the marks say something else")
        #expect(text.contains(TriggerFlow.attachedNote))
        let signIn = text.components(separatedBy: "\nSign-in\n").last ?? ""
        let preAuth = signIn.range(of: "Pre authentication")?.lowerBound
        let token = signIn.range(of: "Pre token generation")?.lowerBound
        let postAuth = signIn.range(of: "Post authentication")?.lowerBound
        #expect(preAuth != nil && token != nil && postAuth != nil)
        if let preAuth, let token, let postAuth { #expect(preAuth < token && token < postAuth) }
    }

    static func step(_ trigger: Trigger, in title: String) -> TriggerFlow.Step? {
        TriggerFlow.all.first { $0.title == title }?.steps.first { $0.trigger == trigger }
    }

    @Test("sign-in is branches: the password path, the custom challenge loop (ended by define's issueTokens or failAuthentication), MFA messages; pre token generation after")
    func signInBranches() throws {
        let signIn = try #require(TriggerFlow.all.first { $0.title == "Sign-in" })
        let branches = signIn.steps.filter(\.isBranch).map(\.note)
        #expect(branches.count == 3)
        #expect(branches.contains { $0.contains("password") })
        #expect(branches.contains { $0.contains("custom challenges") })
        #expect(branches.contains { $0.contains("MFA") })
        let index = { (trigger: Trigger) in signIn.steps.firstIndex { $0.trigger == trigger } ?? -1 }
        let loopEnd = try #require(signIn.steps.firstIndex { $0.note.contains("the loop ends") })
        #expect(signIn.steps[loopEnd].note.contains("issueTokens") && signIn.steps[loopEnd].note.contains("failAuthentication"))
        #expect(index(.verifyAuthChallengeResponse) < loopEnd && loopEnd < index(.preTokenGenerationV1))
        let mfa = try #require(signIn.steps.firstIndex { $0.isBranch && $0.note.contains("MFA") })
        #expect(mfa < index(.customMessage) && index(.customMessage) < index(.preTokenGenerationV1))
        // The loop's steps repeat, and only they.
        #expect(signIn.steps.filter(\.repeats).compactMap(\.trigger) == [.defineAuthChallenge, .createAuthChallenge, .verifyAuthChallengeResponse])
    }

    @Test("the response fields that steer each step are named beside it, and exist in the catalogue")
    func steeringFields() throws {
        #expect(Self.step(.preSignUp, in: "Sign-up")?.steers.contains("autoConfirmUser") == true)
        #expect(Self.step(.defineAuthChallenge, in: "Sign-in")?.steers == ["challengeName", "issueTokens", "failAuthentication"])
        #expect(Self.step(.verifyAuthChallengeResponse, in: "Sign-in")?.steers == ["answerCorrect"])
        #expect(Self.step(.userMigration, in: "Migration")?.steers.contains("finalUserStatus") == true)
        #expect(Self.step(.customMessage, in: "Sign-up")?.steers.contains("emailMessage") == true)
        for flow in TriggerFlow.all {
            for step in flow.steps {
                guard let trigger = step.trigger else {
                    #expect(step.steers.isEmpty)
                    continue
                }
                for field in step.steers {
                    // "claimsOverrideDetails (V1)" names the field and the versions that have it.
                    let name = String(field.split(separator: " ").first ?? "")
                    let versions: [Trigger] = [.preTokenGenerationV1, .preTokenGenerationV2, .preTokenGenerationV3]
                    let candidates = versions.contains(trigger) ? versions : [trigger]
                    let known = candidates.contains { Catalogue.field(at: ["response", .key(name)], in: $0) != nil }
                    #expect(known, "\(flow.title): \(trigger) has no response field \(name)")
                }
            }
        }
    }

    @Test("the two sender triggers come in one order in every journey: email, then SMS")
    func senderOrder() {
        for flow in TriggerFlow.all {
            let triggers = flow.steps.compactMap(\.trigger)
            if let email = triggers.firstIndex(of: .customEmailSender), let sms = triggers.firstIndex(of: .customSMSSender) {
                #expect(email < sms, "\(flow.title) has SMS before email")
            }
        }
    }
}

