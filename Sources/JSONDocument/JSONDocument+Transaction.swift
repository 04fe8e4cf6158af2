extension JSONDocument {
    /// Runs several edits as one: when `body` throws, the edits it made are undone and the undo
    /// and redo history is put back as it was, so the document is exactly as before.
    ///
    /// The edits are made in place, so no copy of the document is needed to roll back: on a large
    /// document that copy costs more than the edits.
    public mutating func transaction<Result, Failure: Error>(
        _ body: (inout JSONDocument) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let height = undoStack.count
        let redo = redoStack
        let saved = (savedHeight, savedDetour)
        do {
            return try body(&self)
        } catch {
            while undoStack.count > height {
                guard undo() else { break }
            }
            // What the undos above put on the redo stack is not history the caller made.
            redoStack = redo
            (savedHeight, savedDetour) = saved
            throw error
        }
    }
}
