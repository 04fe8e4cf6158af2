import Testing
@testable import JSONDocument

/// The stored text has a gap at the last edit (Storage+Gap.swift); what the document gives out must
/// not show it: bytes, spans and reads are those of the text, wherever the gap is.
@Suite struct GapBufferTests {
    /// A document of `count` members, each an object with a few values, indented.
    static func records(_ count: Int) -> [UInt8] {
        var text = "{\n  \"records\": [\n"
        for k in 0..<count {
            text += "    {\"id\": \(k), \"name\": \"user-\(k)\", \"active\": \(k % 2 == 0), \"tags\": [\"a\", \"b\"]}"
            text += k + 1 < count ? ",\n" : "\n"
        }
        text += "  ],\n  \"end\": true\n}\n"
        return Array(text.utf8)
    }

    @Test("splices far apart move the gap both ways and grow it; bytes, tape and reads stay a fresh parse's",
          arguments: [0, 200_000])
    func splicesAnywhere(spareCapacity: Int) throws {
        var expected = Self.records(400)
        // With spare capacity (as a file read leaves) the gap grows inside the buffer, else into a new one.
        var original = expected
        original.reserveCapacity(original.count + spareCapacity)
        var document = try JSONDocument(bytes: original)
        original = []
        var random = RandomEdits(seed: 42)
        for step in 0..<300 {
            let record = random.below(400)
            let field = ["id", "name", "active", "tags"][random.below(4)]
            let node = try #require(document.node(at: ["records", .index(record), .key(field)]))
            // Now and then longer than any gap so far: the gap must grow.
            let replacement = random.replacementBytes()
            try document.apply(Splice(range: node.span, replacement: replacement), path: [])
            expected.replaceSubrange(node.span, with: replacement)
            let bytes = document.bytes
            // (Compared whole, but only the first difference is printed: the text is 40 KB.)
            #expect(bytes == expected, "step \(step): bytes differ from offset \(zip(bytes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(bytes.count, expected.count))")
            if step % 10 == 0 {
                try IncrementalParseTests.expectSameAsFreshParse(document, "step \(step)")
            }
            // The value just written reads back, and so does one far away.
            #expect(document.node(at: ["records", .index(record), .key(field)])?.rawText == String(decoding: replacement, as: UTF8.self))
            let other = random.below(400)
            let name = try #require(document.node(at: ["records", .index(other), "name"]))
            #expect(Array(expected[name.span]) == Array(name.rawText.utf8), "step \(step): a span is a text offset")
            #expect(Array(expected[name.span]) == Array(name.rawBytes), "step \(step): raw bytes")
            #expect(Array(expected[try #require(name.keySpan)]) == Array(try #require(name.rawKeyBytes)), "step \(step): raw key bytes")
            let container = try #require(document.node(at: ["records", .index(other)]))
            #expect(Array(expected[container.span]) == Array(container.rawBytes), "step \(step): a container's raw bytes")
            if step % 37 == 36 { document.closeGap() }
        }
        while document.undo() {}
        let same = document.bytes == Self.records(400)
        #expect(same, "undoing every edit gives the original bytes")
        try IncrementalParseTests.expectSameAsFreshParse(document, "after undoing everything")
    }

    @Test("closing the gap keeps the text; edits after it work and undo to the same bytes")
    func closingTheGap() throws {
        let original = Self.records(50)
        var document = try JSONDocument(bytes: original)
        try document.setValue(.string("somebody"), at: ["records", 10, "name"])
        try document.setValue(.bool(true), at: ["records", 3, "active"])
        #expect(document.storage.gapLength > 0)
        let before = document.bytes
        document.closeGap()
        #expect(document.storage.gapLength == 0)
        #expect(document.storage.buffer == before, "the buffer is the text itself")
        #expect(document.bytes == before)
        try IncrementalParseTests.expectSameAsFreshParse(document, "closed")
        try document.setValue(.number(JSONNumber(7)), at: ["records", 49, "id"])
        try IncrementalParseTests.expectSameAsFreshParse(document, "an edit after closing")
        while document.undo() {}
        #expect(document.bytes == original)
    }

    @Test("a copy of a document does not see the other's edits, wherever the gap is")
    func copiesStayApart() throws {
        var document = try JSONDocument(bytes: Self.records(100))
        try document.setValue(.string("first"), at: ["records", 50, "name"])
        let copy = document
        let copied = copy.bytes
        try document.setValue(.string("second"), at: ["records", 2, "name"])
        try document.setValue(.string("third"), at: ["records", 98, "name"])
        document.closeGap()
        #expect(copy.bytes == copied)
        #expect(copy[["records", 50, "name"]] == .string("first"))
        #expect(copy[["records", 2, "name"]] == .string("user-2"))
        #expect(copy[["records", 98, "name"]] == .string("user-98"))
        #expect(document[["records", 98, "name"]] == .string("third"))
        try IncrementalParseTests.expectSameAsFreshParse(copy, "the copy")
        try IncrementalParseTests.expectSameAsFreshParse(document, "the edited one")
    }

    @Test("positions after the gap are text positions: line and column, duplicate keys, search by span")
    func positionsAfterTheGap() throws {
        var document = try JSONDocument(text: "{\n  \"a\": \"x\",\n  \"b\": {\"k\": 1, \"k\": 2}\n}\n")
        try document.setValue(.string("a much longer value"), at: ["a"])
        let b = try #require(document.node(at: ["b"]))
        let text = document.bytes
        #expect(String(decoding: text[b.span], as: UTF8.self) == #"{"k": 1, "k": 2}"#)
        #expect(document.lineAndColumn(of: b.span.lowerBound) == (line: 3, column: 8))
        let duplicate = try #require(document.duplicateKeys.first)
        #expect(duplicate.offsets.map { text[$0] } == [0x22, 0x22])
        #expect(duplicate.offsets[0] == b.span.lowerBound + 1)
        #expect(b.rawText == #"{"k": 1, "k": 2}"#)
        #expect(document.root.rawText == String(decoding: text.dropLast(), as: UTF8.self))
    }
}
