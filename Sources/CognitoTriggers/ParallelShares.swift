import Foundation

/// Work over a list split into contiguous shares, one per worker on every core, with the results
/// in list order: how `check` and the explorer's file list read many files at once.
public enum ParallelShares {
    /// How many workers share `count` items so that each gets at least `minimumShare` (at least one
    /// worker, at most one per active core).
    public static func workers(for count: Int, minimumShare: Int) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumShare)))
    }

    /// The contiguous range of `0..<count` that worker `worker` of `workers` takes; the ranges of
    /// all workers cover every index once, in order.
    public static func share(_ worker: Int, of workers: Int, count: Int) -> Range<Int> {
        (count * worker / workers)..<(count * (worker + 1) / workers)
    }

    /// `work` applied to each worker's share of `0..<count`, the results in share order. One worker
    /// runs `work(0..<count)` on the calling thread.
    public static func map<Result: Sendable>(
        count: Int, minimumShare: Int, _ work: @Sendable (Range<Int>) -> Result
    ) -> [Result] {
        let workers = workers(for: count, minimumShare: minimumShare)
        guard workers > 1 else { return [work(0..<count)] }
        let slots = Slots<Result>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            slots.set(worker, work(share(worker, of: workers, count: count)))
        }
        return slots.values
    }

    /// The workers' results, each slot written once by its worker.
    private final class Slots<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Value?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        /// Every slot's value, in order (every worker has finished when this is read).
        var values: [Value] {
            lock.lock()
            defer { lock.unlock() }
            return slots.compactMap { $0 }
        }
    }
}
