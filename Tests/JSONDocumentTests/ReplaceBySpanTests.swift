import Testing
@testable import JSONDocument

/// `replaceValue(spanning:with:)`: reaching a value by where it is, repeated keys included.
@Suite struct ReplaceBySpanTests {
    @Test func theFirstOfARepeatedKeyIsReachedAndOnlyItsBytesChange() throws {
        let text = "{\"a\": {\"k\": \"first\", \"k\": \"last\"}, \"b\": [1, \"x\"]}"
        var document = try JSONDocument(text: text)
        let first = try #require(document.node(at: ["a"])?.children.first { _ in true })
        #expect(first.stringValue == "first")
        try document.replaceValue(spanning: first.span, with: "changed")
        #expect(document.text == "{\"a\": {\"k\": \"changed\", \"k\": \"last\"}, \"b\": [1, \"x\"]}")
        // A reading by path still gives the last occurrence.
        #expect(document[["a", "k"]] == "last")
        let undone = document.undo()
        #expect(undone)
        #expect(document.text == text)
    }

    @Test func anArrayElementAndTheRootCanBeReplaced() throws {
        var document = try JSONDocument(text: "[1, {\"x\": \"y\"}]")
        let element = try #require(document.node(at: [1, "x"]))
        try document.replaceValue(spanning: element.span, with: .array(["z"]))
        #expect(document.text == "[1, {\"x\": [\"z\"]}]")
        try document.replaceValue(spanning: document.root.span, with: .null)
        #expect(document.text == "null")
    }

    @Test("a span that is not exactly one value is refused and nothing changes", arguments: [0..<1, 7..<10, 6..<16, 30..<31])
    func wrongSpan(_ span: Range<Int>) throws {
        let text = "{\"a\": \"value\", \"b\": 2}"
        var document = try JSONDocument(text: text)
        var refused = false
        do { try document.replaceValue(spanning: span, with: "x") } catch { refused = true }
        #expect(refused)
        #expect(document.text == text)
        #expect(!document.canUndo)
    }
}
