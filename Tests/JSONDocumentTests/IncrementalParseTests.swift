import Testing
import TestSupport
@testable import JSONDocument

/// Edits re-parse only the members around the change; the tape must equal a fresh parse's.
@Suite struct IncrementalParseTests {
    static func expectSameAsFreshParse(_ document: JSONDocument, _ step: String) throws {
        let fresh = try Storage(bytes: document.bytes, maxDepth: document.maxDepth)
        let storage = document.storage
        // The tape's offsets point into the buffer, gap included; read as text offsets they must
        // be a fresh parse's.
        let tape = storage.nodes.indices.map { storage.textNode($0) }
        #expect(tape.count == fresh.nodes.count, "\(step): node count")
        if let first = zip(tape, fresh.nodes).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("\(step): node \(first) differs: \(tape[first]) vs \(fresh.nodes[first])")
        }
        #expect(document.storage.whitespaceStyle == fresh.whitespaceStyle, "\(step): whitespace style")
        #expect(document.storage.whitespaceStyleExtent == fresh.whitespaceStyleExtent, "\(step): where the whitespace style was read")
        #expect(document.storage.traits == fresh.traits, "\(step): node traits")
        expectGapInvariants(storage, step)
    }

    /// No value or key holds the gap, and the containers listed as holding it are those that do.
    static func expectGapInvariants(_ storage: Storage, _ step: String) {
        var straddling: [Int] = []
        var holding: [Int] = []
        for (index, raw) in storage.nodes.enumerated() {
            let text = storage.textNode(index)
            if raw.end - raw.start != text.end - text.start {
                if raw.kind == .object || raw.kind == .array { holding.append(index) } else { straddling.append(index) }
            }
            if raw.hasKey && raw.keyEnd - raw.keyStart != text.keyEnd - text.keyStart { straddling.append(index) }
        }
        #expect(straddling == [], "\(step): values or keys that hold the gap")
        if storage.gapLength > 0 {
            #expect(holding == storage.gapEnclosing, "\(step): containers that hold the gap")
        }
        #expect(storage.buffer.count == storage.count + storage.gapLength, "\(step): buffer size")
    }

    @Test("random edits, undos and redos of every fixture keep the tape equal to a fresh parse",
          arguments: Repository.validFixtures + ["fixtures/invalid/minified.json", "fixtures/invalid/crlf.json", "fixtures/invalid/bom.json"])
    func randomEdits(file: String) throws {
        let path = file.hasPrefix("/") ? file : Repository.root + "/" + file
        var document = try JSONDocument(bytes: Repository.bytes(of: path))
        var edits = RandomEdits(seedFrom: file)
        var changed = 0
        for step in 0..<60 {
            let edit = edits.next(in: document)
            let before = document.bytes
            edit.apply(to: &document)
            if document.bytes != before { changed += 1 }
            try Self.expectSameAsFreshParse(document, "\(file) step \(step): \(edit.description)")
        }
        #expect(changed >= 20, "\(file): most random edits change the text (\(changed) of 60 did)")
        while document.undo() {}
        #expect(document.bytes == Repository.bytes(of: path), "\(file): undoing every edit gives the original bytes")
    }

    @Test("the whitespace style follows edits that change it: a first line break, a first colon; and not others")
    func whitespaceStyleFollowsEdits() throws {
        let text = #"{"a":1,"b":{"c":[1,2]},"d":"x"}"#
        var document = try JSONDocument(text: text)
        #expect(document.whitespaceStyle.indentUnit == nil)
        // Far from the start, no line break: the style stays minified.
        try document.setValue(.string("y"), at: ["d"])
        try Self.expectSameAsFreshParse(document, "value edit")
        // A line break well after the first member makes the text indented.
        let afterB = try #require(document.node(at: ["b"])).span.upperBound
        try document.apply(Splice(range: afterB..<(afterB + 1), replacement: Array(",\n    ".utf8)), path: [])
        #expect(document.whitespaceStyle.indentUnit == "    ")
        try Self.expectSameAsFreshParse(document, "a first line break")
        // The first member's colon, at the start, decides how new members are written.
        try document.apply(Splice(range: 4..<5, replacement: Array(" : ".utf8)), path: [])
        #expect(document.whitespaceStyle.colon == " : ")
        try Self.expectSameAsFreshParse(document, "the first colon")
        while document.undo() { try Self.expectSameAsFreshParse(document, "undo") }
        #expect(document.text == text)
        #expect(document.whitespaceStyle.indentUnit == nil && document.whitespaceStyle.colon == ":")
    }

    @Test("an edit nested past the depth limit fails as a fresh parse would, and leaves the document unchanged")
    func tooDeep() throws {
        var document = try JSONDocument(text: #"{"a": {"b": [1, 2]}, "c": 3}"#, maxDepth: 4)
        let before = document.bytes
        var deep = JSONValue.array([])
        for _ in 0..<4 { deep = .array([deep]) }
        #expect(throws: JSONEditError.self) { try document.setValue(deep, at: ["a", "b", 0]) }
        #expect(document.bytes == before)
        try document.setValue(.array([.array([])]), at: ["c"])
        try Self.expectSameAsFreshParse(document, "shallow enough")
    }

    @Test("a copy of a document keeps its bytes when the original is edited in place")
    func copiesStayApart() throws {
        var document = try JSONDocument(text: #"{"a": 1, "b": [true]}"#)
        let copy = document
        let node = document.root
        try document.setValue(.number(JSONNumber(2)), at: ["a"])
        try document.setValue(.number(JSONNumber(3)), at: ["a"])
        #expect(copy.text == #"{"a": 1, "b": [true]}"#)
        #expect(node.rawText == #"{"a": 1, "b": [true]}"#)
        #expect(document.text == #"{"a": 3, "b": [true]}"#)
    }
}
