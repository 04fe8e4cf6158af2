import JSONDocument
import Testing
@testable import CognitoTriggers

/// Every rule of `TriggerEvent.validate()`, each with an event that passes and one that fails it.
///
/// A row names the rule's source (the `source` of the problem it reports), starts from a clean
/// base event, and applies edits: the passing edits must leave no problem at all, the failing edits
/// must give exactly the expected problems.
@Suite("Validation rules")
struct ValidationTests {
    /// A change to a base event.
    enum Edit: Sendable {
        /// Set the value at a dotted path to JSON text, creating objects on the way.
        case set(String, String)
        /// Remove the member at a dotted path.
        case remove(String)
        /// Replace the only occurrence of some text.
        case replace(String, String)
        /// Replace the whole text.
        case text(String)
    }

    /// One expected problem: severity, dotted path, message (the source is the row's).
    struct Expected: Sendable {
        let severity: Problem.Severity
        let path: String
        let message: String
        init(_ severity: Problem.Severity, _ path: String, _ message: String) {
            self.severity = severity
            self.path = path
            self.message = message
        }
    }

    struct Rule: Sendable, CustomTestStringConvertible {
        let source: String
        let name: String
        let base: String
        let pass: [Edit]
        let fail: [Edit]
        let expected: [Expected]
        var testDescription: String { "\(source): \(name)" }
    }

    // MARK: Sources, exactly as problems carry them

    static let shape = "AWS Cognito Developer Guide: Lambda trigger common parameters"
    static let json = "RFC 8259: names within an object should be unique"
    static let catalogue = "JSON types and values of the field catalogue"
    static let customMessage = "AWS Cognito Developer Guide: Custom message Lambda trigger"
    static let preSignUp = "AWS Cognito Developer Guide: Pre sign-up Lambda trigger"
    static let migrateUser = "AWS Cognito Developer Guide: Migrate user Lambda trigger"
    static let preToken = "AWS Cognito Developer Guide: Pre token generation Lambda trigger"
    static let defineAuth = "AWS Cognito Developer Guide: Define auth challenge Lambda trigger"
    static let customSender = "AWS Cognito Developer Guide: Custom sender Lambda triggers"

    // MARK: Clean base events

