import CognitoTriggers
import Foundation
import Testing

@Suite("ParallelShares")
struct ParallelSharesTests {
    @Test("the shares of any count cover every index once, in order, for every number of workers")
    func sharesCoverEveryIndex() {
        for count in [0, 1, 2, 7, 63, 64, 1000, 1001] {
            for workers in 1...9 {
                let ranges = (0..<workers).map { ParallelShares.share($0, of: workers, count: count) }
                #expect(Array(ranges.joined()) == Array(0..<count), "count \(count), workers \(workers)")
            }
        }
    }

    @Test("each worker gets at least the minimum share, one worker for short lists, never more than the cores")
    func workerCount() {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(ParallelShares.workers(for: 0, minimumShare: 64) == 1)
        #expect(ParallelShares.workers(for: 127, minimumShare: 64) == 1)
        #expect(ParallelShares.workers(for: 128, minimumShare: 64) == min(2, cores))
        #expect(ParallelShares.workers(for: 1_000_000, minimumShare: 16) == cores)
        #expect(ParallelShares.workers(for: 10, minimumShare: 0) == min(10, cores))
    }

    @Test("map returns one result per worker in list order, and the joined results are the whole list once")
    func mapKeepsOrder() {
        let items = Array(0..<10_000)
        let shares = ParallelShares.map(count: items.count, minimumShare: 16) { range in items[range].map { $0 * 2 } }
        #expect(shares.count == ParallelShares.workers(for: items.count, minimumShare: 16))
        #expect(shares.flatMap { $0 } == items.map { $0 * 2 })
        #expect(ParallelShares.map(count: 0, minimumShare: 16) { Array($0) } == [[]])
    }
}
