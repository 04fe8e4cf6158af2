extension JSONDocument {
    /// The byte ranges of the current text that differ from the text of the last load or
    /// `markSaved()`, sorted and merged (an empty range marks where bytes were only removed).
    ///
    /// The saved text may be behind the current one (edits since the save), ahead of it (the
    /// saved edits undone, to be redone), or on a branch that a new edit made after undoing past
    /// the save: the ranges are carried along the edits from the saved text to the current one,
    /// whichever way that goes. Each step records its new text's range and the bytes it replaced,
    /// so an earlier step's ranges are moved through the later ones.
    public var editedRangesSinceSave: [Range<Int>] {
        let current = undoStack.count
        var ranges: [Range<Int>]
        if savedHeight <= current {
            // Back from the saved text to where the current edits branched off, then forward by them.
            ranges = Self.carry([], through: savedDetour)
            ranges = Self.carry(ranges, through: undoStack[savedHeight...])
        } else {
            // The saved text is ahead: back from it along the redo stack to the current text.
            let ahead = redoStack.suffix(min(redoStack.count, savedHeight - current))
            ranges = Self.carry(Self.carry([], through: savedDetour), through: ahead)
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

    /// `ranges` of a text moved through `steps` that each turn it into the next text: a step's
    /// `range` is where its new bytes are in the text it makes, its `replacement` the bytes it
    /// took away (an undo entry read forward, or a redo entry read backward). The range each step
    /// wrote is added.
    private static func carry(_ ranges: [Range<Int>], through steps: some Sequence<Splice>) -> [Range<Int>] {
        var ranges = ranges
        for entry in steps {
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
        return ranges
    }

    /// How many bytes at the start of the text no edit since the last load or `markSaved()` has
    /// changed: the saved text starts with them too. 0 when the saved text is not below the
    /// current one on the undo stack (edits undone past a save: `editedRangesSinceSave` knows
    /// more, but a save can always write the whole text). Each edit leaves the bytes before its
    /// start as they were.
    public var unchangedPrefixSinceSave: Int {
        guard savedHeight <= undoStack.count, savedDetour.isEmpty else { return 0 }
        return undoStack[savedHeight...].reduce(storage.count) { min($0, $1.range.lowerBound) }
    }
}