    static let signUp = Wrap.event("PreSignUp_SignUp", """
          "request": {
            "userAttributes": {
              "email": "jane.doe@example.com",
              "phone_number": "+15555550123"
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

    static let adminSignUp = signUp.replacingOccurrences(of: "PreSignUp_SignUp", with: "PreSignUp_AdminCreateUser")

    static let message = Wrap.event("CustomMessage_SignUp", """
          "request": {
            "userAttributes": {
              "email": "jane.doe@example.com"
            },
            "codeParameter": "{####}",
            "linkParameter": "{##Click Here##}",
            "usernameParameter": null
          },
          "response": {
            "smsMessage": null,
            "emailMessage": null,
            "emailSubject": null
          }
        """)

    static let invitation = message
        .replacingOccurrences(of: "CustomMessage_SignUp", with: "CustomMessage_AdminCreateUser")
        .replacingOccurrences(of: "\"usernameParameter\": null", with: "\"usernameParameter\": \"{username}\"")

    static let migration = Wrap.event("UserMigration_Authentication", """
          "request": {
            "password": "hunter2",
            "validationData": null
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

    static let tokenV1 = Wrap.event("TokenGeneration_Authentication", """
          "request": {
            "userAttributes": {
              "sub": "0a1b2c3d"
            },
            "groupConfiguration": {
              "groupsToOverride": [],
              "iamRolesToOverride": [],
              "preferredRole": null
            }
          },
          "response": {
            "claimsOverrideDetails": null
          }
        """)

    static let tokenV2 = Wrap.event("TokenGeneration_Authentication", version: "2", """
          "request": {
            "userAttributes": {
              "sub": "0a1b2c3d"
            },
            "groupConfiguration": {
              "groupsToOverride": [],
              "iamRolesToOverride": [],
              "preferredRole": null
            },
            "scopes": [
              "openid"
            ]
          },
          "response": {
            "claimsAndScopeOverrideDetails": null
          }
        """)

    static let clientCredentials = Wrap.event("TokenGeneration_ClientCredentials", version: "3", """
          "request": {
            "userAttributes": {},
            "scopes": [
              "example-api/items.read"
            ]
          },
          "response": {
            "claimsAndScopeOverrideDetails": null
          }
        """)

    static let define = Wrap.event("DefineAuthChallenge_Authentication", """
          "request": {
            "userAttributes": {
              "email": "jane.doe@example.com"
            },
            "session": []
          },
          "response": {
            "challengeName": null,
            "issueTokens": null,
            "failAuthentication": null
          }
        """)

    static let federation = Wrap.event("InboundFederation_ExternalProvider", """
          "request": {
            "providerName": "ExampleOIDC",
            "providerType": "OIDC",
            "attributes": {}
          },
          "response": {
            "userAttributesToMap": {}
          }
        """)

    static let emailSender = Wrap.event("CustomEmailSender_SignUp", """
          "request": {
            "type": "customEmailSenderRequestV1",
            "code": "AYADeExample==",
            "userAttributes": {
              "email": "jane.doe@example.com"
            }
          }
        """)

    static let v2Details = "response.claimsAndScopeOverrideDetails"

    // MARK: The rules

    static let rules: [Rule] = shapeRules + catalogueTypeRules + catalogueValueRules + triggerRules + tokenRules

    static let shapeRules: [Rule] = [
        Rule(source: json, name: "repeated keys", base: signUp,
             pass: [], fail: [.replace("\"region\": \"us-east-1\",", "\"region\": \"us-east-1\",\n  \"region\": \"us-east-1\",")],
             expected: [Expected(.warning, "region", "the key \"region\" appears 2 times; Cognito and this tool read the last one")]),
        Rule(source: shape, name: "the top level is an object", base: signUp,
             pass: [], fail: [.text("[1, 2]")],
             expected: [Expected(.error, "", "not a Cognito trigger event: the top level is an array, not an object")]),
        Rule(source: shape, name: "there is a triggerSource", base: signUp,
             pass: [], fail: [.remove("triggerSource")],
             expected: [Expected(.error, "triggerSource", "not a Cognito trigger event: there is no triggerSource")]),
        Rule(source: shape, name: "triggerSource is a string", base: signUp,
             pass: [], fail: [.set("triggerSource", "7")],
             expected: [Expected(.error, "triggerSource", "expected a string, found a number")]),
        Rule(source: shape, name: "triggerSource is known", base: signUp,
             pass: [.set("triggerSource", "\"PreSignUp_ExternalProvider\"")], fail: [.set("triggerSource", "\"Foo_Bar\"")],
             expected: [Expected(.warning, "triggerSource", "unknown trigger source \"Foo_Bar\"; the event is shown as a plain document")]),
        Rule(source: shape, name: "placeholder sources are read by their prefix, with a warning", base: signUp,
             pass: [], fail: [.set("triggerSource", "\"PreSignUp_Placeholder\"")],
             expected: [Expected(.warning, "triggerSource", "\"PreSignUp_Placeholder\" is not a trigger source Cognito sends; read as Pre sign-up from its prefix")]),
        Rule(source: shape, name: "triggers with response fields have a response object", base: signUp,
             pass: [], fail: [.remove("response")],
             expected: [Expected(.warning, "response", "there is no response object; Cognito always sends one (with null or default values)")]),
        Rule(source: shape, name: "a null response warns like a missing one", base: signUp,
             pass: [.set("response", "{}")], fail: [.set("response", "null")],
             expected: [Expected(.warning, "response", "is null, not an object; Cognito always sends one (with null or default values)")]),
        Rule(source: shape, name: "callerContext names the SDK awsSdkVersion", base: signUp,
             pass: [], fail: [.remove("callerContext.awsSdkVersion"), .set("callerContext.awsSdk", "\"aws-sdk-js-3\"")],
             expected: [Expected(.warning, "callerContext.awsSdk", "named awsSdk; Cognito sends awsSdkVersion (read as that)")]),
        Rule(source: catalogue, name: "response keys the trigger does not have are ignored by Cognito", base: signUp,
             pass: [.set("response.autoConfirmUsr", "null")], fail: [.set("response.autoConfirmUsr", "true")],
             expected: [Expected(.warning, "response.autoConfirmUsr", "Pre sign-up has no response field autoConfirmUsr; Cognito ignores it")]),
        Rule(source: catalogue, name: "unknown keys inside fixed-shape response objects", base: tokenV1,
             pass: [.set("response.claimsOverrideDetails.claimsToSuppress", "[\"nickname\"]")],
             fail: [.set("response.claimsOverrideDetails.claimsToSupress", "[\"nickname\"]")],
             expected: [Expected(.warning, "response.claimsOverrideDetails.claimsToSupress", "Pre token generation (V1) has no response field claimsToSupress; Cognito ignores it")]),
        Rule(source: shape, name: "version is 1, 2 or 3", base: signUp,
             pass: [], fail: [.set("version", "\"4\"")],
             expected: [Expected(.warning, "version", "\"4\" is not a version Cognito sends (\"1\", \"2\" or \"3\")")]),
    ]

    static let catalogueTypeRules: [Rule] = [
        Rule(source: catalogue, name: "required request fields are present", base: signUp,
             pass: [.remove("request.clientMetadata")], fail: [.remove("request.userAttributes")],
             expected: [Expected(.error, "request.userAttributes", "required field is missing")]),
        Rule(source: catalogue, name: "required common fields are present", base: signUp,
             pass: [.set("userName", "null")], fail: [.remove("region")],
             expected: [Expected(.error, "region", "required field is missing")]),
        Rule(source: catalogue, name: "non-nullable request fields are not null", base: signUp,
             pass: [.set("request.clientMetadata", "null")], fail: [.set("request.userAttributes", "null")],
             expected: [Expected(.warning, "request.userAttributes", "is null; Cognito normally sends a map of strings here")]),
        Rule(source: catalogue, name: "strings are strings", base: signUp,
             pass: [], fail: [.set("region", "42")],
             expected: [Expected(.error, "region", "expected a string, found a number")]),
        Rule(source: catalogue, name: "booleans are booleans", base: signUp,
             pass: [.set("response.autoConfirmUser", "true")], fail: [.set("response.autoConfirmUser", "1")],
             expected: [Expected(.error, "response.autoConfirmUser", "expected a boolean, found a number")]),
        Rule(source: catalogue, name: "a quoted \"False\" in a boolean says to drop the quotes", base: signUp,
             pass: [.set("response.autoVerifyEmail", "false")], fail: [.set("response.autoVerifyEmail", "\"False\"")],
             expected: [Expected(.error, "response.autoVerifyEmail", "expected a boolean, found a string (the string \"False\" is not a boolean: write false without quotes)")]),
        Rule(source: catalogue, name: "objects are objects", base: signUp,
             pass: [], fail: [.set("request", "\"none\"")],
             expected: [Expected(.error, "request", "expected an object, found a string")]),
        Rule(source: catalogue, name: "claim maps are objects", base: tokenV2,
             pass: [.set("\(v2Details).idTokenGeneration.claimsToAddOrOverride", "{\"n\": 1, \"l\": [\"a\"]}")],
             fail: [.set("\(v2Details).idTokenGeneration.claimsToAddOrOverride", "[1]")],
             expected: [Expected(.error, "\(v2Details).idTokenGeneration.claimsToAddOrOverride", "expected an object, found an array")]),
        Rule(source: catalogue, name: "object lists are lists", base: define,
             pass: [.set("request.session", "[{\"challengeName\": \"SRP_A\", \"challengeResult\": true}]")],
             fail: [.set("request.session", "\"none\"")],
             expected: [Expected(.error, "request.session", "expected a list, found a string")]),
        Rule(source: catalogue, name: "object lists hold objects", base: define,
             pass: [], fail: [.set("request.session", "[1]")],
             expected: [Expected(.error, "request.session[0]", "expected an object, found a number")]),
        Rule(source: catalogue, name: "enumerations are strings", base: migration,
             pass: [.set("response.finalUserStatus", "\"RESET_REQUIRED\"")], fail: [.set("response.finalUserStatus", "1")],
             expected: [Expected(.error, "response.finalUserStatus", "expected a string, found a number")]),
        Rule(source: catalogue, name: "string lists are lists", base: tokenV1,
             pass: [.set("response.claimsOverrideDetails.claimsToSuppress", "[\"email\"]")],
             fail: [.set("response.claimsOverrideDetails.claimsToSuppress", "\"email\"")],
             expected: [Expected(.error, "response.claimsOverrideDetails.claimsToSuppress", "expected a list of strings, found a string")]),
        Rule(source: catalogue, name: "string lists hold strings", base: tokenV1,
             pass: [], fail: [.set("request.groupConfiguration.groupsToOverride", "[\"a\", 2]")],
             expected: [Expected(.error, "request.groupConfiguration.groupsToOverride[1]", "expected a string, found a number")]),
        Rule(source: catalogue, name: "maps are objects", base: signUp,
             pass: [.set("request.clientMetadata", "{}")], fail: [.set("request.clientMetadata", "[]")],
             expected: [Expected(.error, "request.clientMetadata", "expected a map of strings, found an array")]),
        Rule(source: catalogue, name: "request maps: booleans are read as text, with a warning", base: signUp,
             pass: [.set("request.userAttributes.email_verified", "\"true\"")], fail: [.set("request.userAttributes.email_verified", "true")],
             expected: [Expected(.warning, "request.userAttributes.email_verified", "a boolean where Cognito sends strings; read as \"true\"")]),
        Rule(source: catalogue, name: "request maps: numbers are read as text, with a warning", base: signUp,
             pass: [], fail: [.set("request.clientMetadata.count", "3")],
             expected: [Expected(.warning, "request.clientMetadata.count", "a number where Cognito sends strings; read as \"3\"")]),
        Rule(source: catalogue, name: "request maps: null members get a warning", base: signUp,
             pass: [], fail: [.set("request.clientMetadata.campaign", "null")],
             expected: [Expected(.warning, "request.clientMetadata.campaign", "is null where Cognito sends strings")]),
        Rule(source: catalogue, name: "maps hold no objects or lists", base: signUp,
             pass: [], fail: [.set("request.clientMetadata.campaign", "{}")],
             expected: [Expected(.error, "request.clientMetadata.campaign", "expected a string, found an object")]),
        Rule(source: catalogue, name: "response maps: a boolean is an error", base: migration,
             pass: [.set("response.userAttributes", "{\"email_verified\": \"true\"}")],
             fail: [.set("response.userAttributes", "{\"email_verified\": true}")],
             expected: [Expected(.error, "response.userAttributes.email_verified", "expected a string, found a boolean")]),
        Rule(source: catalogue, name: "response maps: a number is an error", base: migration,
             pass: [], fail: [.set("response.userAttributes", "{\"custom:level\": 3}")],
             expected: [Expected(.error, "response.userAttributes[\"custom:level\"]", "expected a string, found a number")]),
    ]

    static let catalogueValueRules: [Rule] = [
        Rule(source: catalogue, name: "response enumerations hold a documented value", base: migration,
             pass: [.set("response.messageAction", "\"SUPPRESS\"")], fail: [.set("response.messageAction", "\"QUIET\"")],
             expected: [Expected(.error, "response.messageAction", "\"QUIET\" is not one of SUPPRESS, RESEND")]),
        Rule(source: catalogue, name: "request enumerations outside the documented values get a warning", base: federation,
             pass: [.set("request.providerType", "\"SAML\"")], fail: [.set("request.providerType", "\"Okta\"")],
             expected: [Expected(.warning, "request.providerType", "\"Okta\" is not one of OIDC, SAML, Facebook, Google, SignInWithApple, LoginWithAmazon")]),
        Rule(source: catalogue, name: "enumeration lists hold documented values", base: migration,
             pass: [.set("response.desiredDeliveryMediums", "[\"EMAIL\", \"SMS\"]")], fail: [.set("response.desiredDeliveryMediums", "[\"EMAIL\", \"FAX\"]")],
             expected: [Expected(.error, "response.desiredDeliveryMediums[1]", "\"FAX\" is not one of SMS, EMAIL")]),
    ]

    static let triggerRules: [Rule] = [
        Rule(source: customMessage, name: "smsMessage is at most 140 characters", base: message,
             pass: [.set("response.smsMessage", "\"{####}\(String(repeating: "a", count: 134))\"")],
             fail: [.set("response.smsMessage", "\"{####}\(String(repeating: "a", count: 135))\"")],
             expected: [Expected(.error, "response.smsMessage", "is 141 characters long; Cognito allows at most 140")]),
        Rule(source: customMessage, name: "emailSubject is at most 140 characters", base: message,
             pass: [.set("response.emailSubject", "\"\(String(repeating: "é", count: 140))\"")],
             fail: [.set("response.emailSubject", "\"\(String(repeating: "é", count: 141))\"")],
             expected: [Expected(.error, "response.emailSubject", "is 141 characters long; Cognito allows at most 140")]),
        Rule(source: customMessage, name: "emailMessage is at most 20,000 characters", base: message,
             pass: [.set("response.emailMessage", "\"{####}\(String(repeating: "a", count: 19_994))\"")],
             fail: [.set("response.emailMessage", "\"{####}\(String(repeating: "a", count: 19_995))\"")],
             expected: [Expected(.error, "response.emailMessage", "is 20001 characters long; Cognito allows at most 20000")]),
        Rule(source: customMessage, name: "smsMessage contains the code placeholder", base: message,
             pass: [.set("response.smsMessage", "\"Your code is {####}\"")], fail: [.set("response.smsMessage", "\"Your code is 1234\"")],
             expected: [Expected(.error, "response.smsMessage", "does not contain the code placeholder {####}; Cognito rejects the message")]),
        Rule(source: customMessage, name: "emailMessage contains the code placeholder", base: message,
             pass: [.set("response.emailMessage", "\"<b>{####}</b>\"")], fail: [.set("response.emailMessage", "\"<b>code</b>\"")],
             expected: [Expected(.error, "response.emailMessage", "does not contain the code placeholder {####}; Cognito rejects the message")]),
        Rule(source: customMessage, name: "invitations contain the user name placeholder", base: invitation,
             pass: [.set("response.emailMessage", "\"{username} / {####}\"")], fail: [.set("response.emailMessage", "\"password {####}\"")],
             expected: [Expected(.error, "response.emailMessage", "does not contain the user name placeholder {username}, which invitations need")]),
        Rule(source: preSignUp, name: "autoVerifyEmail needs an email attribute", base: signUp,
             pass: [.set("response.autoVerifyEmail", "true")],
             fail: [.set("response.autoVerifyEmail", "true"), .remove("request.userAttributes.email")],
             expected: [Expected(.error, "response.autoVerifyEmail", "is true but the user has no email attribute to verify")]),
        Rule(source: preSignUp, name: "autoVerifyPhone needs a phone_number attribute", base: signUp,
             pass: [.set("response.autoVerifyPhone", "true")],
             fail: [.set("response.autoVerifyPhone", "true"), .remove("request.userAttributes.phone_number")],
             expected: [Expected(.error, "response.autoVerifyPhone", "is true but the user has no phone_number attribute to verify")]),
        Rule(source: preSignUp, name: "AdminCreateUser ignores the confirm and verify flags", base: adminSignUp,
             pass: [], fail: [.set("response.autoConfirmUser", "true")],
             expected: [Expected(.warning, "response.autoConfirmUser", "is ignored for AdminCreateUser: administrators create users with their own settings")]),
        Rule(source: migrateUser, name: "enableSMSMFA needs a phone_number in the returned attributes", base: migration,
             pass: [.set("response.enableSMSMFA", "true"), .set("response.userAttributes", "{\"phone_number\": \"+15555550123\"}")],
             fail: [.set("response.enableSMSMFA", "true"), .set("response.userAttributes", "{\"email\": \"jane.doe@example.com\"}")],
             expected: [Expected(.error, "response.enableSMSMFA", "is true but response.userAttributes has no phone_number for the SMS codes")]),
        Rule(source: defineAuth, name: "issueTokens and failAuthentication are not both true", base: define,
             pass: [.set("response.issueTokens", "true"), .set("response.failAuthentication", "false")],
             fail: [.set("response.issueTokens", "true"), .set("response.failAuthentication", "true")],
             expected: [Expected(.error, "response.failAuthentication", "issueTokens and failAuthentication are both true; choose one")]),
        Rule(source: customSender, name: "custom senders have no response", base: emailSender,
             pass: [.set("response", "{}")], fail: [.set("response", "{\"emailMessage\": \"hi\"}")],
             expected: [Expected(.warning, "response", "custom sender triggers have no response; Cognito ignores it")]),
        Rule(source: customSender, name: "the request type matches the sender", base: emailSender,
             pass: [], fail: [.set("request.type", "\"customSMSSenderRequestV1\"")],
             expected: [Expected(.warning, "request.type", "is \"customSMSSenderRequestV1\" in a custom email sender event; expected \"customEmailSenderRequestV1\"")]),
    ]

    static let tokenRules: [Rule] = [
        Rule(source: preToken, name: "version matches the event's shape", base: tokenV2,
             pass: [], fail: [.set("version", "\"1\"")],
             expected: [Expected(.warning, "version", "says \"1\" but the request has the V2 shape; read as V2")]),
        Rule(source: preToken, name: "V1 does not read claimsAndScopeOverrideDetails", base: tokenV1,
             pass: [.set("response.claimsAndScopeOverrideDetails", "null")], fail: [.set("response.claimsAndScopeOverrideDetails", "{}")],
             expected: [Expected(.error, "response.claimsAndScopeOverrideDetails", "is a V2/V3 response key; a V1 trigger ignores it (use claimsOverrideDetails)")]),
        Rule(source: preToken, name: "V2 does not read claimsOverrideDetails", base: tokenV2,
             pass: [.set("response.claimsOverrideDetails", "null")], fail: [.set("response.claimsOverrideDetails", "{}")],
             expected: [Expected(.warning, "response.claimsOverrideDetails", "is the V1 response key; V2 reads claimsAndScopeOverrideDetails")]),
        Rule(source: preToken, name: "protected claims cannot be added", base: tokenV1,
             pass: [.set("response.claimsOverrideDetails.claimsToAddOrOverride", "{\"tier\": \"gold\"}")],
             fail: [.set("response.claimsOverrideDetails.claimsToAddOrOverride", "{\"sub\": \"other\"}")],
             expected: [Expected(.error, "response.claimsOverrideDetails.claimsToAddOrOverride.sub", "sub is a claim Cognito does not let the function change")]),
        Rule(source: preToken, name: "protected claims cannot be suppressed", base: tokenV2,
             pass: [.set("\(v2Details).idTokenGeneration.claimsToSuppress", "[\"email\"]")],
             fail: [.set("\(v2Details).idTokenGeneration.claimsToSuppress", "[\"email\", \"iss\"]")],
             expected: [Expected(.error, "\(v2Details).idTokenGeneration.claimsToSuppress[1]", "iss is a claim Cognito does not let the function remove")]),
        Rule(source: preToken, name: "a claim is not both overridden and suppressed", base: tokenV1,
             pass: [.set("response.claimsOverrideDetails", "{\"claimsToAddOrOverride\": {\"tier\": \"gold\"}, \"claimsToSuppress\": [\"email\"]}")],
             fail: [.set("response.claimsOverrideDetails", "{\"claimsToAddOrOverride\": {\"tier\": \"gold\"}, \"claimsToSuppress\": [\"tier\"]}")],
             expected: [Expected(.warning, "response.claimsOverrideDetails.claimsToSuppress[0]", "tier is both overridden and suppressed; suppression wins and the claim is left out")]),
        Rule(source: preToken, name: "scalar-only ID token claims hold no lists or objects", base: tokenV2,
             pass: [.set("\(v2Details).idTokenGeneration.claimsToAddOrOverride", "{\"email_verified\": true}")],
             fail: [.set("\(v2Details).idTokenGeneration.claimsToAddOrOverride", "{\"email_verified\": [true]}")],
             expected: [Expected(.error, "\(v2Details).idTokenGeneration.claimsToAddOrOverride.email_verified", "email_verified cannot hold an array in the ID token")]),
        Rule(source: preToken, name: "the access token's client_id and scope claims cannot change", base: tokenV2,
             pass: [.set("\(v2Details).accessTokenGeneration.claimsToAddOrOverride", "{\"tenant\": \"t-1\"}")],
             fail: [.set("\(v2Details).accessTokenGeneration.claimsToAddOrOverride", "{\"scope\": \"admin\"}")],
             expected: [Expected(.error, "\(v2Details).accessTokenGeneration.claimsToAddOrOverride.scope", "scope is a claim Cognito does not let the function change")]),
        Rule(source: preToken, name: "client credentials requests get no ID token", base: clientCredentials,
             pass: [.set("\(v2Details).accessTokenGeneration.scopesToAdd", "[\"example-api/items.write\"]"), .set("\(v2Details).idTokenGeneration", "{}")],
             fail: [.set("\(v2Details).idTokenGeneration.claimsToSuppress", "[\"email\"]")],
             expected: [Expected(.warning, "\(v2Details).idTokenGeneration", "machine-to-machine requests get no ID token; only accessTokenGeneration applies")]),
        Rule(source: preToken, name: "ID tokens carry no scopes", base: tokenV2,
             pass: [.set("\(v2Details).accessTokenGeneration.scopesToAdd", "[\"api/read\"]")],
             fail: [.set("\(v2Details).idTokenGeneration.scopesToAdd", "[\"api/read\"]")],
             expected: [Expected(.warning, "\(v2Details).idTokenGeneration.scopesToAdd", "ID tokens carry no scopes; use accessTokenGeneration.scopesToAdd")]),
    ]

    // MARK: The test

    static func apply(_ edits: [Edit], to base: String) throws -> TriggerEvent {
        var text = base
        for case let edit in edits {
            switch edit {
            case .replace(let old, let new): text = try Wrap.replacing(text, old, new)
            case .text(let whole): text = whole
            default: break
            }
        }
        var document = try JSONDocument(text: text)
        for edit in edits {
            switch edit {
            case .set(let dotted, let json):
                let path = try #require(JSONPath(dotted: dotted), "bad path \(dotted)")
                try document.setValue(try JSONValue(parsing: json), at: path, createMissing: true)
            case .remove(let dotted):
                let path = try #require(JSONPath(dotted: dotted), "bad path \(dotted)")
                try document.removeValue(at: path)
            default: break
            }
        }
        return TriggerEvent(document: document)
    }

    @Test("Base events are clean", arguments: [signUp, adminSignUp, message, invitation, migration, tokenV1, tokenV2,
                                               clientCredentials, define, federation, emailSender])
    func basesAreClean(base: String) throws {
        #expect(try TriggerEvent(text: base).validate() == [])
    }

    @Test("Each rule passes its good event and reports exactly its problem for the bad one", arguments: rules)
    func rule(_ rule: Rule) throws {
        let passing = try Self.apply(rule.pass, to: rule.base)
        #expect(passing.validate() == [], "passing case")
        let failing = try Self.apply(rule.fail, to: rule.base)
        let expected = try rule.expected.map { item in
            let path = item.path.isEmpty ? [] : try #require(JSONPath(dotted: item.path), "bad path \(item.path)")
            return Problem(item.severity, path, item.message, source: rule.source)
        }
        #expect(failing.validate() == expected)
    }

    @Test("Every rule source is used by some row")
    func everySourceCovered() {
        let used = Set(Self.rules.map(\.source))
        for source in [Self.shape, Self.json, Self.catalogue, Self.customMessage, Self.preSignUp, Self.migrateUser,
                       Self.preToken, Self.defineAuth, Self.customSender] {
            #expect(used.contains(source), "\(source)")
        }
        #expect(RuleSource.customMessage == Self.customMessage)
        #expect(RuleSource.catalogue == Self.catalogue)
    }

    @Test("Problems come sorted: errors first, then by path")
    func sorted() throws {
        let event = try Self.apply([.set("response.autoConfirmUser", "\"yes\""), .set("request.clientMetadata.n", "1"),
                                    .set("region", "1")], to: Self.signUp)
        #expect(event.validate().map(\.description) == [
            "region: error: expected a string, found a number",
            "response.autoConfirmUser: error: expected a boolean, found a string",
            "request.clientMetadata.n: warning: a number where Cognito sends strings; read as \"1\"",
        ])
    }
}
