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
        #expect(text.contains("2. Define auth challenge ↻ (if configured)"))
        #expect(text.contains("   1. Pre token generation (V3)\n       TokenGeneration_ClientCredentials"))
        let signIn = text.components(separatedBy: "\nSign-in\n").last ?? ""
        let preAuth = signIn.range(of: "Pre authentication")?.lowerBound
        let token = signIn.range(of: "Pre token generation")?.lowerBound
        let postAuth = signIn.range(of: "Post authentication")?.lowerBound
        #expect(preAuth != nil && token != nil && postAuth != nil)
        if let preAuth, let token, let postAuth { #expect(preAuth < token && token < postAuth) }
    }
}
