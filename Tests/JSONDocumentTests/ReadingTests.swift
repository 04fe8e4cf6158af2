import Foundation
import Testing
import TestSupport
@testable import JSONDocument

@Suite struct ReadingTests {
    static let event = """
    {
      "version": "1",
      "request": {
        "userAttributes": { "email": "zoe@example.com", "name": "Zo\\u00eb \\ud83d\\ude00", "email_verified": true },
        "session": [ { "challengeName": "SRP_A" }, { "challengeName": "CUSTOM_CHALLENGE", "challengeResult": false } ],
        "amount": 1.50,
        "big": 12345678901234567890123,
        "exp": -2E+3,
        "none": null
      }
    }
    """

    @Test func readsTypedValuesByPath() throws {
        let document = try JSONDocument(text: Self.event)
        #expect(document.node(at: ["request", "userAttributes", "email"])?.stringValue == "zoe@example.com")
        #expect(document.node(at: ["request", "userAttributes", "name"])?.stringValue == "Zoë 😀")
        #expect(document.node(at: ["request", "userAttributes", "email_verified"])?.boolValue == true)
        #expect(document.node(at: ["request", "session", 1, "challengeName"])?.stringValue == "CUSTOM_CHALLENGE")
        #expect(document.node(at: ["request", "session", 1, "challengeResult"])?.boolValue == false)
        #expect(document.node(at: ["request", "none"])?.isNull == true)
        #expect(document.node(at: ["request", "session", 2]) == nil)
        #expect(document.node(at: ["request", "missing"]) == nil)
        #expect(document.node(at: ["request", "session", "x"]) == nil)
        #expect(document[["request", "session", 0]] == ["challengeName": "SRP_A"])
    }

    @Test func numbersKeepTheirSpellingAndHaveViews() throws {
        let document = try JSONDocument(text: Self.event)
        let amount = try #require(document.node(at: ["request", "amount"])?.numberValue)
        #expect(amount.text == "1.50")
        #expect(amount.double == 1.5)
        #expect(amount.int == nil)
        #expect(amount.decimal == Decimal(string: "1.5"))
        let big = try #require(document.node(at: ["request", "big"])?.numberValue)
        #expect(big.text == "12345678901234567890123")
        #expect(big.int == nil)
        #expect(big.decimal == Decimal(string: "12345678901234567890123"))
        #expect(document.node(at: ["request", "exp"])?.numberValue?.double == -2000)
        #expect(document.node(at: ["version"])?.numberValue == nil)
        #expect(JSONNumber("01") == nil)
        #expect(JSONNumber("-0.5e-3")?.double == -0.0005)
    }

    @Test func objectsKeepFileOrderAndSpans() throws {
        let document = try JSONDocument(text: Self.event)
        let attributes = try #require(document.node(at: ["request", "userAttributes"]))
        #expect(attributes.members.map(\.key) == ["email", "name", "email_verified"])
        #expect(attributes.count == 3)
        #expect(attributes.kind == .object)
        let email = try #require(attributes["email"])
        #expect(email.rawText == "\"zoe@example.com\"")
        let bytes = document.bytes
        #expect(String(decoding: bytes[try #require(email.keySpan)], as: UTF8.self) == "\"email\"")
        #expect(String(decoding: bytes[email.span], as: UTF8.self) == "\"zoe@example.com\"")
    }

