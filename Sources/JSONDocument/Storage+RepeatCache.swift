/// The repeated string values of long arrays, kept so that checking a large event again after an
/// edit elsewhere does not hash every element of its lists of tens of thousands of values again.
///
/// The invariant: each entry's repeats are exactly what `JSONNode.findRepeatedStrings()` would
/// find in its array on the current tape, with their tape indexes as offsets from the array's.
/// `Storage.updateRepeatCache(_:nodeDelta:)` keeps it true through every patch: an entry whose
/// array's own elements were replaced is dropped (the next read finds the repeats again), since
/// what the replaced elements held is no longer known once the bytes are patched. A storage made
/// by parsing, or copied for an edit, starts with no entries. Guarded by `readCachesLock`.
struct RepeatCache {
    /// Shorter arrays are read each time: hashing a few hundred values costs little.
    static let minimumChildren = 1024
    /// How many arrays' answers are kept; when full, the one used longest ago makes room.
    static let capacity = 16
    /// An edit that replaces more elements than this (the old and the new counted) drops the
    /// array's answer instead of updating it: each value it touches costs a walk of the array.
    static let largestUpdate = 16

    /// One repeat: where it is, and the position of the first element with its value.
    struct Repeat: Equatable {
        /// The repeat's tape index minus its array's.
        var offset: UInt32
        /// The repeat's position among the array's elements.
        var position: UInt32
        /// The position of the first element with the same value.
        var earlier: UInt32
    }

    struct Entry {
        /// The array's tape index.
        var container: Int
        var repeats: [Repeat]
        /// The value of `uses` when the entry was last read or made.
        var lastUse: UInt64
    }

    var entries: [Entry] = []
    /// Counts reads and insertions, to tell which entry was used longest ago.
    var uses: UInt64 = 0
}

extension Storage {
    /// The kept repeats of the array at `container`, if they are kept.
    func keptRepeats(of container: Int) -> [RepeatCache.Repeat]? {
        readCachesLock.lock()
        defer { readCachesLock.unlock() }
        guard let position = repeatCache.entries.firstIndex(where: { $0.container == container }) else { return nil }
        repeatCache.uses += 1
        repeatCache.entries[position].lastUse = repeatCache.uses
        return repeatCache.entries[position].repeats
    }

    /// Keeps the repeats found in the array at `container`.
    func keep(_ repeats: [RepeatCache.Repeat], of container: Int) {
        readCachesLock.lock()
        defer { readCachesLock.unlock() }
        // Another thread may have kept the same answer meanwhile.
        guard !repeatCache.entries.contains(where: { $0.container == container }) else { return }
        if repeatCache.entries.count >= RepeatCache.capacity,
           let oldest = repeatCache.entries.indices.min(by: { repeatCache.entries[$0].lastUse < repeatCache.entries[$1].lastUse }) {
            repeatCache.entries.remove(at: oldest)
        }
        repeatCache.uses += 1
        repeatCache.entries.append(RepeatCache.Entry(container: container, repeats: repeats, lastUse: repeatCache.uses))
    }

