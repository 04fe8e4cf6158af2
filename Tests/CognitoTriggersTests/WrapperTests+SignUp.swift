import JSONDocument
import Testing
@testable import CognitoTriggers

@Suite("Wrapper: pre sign-up")
struct PreSignUpWrapperTests {
    static let text = Wrap.event("PreSignUp_SignUp", """
          "request": {
            "userAttributes": {
              "email": "jane.doe@example.com",
              "email_verified": true,
              "age": 42
            },
            "validationData": {
              "captcha": "abc"
            },
            "clientMetadata": {
              "campaign": "spring"
            }
          },
          "response": {
            "autoConfirmUser": false,
            "autoVerifyPhone": false,
            "autoVerifyEmail": false
          }
        """)

    @Test func readsRequest() throws {
        let e = try #require(try Wrap.typed(Self.text).preSignUp)
        // Booleans and numbers that captured events carry in userAttributes read as their JSON text.
        #expect(try e.request.userAttributes == ["email": "jane.doe@example.com", "email_verified": "true", "age": "42"])
        #expect(try e.request.validationData == ["captcha": "abc"])
        #expect(try e.request.clientMetadata == ["campaign": "spring"])
    }

    @Test func readsResponse() throws {
        let e = try #require(try Wrap.typed(Self.text).preSignUp)
        #expect(e.response.autoConfirmUser == false)
        #expect(e.response.autoVerifyPhone == false)
        #expect(e.response.autoVerifyEmail == false)
    }

    @Test("Each setter writes through and changes only its value", arguments: ["autoConfirmUser", "autoVerifyPhone", "autoVerifyEmail"])
    func setters(key: String) throws {
        var e = try #require(try Wrap.typed(Self.text).preSignUp)
        switch key {
        case "autoConfirmUser": e.response.autoConfirmUser = true
        case "autoVerifyPhone": e.response.autoVerifyPhone = true
        default: e.response.autoVerifyEmail = true
        }
        #expect(e.document.text == (try Wrap.replacing(Self.text, "\"\(key)\": false", "\"\(key)\": true")))
        #expect(e.event.document[["response", .key(key)]] == .bool(true))
        // nil writes null, which Cognito reads as "not set".
        e.response.autoVerifyEmail = nil
        #expect(e.response.autoVerifyEmail == nil)
        #expect(e.document[["response", "autoVerifyEmail"]] == .null)
    }

    @Test("Optional maps read as [:] when absent or null")
    func absentMaps() throws {
        let text = Wrap.event("PreSignUp_SignUp", """
              "request": {
                "userAttributes": {},
                "validationData": null
              },
              "response": {}
            """)
        let e = try #require(try Wrap.typed(text).preSignUp)
        #expect(try e.request.validationData == [:])
        #expect(try e.request.clientMetadata == [:])
        #expect(try e.request.userAttributes == [:])
        #expect(e.response.autoConfirmUser == nil)
    }

    @Test("A setter creates the member in an empty response, in the file's indentation")
    func setterInEmptyResponse() throws {
        let text = Wrap.event("PreSignUp_SignUp", """
              "request": {
                "userAttributes": {}
              },
              "response": {}
            """)
        var e = try #require(try Wrap.typed(text).preSignUp)
        e.response.autoConfirmUser = true
        #expect(e.document.text == (try Wrap.replacing(text, "\"response\": {}", "\"response\": {\n    \"autoConfirmUser\": true\n  }")))
    }

    @Test("A setter creates the response when the event has none")
    func setterWithoutResponse() throws {
        let text = Wrap.event("PreSignUp_SignUp", """
              "request": {
                "userAttributes": {}
              }
            """)
        var e = try #require(try Wrap.typed(text).preSignUp)
        e.response.autoVerifyEmail = true
        #expect(e.document.text == (try Wrap.replacing(text, "  }\n}", "  },\n  \"response\": {\n    \"autoVerifyEmail\": true\n  }\n}")))
    }

