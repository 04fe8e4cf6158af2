/// A question about the direct children of a container: which of them are not of a kind, or which
/// have one of a set of keys.
enum ChildQuery: Equatable {
    case notOfKind(JSONKind)
    case keyIn(Set<String>)

    /// The test that answers the question for one child.
    var test: ChildTest {
        switch self {
        case .notOfKind(let kind): return ChildTest(notOfKind: kind)
        case .keyIn(let keys): return ChildTest(keyIn: keys)
        }
    }
}

/// The answers to child queries on long containers, kept so that checking a large event again
/// after a small edit does not walk its maps of hundreds of thousands of members again.
///
/// The invariant: each entry's offsets, added to its container's tape index, are exactly the tape
/// indexes that walking that container's direct children on the current tape would give for its
/// query, in ascending order. `Storage.updateQueryCache(_:nodeDelta:)` keeps it true through every
/// patch of the tape; a storage made by parsing, or copied for an edit, starts with no entries.
/// Entries of a container that fell below `minimumChildren` stay correct, just unused until it
/// grows again.
///
/// The storage guards it with `readCachesLock`: a shared storage may be read, and so fill this, from
/// several threads, and a lock of its own would cost every small document an allocation.
struct QueryCache {
    /// Containers with fewer children are walked each time: a walk of a 2 KB event costs less
    /// than the lock and the search for an answer.
    static let minimumChildren = 1024
    /// How many answers are kept; when full, the one used longest ago makes room.
    static let capacity = 32

    struct Entry {
        /// The container's tape index.
        var container: Int
        var query: ChildQuery
        /// The matching children's tape indexes minus the container's, ascending: when an edit
        /// before the container moves it, only `container` changes.
        var offsets: [UInt32]
        /// The value of `uses` when the entry was last read or made.
        var lastUse: UInt64
    }

    var entries: [Entry] = []
    /// Counts reads and insertions, to tell which entry was used longest ago.
    var uses: UInt64 = 0

    /// Whether an answer of `count` children, out of `children`, is worth keeping: a short one
    /// spares a walk of the whole container, while a long one costs its caller about as much
    /// as the walk (a node per child), and would hold memory in proportion to the tape.
    static func keeps(_ count: Int, of children: Int) -> Bool { count <= children / 8 }
}

extension Storage {
    /// The tape indexes of the direct children of a container that answer a query, ascending,
    /// from the cache when it has them; else walked, and kept when short enough.
    func keptAnswer(to query: ChildQuery, in container: Int) -> [Int] {
        if let offsets = cachedOffsets(of: container, answering: query) {
            return offsets.map { container + Int($0) }
        }
        // Walked outside the lock, so that other readers are not held up by a walk of a long map.
        var offsets: [UInt32] = []
        forEachChild(from: container + 1, to: Int(nodes[container].subtreeEnd), passing: query.test) {
            offsets.append(UInt32(truncatingIfNeeded: $0 - container))
            return true
        }
        if QueryCache.keeps(offsets.count, of: Int(nodes[container].childCount)) { keep(offsets, of: container, answering: query) }
        return offsets.map { container + Int($0) }
    }

    private func cachedOffsets(of container: Int, answering query: ChildQuery) -> [UInt32]? {
        readCachesLock.lock()
        defer { readCachesLock.unlock() }
        guard let position = queryCache.entries.firstIndex(where: { $0.container == container && $0.query == query }) else { return nil }
        queryCache.uses += 1
        queryCache.entries[position].lastUse = queryCache.uses
        return queryCache.entries[position].offsets
    }

    private func keep(_ offsets: [UInt32], of container: Int, answering query: ChildQuery) {
        readCachesLock.lock()
        defer { readCachesLock.unlock() }
        // Another thread may have kept the same answer meanwhile.
        guard !queryCache.entries.contains(where: { $0.container == container && $0.query == query }) else { return }
        if queryCache.entries.count >= QueryCache.capacity,
           let oldest = queryCache.entries.indices.min(by: { queryCache.entries[$0].lastUse < queryCache.entries[$1].lastUse }) {
            queryCache.entries.remove(at: oldest)
        }
        queryCache.uses += 1
        queryCache.entries.append(QueryCache.Entry(container: container, query: query, offsets: offsets, lastUse: queryCache.uses))
    }

    /// Brings the kept answers up to date after `patch` replaced its run of the tape; called once
    /// the bytes, tape and traits are all patched.
    ///
    /// The run is a run of whole direct children of the innermost enclosing container, so:
    /// - that container's answer loses the old run's children and gains the new run's matches
    ///   (an edit can change their kinds and keys), and its later children move by `nodeDelta`;
    /// - a container further out keeps its children's kinds and keys (the change is strictly
    ///   inside one of them); only those after the run move;
    /// - a container inside the old run is gone, and its answer with it;
    /// - a container after the run moves with its children, which keep their offsets;
    /// - any other container lies wholly before the run and is unchanged.
    func updateQueryCache(_ patch: Patch, nodeDelta: Int) {
        readCachesLock.lock()
        defer { readCachesLock.unlock() }
        guard !queryCache.entries.isEmpty else { return }
        let lower = patch.tapeRange.lowerBound, upper = patch.tapeRange.upperBound
        queryCache.entries.removeAll { lower <= $0.container && $0.container < upper }
        // In place, so that offsets are not copied before they are changed.
        for position in queryCache.entries.indices {
            let container = queryCache.entries[position].container
            if container >= upper {
                queryCache.entries[position].container += nodeDelta
            } else if container == patch.enclosing.last {
                let first = queryCache.entries[position].offsets.firstIndex(atLeast: lower - container)
                let last = queryCache.entries[position].offsets.firstIndex(atLeast: upper - container)
                var fresh: [UInt32] = []
                forEachChild(from: lower, to: lower + patch.nodes.count, passing: queryCache.entries[position].query.test) {
                    fresh.append(UInt32(truncatingIfNeeded: $0 - container))
                    return true
                }
                queryCache.entries[position].offsets.shift(from: last, by: nodeDelta)
                queryCache.entries[position].offsets.replaceSubrange(first..<last, with: fresh)
            } else if patch.enclosing.contains(container) {
                let after = queryCache.entries[position].offsets.firstIndex(atLeast: upper - container)
                queryCache.entries[position].offsets.shift(from: after, by: nodeDelta)
            }
        }
    }
}

extension [UInt32] {
    /// The position of the first offset at least `bound` (the offsets ascending), or `count`.
    fileprivate func firstIndex(atLeast bound: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if Int(self[middle]) < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Adds `delta` to the offsets from `position` on.
    fileprivate mutating func shift(from position: Int, by delta: Int) {
        guard delta != 0 else { return }
        let d = UInt32(bitPattern: Int32(truncatingIfNeeded: delta))
        for index in position..<count { self[index] &+= d }
    }
}