    /// Brings the kept repeats up to date after `patch` replaced its run of the tape (the run is
    /// a run of whole direct children of the innermost enclosing container):
    /// - an array inside the old run is gone, and so is its entry;
    /// - the innermost enclosing array had a few elements replaced: its entry is brought up to
    ///   date by `updateRepeats(in:_:nodeDelta:)` (many replaced: dropped, found again when next
    ///   asked);
    /// - an array further out had the change strictly inside one of its elements, an object or
    ///   an array, so its strings keep their values and positions; those after the run move;
    /// - an array after the run moves with its elements, which keep their offsets;
    /// - any other array lies wholly before the run and is unchanged.
    func updateRepeatCache(_ patch: Patch, nodeDelta: Int) {
        readCachesLock.lock()
        defer { readCachesLock.unlock() }
        guard !repeatCache.entries.isEmpty else { return }
        let lower = patch.tapeRange.lowerBound, upper = patch.tapeRange.upperBound
        repeatCache.entries.removeAll { lower <= $0.container && $0.container < upper }
        if let last = patch.enclosing.last, let position = repeatCache.entries.firstIndex(where: { $0.container == last }) {
            if patch.oldChildren + patch.newChildren <= RepeatCache.largestUpdate {
                updateRepeats(in: &repeatCache.entries[position], patch, nodeDelta: nodeDelta)
            } else {
                repeatCache.entries.remove(at: position)
            }
        }
        for position in repeatCache.entries.indices {
            let container = repeatCache.entries[position].container
            if container == patch.enclosing.last { continue }
            if container >= upper {
                repeatCache.entries[position].container += nodeDelta
            } else if nodeDelta != 0, patch.enclosing.contains(container) {
                let moved = UInt32(bitPattern: Int32(truncatingIfNeeded: nodeDelta))
                for index in repeatCache.entries[position].repeats.indices
                where Int(repeatCache.entries[position].repeats[index].offset) >= upper - container {
                    repeatCache.entries[position].repeats[index].offset &+= moved
                }
            }
        }
    }
}

extension Storage {
    /// Updates the repeats kept for an array after `patch` replaced a run of its elements, and
    /// only those: the repeats of the values the old run held first, and of the values of the new
    /// run, are found again by a walk of the array that decodes only strings of a matching length;
    /// every other repeat keeps its first and only moves. (A value the old run held that was not
    /// the first of a repeat affects no other element; one that was is known from its repeats.)
    private func updateRepeats(in entry: inout RepeatCache.Entry, _ patch: Patch, nodeDelta: Int) {
        let container = entry.container
        let lower = patch.tapeRange.lowerBound, newUpper = lower + patch.nodes.count
        let oldUpperOffset = patch.tapeRange.upperBound - container
        // The position of the run's first element.
        var first = 0
        var child = container + 1
        while child < lower {
            child = Int(nodes[child].subtreeEnd)
            first += 1
        }
        let oldEnd = first + patch.oldChildren
        let positionDelta = patch.newChildren - patch.oldChildren
        // Values to find again: those whose first was replaced, then those of the new run.
        var affected: [String] = []
        var kept: [RepeatCache.Repeat] = []
        kept.reserveCapacity(entry.repeats.count)
        for var found in entry.repeats {
            let position = Int(found.position)
            if position >= first && position < oldEnd { continue }  // replaced
            if Int(found.offset) >= oldUpperOffset {
                found.offset = UInt32(truncatingIfNeeded: Int(found.offset) + nodeDelta)
                found.position = UInt32(truncatingIfNeeded: position + positionDelta)
            }
            let earlier = Int(found.earlier)
            if earlier >= first && earlier < oldEnd {
                if let value = JSONNode(storage: self, index: container + Int(found.offset)).stringValue, !affected.contains(value) {
                    affected.append(value)
                }
                continue
            }
            if earlier >= oldEnd { found.earlier = UInt32(truncatingIfNeeded: earlier + positionDelta) }
            kept.append(found)
        }
        child = lower
        while child < newUpper {
            if nodes[child].kind == .string, let value = JSONNode(storage: self, index: child).stringValue, !affected.contains(value) {
                affected.append(value)
            }
            child = Int(nodes[child].subtreeEnd)
        }
        guard !affected.isEmpty else {
            entry.repeats = kept
            return
        }
        // Every element of an affected value, found again (a value stored once, scalars never
        // holding the gap, has its written length between its quotes); the repeats kept above of
        // those elements are replaced by the ones found.
        var regrouped: [RepeatCache.Repeat] = []
        var dropped = Set<UInt32>()
        for value in affected {
            let length = value.utf8.count
            var firstOfValue: Int? = nil
            var position = 0
            child = container + 1
            let end = Int(nodes[container].subtreeEnd)
            while child < end {
                let raw = nodes[child]
                if raw.kind == .string, raw.hasEscapes || Int(raw.end) - Int(raw.start) - 2 == length,
                   JSONNode(storage: self, index: child).stringValue == value {
                    if let earlier = firstOfValue {
                        regrouped.append(RepeatCache.Repeat(offset: UInt32(truncatingIfNeeded: child - container),
                                                            position: UInt32(truncatingIfNeeded: position),
                                                            earlier: UInt32(truncatingIfNeeded: earlier)))
                    } else {
                        firstOfValue = position
                    }
                    dropped.insert(UInt32(truncatingIfNeeded: position))
                }
                child = Int(raw.subtreeEnd)
                position += 1
            }
        }
        kept.removeAll { dropped.contains($0.position) }
        kept += regrouped
        kept.sort { $0.position < $1.position }
        entry.repeats = kept
    }
}

