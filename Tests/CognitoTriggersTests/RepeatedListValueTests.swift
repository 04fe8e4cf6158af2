import JSONDocument
import Testing
@testable import CognitoTriggers

/// A value given twice in a list of the response that Cognito reads as a set gets a warning.
@Suite struct RepeatedListValueTests {
    /// A pre token generation V2 template with `value` set at `path` of the response.
    static func tokensV2(_ path: JSONPath, _ value: JSONValue) throws -> TriggerEvent {
        var document = try Templates.event(for: .tokenGenerationAuthentication, version: 2)
        try document.setValue(value, at: path, createMissing: true)
        return TriggerEvent(document: document)
    }

    static let suppress: JSONPath = ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToSuppress"]
    static let scopes: JSONPath = ["response", "claimsAndScopeOverrideDetails", "accessTokenGeneration", "scopesToAdd"]

    @Test("email twice in claimsToSuppress: a warning at the repeat, naming the first")
    func repeatedClaim() throws {
        let event = try Self.tokensV2(Self.suppress, .array([.string("email"), .string("phone_number"), .string("email")]))
        let problems = event.validate().filter { $0.path.starts(with: Self.suppress) }
        #expect(problems == [Problem(.warning, Self.suppress + [.index(2)],
                                     "\"email\" is already in claimsToSuppress at [0]; the repeat changes nothing",
                                     source: RuleSource.catalogue)])
    }

    @Test("a scope added three times gives two warnings; distinct values give none")
    func repeatedScope() throws {
        let event = try Self.tokensV2(Self.scopes, .array([.string("orders/read"), .string("orders/read"), .string("orders/read")]))
        #expect(event.validate().filter { $0.path.starts(with: Self.scopes) }.map(\.path) == [Self.scopes + [.index(1)], Self.scopes + [.index(2)]])
        let distinct = try Self.tokensV2(Self.scopes, .array([.string("orders/read"), .string("orders/write")]))
        #expect(distinct.validate().filter { $0.path.starts(with: Self.scopes) }.isEmpty)
    }

    @Test("values that are not strings are left to the type check; a long repeat is cut in the message")
    func oddValues() throws {
        let numbers = try Self.tokensV2(Self.suppress, .array([.number(JSONNumber(1)), .number(JSONNumber(1))]))
        #expect(!numbers.validate().contains { $0.message.contains("is already in") })
        let long = String(repeating: "x", count: 5_000)
        let event = try Self.tokensV2(Self.suppress, .array([.string(long), .string(long)]))
        let message = try #require(event.validate().first { $0.message.contains("is already in") }?.message)
        #expect(message.count < 200)
    }

    @Test("a value written with escapes repeats the same value written plainly; the warning names the first and shows the value decoded")
    func escapedRepeat() throws {
        var document = try Templates.event(for: .tokenGenerationAuthentication, version: 2)
        try document.setValue(.array([]), at: Self.scopes, createMissing: true)
        let text = document.text.replacingOccurrences(of: "\"scopesToAdd\": []", with: #""scopesToAdd": ["ab", "a\u0062", "ba", "a\/b", "a/b"]"#)
        let event = try TriggerEvent(text: text)
        let problems = event.validate().filter { $0.message.contains("is already in") }
        #expect(problems.map(\.path) == [Self.scopes + [.index(1)], Self.scopes + [.index(4)]])
        #expect(problems.first?.message == "\"ab\" is already in scopesToAdd at [0]; the repeat changes nothing")
        #expect(problems.last?.message == "\"a/b\" is already in scopesToAdd at [3]; the repeat changes nothing")
    }

    @Test("a long list: warnings exactly at the repeats, each naming its first occurrence")
    func longList() throws {
        var values: [JSONValue] = (0..<3_000).map { .string("reports-api/read.\($0)") }
        values[2_500] = .string("reports-api/read.17")
        values[2_999] = .string("reports-api/read.2998")
        values[1_000] = .string("reports-api/read.17")
        let event = try Self.tokensV2(Self.scopes, .array(values))
        let problems = event.validate().filter { $0.message.contains("is already in") }
        #expect(problems.map(\.path) == [Self.scopes + [.index(1_000)], Self.scopes + [.index(2_500)], Self.scopes + [.index(2_999)]])
        #expect(problems.map(\.message).allSatisfy { $0.contains("at [17]") || $0.contains("at [2998]") })
    }

    @Test("desiredDeliveryMediums of a migration: EMAIL twice")
    func repeatedMedium() throws {
        var document = try Templates.event(for: .userMigrationAuthentication, version: 1)
        try document.setValue(.array([.string("EMAIL"), .string("EMAIL")]), at: ["response", "desiredDeliveryMediums"], createMissing: true)
        let problems = TriggerEvent(document: document).validate()
        #expect(problems.contains { $0.path == ["response", "desiredDeliveryMediums", .index(1)] && $0.severity == .warning })
    }
}
