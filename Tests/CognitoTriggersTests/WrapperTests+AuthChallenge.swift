import JSONDocument
import Testing
@testable import CognitoTriggers

@Suite("Wrapper: define, create and verify auth challenge")
struct AuthChallengeWrapperTests {
    static let session = """
            "session": [
              {
                "challengeName": "SRP_A",
                "challengeResult": true,
                "challengeMetadata": null
              },
              {
                "challengeName": "CUSTOM_CHALLENGE",
                "challengeResult": false,
                "challengeMetadata": "EMAIL_CODE"
              }
            ],
        """

    static let define = Wrap.event("DefineAuthChallenge_Authentication", """
          "request": {
            "userAttributes": {
              "email": "jane.doe@example.com"
            },
        \(session)
            "clientMetadata": {
              "flow": "custom"
            },
            "userNotFound": false
          },
          "response": {
            "challengeName": null,
            "issueTokens": null,
            "failAuthentication": null
          }
        """)

    static let create = Wrap.event("CreateAuthChallenge_Authentication", """
          "request": {
            "userAttributes": {
              "email": "jane.doe@example.com"
            },
            "challengeName": "CUSTOM_CHALLENGE",
        \(session)
            "userNotFound": true
          },
          "response": {
            "publicChallengeParameters": null,
            "privateChallengeParameters": null,
            "challengeMetadata": null
          }
        """)

    static let verify = Wrap.event("VerifyAuthChallengeResponse_Authentication", """
          "request": {
            "userAttributes": {
              "email": "jane.doe@example.com"
            },
            "privateChallengeParameters": {
              "answer": "123456"
            },
            "challengeAnswer": "123456",
            "clientMetadata": {
              "a": "b"
            },
            "userNotFound": false
          },
          "response": {
            "answerCorrect": null
          }
        """)

    static func checkSession(_ session: [ChallengeResult]) throws {
        try #require(session.count == 2)
        #expect(try session[0].challengeName == "SRP_A")
        #expect(try session[0].challengeResult == true)
        #expect(try session[0].challengeMetadata == nil)
        #expect(try session[1].challengeName == "CUSTOM_CHALLENGE")
        #expect(try session[1].challengeResult == false)
        #expect(try session[1].challengeMetadata == "EMAIL_CODE")
    }

    @Test func defineReadsRequest() throws {
        let e = try #require(try Wrap.typed(Self.define).defineAuthChallenge)
        #expect(try e.request.userAttributes == ["email": "jane.doe@example.com"])
        #expect(try e.request.userNotFound == false)
        #expect(try e.request.clientMetadata == ["flow": "custom"])
        try Self.checkSession(try e.request.session)
        #expect(e.response.challengeName == nil)
        #expect(e.response.issueTokens == nil)
        #expect(e.response.failAuthentication == nil)
        #expect(try TriggerEvent(text: Self.define).validate() == [])
    }

