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

    @Test func severalValuesAreReplacedAsOneEditKeepingEverythingBetween() throws {
        let text = "{\n  \"k\": \"one\",\n  \"k\": \"two\" ,\n  \"n\": [1.50, \"three\"]\n}\n"
        var document = try JSONDocument(text: text)
        let members = document.root.members
        let three = try #require(document.node(at: ["n", 1]))
        try document.replaceValues([(three.span, "3"), (members[0].value.span, "1"), (members[1].value.span, .bool(true))])
        #expect(document.text == "{\n  \"k\": \"1\",\n  \"k\": true ,\n  \"n\": [1.50, \"3\"]\n}\n")
        #expect(document[["n", 1]] == "3")
        let undone = document.undo()
        #expect(undone && document.text == text)
        // Overlapping spans and a span that is no value change nothing.
        for spans in [[members[0].value.span, members[0].value.span], [members[0].value.span, 1..<2]] {
            var refused = false
            do { try document.replaceValues(spans.map { ($0, "x") }) } catch { refused = true }
            #expect(refused && document.text == text)
        }
    }
}
