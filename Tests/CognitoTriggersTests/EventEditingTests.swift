import JSONDocument
import Testing
@testable import CognitoTriggers

/// Reading `FIELD=VALUE` for `cognito-explorer set`, checking values against the catalogue, and applying edits.
@Suite("Event editing (set)")
struct EventEditingTests {
    static let migration = Wrap.event("UserMigration_Authentication", """
          "request": {
            "password": "hunter2"
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
            "userAttributes": {},
            "groupConfiguration": {"groupsToOverride": [], "iamRolesToOverride": [], "preferredRole": null}
          },
          "response": {
            "claimsOverrideDetails": null
          }
        """)

    // MARK: Values

    struct ValueCase: Sendable, CustomTestStringConvertible {
        let trigger: Trigger
        let field: String
        let text: String
        let expected: JSONValue
        init(_ trigger: Trigger, _ field: String, _ text: String, _ expected: JSONValue) {
            (self.trigger, self.field, self.text, self.expected) = (trigger, field, text, expected)
        }
        var testDescription: String { "\(field)=\(text)" }
    }

    struct RefusalCase: Sendable, CustomTestStringConvertible {
        let trigger: Trigger
        let field: String
        let text: String
        let message: String
        init(_ trigger: Trigger, _ field: String, _ text: String, _ message: String) {
            (self.trigger, self.field, self.text, self.message) = (trigger, field, text, message)
        }
        var testDescription: String { "\(field)=\(text)" }
    }

