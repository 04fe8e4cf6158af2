import Testing
@testable import JSONDocument

/// `editedRangesSinceSave`: where the edits since the last save are in the current text.
@Suite struct EditedRangesTests {
    static let text = #"{"a": 1, "b": "two", "c": [true, false]}"#

    /// The text of each range, to compare with what the edits wrote.
    static func pieces(_ document: JSONDocument) -> [String]? {
        document.editedRangesSinceSave.map { String(decoding: document.bytes[$0], as: UTF8.self) }
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
        let ranges = document.editedRangesSinceSave
        #expect(ranges.count == 1 && ranges[0].isEmpty)
        let undone = document.undo()
        #expect(undone)
        #expect(Self.pieces(document) == [])
    }

    @Test("undone past the save, the undone edit's place differs from disk; redone, nothing does")
    func pastTheSave() throws {
        var document = try JSONDocument(text: Self.text)
        try document.setValue(.number(JSONNumber(2)), at: ["a"])
        document.markSaved()
        do { let done = document.undo(); #expect(done) }
        #expect(document.hasUnsavedEdits)
        #expect(Self.pieces(document) == ["1"], "the value on disk is 2: the 1 in the document differs")
        do { let done = document.redo(); #expect(done) }
        #expect(!document.hasUnsavedEdits)
        #expect(Self.pieces(document) == [])
    }

    @Test("undone past the save by several edits, each undone edit's place is marked where it is now")
    func severalPastTheSave() throws {
        var document = try JSONDocument(text: Self.text)
        try document.setValue(.string("three"), at: ["b"])
        try document.setValue(.number(JSONNumber(12345)), at: ["a"])
        try document.removeValue(at: ["c"])
        document.markSaved()
        let twice = document.undo() && document.undo()
        #expect(twice)
        // On disk: a 12345, b "three", no c. Here: a 1, b "three", c back.
        let ranges = document.editedRangesSinceSave
        let pieces = try #require(Self.pieces(document))
        #expect(pieces.first == "1")
        #expect(pieces.contains { $0.contains("[true, false]") }, "the restored c differs from disk: \(pieces)")
        #expect(!pieces.contains { $0.contains("three") }, "b is as on disk: \(pieces)")
        #expect(ranges.count == 2)
    }

    @Test("a new edit after undoing past the save keeps both places marked, through later undo and redo")
    func newEditAfterUndoingPastTheSave() throws {
        var document = try JSONDocument(text: Self.text)
        try document.setValue(.number(JSONNumber(2)), at: ["a"])
        document.markSaved()
        do { let done = document.undo(); #expect(done) }
        try document.setValue(.string("x"), at: ["b"])
        #expect(!document.canRedo, "the new edit dropped the redo of the saved edit")
        #expect(document.hasUnsavedEdits)
        #expect(Self.pieces(document) == ["1", "\"x\""])
        do { let done = document.undo(); #expect(done) }
        #expect(Self.pieces(document) == ["1"], "the new edit undone: a still differs from disk")
        #expect(document.hasUnsavedEdits)
        do { let done = document.redo(); #expect(done) }
        #expect(Self.pieces(document) == ["1", "\"x\""])
        document.markSaved()
        #expect(Self.pieces(document) == [] && !document.hasUnsavedEdits)
    }

    @Test("a transaction that fails leaves the way to the saved text as it was")
    func failedTransactionKeepsTheWay() throws {
        var document = try JSONDocument(text: Self.text)
        try document.setValue(.number(JSONNumber(2)), at: ["a"])
        document.markSaved()
        do { let done = document.undo(); #expect(done) }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try document.transaction { (document: inout JSONDocument) throws(Stop) in
                try? document.setValue(.string("x"), at: ["b"])
                throw Stop()
            }
        }
        #expect(document.canRedo)
        #expect(Self.pieces(document) == ["1"])
        let redone = document.redo()
        #expect(redone && !document.hasUnsavedEdits)
    }

    @Test("random edits, undos, redos and saves: every byte that differs from disk lies in the ranges", arguments: 1...40)
    func differsFromDiskOverRandomHistories(seed: UInt64) throws {
        var random = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ bound: Int) -> Int {
            random ^= random << 13; random ^= random >> 7; random ^= random << 17
            return Int(random % UInt64(bound))
        }
        var document = try JSONDocument(text: #"{"a": 1, "b": "two", "c": [true, false], "d": {"e": null}}"#)
        var disk = document.bytes
        let paths: [JSONPath] = [["a"], ["b"], ["c", 0], ["c"], ["d", "e"], ["d", "f"], ["g"]]
        for step in 0..<30 {
            switch next(6) {
            case 0, 1:
                let value: JSONValue = next(2) == 0 ? .number(JSONNumber(next(1000))) : .string(String(repeating: "z", count: next(12)))
                try? document.setValue(value, at: paths[next(paths.count)])
            case 2: try? document.removeValue(at: paths[next(paths.count)])
            case 3: document.undo()
            case 4: document.redo()
            default:
                document.markSaved()
                disk = document.bytes
            }
            let ranges = document.editedRangesSinceSave
            let now = document.bytes
            if now != disk {
                #expect(document.hasUnsavedEdits, "step \(step): the text differs from disk")
                // Outside the ranges' hull the text is the disk's: the same start and the same end.
                let low = ranges.map(\.lowerBound).min() ?? now.count
                let tail = now.count - (ranges.map(\.upperBound).max() ?? 0)
                let same = low + tail <= disk.count && now.prefix(low).elementsEqual(disk.prefix(low))
                    && now.suffix(tail).elementsEqual(disk.suffix(tail))
                #expect(same, "step \(step): bytes outside \(ranges) differ from disk:\n\(document.text)\n\(String(decoding: disk, as: UTF8.self))")
            } else if !document.hasUnsavedEdits {
                #expect(ranges.isEmpty, "step \(step): nothing differs, nothing is marked")
            }
            for range in ranges { #expect(range.upperBound <= document.bytes.count) }
        }
    }
}