    @Test("Wrong types are FieldErrors naming the path")
    func wrongTypes() throws {
        let text = Wrap.event("PreSignUp_SignUp", """
              "request": {
                "userAttributes": [{"Name": "email", "Value": "a@example.com"}],
                "validationData": "none",
                "clientMetadata": {"nested": {"a": "b"}}
              },
              "response": {}
            """)
        let e = try #require(try Wrap.typed(text).preSignUp)
        #expect(Wrap.error { () throws(FieldError) in try e.request.userAttributes }?.description
            == "request.userAttributes: expected a map of strings, found an array")
        #expect(Wrap.error { () throws(FieldError) in try e.request.validationData }?.description
            == "request.validationData: expected a map of strings, found a string")
        #expect(Wrap.error { () throws(FieldError) in try e.request.clientMetadata }?.description
            == "request.clientMetadata: expected a map of strings, found an object")
    }

    @Test("A missing userAttributes is a FieldError")
    func missingUserAttributes() throws {
        let e = try #require(try Wrap.typed(Wrap.event("PreSignUp_SignUp", "  \"request\": {},\n  \"response\": {}")).preSignUp)
        #expect(Wrap.error { () throws(FieldError) in try e.request.userAttributes }
            == FieldError(path: ["request", "userAttributes"], kind: .missing))
    }

    @Test("The string \"true\" in a boolean response field reads as nil, and validate() reports it")
    func stringTrue() throws {
        let text = try Wrap.replacing(Self.text, "\"autoConfirmUser\": false", "\"autoConfirmUser\": \"true\"")
        let event = try TriggerEvent(text: text)
        let e = try #require(event.typed.preSignUp)
        #expect(e.response.autoConfirmUser == nil)
        #expect(event.validate().contains(Problem(.error, ["response", "autoConfirmUser"],
            "expected a boolean, found a string (the string \"true\" is not a boolean: write true without quotes)",
            source: "JSON types and values of the field catalogue")))
    }
}

@Suite("Wrapper: post confirmation")
struct PostConfirmationWrapperTests {
    static let text = Wrap.event("PostConfirmation_ConfirmForgotPassword", """
          "request": {
            "userAttributes": {
              "sub": "0a1b2c3d",
              "cognito:user_status": "CONFIRMED",
              "phone_number_verified": false
            },
            "clientMetadata": {
              "source": "web"
            }
          },
          "response": {}
        """)

    @Test func readsRequest() throws {
        let e = try #require(try Wrap.typed(Self.text).postConfirmation)
        #expect(try e.request.userAttributes == ["sub": "0a1b2c3d", "cognito:user_status": "CONFIRMED", "phone_number_verified": "false"])
        #expect(try e.request.clientMetadata == ["source": "web"])
        #expect(e.triggerSource == .postConfirmationConfirmForgotPassword)
    }

    @Test("clientMetadata is [:] when absent; a scalar is a FieldError")
    func clientMetadata() throws {
        let absent = try Wrap.replacing(Self.text, ",\n    \"clientMetadata\": {\n      \"source\": \"web\"\n    }", "")
        #expect(try #require(try Wrap.typed(absent).postConfirmation).request.clientMetadata == [:])
        let scalar = try Wrap.replacing(Self.text, "{\n      \"source\": \"web\"\n    }", "7")
        let e = try #require(try Wrap.typed(scalar).postConfirmation)
        #expect(Wrap.error { () throws(FieldError) in try e.request.clientMetadata }?.description
            == "request.clientMetadata: expected a map of strings, found a number")
    }
}

@Suite("Wrapper: migrate user")
struct UserMigrationWrapperTests {
    static let text = Wrap.event("UserMigration_Authentication", """
          "request": {
            "password": "hunter2",
            "validationData": {
              "ip": "203.0.113.7"
            },
            "clientMetadata": {
              "app": "legacy"
            }
          },
          "response": {
            "userAttributes": null,
            "finalUserStatus": null,
            "messageAction": null,
            "desiredDeliveryMediums": null,
            "forceAliasCreation": null,
            "enableSMSMFA": null
          }
        """)

