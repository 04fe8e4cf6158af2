import Foundation

/// The text is kept in a gap buffer, so that an edit costs what it changes, not what follows it.
///
/// `buffer` holds the text with a run of unused bytes, the gap, at `gapStart` (an offset in the
/// text, often the end of the last edit). An edit first moves the gap to where it starts, which
/// moves only the bytes between the old and the new place; then the bytes it removes join the gap
/// and the bytes it inserts fill the start of the gap. Editing the same place again (typing, undo,
/// redo) moves nothing; before, every edit of a 52 MB event moved the 17 MB after it.
///
/// The tape holds offsets in `buffer` (physical offsets), not in the text, so the nodes after the
/// gap do not change when the gap grows or shrinks either. A value or key never holds the gap (the
/// gap sits where edits start and end, which is always between tokens), so its bytes are read from
/// `buffer` directly; only a container can hold it. Offsets given out (spans, key spans) are text
/// offsets. The two conventions: a start offset at the gap lies after it, an end offset at the gap
/// lies before it (a node that ends where the gap starts keeps its end).
extension Storage {
    /// Where the gap ends in `buffer`.
    @inline(__always) var gapEnd: Int { gapStart + gapLength }

    /// The length of the text.
    @inline(__always) var count: Int { buffer.count - gapLength }

    /// The text offset of a start offset (of a value or a key) read from the tape.
    @inline(__always) func textStart(_ physical: UInt32) -> Int {
        let p = Int(physical)
        return p >= gapEnd ? p - gapLength : p
    }

    /// The text offset of an end offset (of a value or a key) read from the tape.
    @inline(__always) func textEnd(_ physical: UInt32) -> Int {
        let p = Int(physical)
        return p > gapStart ? p - gapLength : p
    }

    /// The tape offset of a text offset where something starts.
    @inline(__always) func physicalStart(_ offset: Int) -> Int { offset >= gapStart ? offset + gapLength : offset }

    /// The tape offset of a text offset where something ends.
    @inline(__always) func physicalEnd(_ offset: Int) -> Int { offset > gapStart ? offset + gapLength : offset }

    /// A node with text offsets instead of tape offsets.
    func textNode(_ index: Int) -> RawNode {
        var raw = nodes[index]
        guard gapLength > 0 else { return raw }
        raw.start = UInt32(truncatingIfNeeded: textStart(raw.start))
        raw.end = UInt32(truncatingIfNeeded: textEnd(raw.end))
        if raw.hasKey {
            raw.keyStart = UInt32(truncatingIfNeeded: textStart(raw.keyStart))
            raw.keyEnd = UInt32(truncatingIfNeeded: textEnd(raw.keyEnd))
        }
        return raw
    }

    /// The byte at a text offset.
    @inline(__always) func byte(at offset: Int) -> UInt8 { buffer[offset >= gapStart ? offset + gapLength : offset] }

    /// The text, without the gap: the buffer itself when there is no gap, else a copy.
    var text: [UInt8] {
        if gapLength == 0 { return buffer }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        out += buffer[..<gapStart]
        out += buffer[gapEnd...]
        return out
    }

    /// Appends the bytes of a range of the text.
    func append(_ range: Range<Int>, to out: inout [UInt8]) {
        if range.upperBound <= gapStart || gapLength == 0 {
            out += buffer[range]
        } else if range.lowerBound >= gapStart {
            out += buffer[(range.lowerBound + gapLength)..<(range.upperBound + gapLength)]
        } else {
            out += buffer[range.lowerBound..<gapStart]
            out += buffer[gapEnd..<(range.upperBound + gapLength)]
        }
    }

    /// The bytes of a range of the text.
    func bytes(in range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        append(range, to: &out)
        return out
    }

    /// The text as a collection, for reading it byte by byte without copying it.
    var textView: TextView { TextView(storage: self) }

    // MARK: Moving the gap

    /// The first tape index whose first offset (its key's, or its own) is at or after `physical`.
    private func firstNode(from physical: Int) -> Int {
        var low = 0, high = nodes.count
        nodes.withUnsafeBufferPointer { tape in
            while low < high {
                let middle = (low + high) / 2
                let raw = tape[middle]
                let first = Int(raw.hasKey ? raw.keyStart : raw.start)
                if first < physical { low = middle + 1 } else { high = middle }
            }
        }
        return low
    }

