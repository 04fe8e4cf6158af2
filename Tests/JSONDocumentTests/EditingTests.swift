import Testing
import TestSupport
@testable import JSONDocument

/// Each case states the input, the edit, and the exact text that must result.
@Suite struct EditingTests {
    enum Edit: Sendable, CustomStringConvertible {
        case set(JSONPath, JSONValue, createMissing: Bool = false)
        case remove(JSONPath)
        case append(JSONPath, JSONValue)
        var description: String {
            switch self {
            case .set(let p, let v, let c): return "set \(p.dottedString) = \(v.compactText)\(c ? " (create)" : "")"
            case .remove(let p): return "remove \(p.dottedString)"
            case .append(let p, let v): return "append \(v.compactText) to \(p.dottedString)"
            }
        }
        func apply(to document: inout JSONDocument) throws(JSONEditError) {
            switch self {
            case .set(let p, let v, let c): try document.setValue(v, at: p, createMissing: c)
            case .remove(let p): try document.removeValue(at: p)
            case .append(let p, let v): try document.appendValue(v, to: p)
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let edit: Edit
        let output: String
        var testDescription: String { edit.description }
    }

    static let pretty = "{\n  \"a\": 1,\n  \"response\": {\n    \"flag\": false,\n    \"n\": 1.0e2\n  }\n}\n"

    static let cases: [Case] = [
        Case(input: pretty, edit: .set(["response", "flag"], true),
             output: "{\n  \"a\": 1,\n  \"response\": {\n    \"flag\": true,\n    \"n\": 1.0e2\n  }\n}\n"),
        Case(input: pretty, edit: .set(["response", "new"], "x"),
             output: "{\n  \"a\": 1,\n  \"response\": {\n    \"flag\": false,\n    \"n\": 1.0e2,\n    \"new\": \"x\"\n  }\n}\n"),
        Case(input: pretty, edit: .set(["response", "obj"], ["k": ["v1", 2]]),
             output: "{\n  \"a\": 1,\n  \"response\": {\n    \"flag\": false,\n    \"n\": 1.0e2,\n    \"obj\": {\n      \"k\": [\n        \"v1\",\n        2\n      ]\n    }\n  }\n}\n"),
        Case(input: pretty, edit: .remove(["response", "flag"]),
             output: "{\n  \"a\": 1,\n  \"response\": {\n    \"n\": 1.0e2\n  }\n}\n"),
        Case(input: pretty, edit: .remove(["response", "n"]),
             output: "{\n  \"a\": 1,\n  \"response\": {\n    \"flag\": false\n  }\n}\n"),
        Case(input: "{\n  \"r\": {\n    \"only\": 1\n  }\n}", edit: .remove(["r", "only"]),
             output: "{\n  \"r\": {}\n}"),
        Case(input: "{\n  \"r\": {}\n}", edit: .set(["r", "k"], true),
             output: "{\n  \"r\": {\n    \"k\": true\n  }\n}"),
        Case(input: "{\n  \"response\": {\n    \"claimsOverrideDetails\": null\n  }\n}",
             edit: .set(["response", "claimsOverrideDetails", "claimsToSuppress"], ["email"], createMissing: true),
             output: "{\n  \"response\": {\n    \"claimsOverrideDetails\": {\n      \"claimsToSuppress\": [\n        \"email\"\n      ]\n    }\n  }\n}"),
        Case(input: "{\n  \"response\": {}\n}",
             edit: .set(["response", "a", "b"], 1, createMissing: true),
             output: "{\n  \"response\": {\n    \"a\": {\n      \"b\": 1\n    }\n  }\n}"),
        Case(input: #"{"a":1,"response":{"x":[1,2]}}"#, edit: .set(["response", "y"], ["p": "q", "r": [true]]),
             output: #"{"a":1,"response":{"x":[1,2],"y":{"p":"q","r":[true]}}}"#),
        Case(input: #"{"a": 1, "response": {}}"#, edit: .set(["response", "y"], ["p": 1, "q": 2]),
             output: #"{"a": 1, "response": {"y": {"p": 1, "q": 2}}}"#),
        // One line and a final line break is still minified.
        Case(input: "{\"a\":1,\"response\":{\"x\":null}}\n", edit: .set(["response", "x"], ["p": 1]),
             output: "{\"a\":1,\"response\":{\"x\":{\"p\":1}}}\n"),
        Case(input: "{\"a\": 1, \"r\": {}}\r\n", edit: .set(["r", "k"], [true]),
             output: "{\"a\": 1, \"r\": {\"k\": [true]}}\r\n"),
        Case(input: #"{"list":[1,2,3]}"#, edit: .append(["list"], 4), output: #"{"list":[1,2,3,4]}"#),
        Case(input: #"{"list":[1,2,3]}"#, edit: .remove(["list", 1]), output: #"{"list":[1,3]}"#),
        Case(input: #"{"list":[1,2,3]}"#, edit: .remove(["list", 2]), output: #"{"list":[1,2]}"#),
        Case(input: "{\n  \"list\": []\n}", edit: .append(["list"], "a"), output: "{\n  \"list\": [\n    \"a\"\n  ]\n}"),
        Case(input: "{\r\n    \"a\": {\r\n        \"b\": 1\r\n    }\r\n}\r\n", edit: .set(["a", "c"], ["d": 2]),
             output: "{\r\n    \"a\": {\r\n        \"b\": 1,\r\n        \"c\": {\r\n            \"d\": 2\r\n        }\r\n    }\r\n}\r\n"),
        Case(input: "{\r\n    \"a\": {}\r\n}", edit: .set(["a", "c"], 1),
             output: "{\r\n    \"a\": {\r\n        \"c\": 1\r\n    }\r\n}"),
        Case(input: "{\"s\": \"old\"}", edit: .set(["s"], "新しい \u{1F600} \"q\""), output: "{\"s\": \"新しい \u{1F600} \\\"q\\\"\"}"),
        Case(input: "{\"a\": 1, \"a\": 2}", edit: .set(["a"], 3), output: "{\"a\": 1, \"a\": 3}"),
        Case(input: "{\"a\": 1, \"b\": 2, \"a\": 3}", edit: .remove(["a"]), output: "{\"a\": 1, \"b\": 2}"),
        Case(input: "[1]", edit: .set([], ["replaced": true]), output: "{\"replaced\":true}"),
    ]

    @Test("an edit changes only the bytes of what it edits", arguments: cases)
    func editProducesExactText(_ testCase: Case) throws {
        var document = try JSONDocument(text: testCase.input)
        try testCase.edit.apply(to: &document)
        #expect(document.text == testCase.output)
        // Undo restores the exact input, redo the exact output.
        do { let done = document.undo(); #expect(done) }
        #expect(document.text == testCase.input)
        do { let done = document.redo(); #expect(done) }
        #expect(document.text == testCase.output)
    }

    @Test func editsAfterABOMKeepIt() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\n  \"a\": {}\n}".utf8)
        var document = try JSONDocument(bytes: bytes)
        try document.setValue(true, at: ["a", "b"])
        #expect(document.bytes == [0xEF, 0xBB, 0xBF] + Array("{\n  \"a\": {\n    \"b\": true\n  }\n}".utf8))
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        let edit: Edit
        let message: String
        var testDescription: String { message }
    }

    static let failures: [Failure] = [
        Failure(edit: .set(["response", "x", "y"], 1), message: "response.x.y: response.x does not exist"),
        Failure(edit: .set(["a", "y"], 1, createMissing: true), message: "a.y: a is a number, not an object"),
        Failure(edit: .set(["list", 5], 1), message: "list[5]: index out of range (the array has 2 elements)"),
        Failure(edit: .remove(["list", 2]), message: "list[2]: index out of range (the array has 2 elements)"),
        Failure(edit: .remove(["nope"]), message: "nope: nope does not exist"),
        Failure(edit: .remove([]), message: "the root value cannot be removed"),
        Failure(edit: .append(["a"], 1), message: "a[0]: a is a number, not an array"),
        Failure(edit: .set(["list", "k"], 1), message: "list.k: list is an array, not an object"),
    ]

    @Test("failed edits leave the document unchanged and say why", arguments: failures)
    func failedEdits(_ failure: Failure) throws {
        let input = #"{"a": 1, "list": [1, 2], "response": {}}"#
        var document = try JSONDocument(text: input)
        let error = #expect(throws: JSONEditError.self) { try failure.edit.apply(to: &document) }
        #expect(error?.description == failure.message)
        #expect(document.text == input)
        #expect(!document.canUndo)
    }

    @Test func editsThatWouldExceedTheDepthLimitAreRefused() throws {
        var document = try JSONDocument(text: "[[1]]", maxDepth: 3)
        let deep: JSONValue = [[[1]]]
        let error = #expect(throws: JSONEditError.self) { try document.setValue(deep, at: [0, 0]) }
        #expect(error?.description == "[0][0]: the edited text would not parse: nesting deeper than 3 levels")
        #expect(document.text == "[[1]]")
    }

    @Test func undoAndRedoWalkTheHistory() throws {
        let input = "{\n  \"r\": {}\n}\n"
        var document = try JSONDocument(text: input)
        #expect(!document.hasUnsavedEdits)
        try document.setValue(true, at: ["r", "a"])
        let afterFirst = document.text
        try document.setValue("x", at: ["r", "b"])
        try document.setValue(false, at: ["r", "a"])
        #expect(document.hasUnsavedEdits)
        do { let done = document.undo(); #expect(done) }
        do { let done = document.undo(); #expect(done) }
        #expect(document.text == afterFirst)
        do { let done = document.undo(); #expect(done) }
        #expect(document.text == input)
        #expect(!document.hasUnsavedEdits)
        do { let done = document.undo(); #expect(!done) }
        do { let done = document.redo(); #expect(done) }
        #expect(document.text == afterFirst)
        // A new edit drops the redo history.
        try document.setValue(1, at: ["r", "c"])
        do { let done = document.redo(); #expect(!done) }
        document.markSaved()
        #expect(!document.hasUnsavedEdits)
        do { let done = document.undo(); #expect(done) }
        #expect(document.hasUnsavedEdits)
    }

    @Test func manyEditsStayLinear() throws {
        // 2,000 inserts into one object; a quadratic path would take minutes here.
        var document = try JSONDocument(text: "{\n  \"m\": {}\n}")
        for i in 0..<2_000 { try document.setValue(.number(JSONNumber(i)), at: ["m", .key("k\(i)")]) }
        #expect(document.node(at: ["m"])?.count == 2_000)
        #expect(document.node(at: ["m", "k1999"])?.numberValue?.int == 1_999)
    }

    @Test("an edit of a document nothing else shares patches its storage in place, whatever the edit",
          arguments: [Edit.set(["response", "flag"], true), .set(["response", "new"], "x"), .remove(["response", "n"]),
                      .append(["list"], 3)])
    func editsPatchInPlace(edit: Edit) throws {
        // Copying the storage of a large event costs tens of milliseconds, and drops what it keeps.
        var document = try JSONDocument(text: "{\"response\": {\"flag\": false, \"n\": 1}, \"list\": [1, 2]}")
        let storage = ObjectIdentifier(document.storage)
        try edit.apply(to: &document)
        #expect(ObjectIdentifier(document.storage) == storage)
    }
}

/// Replacing the whole text: how a recovery file is restored.
@Suite struct ReplaceTextTests {
    @Test func replacingTheTextIsOneUndoableEditKeepingEveryByte() throws {
        var document = try JSONDocument(text: "{\n  \"a\": 1\n}\n")
        let replacement = Array("\u{FEFF}{ \"a\" : 1.50, \"b\":[ true ,null ] }\r\n".utf8)
        try document.replaceText(with: replacement)
        #expect(document.bytes == replacement)
        #expect(document.hasUnsavedEdits)
        #expect(try document[["b", 0]] == true)
        let undone = document.undo()
        #expect(undone)
        #expect(document.text == "{\n  \"a\": 1\n}\n")
        #expect(!document.hasUnsavedEdits)
        let redone = document.redo()
        #expect(redone)
        #expect(document.bytes == replacement)
    }

    @Test("text that does not parse is refused and nothing changes", arguments: ["", "{\"a\": ", "[1] [2]", "\u{FEFF}", "{\"a\": 1,}"])
    func invalidTextIsRefused(text: String) throws {
        var document = try JSONDocument(text: "{\"a\": 1}")
        var refused = false
        do { try document.replaceText(with: Array(text.utf8)) } catch { refused = true }
        #expect(refused)
        #expect(document.text == "{\"a\": 1}")
        #expect(!document.hasUnsavedEdits)
    }

    @Test func textNestedDeeperThanTheLimitIsRefused() throws {
        var document = try JSONDocument(text: "[]")
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        var refused = false
        do { try document.replaceText(with: Array(deep.utf8)) } catch { refused = true }
        #expect(refused)
        #expect(document.text == "[]")
    }
}
