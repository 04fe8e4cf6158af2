import Testing
@testable import JSONDocument

/// `editedRangesSinceSave`: where the edits since the last save are in the current text.
@Suite struct EditedRangesTests {
    static let text = #"{"a": 1, "b": "two", "c": [true, false]}"#

    /// The text of each range, to compare with what the edits wrote.
    static func pieces(_ document: JSONDocument) -> [String]? {
        document.editedRangesSinceSave.map { ranges in
            ranges.map { String(decoding: document.bytes[$0], as: UTF8.self) }
        }
    }

    @Test("a fresh document, and one saved after edits, has no edited range")
    func none() throws {
        var document = try JSONDocument(text: Self.text)
        #expect(Self.pieces(document) == [])
        try document.setValue(.number(JSONNumber(7)), at: ["a"])
        document.markSaved()
        #expect(Self.pieces(document) == [])
    }

    @Test("a value set is its new text; an earlier edit's range moves when a later one before it changes length")
    func shifted() throws {
        var document = try JSONDocument(text: Self.text)
        try document.setValue(.string("three"), at: ["b"])
        #expect(Self.pieces(document) == ["\"three\""])
        try document.setValue(.number(JSONNumber(12345)), at: ["a"])
        #expect(Self.pieces(document) == ["12345", "\"three\""])
    }

    @Test("edits that touch merge; an edit over an earlier one covers it")
    func merged() throws {
        var document = try JSONDocument(text: Self.text)
        try document.setValue(.bool(false), at: ["c", 0])
        try document.setValue(.array([.null]), at: ["c"])
        #expect(Self.pieces(document) == ["[null]"])
    }

    @Test("a removal leaves an empty range where the bytes were; undo back to the save leaves none")
    func removalAndUndo() throws {
        var document = try JSONDocument(text: Self.text)
        try document.removeValue(at: ["b"])
        let ranges = try #require(document.editedRangesSinceSave)
        #expect(ranges.count == 1 && ranges[0].isEmpty)
        let undone = document.undo()
        #expect(undone)
        #expect(Self.pieces(document) == [])
    }

    @Test("undone past the save, the ranges are unknown (nil), not wrongly empty")
    func pastTheSave() throws {
        var document = try JSONDocument(text: Self.text)
        try document.setValue(.number(JSONNumber(2)), at: ["a"])
        document.markSaved()
        let undone = document.undo()
        #expect(undone)
        #expect(document.hasUnsavedEdits)
        #expect(document.editedRangesSinceSave == nil)
    }
}