/// A string element of an array whose decoded value an earlier string element already has.
public struct RepeatedElement: Sendable {
    /// The repeat's position in the array.
    public let position: Int
    /// The repeat itself.
    public let node: JSONNode
    /// The position of the first element with the same value.
    public let earlier: Int
}

extension JSONNode {
    /// The string elements of an array whose decoded value an earlier string element already
    /// has, in order, each with the position of the first; empty for anything but an array.
    /// The answer for a long array is kept, so asking again after an edit elsewhere does not
    /// read the array again.
    public func repeatedStrings() -> [RepeatedElement] {
        guard raw.kind == .array, count > 1 else { return [] }
        let repeats: [RepeatCache.Repeat]
        if count >= RepeatCache.minimumChildren {
            if let kept = storage.keptRepeats(of: index) {
                repeats = kept
            } else {
                repeats = findRepeatedStrings()
                storage.keep(repeats, of: index)
            }
        } else {
            repeats = findRepeatedStrings()
        }
        return repeats.map {
            RepeatedElement(position: Int($0.position), node: JSONNode(storage: storage, index: index + Int($0.offset)), earlier: Int($0.earlier))
        }
    }

    /// Reads the whole array for its repeated strings.
    ///
    /// By a hash of each value, not the value: on a list of 70,000 scopes a table of decoded
    /// strings took 8 MB at the explorer's peak. A value is decoded only when its hash was seen
    /// before, to compare it with the earlier one.
    func findRepeatedStrings() -> [RepeatCache.Repeat] {
        var repeats: [RepeatCache.Repeat] = []
        // The first element of each hash: its position in the high half, its offset in the low.
        var firstByHash: [Int: Int] = [:]
        var collided: [String: Int] = [:]  // values whose hash an earlier, other value has
        for (position, element) in children.enumerated() where element.kind == .string {
            let hash = Self.hashOfString(element)
            guard let candidate = firstByHash[hash] else {
                firstByHash[hash] = position << 32 | (element.index - index)
                continue
            }
            let value = element.stringValue ?? ""
            let earlier: Int
            if JSONNode(storage: storage, index: index + (candidate & 0xFFFF_FFFF)).stringValue == value {
                earlier = candidate >> 32
            } else if let other = collided[value] {
                earlier = other
            } else {
                collided[value] = position
                continue
            }
            repeats.append(RepeatCache.Repeat(offset: UInt32(truncatingIfNeeded: element.index - index),
                                              position: UInt32(truncatingIfNeeded: position),
                                              earlier: UInt32(truncatingIfNeeded: earlier)))
        }
        return repeats
    }

    /// A hash of a string node's decoded value, from its bytes as written when it has no escapes
    /// (they are then its UTF-8), so that most values are hashed without making a String.
    static func hashOfString(_ node: JSONNode) -> Int {
        var hasher = Hasher()
        let raw = node.rawBytes
        let inner = raw.dropFirst().dropLast()
        if inner.contains(UInt8(ascii: "\\")) {
            var value = node.stringValue ?? ""
            value.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        } else {
            inner.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        return hasher.finalize()
    }
}
