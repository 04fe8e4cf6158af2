/// Edits without re-parsing the whole document.
///
/// A splice that falls inside a container's brackets (every edit, undo and redo does, unless it
/// replaces the root) changes only some members or elements of that container. Those, with the
/// sibling on each side (so the separators around the change are checked too), are parsed again
/// as a list of their own; the new nodes replace the old ones on the tape, and the nodes after them
/// move by the change in length. When that list does not parse, the whole text is parsed instead,
/// so the error is the one a fresh parse reports.
extension Storage {
    /// The storage with a splice applied: patched in place when nothing else shares it, else copied.
    static func applying(_ splice: Splice, to storage: inout Storage, maxDepth: Int) throws(JSONParseError) {
        guard let patch = storage.patch(for: splice, maxDepth: maxDepth) else {
            var bytes = storage.text
            bytes.replaceSubrange(splice.range, with: splice.replacement)
            storage = try Storage(bytes: bytes, maxDepth: maxDepth)
            return
        }
        if isKnownUniquelyReferenced(&storage) {
            storage.apply(patch, splice)
        } else {
            let copy = Storage(copying: storage)
            storage = copy
            copy.apply(patch, splice)
        }
    }

    /// The nodes that replace a run of the tape, and where.
    struct Patch {
        /// Tape indexes of the container that holds the change, and of its ancestors.
        var enclosing: [Int]
        /// The replaced run of the tape.
        var tapeRange: Range<Int>
        /// The replacement nodes, with final offsets and tape indexes.
        var nodes: [RawNode]
        /// How many children of the innermost container the run held before, and holds now.
        var oldChildren: Int
        var newChildren: Int
        /// Objects of the new run whose keys may repeat, by final tape index.
        var possibleRepeats: [Int]?
        /// Whether the run's members have other keys than before (always false in an array).
        var keysChanged: Bool
    }

    /// Parses what a splice changes; nil when it must be parsed whole (it is not inside a
    /// container, or the changed part does not parse on its own). Works in text offsets.
    func patch(for splice: Splice, maxDepth: Int) -> Patch? {
        let lower = splice.range.lowerBound, upper = splice.range.upperBound
        guard !nodes.isEmpty, Self.isContainer(textNode(0)), Self.holds(textNode(0), lower, upper) else { return nil }
        let (enclosing, container) = innermostContainer(holding: lower, upper)
        let run = changedRun(of: container, around: lower, upper)
        let parent = textNode(container)
        let text = newText(of: run, in: parent, with: splice)
        let depth = enclosing.count - 1
        guard let parsed = try? Parser(maxDepth: maxDepth - depth).parse(text) else { return nil }
        let fresh = Self.placed(parsed, at: run.segmentStart - 1, firstTapeIndex: run.firstInRun)
        // Index 0 is the container around the run, which stands for the real one only in part.
        // Scanned only when the storage keeps a list to update.
        let repeats = listedRepeatsIfKnown == nil ? nil : text.withUnsafeBufferPointer {
            RepeatScanner.objectsThatMayRepeatKeys(nodes: parsed, bytes: $0)
        }.filter { $0 > 0 }.map { $0 - 1 + run.firstInRun }
        let keysChanged = repeats != nil && parent.kind == .object && !sameKeys(in: run.firstInRun..<run.runEnd, as: parsed, in: text)
        return Patch(enclosing: enclosing, tapeRange: run.firstInRun..<run.runEnd, nodes: fresh,
                     oldChildren: run.oldChildren, newChildren: Int(parsed[0].childCount),
                     possibleRepeats: repeats, keysChanged: keysChanged)
    }

    private static func isContainer(_ raw: RawNode) -> Bool { raw.kind == .object || raw.kind == .array }

    /// Whether a node's brackets hold the text from `lower` to `upper`, without touching them.
    private static func holds(_ raw: RawNode, _ lower: Int, _ upper: Int) -> Bool { Int(raw.start) < lower && upper < Int(raw.end) }

