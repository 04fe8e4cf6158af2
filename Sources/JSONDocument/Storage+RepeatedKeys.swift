/// Which objects may hold a key twice, kept with the storage so that listing duplicate keys does
/// not look at every key of the document.
///
/// An object is listed when two of its keys have the same raw bytes, or when one of its keys is
/// written with escapes (two spellings can decode to the same key). The parser builds the list;
/// `apply(_:_:)` keeps it up to date, looking only at the nodes an edit replaced (and, when the edit
/// adds, removes or renames keys, at the object that holds them).
extension Storage {
    /// Brings the list up to date after `patch` replaced its run of the tape (when there is a list:
    /// one made later is made from the tape as it is then).
    func updatePossibleRepeats(_ patch: Patch, nodeDelta: Int) {
        guard var possibleRepeats = knownRepeats, let patchRepeats = patch.possibleRepeats else {
            knownRepeats = nil
            return
        }
        defer { knownRepeats = possibleRepeats }
        let lower = patch.tapeRange.lowerBound, upper = patch.tapeRange.upperBound
        // Objects before the run keep their index, those after it move; those of the old run are
        // replaced by those the parser found in the new one.
        var first = 0
        while first < possibleRepeats.count && possibleRepeats[first] < lower { first += 1 }
        var last = first
        while last < possibleRepeats.count && possibleRepeats[last] < upper { last += 1 }
        for index in last..<possibleRepeats.count { possibleRepeats[index] += nodeDelta }
        possibleRepeats.replaceSubrange(first..<last, with: patchRepeats)

        // The object holding the run needs a new look only when its keys changed: a value edit
        // leaves them as they were, so a large map is not scanned on every edit of one of its values.
        guard patch.keysChanged, let container = patch.enclosing.last, nodes[container].kind == .object else { return }
        var scanner = RepeatScanner()
        let mayRepeat = buffer.withUnsafeBufferPointer { bytes in
            nodes.withUnsafeBufferPointer { nodes in scanner.mayRepeatKeys(object: container, nodes: nodes, bytes: bytes) }
        }
        // The container lies before the run, so it is among the first `first` entries.
        var position = first
        while position > 0 && possibleRepeats[position - 1] >= container { position -= 1 }
        let listed = position < possibleRepeats.count && possibleRepeats[position] == container
        if mayRepeat && !listed {
            possibleRepeats.insert(container, at: position)
        } else if !mayRepeat && listed {
            possibleRepeats.remove(at: position)
        }
    }
}

/// Tells whether the keys of an object may repeat: a key is written with escapes, or two keys
/// have the same raw bytes.
///
/// Up to eight keys are compared pair by pair. More are hashed (64 bits of their raw bytes) and the
/// hashes checked for a repeat; equal hashes count as a possible repeat without comparing bytes:
/// for different keys that is as likely as a 64-bit collision, and would only make
/// `duplicateKeys` decode an object for nothing.
struct RepeatScanner {
    private var hashes: [UInt64] = []
    private var table: [UInt64] = []

