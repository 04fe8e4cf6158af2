import JSONDocument
import Testing
@testable import CognitoTriggers

@Suite("Wrapper: custom message")
struct CustomMessageWrapperTests {
    static let text = Wrap.event("CustomMessage_AdminCreateUser", """
          "request": {
            "userAttributes": {
              "email": "jane.doe@example.com",
              "email_verified": false
            },
            "codeParameter": "{####}",
            "linkParameter": "{##Click Here##}",
            "usernameParameter": "{username}",
            "clientMetadata": {
              "locale": "de"
            }
          },
          "response": {
            "smsMessage": null,
            "emailMessage": null,
            "emailSubject": null
          }
        """)

    @Test func readsRequest() throws {
        let e = try #require(try Wrap.typed(Self.text).customMessage)
        #expect(try e.request.codeParameter == "{####}")
        #expect(try e.request.linkParameter == "{##Click Here##}")
        #expect(try e.request.usernameParameter == "{username}")
        #expect(try e.request.userAttributes == ["email": "jane.doe@example.com", "email_verified": "false"])
        #expect(try e.request.clientMetadata == ["locale": "de"])
    }

    @Test("usernameParameter and linkParameter read nil when null or absent")
    func optionalParameters() throws {
        var text = try Wrap.replacing(Self.text, "\"usernameParameter\": \"{username}\"", "\"usernameParameter\": null")
        text = try Wrap.replacing(text, "\"linkParameter\": \"{##Click Here##}\",\n    ", "")
        let e = try #require(try Wrap.typed(text).customMessage)
        #expect(try e.request.usernameParameter == nil)
        #expect(try e.request.linkParameter == nil)
    }

    @Test("A missing codeParameter is a FieldError")
    func missingCode() throws {
        let text = try Wrap.replacing(Self.text, "\"codeParameter\": \"{####}\",\n    ", "")
        let e = try #require(try Wrap.typed(text).customMessage)
        #expect(Wrap.error { () throws(FieldError) in try e.request.codeParameter }?.description
            == "request.codeParameter: required field is missing")
    }

    @Test func nullResponseReadsNil() throws {
        let e = try #require(try Wrap.typed(Self.text).customMessage)
        #expect(e.response.smsMessage == nil)
        #expect(e.response.emailMessage == nil)
        #expect(e.response.emailSubject == nil)
    }

    @Test("Each setter writes through and changes only its value", arguments: [
        ("smsMessage", "Your user name is {username} and code {####}"),
        ("emailMessage", "<p>Hello {username}, your code is {####}</p>"),
        ("emailSubject", "Welcome \"Jane\""),
    ])
    func setters(key: String, value: String) throws {
        var e = try #require(try Wrap.typed(Self.text).customMessage)
        switch key {
        case "smsMessage": e.response.smsMessage = value
        case "emailMessage": e.response.emailMessage = value
        default: e.response.emailSubject = value
        }
        let written = JSONValue.string(value).compactText
        #expect(e.document.text == (try Wrap.replacing(Self.text, "\"\(key)\": null", "\"\(key)\": \(written)")))
        #expect(e.document[["response", .key(key)]] == .string(value))
        #expect(TriggerEvent(document: e.document).validate().filter { $0.severity == .error } == [])
    }
}

@Suite("Wrapper: custom email and SMS senders")
struct CustomSenderWrapperTests {
    static func text(_ source: String, type: String, code: String) -> String {
        Wrap.event(source, """
              "request": {
                "type": "\(type)",
                "code": \(code),
                "userAttributes": {
                  "phone_number": "+15555550123"
                },
                "clientMetadata": null
              }
            """)
    }

    @Test func emailSender() throws {
        let text = Self.text("CustomEmailSender_SignUp", type: "customEmailSenderRequestV1", code: "\"AYADeExample==\"")
        let e = try #require(try Wrap.typed(text).customEmailSender)
        #expect(try e.request.type == "customEmailSenderRequestV1")
        #expect(try e.request.code == "AYADeExample==")
        #expect(try e.request.userAttributes == ["phone_number": "+15555550123"])
        #expect(try e.request.clientMetadata == [:])
        #expect(try TriggerEvent(text: text).validate() == [])
    }

    @Test("A message without a code has code null")
    func noCode() throws {
        let text = Self.text("CustomEmailSender_AccountTakeOverNotification", type: "customEmailSenderRequestV1", code: "null")
        #expect(try #require(try Wrap.typed(text).customEmailSender).request.code == nil)
    }

    @Test func smsSender() throws {
        let text = Self.text("CustomSMSSender_Authentication", type: "customSMSSenderRequestV1", code: "\"AYADeExample==\"")
        let e = try #require(try Wrap.typed(text).customSMSSender)
        #expect(try e.request.type == "customSMSSenderRequestV1")
        #expect(try e.request.code == "AYADeExample==")
        let missingType = try Wrap.replacing(text, "\"type\": \"customSMSSenderRequestV1\",\n    ", "")
        let broken = try #require(try Wrap.typed(missingType).customSMSSender)
        #expect(Wrap.error { () throws(FieldError) in try broken.request.type }?.description == "request.type: required field is missing")
    }
}