    /// The innermost container whose brackets hold the splice, and the tape indexes of it and
    /// its ancestors, outermost first. The root must hold it.
    private func innermostContainer(holding lower: Int, _ upper: Int) -> (enclosing: [Int], container: Int) {
        var enclosing: [Int] = []
        var container = 0
        while true {
            var child = container + 1
            var inner: Int? = nil
            while child < Int(nodes[container].subtreeEnd) {
                let raw = textNode(child)
                if Int(raw.start) >= upper { break }
                if Int(raw.end) > lower {
                    if Self.isContainer(raw) && Self.holds(raw, lower, upper) { inner = child }
                    break
                }
                child = Int(raw.subtreeEnd)
            }
            enclosing.append(container)
            guard let inner else { break }
            container = inner
        }
        return (enclosing, container)
    }

    /// The children of a container that a splice touches, with the sibling on each side.
    private struct ChangedRun {
        /// Tape indexes of the run: its first child, and the end of its last child's subtree.
        var firstInRun: Int
        var runEnd: Int
        /// How many children the run holds before the edit.
        var oldChildren: Int
        /// Text offsets of the run: from its first child's key (or the container's inside) to
        /// its last child's end (or the container's closing bracket).
        var segmentStart: Int
        var segmentEnd: Int
    }

    /// The children around the splice: the last one ending before it and the first one
    /// starting after it bound the run that is parsed again.
    private func changedRun(of container: Int, around lower: Int, _ upper: Int) -> ChangedRun {
        let parent = textNode(container)
        var before: Int? = nil, after: Int? = nil
        var firstInRun = container + 1
        var oldChildren = 0
        var child = container + 1
        while child < Int(parent.subtreeEnd) {
            let raw = textNode(child)
            let fullStart = raw.hasKey ? Int(raw.keyStart) : Int(raw.start)
            if Int(raw.end) <= lower {
                before = child
            } else if fullStart >= upper {
                after = child
                break
            }
            child = Int(raw.subtreeEnd)
        }
        if let before { firstInRun = before }
        // Count the children of the run: from `before` (or the first child) through `after` (or the last).
        let runEnd = after.map { Int(nodes[$0].subtreeEnd) } ?? Int(parent.subtreeEnd)
        child = firstInRun
        while child < runEnd {
            oldChildren += 1
            child = Int(nodes[child].subtreeEnd)
        }
        let segmentStart = before.map { let raw = textNode($0); return raw.hasKey ? Int(raw.keyStart) : Int(raw.start) } ?? Int(parent.start) + 1
        let segmentEnd = after.map { Int(textNode($0).end) } ?? Int(parent.end) - 1
        return ChangedRun(firstInRun: firstInRun, runEnd: runEnd, oldChildren: oldChildren,
                          segmentStart: segmentStart, segmentEnd: segmentEnd)
    }

    /// The run's new text, between the container's own brackets.
    private func newText(of run: ChangedRun, in parent: RawNode, with splice: Splice) -> [UInt8] {
        let lower = splice.range.lowerBound, upper = splice.range.upperBound
        let delta = splice.replacement.count - splice.range.count
        var text: [UInt8] = []
        text.reserveCapacity(run.segmentEnd - run.segmentStart + delta + 2)
        text.append(byte(at: Int(parent.start)))
        append(run.segmentStart..<lower, to: &text)
        text += splice.replacement
        append(upper..<run.segmentEnd, to: &text)
        text.append(byte(at: Int(parent.end) - 1))
        return text
    }

    /// The nodes of the parsed run, without the bracket pair around it: offsets in the run's
    /// text become offsets in the edited document (`shift` is where the text's opening bracket
    /// would stand, one byte before the run), and tape indexes follow the run's start.
    private static func placed(_ parsed: [RawNode], at shift: Int, firstTapeIndex firstInRun: Int) -> [RawNode] {
        var fresh: [RawNode] = []
        fresh.reserveCapacity(parsed.count - 1)
        for var raw in parsed.dropFirst() {
            raw.start = UInt32(truncatingIfNeeded: Int(raw.start) + shift)
            raw.end = UInt32(truncatingIfNeeded: Int(raw.end) + shift)
            if raw.hasKey {
                raw.keyStart = UInt32(truncatingIfNeeded: Int(raw.keyStart) + shift)
                raw.keyEnd = UInt32(truncatingIfNeeded: Int(raw.keyEnd) + shift)
            }
            raw.subtreeEnd = UInt32(truncatingIfNeeded: Int(raw.subtreeEnd) - 1 + firstInRun)
            fresh.append(raw)
        }
        return fresh
    }

