import JSONDocument
import Testing
@testable import CognitoTriggers

/// Validating a large event reads answers the document keeps for its long maps and lists (the
/// query cache of JSONDocument); after any edit, validation must report exactly what validating
/// a fresh parse of the same bytes reports.
@Suite("Validation after edits of a large event")
struct ValidationAfterEditsTests {
    /// Long enough for the document to keep answers about each map and list.
    static let size = 1500

    /// Members named `prefix0`... with string values, and now and then a number, a null or an object.
    static func members(_ prefix: String, special: [Int: String] = [:]) -> String {
        (0..<size).map { i in
            if let member = special[i] { return member }
            let value = i % 211 == 5 ? "\(i)" : i % 307 == 9 ? "null" : i % 401 == 13 ? #"{"n": 1}"# : "\"\(prefix)-\(i)\""
            return "\"\(prefix)\(i)\": \(value)"
        }.joined(separator: ",\n      ")
    }

    static let event = Wrap.event("TokenGeneration_Authentication", version: "2", """
          "request": {
            "userAttributes": {
              \(members("attr", special: [0: #""sub": "0a1b2c3d""#]))
            },
            "groupConfiguration": {"groupsToOverride": [], "iamRolesToOverride": [], "preferredRole": null},
            "scopes": [\((0..<size).map { "\"scope\($0)\"" }.joined(separator: ", "))],
            "clientMetadata": {
              \(members("meta"))
            }
          },
          "response": {
            "claimsAndScopeOverrideDetails": {
              "idTokenGeneration": {
                "claimsToAddOrOverride": {
                  \(members("claim", special: [7: #""iss": "x""#, 8: #""email_verified": [true]"#, 9: #""flag": true"#]))
                },
                "claimsToSuppress": ["claim3", "sub"]
              },
              "accessTokenGeneration": {
                "claimsToAddOrOverride": {
                  \(members("access", special: [100: #""scope": "x""#]))
                }
              }
            }
          }
        """)

    static let idClaims: JSONPath = ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride"]
    static let accessClaims: JSONPath = ["response", "claimsAndScopeOverrideDetails", "accessTokenGeneration", "claimsToAddOrOverride"]
    static let suppressed: JSONPath = ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToSuppress"]

    /// Edits a user might make, each followed by a validation.
    static let edits: [(String, @Sendable (inout JSONDocument) throws -> Void)] = [
        ("a claim flips", { try $0.setValue(.bool(false), at: idClaims + ["flag"]) }),
        ("a protected claim is added", { try $0.setValue(.string("y"), at: idClaims + ["sub"]) }),
        ("a scalar-only claim gets a list", { try $0.setValue(.array([.null]), at: idClaims + ["updated_at"]) }),
        ("a list claim becomes a string", { try $0.setValue(.string("true"), at: idClaims + ["email_verified"]) }),
        ("a protected claim is removed", { try $0.removeValue(at: idClaims + ["iss"]) }),
        ("a claim is suppressed", { try $0.appendValue(.string("claim40"), to: suppressed) }),
        ("a suppressed name changes", { try $0.setValue(.string("claim41"), at: suppressed + [0]) }),
        ("an access claim becomes protected", { try $0.setValue(.string("z"), at: accessClaims + ["client_id"]) }),
        ("an attribute becomes a number", { try $0.setValue(.number(JSONNumber(3)), at: ["request", "userAttributes", "attr50"]) }),
        ("a number attribute becomes a string", { try $0.setValue(.string("5"), at: ["request", "userAttributes", "attr5"]) }),
        ("metadata gets an object", { try $0.setValue(.object([.init("a", .null)]), at: ["request", "clientMetadata", "meta60"]) }),
        ("a scope becomes a number", { try $0.setValue(.number(JSONNumber(1)), at: ["request", "scopes", 10]) }),
        ("an attribute is added", { try $0.setValue(.bool(true), at: ["request", "userAttributes", "added"]) }),
        ("a value before the claims grows", { try $0.setValue(.object([.init("a", .array([.null, .null]))]), at: ["region"]) }),
    ]

    static func expectSameAsFreshParse(_ event: TriggerEvent, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Problem] {
        let problems = event.validate()
        let fresh = try TriggerEvent(bytes: event.document.bytes).validate()
        #expect(problems == fresh, "\(step)", sourceLocation: sourceLocation)
        return problems
    }

    @Test("each edit, undo and redo is followed by the problems a fresh parse has")
    func editsUndosAndRedos() throws {
        var event = try TriggerEvent(text: Self.event)
        let unedited = try Self.expectSameAsFreshParse(event, "unedited")
        #expect(unedited.contains { $0.message.contains("iss is a claim Cognito does not let the function change") })
        var seen: Set<Problem> = Set(unedited)
        for (name, edit) in Self.edits {
            try edit(&event.document)
            seen.formUnion(try Self.expectSameAsFreshParse(event, name))
        }
        // The edits changed what validation finds, so a stale answer would show.
        #expect(seen.count > unedited.count + 8)
        while event.document.undo() { _ = try Self.expectSameAsFreshParse(event, "undo") }
        #expect(event.document.text == Self.event)
        while event.document.redo() { _ = try Self.expectSameAsFreshParse(event, "redo") }
    }
}