    @Test("session: [] and an absent session are empty lists; a scalar is a FieldError")
    func emptySession() throws {
        let empty = try Wrap.replacing(Self.define, Self.session, "    \"session\": [],\n")
        #expect(try #require(try Wrap.typed(empty).defineAuthChallenge).request.session.isEmpty)
        let absent = try Wrap.replacing(Self.define, Self.session, "")
        #expect(try #require(try Wrap.typed(absent).defineAuthChallenge).request.session.isEmpty)
        let scalar = try Wrap.replacing(Self.define, Self.session, "    \"session\": \"none\",\n")
        let e = try #require(try Wrap.typed(scalar).defineAuthChallenge)
        #expect(Wrap.error { () throws(FieldError) in try e.request.session }?.description
            == "request.session: expected a list of challenge results, found a string")
    }

    @Test("A session entry of the wrong shape fails on the field it lacks")
    func brokenSessionEntry() throws {
        let text = try Wrap.replacing(Self.define, "\"challengeResult\": false", "\"challengeResult\": \"false\"")
        let session = try #require(try Wrap.typed(text).defineAuthChallenge).request.session
        #expect(Wrap.error { () throws(FieldError) in try session[1].challengeResult }?.description
            == "request.session[1].challengeResult: expected a boolean, found a string")
        let missing = try Wrap.replacing(Self.define, "\"challengeName\": \"SRP_A\",\n        ", "")
        let first = try #require(try Wrap.typed(missing).defineAuthChallenge).request.session[0]
        #expect(Wrap.error { () throws(FieldError) in try first.challengeName }?.description
            == "request.session[0].challengeName: required field is missing")
    }

    @Test("Define setters write through", arguments: [
        ("challengeName", "\"CUSTOM_CHALLENGE\""), ("issueTokens", "true"), ("failAuthentication", "false"),
    ])
    func defineSetters(key: String, written: String) throws {
        var e = try #require(try Wrap.typed(Self.define).defineAuthChallenge)
        switch key {
        case "challengeName": e.response.challengeName = "CUSTOM_CHALLENGE"
        case "issueTokens": e.response.issueTokens = true
        default: e.response.failAuthentication = false
        }
        #expect(e.document.text == (try Wrap.replacing(Self.define, "\"\(key)\": null", "\"\(key)\": \(written)")))
        switch key {
        case "challengeName": #expect(e.response.challengeName == "CUSTOM_CHALLENGE")
        case "issueTokens": #expect(e.response.issueTokens == true)
        default: #expect(e.response.failAuthentication == false)
        }
    }

    @Test func createReadsRequest() throws {
        let e = try #require(try Wrap.typed(Self.create).createAuthChallenge)
        #expect(try e.request.userAttributes == ["email": "jane.doe@example.com"])
        #expect(try e.request.userNotFound == true)
        #expect(try e.request.challengeName == "CUSTOM_CHALLENGE")
        #expect(try e.request.clientMetadata == [:])
        try Self.checkSession(try e.request.session)
        #expect(e.response.publicChallengeParameters == nil)
        #expect(e.response.privateChallengeParameters == nil)
        #expect(e.response.challengeMetadata == nil)
    }

    @Test("Create setters write through", arguments: [
        ("publicChallengeParameters", "{\n      \"hint\": \"Check your email\"\n    }"),
        ("privateChallengeParameters", "{\n      \"answer\": \"123456\"\n    }"),
        ("challengeMetadata", "\"EMAIL_CODE\""),
    ])
    func createSetters(key: String, written: String) throws {
        var e = try #require(try Wrap.typed(Self.create).createAuthChallenge)
        switch key {
        case "publicChallengeParameters": e.response.publicChallengeParameters = ["hint": "Check your email"]
        case "privateChallengeParameters": e.response.privateChallengeParameters = ["answer": "123456"]
        default: e.response.challengeMetadata = "EMAIL_CODE"
        }
        // The session has challengeMetadata too: anchor on the end of the response.
        let tail = key == "challengeMetadata" ? "\n  }" : ""
        #expect(e.document.text == (try Wrap.replacing(Self.create, "\"\(key)\": null\(tail)", "\"\(key)\": \(written)\(tail)")))
        switch key {
        case "publicChallengeParameters": #expect(e.response.publicChallengeParameters == ["hint": "Check your email"])
        case "privateChallengeParameters": #expect(e.response.privateChallengeParameters == ["answer": "123456"])
        default: #expect(e.response.challengeMetadata == "EMAIL_CODE")
        }
    }

    @Test func verifyReadsRequest() throws {
        let e = try #require(try Wrap.typed(Self.verify).verifyAuthChallengeResponse)
        #expect(try e.request.userAttributes == ["email": "jane.doe@example.com"])
        #expect(try e.request.privateChallengeParameters == ["answer": "123456"])
        #expect(try e.request.challengeAnswer == "123456")
        #expect(try e.request.clientMetadata == ["a": "b"])
        #expect(try e.request.userNotFound == false)
        #expect(e.response.answerCorrect == nil)
    }

    @Test("challengeAnswer must be a string")
    func challengeAnswerType() throws {
        let text = try Wrap.replacing(Self.verify, "\"challengeAnswer\": \"123456\"", "\"challengeAnswer\": 123456")
        let e = try #require(try Wrap.typed(text).verifyAuthChallengeResponse)
        #expect(Wrap.error { () throws(FieldError) in try e.request.challengeAnswer }?.description
            == "request.challengeAnswer: expected a string, found a number")
    }

    @Test func verifySetter() throws {
        var e = try #require(try Wrap.typed(Self.verify).verifyAuthChallengeResponse)
        e.response.answerCorrect = true
        #expect(e.document.text == (try Wrap.replacing(Self.verify, "\"answerCorrect\": null", "\"answerCorrect\": true")))
        #expect(e.response.answerCorrect == true)
        e.response.answerCorrect = nil
        #expect(e.document.text == Self.verify)
    }
}