    /// Whether the members of a run of the tape have, in order, the same raw keys as the members
    /// of `parsed[0]` (offsets into `text`).
    private func sameKeys(in run: Range<Int>, as parsed: [RawNode], in text: [UInt8]) -> Bool {
        var old = run.lowerBound, new = 1
        while old < run.upperBound && new < parsed.count {
            let a = nodes[old], b = parsed[new]
            // (A key never holds the gap: its tape offsets read the buffer directly.)
            guard buffer[Int(a.keyStart)..<Int(a.keyEnd)] == text[Int(b.keyStart)..<Int(b.keyEnd)] else { return false }
            old = Int(a.subtreeEnd)
            new = Int(b.subtreeEnd)
        }
        return old == run.upperBound && new == parsed.count
    }

    /// Applies a patch and its splice to this storage, which nothing else may share.
    ///
    /// The gap moves to the splice (see Storage+Gap.swift), takes the removed bytes and gives its
    /// first bytes to the new ones. The nodes after the run keep their tape offsets, and their
    /// tape indexes too unless the number of nodes changed: the edit costs what it changes.
    func apply(_ patch: Patch, _ splice: Splice) {
        let inserted = splice.replacement.count
        let nodeDelta = patch.nodes.count - patch.tapeRange.count
        moveGap(to: splice.range.lowerBound, enclosing: patch.enclosing)
        gapLength += splice.range.count
        growGap(toAtLeast: inserted, enclosing: patch.enclosing)
        let at = gapStart
        buffer.withUnsafeMutableBufferPointer { b in
            splice.replacement.withUnsafeBufferPointer { r in
                guard inserted > 0 else { return }
                (b.baseAddress! + at).update(from: r.baseAddress!, count: inserted)
            }
        }
        gapStart += inserted
        gapLength -= inserted
        gapEnclosing = patch.enclosing
        version = Storage.newVersion()

        // The new nodes, from text offsets to tape offsets.
        var fresh = patch.nodes
        if gapLength > 0 {
            for k in fresh.indices {
                fresh[k].start = UInt32(truncatingIfNeeded: physicalStart(Int(fresh[k].start)))
                fresh[k].end = UInt32(truncatingIfNeeded: physicalEnd(Int(fresh[k].end)))
                if fresh[k].hasKey {
                    fresh[k].keyStart = UInt32(truncatingIfNeeded: physicalStart(Int(fresh[k].keyStart)))
                    fresh[k].keyEnd = UInt32(truncatingIfNeeded: physicalEnd(Int(fresh[k].keyEnd)))
                }
            }
        }
        // (A run replaced by as many nodes is written over in place: nothing after it moves.)
        nodes.replaceSubrange(patch.tapeRange, with: fresh)
        traits.replaceSubrange(patch.tapeRange, with: NodeTraits.make(fresh))
        nodes.withUnsafeMutableBufferPointer { tape in
            for index in patch.enclosing {
                tape[index].subtreeEnd = UInt32(truncatingIfNeeded: Int(tape[index].subtreeEnd) + nodeDelta)
            }
            if let container = patch.enclosing.last {
                tape[container].childCount = UInt32(truncatingIfNeeded: Int(tape[container].childCount) - patch.oldChildren + patch.newChildren)
            }
            // The nodes after the run move by the change in the number of nodes.
            guard nodeDelta != 0 else { return }
            let n = UInt32(bitPattern: Int32(truncatingIfNeeded: nodeDelta))
            var index = patch.tapeRange.lowerBound + fresh.count
            while index < tape.count {
                tape[index].subtreeEnd &+= n
                index += 1
            }
        }
        updatePossibleRepeats(patch, nodeDelta: nodeDelta)
        updateQueryCache(patch, nodeDelta: nodeDelta)
        // The whitespace style is read from the start of the text (the first line break, the first member):
        // an edit after that, adding no line break, cannot change it, and a large minified
        // document is not searched for a line break on every edit.
        if splice.range.lowerBound <= whitespaceStyleExtent || splice.replacement.contains(0x0A) {
            let firstMember = nodes.firstIndex(where: { $0.hasKey }).map { textNode($0) }
            (whitespaceStyle, whitespaceStyleExtent) = WhitespaceStyle.detectWithExtent(in: textView, firstMember: firstMember)
        }
    }
}
