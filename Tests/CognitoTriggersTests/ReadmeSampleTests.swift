import Foundation
import JSONDocument
import Testing
import TestSupport
import CognitoTriggers

// README-SAMPLE-BEGIN
/// Cognito sends the event; the function returns it with the response filled in.
/// Wire this into your Lambda runtime of choice (for example swift-aws-lambda-runtime) as a
/// handler from bytes to bytes.
func handleCognitoEvent(_ input: [UInt8]) throws -> [UInt8] {
    var event = try TriggerEvent(bytes: input)
    switch event.typed {
    case .preSignUp(var signUp):
        // Confirm staff accounts at once; everyone else gets a confirmation code.
        let attributes = try signUp.request.userAttributes
        if attributes["email"]?.hasSuffix("@example.com") == true {
            signUp.response.autoConfirmUser = true
            signUp.response.autoVerifyEmail = true
        }
        event.document = signUp.document
    case .preTokenGenerationV2(var tokens):
        // Add a claim to the ID token and a scope to the access token.
        tokens.response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride = ["tier": "gold"]
        tokens.response.claimsAndScopeOverrideDetails.accessTokenGeneration.scopesToAdd = ["orders/read"]
        event.document = tokens.document
    default:
        break  // Other triggers: return the event unchanged.
    }
    // Refuse to hand Cognito a response it would reject.
    let errors = event.validate().filter { $0.severity == .error }
    guard errors.isEmpty else { throw SampleError(problems: errors.map(\.description)) }
    return event.document.bytes
}

struct SampleError: Error {
    let problems: [String]
}
// README-SAMPLE-END

@Suite struct ReadmeSampleTests {
    @Test("the README's Lambda sample is this file's sample, word for word")
    func readmeShowsTheCompiledSample() throws {
        let source = String(decoding: Repository.bytes(of: #filePath), as: UTF8.self)
        let begin = try #require(source.range(of: "// README-SAMPLE-BEGIN\n"))
        let end = try #require(source.range(of: "// README-SAMPLE-END"))
        let sample = "import CognitoTriggers\n\n" + String(source[begin.upperBound..<end.lowerBound])
        let readme = String(decoding: Repository.bytes(of: Repository.root + "/README.md"), as: UTF8.self)
        #expect(readme.contains("```swift\n" + sample + "```\n"), "README.md must show the sample from ReadmeSampleTests.swift")
    }

    @Test("the sample confirms an example.com sign-up and changes only the response")
    func sampleOnPreSignUp() throws {
        let input = Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json")
        let output = String(decoding: try handleCognitoEvent(input), as: UTF8.self)
        let original = String(decoding: input, as: UTF8.self)
        #expect(original.contains("@example.com\""))
        #expect(output == original
            .replacingOccurrences(of: "\"autoConfirmUser\": false", with: "\"autoConfirmUser\": true")
            .replacingOccurrences(of: "\"autoVerifyEmail\": false", with: "\"autoVerifyEmail\": true"))
    }

    @Test("the sample customises both tokens of a V2 event")
    func sampleOnTokenGeneration() throws {
        let input = Repository.bytes(of: Repository.fixtures + "/pre-token-generation-v2/TokenGeneration_RefreshTokens.json")
        let output = try TriggerEvent(bytes: try handleCognitoEvent(input))
        let details: JSONPath = ["response", "claimsAndScopeOverrideDetails"]
        #expect(output.document[details + ["idTokenGeneration", "claimsToAddOrOverride"]] == ["tier": "gold"])
        #expect(output.document[details + ["accessTokenGeneration", "scopesToAdd"]] == ["orders/read"])
        #expect(output.validate().isEmpty)
    }
}
