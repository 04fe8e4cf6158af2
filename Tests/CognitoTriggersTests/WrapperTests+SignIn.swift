import JSONDocument
import Testing
@testable import CognitoTriggers

@Suite("Wrapper: pre and post authentication")
struct AuthenticationWrapperTests {
    static let pre = Wrap.event("PreAuthentication_Authentication", """
          "request": {
            "userAttributes": {
              "email": "jane.doe@example.com"
            },
            "validationData": {
              "deviceKey": "us-east-1_abc"
            },
            "userNotFound": true
          },
          "response": {}
        """)

    static let post = Wrap.event("PostAuthentication_Authentication", """
          "request": {
            "newDeviceUsed": true,
            "userAttributes": {
              "email": "jane.doe@example.com"
            },
            "clientMetadata": {
              "a": "b"
            }
          },
          "response": {}
        """)

    @Test func preAuthentication() throws {
        let e = try #require(try Wrap.typed(Self.pre).preAuthentication)
        #expect(try e.request.userNotFound == true)
        #expect(try e.request.userAttributes == ["email": "jane.doe@example.com"])
        #expect(try e.request.validationData == ["deviceKey": "us-east-1_abc"])
    }

    @Test("userNotFound reads nil when absent, and a string there is a FieldError")
    func userNotFound() throws {
        let absent = try Wrap.replacing(Self.pre, ",\n    \"userNotFound\": true", "")
        #expect(try #require(try Wrap.typed(absent).preAuthentication).request.userNotFound == nil)
        let string = try Wrap.replacing(Self.pre, "\"userNotFound\": true", "\"userNotFound\": \"true\"")
        let e = try #require(try Wrap.typed(string).preAuthentication)
        #expect(Wrap.error { () throws(FieldError) in try e.request.userNotFound }?.description
            == "request.userNotFound: expected a boolean, found a string")
    }

    @Test func postAuthentication() throws {
        let e = try #require(try Wrap.typed(Self.post).postAuthentication)
        #expect(try e.request.newDeviceUsed == true)
        #expect(try e.request.userAttributes == ["email": "jane.doe@example.com"])
        #expect(try e.request.clientMetadata == ["a": "b"])
    }

    @Test("newDeviceUsed reads false when absent")
    func newDeviceUsedDefault() throws {
        let absent = try Wrap.replacing(Self.post, "\"newDeviceUsed\": true,\n    ", "")
        #expect(try #require(try Wrap.typed(absent).postAuthentication).request.newDeviceUsed == false)
    }
}

@Suite("Wrapper: inbound federation")
struct InboundFederationWrapperTests {
    static let text = Wrap.event("InboundFederation_ExternalProvider", """
          "request": {
            "providerName": "ExampleOIDC",
            "providerType": "OIDC",
            "attributes": {
              "idToken": {
                "email": "jane.doe@example.com"
              }
            }
          },
          "response": {
            "userAttributesToMap": {}
          }
        """)

    @Test func readsRequestAndResponse() throws {
        let e = try #require(try Wrap.typed(Self.text).inboundFederation)
        #expect(try e.request.providerName == "ExampleOIDC")
        #expect(try e.request.providerType == "OIDC")
        #expect(e.request.attributes.rawValue("idToken") == ["email": "jane.doe@example.com"])
        #expect(e.response.userAttributesToMap == [:])
    }

    @Test func userAttributesToMapSetter() throws {
        var e = try #require(try Wrap.typed(Self.text).inboundFederation)
        e.response.userAttributesToMap = ["name": "Jane", "email": "jane.doe@example.com"]
        let expected = try Wrap.replacing(Self.text, "\"userAttributesToMap\": {}",
            "\"userAttributesToMap\": {\n      \"email\": \"jane.doe@example.com\",\n      \"name\": \"Jane\"\n    }")
        #expect(e.document.text == expected)
        #expect(e.response.userAttributesToMap == ["name": "Jane", "email": "jane.doe@example.com"])
    }
}