    mutating func mayRepeatKeys(object: Int, nodes: UnsafeBufferPointer<RawNode>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = Int(nodes[object].childCount)
        let end = Int(nodes[object].subtreeEnd)
        if count < 2 { return false }
        if count <= 8 {
            // Keys of different lengths differ: compare pairs only when two lengths coincide.
            var lengths: UInt64 = 0, coincide = false
            var child = object + 1
            while child < end {
                let raw = nodes[child]
                if raw.keyHasEscapes { return true }
                let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: raw.keyEnd &- raw.keyStart)
                coincide = coincide || lengths & bit != 0
                lengths |= bit
                child = Int(raw.subtreeEnd)
            }
            if !coincide { return false }
            var first = object + 1
            while first < end {
                let a = nodes[first]
                var second = Int(a.subtreeEnd)
                while second < end {
                    let b = nodes[second]
                    if a.keyEnd &- a.keyStart == b.keyEnd &- b.keyStart && Self.sameBytes(bytes, a, b) { return true }
                    second = Int(b.subtreeEnd)
                }
                first = Int(a.subtreeEnd)
            }
            return false
        }
        // The hashes (and, for a few dozen keys, the table too) live on the stack when they fit.
        if count <= 64 {
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64 + 128) { buffer in
                guard let keys = Self.hashKeys(of: object, nodes, bytes, into: UnsafeMutableBufferPointer(rebasing: buffer[0..<64])) else { return true }
                return Self.hasRepeat(keys, table: UnsafeMutableBufferPointer(rebasing: buffer[64...]))
            }
        }
        if hashes.count < count { hashes = [UInt64](repeating: 0, count: count) }
        var keys = hashes
        hashes = []
        defer { hashes = keys }
        return keys.withUnsafeMutableBufferPointer { keys in
            guard let count = Self.hashKeys(of: object, nodes, bytes, into: keys)?.count else { return true }
            return hasRepeat(UnsafeMutableBufferPointer(rebasing: keys[0..<count]))
        }
    }

    /// The hashes of an object's keys, in `buffer`; nil when a key is written with escapes.
    private static func hashKeys(of object: Int, _ nodes: UnsafeBufferPointer<RawNode>, _ bytes: UnsafeBufferPointer<UInt8>,
                                 into buffer: UnsafeMutableBufferPointer<UInt64>) -> UnsafeBufferPointer<UInt64>? {
        var n = 0
        var child = object + 1
        let end = Int(nodes[object].subtreeEnd)
        while child < end {
            let raw = nodes[child]
            if raw.keyHasEscapes { return nil }
            buffer[n] = hash(bytes, start: Int(raw.keyStart) + 1, length: Int(raw.keyEnd) - Int(raw.keyStart) - 2)
            n += 1
            child = Int(raw.subtreeEnd)
        }
        return UnsafeBufferPointer(rebasing: buffer[0..<n])
    }

    private static func sameBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ a: RawNode, _ b: RawNode) -> Bool {
        let x = Int(a.keyStart), y = Int(b.keyStart)
        for k in 0..<(Int(a.keyEnd) - x) where bytes[x + k] != bytes[y + k] { return false }
        return true
    }

    /// Whether two of the hashes are equal; reorders them.
    private mutating func hasRepeat(_ hashes: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        let count = hashes.count
        if count <= 4096 { return Self.hasRepeat(UnsafeBufferPointer(hashes), table: &table) }
        // Many keys: split them by their top bits into parts of about 2,048, so that each part's
        // table stays in cache instead of each key landing on a cache miss. The parts are made
        // in place (each hash swapped into its part's next free place): a second array of every
        // hash was 3 MB of the peak memory of opening an event with 375,000 attributes.
        var bits = 1
        while count >> bits > 2048 { bits += 1 }
        let shift = UInt64(64 - bits)
        let partCount = 1 << bits
        var offsets = [Int](repeating: 0, count: partCount + 1)
        for hash in hashes { offsets[Int(hash >> shift) + 1] += 1 }
        for part in 0..<partCount { offsets[part + 1] += offsets[part] }
        var next = offsets
        for part in 0..<partCount {
            while next[part] < offsets[part + 1] {
                var hash = hashes[next[part]]
                var home = Int(hash >> shift)
                // Carry the hash to its part, taking the one there along, until one belongs here.
                while home != part {
                    swap(&hash, &hashes[next[home]])
                    next[home] += 1
                    home = Int(hash >> shift)
                }
                hashes[next[part]] = hash
                next[part] += 1
            }
        }
        var table = self.table
        self.table = []
        defer { self.table = table }
        for part in 0..<partCount where offsets[part + 1] - offsets[part] > 1 {
            let slice = UnsafeBufferPointer(rebasing: hashes[offsets[part]..<offsets[part + 1]])
            if Self.hasRepeat(slice, table: &table) { return true }
        }
        return false
    }

    private static func hasRepeat(_ hashes: UnsafeBufferPointer<UInt64>, table: inout [UInt64]) -> Bool {
        var size = 16
        while size < hashes.count * 2 { size <<= 1 }
        if table.count < size { table = [UInt64](repeating: 0, count: size) }
        return table.withUnsafeMutableBufferPointer { hasRepeat(hashes, table: $0) }
    }

    /// Whether two of the hashes are equal, with an open-addressing table of at least twice their
    /// count (a power of two).
    private static func hasRepeat(_ hashes: UnsafeBufferPointer<UInt64>, table: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        var size = 16
        while size < hashes.count * 2 { size <<= 1 }
        // Zero marks an empty slot; a hash of zero is stored as one (a false alarm at worst).
        table.baseAddress?.update(repeating: 0, count: size)
        let mask = size - 1
        for hash in hashes {
            let value = hash | (hash == 0 ? 1 : 0)
            var slot = Int(truncatingIfNeeded: value) & mask
            while table[slot] != 0 {
                if table[slot] == value { return true }
                slot = (slot + 1) & mask
            }
            table[slot] = value
        }
        return false
    }

    /// A 64-bit hash of `length` bytes at `start` (wyhash's way: whole words, multiply and fold).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> UInt64 {
        let seed: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: length)
        guard length > 0, let base = bytes.baseAddress else { return fold(seed) }
        let memory = UnsafeRawPointer(base)
        let end = start + length
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: memory.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        if length <= 8 {
            // The word that ends with the key, shifted so that only the key's bytes remain.
            var last: UInt64 = 0
            if end >= 8 {
                last = word(end - 8) &>> UInt64(truncatingIfNeeded: 64 - 8 * length)
            } else {
                for k in start..<end { last |= UInt64(bytes[k]) << UInt64(truncatingIfNeeded: 8 * (k - start)) }
            }
            return fold(last ^ seed)
        }
        // The first words, then the last eight bytes (which may overlap the word before).
        var hash = seed
        var k = start
        while k + 8 < end {
            hash = fold(hash ^ word(k))
            k += 8
        }
        return fold(fold(hash) ^ word(end - 8))
    }

    /// Multiplies by an odd constant to 128 bits and folds the halves together.
    @inline(__always)
    private static func fold(_ x: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
        return product.high ^ product.low
    }
}