    @Test func duplicateKeysReadTheLastAndAreReported() throws {
        let document = try JSONDocument(text: #"{"a": 1, "b": {"x": 1, "x": 2, "y": 0, "x": 3}, "a": 4}"#)
        #expect(document.node(at: ["a"])?.numberValue?.int == 4)
        #expect(document.node(at: ["b", "x"])?.numberValue?.int == 3)
        #expect(document.node(at: ["b"])?.members.map(\.key) == ["x", "x", "y", "x"])
        let duplicates = document.duplicateKeys
        #expect(duplicates.map(\.path.dottedString) == ["a", "b.x"])
        #expect(duplicates[0].offsets == [1, 48])
        #expect(duplicates[1].offsets.count == 3)
    }

    @Test func escapedKeysMatchTheirDecodedForm() throws {
        let document = try JSONDocument(text: #"{"custom\u003atier": "gold", "a\"b": 1}"#)
        #expect(document.node(at: ["custom:tier"])?.stringValue == "gold")
        #expect(document.node(at: ["a\"b"])?.numberValue?.int == 1)
    }

    @Test func loneSurrogatesReadAsReplacementCharacter() throws {
        let document = try JSONDocument(text: #"["\ud800", "\udc00x", "\ud83d\ude00"]"#)
        #expect(document.root.elements.map { $0.stringValue } == ["\u{FFFD}", "\u{FFFD}x", "😀"])
    }

    @Test func byteOrderMarkIsAcceptedAndKept() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8)
        let document = try JSONDocument(bytes: bytes)
        #expect(document.hasByteOrderMark)
        #expect(document.bytes == bytes)
        #expect(document.node(at: ["a"])?.numberValue?.int == 1)
    }

    @Test func whitespaceStyleIsDetected() throws {
        #expect(try JSONDocument(text: "{\r\n    \"a\": 1\r\n}").whitespaceStyle == WhitespaceStyle(indentUnit: "    ", newline: "\r\n", colon: ": "))
        #expect(try JSONDocument(text: "{\n\t\"a\":1\n}").whitespaceStyle == WhitespaceStyle(indentUnit: "\t", newline: "\n", colon: ":"))
        #expect(try JSONDocument(text: #"{"a":1,"b":{}}"#).whitespaceStyle == WhitespaceStyle(indentUnit: nil, newline: "\n", colon: ":"))
        #expect(try JSONDocument(text: "[1]").whitespaceStyle.indentUnit == nil)
    }

    @Test func dottedPathsRoundTrip() throws {
        let path: JSONPath = ["request", "userAttributes", "custom:tier", "session", 3, "x.y"]
        #expect(path.dottedString == #"request.userAttributes["custom:tier"].session[3]["x.y"]"#)
        #expect(JSONPath(dotted: path.dottedString) == path)
        #expect(JSONPath(dotted: "response.autoConfirmUser") == ["response", "autoConfirmUser"])
        #expect(JSONPath(dotted: "a..b") == nil)
        #expect(JSONPath(dotted: "a[x]") == nil)
    }

    @Test("jq's spelling: a leading dot and quoted keys after a dot; a plain key never holds a quote", arguments: [
        (".response.autoConfirmUser", ["response", "autoConfirmUser"]),
        (#"."cognito:groups""#, ["cognito:groups"]),
        (#".response.claimsOverrideDetails."claims.x""#, ["response", "claimsOverrideDetails", "claims.x"]),
        (#"response."a\"b".c[0]"#, ["response", "a\"b", "c", 0]),
        (#"a."\u0041""#, ["a", "A"]),
        (".[2]", [2]),
        (".", []),
        (#"a"b"#, nil),
        (#"response.a"b".c"#, nil),
        (#"."unclosed"#, nil),
        (#"a."b"c"#, nil),
        (#"a"b".c"#, nil),
        ("..a", nil),
        (".a.", nil),
    ] as [(String, JSONPath?)])
    func jqPaths(text: String, expected: JSONPath?) {
        #expect(JSONPath(dotted: text) == expected)
    }

    @Test func valuesParseAndPrint() throws {
        let value = try JSONValue(parsing: #"{"b": [1, "two", true, null], "a": {}}"#)
        #expect(value.compactText == #"{"b":[1,"two",true,null],"a":{}}"#)
        #expect(value.prettyText() == "{\n  \"b\": [\n    1,\n    \"two\",\n    true,\n    null\n  ],\n  \"a\": {}\n}")
        #expect(JSONValue.string("a\"\\\n\u{1}").compactText == #""a\"\\\n\u0001""#)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "[1,]") }
    }
}
