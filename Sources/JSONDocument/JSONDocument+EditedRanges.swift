extension JSONDocument {
    /// The byte ranges of the current text that the edits since the last load or `markSaved()`
    /// wrote, sorted and merged (an empty range marks where bytes were only removed); nil when
    /// the saved text is not below the current one on the undo stack (edits undone past a save,
    /// or a save of a text that undo cannot reach).
    ///
    /// Each undo entry records the new text's range and the bytes it replaced, so the ranges of
    /// earlier edits are carried forward through the later ones.
    public var editedRangesSinceSave: [Range<Int>]? {
        guard let saved = savedHeight, saved <= undoStack.count else { return nil }
        var ranges: [Range<Int>] = []
        for entry in undoStack[saved...] {
            let start = entry.range.lowerBound
            let oldEnd = start + entry.replacement.count
            let delta = entry.range.count - entry.replacement.count
            ranges = ranges.map { range in
                if range.upperBound <= start && range.lowerBound < start { return range }
                if range.lowerBound >= oldEnd && !(range.isEmpty && range.lowerBound == start) {
                    return (range.lowerBound + delta)..<(range.upperBound + delta)
                }
                // It meets the replaced bytes: it grows to cover the new text.
                let lower = min(range.lowerBound, start)
                let upper = max(range.upperBound <= oldEnd ? entry.range.upperBound : range.upperBound + delta, entry.range.upperBound)
                return lower..<upper
            }
            ranges.append(entry.range)
        }
        ranges.sort { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound < last.upperBound || (range.lowerBound == last.upperBound && (range.isEmpty || last.isEmpty)) {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// How many bytes at the start of the text no edit since the last load or `markSaved()` has
    /// changed: the saved text starts with them too. 0 when the saved text is not below the
    /// current one on the undo stack. (Each edit leaves the bytes before its start as they were.)
    public var unchangedPrefixSinceSave: Int {
        guard let saved = savedHeight, saved <= undoStack.count else { return 0 }
        return undoStack[saved...].reduce(storage.count) { min($0, $1.range.lowerBound) }
    }
}
