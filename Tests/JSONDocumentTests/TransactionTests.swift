import JSONDocument
import Testing

@Suite("Transactions: several edits as one")
struct TransactionTests {
    struct Stop: Error {}

    static let text = """
        {
          "a": 1,
          "b": {"c": [1, 2]},
          "d": "x"
        }
        """

    @Test("a failing transaction leaves bytes, undo, redo and the saved mark as they were")
    func rollback() throws {
        var document = try JSONDocument(text: Self.text)
        try document.setValue(.number(JSONNumber(2)), at: ["a"])
        try document.setValue(.string("y"), at: ["d"])
        _ = document.undo()  // one edit to redo, one to undo
        document.markSaved()
        let bytes = document.bytes
        #expect(throws: Stop.self) {
            try document.transaction { (document: inout JSONDocument) throws(Stop) in
                try? document.setValue(.bool(true), at: ["b", "c", 0])
                try? document.removeValue(at: ["a"])
                try? document.setValue(.null, at: ["new"])
                throw Stop()
            }
        }
        #expect(document.bytes == bytes)
        #expect(!document.hasUnsavedEdits)
        #expect(document.canRedo)
        let redone = document.redo()
        #expect(redone)
        #expect(document.text.contains("\"d\": \"y\""))
        let undone = document.undo() && document.undo()
        #expect(undone)
        #expect(document.bytes == Array(Self.text.utf8))
        let more = document.undo()
        #expect(!more)
    }

    @Test("a transaction that succeeds keeps every edit, each undoable")
    func commit() throws {
        var document = try JSONDocument(text: Self.text)
        let count = try document.transaction { (document: inout JSONDocument) throws(JSONEditError) -> Int in
            try document.setValue(.bool(false), at: ["b", "c", 1])
            try document.removeValue(at: ["d"])
            return 2
        }
        #expect(count == 2)
        #expect(document[["b", "c", 1]] == .bool(false))
        #expect(document[["d"]] == nil)
        let undone = document.undo() && document.undo()
        #expect(undone)
        #expect(document.bytes == Array(Self.text.utf8))
    }

    @Test("an edit error inside a transaction undoes the edits before it")
    func editErrorRollsBack() throws {
        var document = try JSONDocument(text: Self.text)
        #expect(throws: JSONEditError.self) {
            try document.transaction { (document: inout JSONDocument) throws(JSONEditError) in
                try document.setValue(.string("changed"), at: ["d"])
                try document.setValue(.null, at: ["b", "c", "nope"])
            }
        }
        #expect(document.bytes == Array(Self.text.utf8))
        #expect(!document.hasUnsavedEdits)
        #expect(!document.canUndo)
    }
}
