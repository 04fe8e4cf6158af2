@_spi(Testing) import JSONDocument
import Testing

/// A `NodeReference` names a node in one version of a document without keeping its storage: it
/// resolves there, and to nil in any other version, never to another node.
@Suite("Node references")
struct NodeReferenceTests {
    static let text = """
        {"a": {"x": 1, "y": [true, "two"]}, "b": "text", "c": null}
        """

    @Test("a reference resolves to its node in the document it was taken from, and in an unchanged copy")
    func resolves() throws {
        let document = try JSONDocument(text: Self.text)
        let copy = document
        for path: JSONPath in [[], ["a"], ["a", "y", 1], ["b"], ["c"]] {
            let node = try #require(document.node(at: path))
            #expect(document.node(node.reference)?.span == node.span, "\(path.dottedString)")
            #expect(copy.node(node.reference)?.rawText == node.rawText)
        }
    }

    @Test("a reference holds no storage: editing the document after taking one patches it in place")
    func holdsNoStorage() throws {
        var document = try JSONDocument(text: Self.text)
        let before = document.storageIdentity
        let reference = try #require(document.node(at: ["b"])?.reference)
        try document.setValue(.string("changed"), at: ["c"])
        #expect(document.storageIdentity == before)
        _ = reference
    }

    @Test("after an edit, an undo or a redo, an old reference resolves to nil, even where its index still holds a node")
    func staleAfterEdits() throws {
        var document = try JSONDocument(text: Self.text)
        let b = try #require(document.node(at: ["b"])?.reference)
        // A value of the same length and kind: the tape keeps every index.
        try document.setValue(.string("TEXT"), at: ["b"])
        #expect(document.node(b) == nil)
        let edited = try #require(document.node(at: ["b"])?.reference)
        #expect(document.node(edited)?.stringValue == "TEXT")
        let undid = document.undo()
        #expect(undid)
        #expect(document.node(edited) == nil, "undone: another version")
        #expect(document.node(b) == nil, "a version equal to the first is still another one")
        let undone = try #require(document.node(at: ["b"])?.reference)
        let redid = document.redo()
        #expect(redid)
        #expect(document.node(undone) == nil)
        #expect(document.node(at: ["b"])?.stringValue == "TEXT")
    }

    @Test("a reference from one document resolves to nil in another, and in a copy once either is edited")
    func otherDocuments() throws {
        let first = try JSONDocument(text: Self.text)
        let second = try JSONDocument(text: Self.text)
        let reference = try #require(first.node(at: ["a", "x"])?.reference)
        #expect(second.node(reference) == nil, "the same text parsed again is another version")
        var copy = first
        try copy.setValue(.number(JSONNumber(2)), at: ["a", "x"])
        #expect(copy.node(reference) == nil, "the edited copy")
        #expect(first.node(reference)?.rawText == "1", "the original, unchanged, still resolves it")
    }

    @Test("a reference past the end of a shorter version resolves to nil")
    func pastTheEnd() throws {
        var document = try JSONDocument(text: Self.text)
        let last = try #require(document.node(at: ["c"])?.reference)
        try document.removeValue(at: ["a"])
        #expect(document.node(last) == nil)
        #expect(document.node(at: ["c"])?.isNull == true)
    }
}