extension Storage {
    /// False when the object at this tape index surely has no repeated key and no key written
    /// with escapes: a read by key can stop at its first match.
    func mayRepeatKeys(inObject index: Int) -> Bool {
        // Not known yet: say "may", rather than scan the whole document for one read.
        guard let possibleRepeats = listedRepeatsIfKnown else { return true }
        var low = 0, high = possibleRepeats.count
        while low < high {
            let middle = (low + high) / 2
            if possibleRepeats[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low < possibleRepeats.count && possibleRepeats[low] == index
    }
}

extension RepeatScanner {
    /// The objects of a tape whose keys may repeat, ascending.
    static func objectsThatMayRepeatKeys(nodes: [RawNode], bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var scanner = RepeatScanner()
        var repeats: [Int] = []
        nodes.withUnsafeBufferPointer { tape in
            for object in tape.indices where tape[object].kind == .object && tape[object].childCount > 1
                && scanner.mayRepeatKeys(object: object, nodes: tape, bytes: bytes) {
                repeats.append(object)
            }
        }
        return repeats
    }
}

extension Storage {
    /// The objects whose keys may repeat, made from the tape the first time they are asked for.
    /// Safe from any thread: the storage may be shared by then.
    var possibleRepeats: [Int] {
        readCachesLock.lock()
        defer { readCachesLock.unlock() }
        if let knownRepeats { return knownRepeats }
        let made = buffer.withUnsafeBufferPointer { RepeatScanner.objectsThatMayRepeatKeys(nodes: nodes, bytes: $0) }
        knownRepeats = made
        return made
    }

    /// The list if it has been made, without making it.
    var listedRepeatsIfKnown: [Int]? {
        readCachesLock.lock()
        defer { readCachesLock.unlock() }
        return knownRepeats
    }
}