    @Test("Values are JSON; string and enumeration fields also take bare words", arguments: [
        ValueCase(.preSignUp, "response.autoConfirmUser", "true", .bool(true)),
        ValueCase(.preSignUp, "response.autoConfirmUser", "null", .null),
        ValueCase(.userMigration, "response.finalUserStatus", "CONFIRMED", "CONFIRMED"),
        ValueCase(.userMigration, "response.finalUserStatus", "\"RESET_REQUIRED\"", "RESET_REQUIRED"),
        ValueCase(.userMigration, "response.finalUserStatus", "null", .null),
        ValueCase(.customMessage, "response.smsMessage", "Your code is {####}", "Your code is {####}"),
        ValueCase(.customMessage, "response.emailSubject", "42", "42"),
        ValueCase(.customMessage, "response.emailSubject", "true", "true"),
        ValueCase(.customMessage, "response.emailSubject", "\"say \\\"hi\\\"\"", "say \"hi\""),
        ValueCase(.customMessage, "response.emailSubject", "", ""),
        ValueCase(.userMigration, "response.userAttributes", "{\"email\":\"a@example.com\"}", ["email": "a@example.com"]),
        ValueCase(.userMigration, "response.userAttributes[\"custom:tier\"]", "gold", "gold"),
        ValueCase(.userMigration, "response.userAttributes.email_verified", "true", "true"),
        ValueCase(.userMigration, "response.desiredDeliveryMediums", "[\"EMAIL\"]", ["EMAIL"]),
        ValueCase(.userMigration, "response.desiredDeliveryMediums[0]", "SMS", "SMS"),
        ValueCase(.preTokenGenerationV1, "response.claimsOverrideDetails.claimsToSuppress", "[\"email\"]", ["email"]),
        ValueCase(.preTokenGenerationV1, "response.claimsOverrideDetails.claimsToSuppress[0]", "email", "email"),
        ValueCase(.preTokenGenerationV1, "response.claimsOverrideDetails.claimsToAddOrOverride", "{\"a\":\"b\"}", ["a": "b"]),
        ValueCase(.preTokenGenerationV1, "response.claimsOverrideDetails.groupOverrideDetails", "{}", .object([])),
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.level", "3", 3),
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.o", "{\"x\":[1]}", ["x": [1]]),
        ValueCase(.preSignUp, "response.myOwnKey", "[1, \"two\"]", [1, "two"]),
        ValueCase(.defineAuthChallenge, "response.challengeName", "CUSTOM_CHALLENGE", "CUSTOM_CHALLENGE"),
        // Claim values and unknown fields: JSON is JSON, other text a string.
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.tier", "gold", "gold"),
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.tier", "\"gold\"", "gold"),
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.n", "\"3\"", "3"),
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.on", "true", true),
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.t", "Gold tier {x}", "Gold tier {x}"),
        ValueCase(.preTokenGenerationV1, "response.claimsOverrideDetails.claimsToAddOrOverride.tier", "gold", "gold"),
        ValueCase(.preSignUp, "response.myOwnKey", "not json", "not json"),
        ValueCase(.customMessage, "response.emailSubject", "\"\\\"quoted\\\"\"", "\"quoted\""),
        ValueCase(.customMessage, "response.smsMessage", "{####} is your code", "{####} is your code"),
    ])
    func values(_ c: ValueCase) throws {
        let (trigger, field, text, expected) = (c.trigger, c.field, c.text, c.expected)
        let path = try FieldAssignment.parsePath(field)
        #expect(try EventEditing.parseValue(text, at: path, in: trigger) == expected)
        #expect(try FieldAssignment.parse("\(field)=\(text)", in: trigger) == FieldAssignment(path: path, value: expected))
    }

    @Test("Values of the wrong type are refused with the field and what it expects", arguments: [
        RefusalCase(.preSignUp, "response.autoConfirmUser", "yes",
         "response.autoConfirmUser: \"yes\" is not a JSON value; write a boolean (true or false)"),
        RefusalCase(.preSignUp, "response.autoConfirmUser", "\"true\"",
         "response.autoConfirmUser: expected a boolean (true or false), found a string (write true without quotes)"),
        RefusalCase(.preSignUp, "response.autoConfirmUser", "1", "response.autoConfirmUser: expected a boolean (true or false), found a number"),
        RefusalCase(.userMigration, "response.finalUserStatus", "DONE", "response.finalUserStatus: \"DONE\" is not one of CONFIRMED, RESET_REQUIRED"),
        RefusalCase(.userMigration, "response.finalUserStatus", "[\"CONFIRMED\"]", "response.finalUserStatus: expected a string, found an array"),
        RefusalCase(.userMigration, "response.finalUserStatus", "\"CONFIRMED", "response.finalUserStatus: \"\\\"CONFIRMED\" starts with a quote but is not a JSON string; close the quotes or leave them out"),
        RefusalCase(.customMessage, "response.smsMessage", "{\"a\":1}", "response.smsMessage: expected a string, found an object"),
        RefusalCase(.userMigration, "response.desiredDeliveryMediums", "EMAIL",
         "response.desiredDeliveryMediums: \"EMAIL\" is not a JSON value; write a list of strings, such as [\"a\",\"b\"]"),
        RefusalCase(.userMigration, "response.desiredDeliveryMediums", "[\"EMAIL\", \"FAX\"]", "response.desiredDeliveryMediums[1]: \"FAX\" is not one of SMS, EMAIL"),
        RefusalCase(.userMigration, "response.desiredDeliveryMediums[0]", "FAX", "response.desiredDeliveryMediums[0]: \"FAX\" is not one of SMS, EMAIL"),
        RefusalCase(.userMigration, "response.userAttributes", "{\"email_verified\": true}", "response.userAttributes.email_verified: expected a string, found a boolean"),
        RefusalCase(.userMigration, "response.userAttributes", "[]", "response.userAttributes: expected a map of strings, found an array"),
        RefusalCase(.preTokenGenerationV1, "response.claimsOverrideDetails.claimsToSuppress", "true",
         "response.claimsOverrideDetails.claimsToSuppress: expected a list of strings, found a boolean"),
        RefusalCase(.preTokenGenerationV1, "response.claimsOverrideDetails.claimsToSuppress", "[\"a\", 1]",
         "response.claimsOverrideDetails.claimsToSuppress[1]: expected a string, found a number"),
        RefusalCase(.preTokenGenerationV1, "response.claimsOverrideDetails", "[]", "response.claimsOverrideDetails: expected an object, found an array"),
        RefusalCase(.preSignUp, "request.userAttributes", "null", "request.userAttributes: expected a map of strings, found null"),
        RefusalCase(.preSignUp, "response.myOwnKey", "[1, 2", "response.myOwnKey: \"[1, 2\" starts like JSON but is not JSON (line 1, column 6: expected ',' or ']' after an array element, found the end of the text); fix it, or quote it as a string"),
        RefusalCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.tier", "\"gold",
         "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.tier: \"\\\"gold\" starts with a quote but is not a JSON string; close the quotes or leave them out"),
        RefusalCase(.customMessage, "response.smsMessage", "\"Your code", "response.smsMessage: \"\\\"Your code\" starts with a quote but is not a JSON string; close the quotes or leave them out"),
        RefusalCase(.preSignUp, "response.autoConfirmUser", String(repeating: "[", count: 600),
         "response.autoConfirmUser: the value (600 bytes) nests deeper than 512 levels, the limit of a JSON document here; no Cognito field needs that"),
    ])
    func refused(_ c: RefusalCase) throws {
        let (trigger, field, text, message) = (c.trigger, c.field, c.text, c.message)
        let path = try FieldAssignment.parsePath(field)
        #expect(throws: EditError.self) { try EventEditing.parseValue(text, at: path, in: trigger) }
        do {
            _ = try FieldAssignment.parse("\(field)=\(text)", in: trigger)
            Issue.record("accepted")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("What the catalogue expects: field specs, map and list entries, claim values, unknown paths")
    func expectations() {
        let status = EventEditing.expectation(at: ["response", "finalUserStatus"], in: .userMigration)
        #expect(status.type == .enumeration && status.allowedValues == ["CONFIRMED", "RESET_REQUIRED"] && status.allowsNull && status.isKnown)
        let entry = EventEditing.expectation(at: ["request", "userAttributes", "email"], in: .preSignUp)
        #expect(entry.type == .string && !entry.allowsNull && entry.section == .request && entry.isKnown)
        let claim = EventEditing.expectation(at: ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride", "a", "b"], in: .preTokenGenerationV2)
        #expect(claim.type == .any && claim.isKnown)
        let unknown = EventEditing.expectation(at: ["response", "nothing"], in: .preSignUp)
        #expect(unknown.type == .any && !unknown.isKnown && unknown.section == .response)
        #expect(EventEditing.expectation(at: ["other"], in: .preSignUp).section == nil)
        let noTrigger = EventEditing.expectation(at: ["region"], in: nil)
        #expect(noTrigger.type == .string && noTrigger.section == .common)
        // A key that looks like an index is not an array element.
        #expect(Catalogue.field(at: ["request", "session", "0"], in: .defineAuthChallenge) == nil)
        #expect(Catalogue.field(at: ["request", "session", 0], in: .defineAuthChallenge)?.type == .object)
    }

    // MARK: Arguments

    @Test("FIELD=VALUE splits at the first = outside a quoted key", arguments: [
        ("response.a=1", "response.a", "1"),
        ("response.a=b=c", "response.a", "b=c"),
        ("response.userAttributes[\"x=y\"]=z", "response.userAttributes[\"x=y\"]", "z"),
        ("response.m[\"a\\\"=\"]=1", "response.m[\"a\\\"=\"]", "1"),
        ("response.a=", "response.a", ""),
    ])
    func split(argument: String, field: String, value: String) throws {
        let parts = try #require(FieldAssignment.split(argument))
        #expect(parts.0 == field)
        #expect(parts.1 == value)
    }

    @Test("Malformed arguments and paths are refused", arguments: [
        ("response.autoConfirmUser", "\"response.autoConfirmUser\" is not FIELD=VALUE (for example response.autoConfirmUser=true)"),
        ("response..x=1", "\"response..x\" is not a field path; write keys with dots and indexes in brackets, and quote keys that are not plain words as JSON strings: response.claimsOverrideDetails.claimsToSuppress[0], request.userAttributes[\"custom:tier\"] or .request.userAttributes.\"custom:tier\""),
        ("=1", "\"\" is not a field path; write keys with dots and indexes in brackets, and quote keys that are not plain words as JSON strings: response.claimsOverrideDetails.claimsToSuppress[0], request.userAttributes[\"custom:tier\"] or .request.userAttributes.\"custom:tier\""),
        ("response[x]=1", "\"response[x]\" is not a field path; write keys with dots and indexes in brackets, and quote keys that are not plain words as JSON strings: response.claimsOverrideDetails.claimsToSuppress[0], request.userAttributes[\"custom:tier\"] or .request.userAttributes.\"custom:tier\""),
        // A quote inside a plain key: refused, never a key with quotes in its name.
        ("response.a\"b\"c=1", "\"response.a\\\"b\\\"c\" is not a field path; write keys with dots and indexes in brackets, and quote keys that are not plain words as JSON strings: response.claimsOverrideDetails.claimsToSuppress[0], request.userAttributes[\"custom:tier\"] or .request.userAttributes.\"custom:tier\""),
        ("response.\"cognito:groups=1", "\"response.\\\"cognito:groups=1\" is not FIELD=VALUE (for example response.autoConfirmUser=true)"),
    ])
    func malformed(argument: String, message: String) {
        do {
            _ = try FieldAssignment.parse(argument, in: .preSignUp)
            Issue.record("accepted")
        } catch {
            #expect(error.description == message)
        }
    }

    // MARK: Applying

    @Test("Edits change the text only at the fields, creating objects where null was")
    func applyEdits() throws {
        var event = try TriggerEvent(text: Self.tokenV1)
        let changes = try EventEditing.apply([
            FieldAssignment.parse("response.claimsOverrideDetails.claimsToSuppress=[\"email\"]", in: .preTokenGenerationV1),
            FieldAssignment.parse("response.claimsOverrideDetails.claimsToAddOrOverride={\"tier\":\"gold\"}", in: .preTokenGenerationV1),
        ], to: &event)
        #expect(event.document.text == (try Wrap.replacing(Self.tokenV1, "\"claimsOverrideDetails\": null", """
            "claimsOverrideDetails": {
                  "claimsToSuppress": [
                    "email"
                  ],
                  "claimsToAddOrOverride": {
                    "tier": "gold"
                  }
                }
            """)))
        #expect(changes.map(\.description) == [
            "response.claimsOverrideDetails.claimsToSuppress: (absent) -> [\"email\"]",
            "response.claimsOverrideDetails.claimsToAddOrOverride: (absent) -> {\"tier\":\"gold\"}",
        ])
    }

    @Test("Setting, replacing and removing report old and new values")
    func changeLines() throws {
        var event = try TriggerEvent(text: Self.migration)
        let changes = try EventEditing.apply([
            FieldAssignment(path: ["response", "finalUserStatus"], value: "CONFIRMED"),
            FieldAssignment(path: ["response", "finalUserStatus"], value: "RESET_REQUIRED"),
            FieldAssignment(path: ["response", "messageAction"], value: nil),
            FieldAssignment(path: ["response", "nothing"], value: nil),
            FieldAssignment(path: ["response", "enableSMSMFA"], value: .null),
        ], to: &event)
        #expect(changes.map(\.description) == [
            "response.finalUserStatus: null -> \"CONFIRMED\"",
            "response.finalUserStatus: \"CONFIRMED\" -> \"RESET_REQUIRED\"",
            "response.messageAction: null -> (removed)",
            "response.nothing: (absent), nothing to remove",
            "response.enableSMSMFA: null (unchanged)",
        ])
        var expected = try Wrap.replacing(Self.migration, "\"finalUserStatus\": null", "\"finalUserStatus\": \"RESET_REQUIRED\"")
        expected = try Wrap.replacing(expected, "    \"messageAction\": null,\n", "")
        #expect(event.document.text == expected)
    }

    @Test("A value equal to the current one keeps its spelling")
    func unchangedSpelling() throws {
        let text = try Wrap.replacing(Self.migration, "\"userAttributes\": null", "\"userAttributes\": {\"a\" :\"\\u0041\"}")
        var event = try TriggerEvent(text: text)
        _ = try EventEditing.apply([FieldAssignment(path: ["response", "userAttributes"], value: ["a": "A"])], to: &event)
        #expect(event.document.text == text)
    }

    @Test("Fields outside response are refused unless forced")
    func outsideResponse() throws {
        var event = try TriggerEvent(text: Self.migration)
        let edit = FieldAssignment(path: ["request", "password"], value: "other")
        do {
            _ = try EventEditing.apply([edit], to: &event)
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .outsideResponse)
            #expect(error.description == "request.password: is not a response field; request and common fields hold what Cognito sent, and a function's changes to them have no effect")
        }
        #expect(event.document.text == Self.migration)
        _ = try EventEditing.apply([edit], to: &event, force: true)
        #expect(event.document.text == (try Wrap.replacing(Self.migration, "\"hunter2\"", "\"other\"")))
    }

    @Test("Setting a response key the trigger does not have is refused unless forced; removing one is fine")
    func unknownResponseField() throws {
        var event = try TriggerEvent(text: Self.migration)
        let edit = FieldAssignment(path: ["response", "autoConfirmUser"], value: true)
        do {
            _ = try EventEditing.apply([edit], to: &event)
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .unknownField)
            #expect(error.description == "response.autoConfirmUser: is not a response field of Migrate user; Cognito would ignore it (use --force to set it anyway)")
        }
        #expect(event.document.text == Self.migration)
        _ = try EventEditing.apply([edit], to: &event, force: true)
        #expect(event.document.node(at: ["response", "autoConfirmUser"])?.boolValue == true)
        _ = try EventEditing.apply([FieldAssignment(path: ["response", "autoConfirmUser"], value: nil)], to: &event)
        #expect(event.document.text == Self.migration)
    }

    @Test("All or nothing: when one edit fails, none is made")
    func allOrNothing() throws {
        let text = try Wrap.replacing(Self.migration, "\"messageAction\": null", "\"messageAction\": \"SUPPRESS\"")
        var event = try TriggerEvent(text: text)
        do {
            _ = try EventEditing.apply([
                FieldAssignment(path: ["response", "forceAliasCreation"], value: true),
                FieldAssignment(path: ["response", "messageAction", "deeper"], value: true),
            ], to: &event)
            Issue.record("accepted")
        } catch {
            #expect(error.description == "response.messageAction.deeper: response.messageAction is a string, not an object; change or remove it first")
            guard case .cannotEdit = error.kind else {
                Issue.record("unexpected kind \(error.kind)")
                return
            }
        }
        #expect(event.document.text == text)
    }

    @Test("Change lines escape what they show")
    func escapedChanges() {
        let change = FieldChange(path: ["response", "smsMessage"], old: .null, new: "\u{1B}[2J{####}")
        #expect(change.description == "response.smsMessage: null -> \"\\u001b[2J{####}\"")
    }

    // MARK: Text for a prompt

    @Test("text(for:) gives text that parseValue reads back as the same value, plain where it can", arguments: [
        ValueCase(.userMigration, "response.finalUserStatus", "CONFIRMED", "CONFIRMED"),
        ValueCase(.customMessage, "response.emailSubject", "Hello there", "Hello there"),
        ValueCase(.customMessage, "response.emailSubject", "\"null\"", "null"),
        ValueCase(.customMessage, "response.emailSubject", "\"\\\"quoted\\\"\"", "\"quoted\""),
        ValueCase(.customMessage, "response.emailSubject", "\"[1]\"", "[1]"),
        ValueCase(.customMessage, "response.emailSubject", "42", "42"),
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.c", "gold", "gold"),
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.c", "\"42\"", "42"),
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.c", "\"true\"", "true"),
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.c", "\"{x\"", "{x"),
        ValueCase(.preTokenGenerationV2, "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.c", "42", 42),
        ValueCase(.preSignUp, "response.autoConfirmUser", "true", true),
    ])
    func promptText(_ c: ValueCase) throws {
        let path = try FieldAssignment.parsePath(c.field)
        let text = EventEditing.text(for: c.expected, at: path, in: c.trigger)
        #expect(text == c.text)
        #expect(try EventEditing.parseValue(text, at: path, in: c.trigger) == c.expected)
    }

    @Test("jq's quoted keys are keys, the same as brackets")
    func jqKeys() throws {
        let jq = try FieldAssignment.parse(#".response.userAttributes."custom:tier"=gold"#, in: .userMigration)
        let brackets = try FieldAssignment.parse(#"response.userAttributes["custom:tier"]=gold"#, in: .userMigration)
        #expect(jq == brackets)
        #expect(jq.path == ["response", "userAttributes", "custom:tier"])
        #expect(jq.value == "gold")
    }
}