    @Test func readsRequest() throws {
        let e = try #require(try Wrap.typed(Self.text).userMigration)
        #expect(try e.request.password == "hunter2")
        #expect(try e.request.validationData == ["ip": "203.0.113.7"])
        #expect(try e.request.clientMetadata == ["app": "legacy"])
    }

    @Test("Null response fields read as nil")
    func nullResponse() throws {
        let e = try #require(try Wrap.typed(Self.text).userMigration)
        #expect(e.response.userAttributes == nil)
        #expect(e.response.finalUserStatus == nil)
        #expect(e.response.messageAction == nil)
        #expect(e.response.desiredDeliveryMediums == nil)
        #expect(e.response.forceAliasCreation == nil)
        #expect(e.response.enableSMSMFA == nil)
    }

    @Test("The forgotten-password request has no password: nil")
    func noPassword() throws {
        let text = try Wrap.replacing(Self.text, "\"password\": \"hunter2\",\n    ", "")
        #expect(try #require(try Wrap.typed(text).userMigration).request.password == nil)
        let wrong = try Wrap.replacing(Self.text, "\"password\": \"hunter2\"", "\"password\": 1234")
        let e = try #require(try Wrap.typed(wrong).userMigration)
        #expect(Wrap.error { () throws(FieldError) in try e.request.password }?.description
            == "request.password: expected a string, found a number")
    }

    @Test("Each setter writes through and changes only its value", arguments: [
        ("userAttributes", "{\n      \"email\": \"jane@example.com\",\n      \"email_verified\": \"true\"\n    }"),
        ("finalUserStatus", "\"CONFIRMED\""),
        ("messageAction", "\"SUPPRESS\""),
        ("desiredDeliveryMediums", "[\n      \"EMAIL\",\n      \"SMS\"\n    ]"),
        ("forceAliasCreation", "true"),
        ("enableSMSMFA", "false"),
    ])
    func setters(key: String, written: String) throws {
        var e = try #require(try Wrap.typed(Self.text).userMigration)
        switch key {
        case "userAttributes": e.response.userAttributes = ["email_verified": "true", "email": "jane@example.com"]
        case "finalUserStatus": e.response.finalUserStatus = "CONFIRMED"
        case "messageAction": e.response.messageAction = "SUPPRESS"
        case "desiredDeliveryMediums": e.response.desiredDeliveryMediums = ["EMAIL", "SMS"]
        case "forceAliasCreation": e.response.forceAliasCreation = true
        default: e.response.enableSMSMFA = false
        }
        #expect(e.document.text == (try Wrap.replacing(Self.text, "\"\(key)\": null", "\"\(key)\": \(written)")))
        // Read back through the wrapper.
        switch key {
        case "userAttributes": #expect(e.response.userAttributes == ["email_verified": "true", "email": "jane@example.com"])
        case "finalUserStatus": #expect(e.response.finalUserStatus == "CONFIRMED")
        case "messageAction": #expect(e.response.messageAction == "SUPPRESS")
        case "desiredDeliveryMediums": #expect(e.response.desiredDeliveryMediums == ["EMAIL", "SMS"])
        case "forceAliasCreation": #expect(e.response.forceAliasCreation == true)
        default: #expect(e.response.enableSMSMFA == false)
        }
    }

    @Test("Response fields of the wrong type read as nil; validate() reports them")
    func wrongResponseTypes() throws {
        var text = try Wrap.replacing(Self.text, "\"desiredDeliveryMediums\": null", "\"desiredDeliveryMediums\": \"EMAIL\"")
        text = try Wrap.replacing(text, "\"forceAliasCreation\": null", "\"forceAliasCreation\": \"false\"")
        let event = try TriggerEvent(text: text)
        let e = try #require(event.typed.userMigration)
        #expect(e.response.desiredDeliveryMediums == nil)
        #expect(e.response.forceAliasCreation == nil)
        #expect(event.validate().map(\.description) == [
            "response.desiredDeliveryMediums: error: expected a list of strings, found a string",
            "response.forceAliasCreation: error: expected a boolean, found a string (the string \"false\" is not a boolean: write false without quotes)",
        ])
    }
}