    /// Adds `shift` to every tape offset in a range of `buffer`: start offsets in `starts`, end
    /// offsets one further (an end offset is just past its last byte). The nodes that hold such
    /// offsets are those that start there (found by a binary search, the tape being in text order)
    /// and the containers in `enclosing` that hold the range's start (the only nodes that start
    /// before the range and end in it).
    private func shiftOffsets(_ starts: Range<Int>, by shift: Int, enclosing: [Int]) {
        guard shift != 0 else { return }
        let ends = (starts.lowerBound + 1)...starts.upperBound
        let d = UInt32(bitPattern: Int32(truncatingIfNeeded: shift))
        // One node before may have its key before the range and its value in it.
        let first = max(0, firstNode(from: starts.lowerBound) - 1)
        nodes.withUnsafeMutableBufferPointer { tape in
            var index = first
            while index < tape.count {
                let raw = tape[index]
                let first = Int(raw.hasKey ? raw.keyStart : raw.start)
                // A node that starts after the range ends after it too.
                if first >= starts.upperBound { break }
                if starts.contains(Int(raw.start)) { tape[index].start &+= d }
                if ends.contains(Int(raw.end)) { tape[index].end &+= d }
                if raw.hasKey {
                    if starts.contains(Int(raw.keyStart)) { tape[index].keyStart &+= d }
                    if ends.contains(Int(raw.keyEnd)) { tape[index].keyEnd &+= d }
                }
                index += 1
            }
            // The loop above saw the containers from `first` on.
            for container in enclosing where container < first && ends.contains(Int(tape[container].end)) {
                tape[container].end &+= d
            }
        }
    }

    /// Moves the gap to a text offset. `enclosing` are the containers that strictly hold that
    /// offset (the tape indexes of the edit's `Patch.enclosing`).
    func moveGap(to offset: Int, enclosing: [Int]) {
        defer { gapStart = offset }
        guard gapLength > 0, offset != gapStart else { return }
        if offset < gapStart {
            // The text between the offset and the gap moves to the end of the gap.
            let moved = gapStart - offset
            let (at, length) = (offset, gapLength)
            buffer.withUnsafeMutableBufferPointer { b in _ = memmove(b.baseAddress! + at + length, b.baseAddress! + at, moved) }
            shiftOffsets(offset..<gapStart, by: gapLength, enclosing: enclosing)
        } else {
            // The text between the gap and the offset moves to the start of the gap.
            let moved = offset - gapStart
            let from = gapEnd
            let to = gapStart
            buffer.withUnsafeMutableBufferPointer { b in _ = memmove(b.baseAddress! + to, b.baseAddress! + from, moved) }
            shiftOffsets(from..<(from + moved), by: -gapLength, enclosing: gapEnclosing)
        }
    }

    /// Makes the gap at least `needed` bytes long, moving the text after it (and the offsets there)
    /// once; the gap grows by a part of the text so that this happens rarely. The buffer's spare
    /// capacity is used when it is enough (no second buffer: a 52 MB event would need 104 MB).
    func growGap(toAtLeast needed: Int, enclosing: [Int]) {
        guard gapLength < needed else { return }
        let wanted = max(needed, 4096, count / 64)
        let spare = buffer.capacity - buffer.count
        let grown: Int
        if spare >= needed - gapLength {
            grown = min(spare, wanted - gapLength)
            let tail = buffer.count - gapEnd
            let from = gapEnd
            buffer.append(contentsOf: repeatElement(0, count: grown))
            buffer.withUnsafeMutableBufferPointer { b in _ = memmove(b.baseAddress! + from + grown, b.baseAddress! + from, tail) }
        } else {
            grown = wanted - gapLength
            let tail = buffer.count - gapEnd
            var larger = [UInt8](unsafeUninitializedCapacity: buffer.count + grown) { out, initialized in
                buffer.withUnsafeBufferPointer { b in
                    let base = out.baseAddress!
                    base.initialize(from: b.baseAddress!, count: gapStart)
                    (base + gapStart).initialize(repeating: 0, count: wanted)
                    (base + gapStart + wanted).initialize(from: b.baseAddress! + gapEnd, count: tail)
                }
                initialized = buffer.count + grown
            }
            swap(&buffer, &larger)
        }
        let oldEnd = gapEnd
        shiftOffsets(oldEnd..<Int.max, by: grown, enclosing: enclosing)
        gapLength += grown
    }

    /// Closes the gap (moves it to the end of the text and drops it), so that `text` is the buffer
    /// itself: for saving a large document without a copy of it.
    func closeGap() {
        guard gapLength > 0 else { return }
        moveGap(to: count, enclosing: [])
        buffer.removeLast(gapLength)
        gapLength = 0
        gapEnclosing = []
    }
}

/// The text of a storage, byte by byte, without the gap.
struct TextView: RandomAccessCollection {
    let storage: Storage
    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }
    subscript(position: Int) -> UInt8 { storage.byte(at: position) }
}
