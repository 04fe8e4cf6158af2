import Foundation
import Testing
import TestSupport
@testable import JSONDocument

@Suite struct RoundTripAndMutationTests {
    @Test("every valid fixture parses and serializes to identical bytes", arguments: Repository.validFixtures)
    func fixtureRoundTrip(_ path: String) throws {
        let bytes = Repository.bytes(of: path)
        let document = try JSONDocument(bytes: bytes)
        #expect(document.bytes == bytes)
    }

    @Test func thereAreFixtures() {
        #expect(Repository.validFixtures.count >= 40)
    }

    /// Deletes or duplicates bytes of each fixture (every position for small files, a sample of
    /// positions for large ones): the parser never crashes or hangs; it accepts or names a position.
    @Test("mutated fixtures parse or report a position", arguments: Repository.validFixtures)
    func mutations(_ path: String) throws {
        let bytes = Repository.bytes(of: path)
        var generator = SplitMix(seed: UInt64(bytes.count))
        let positions: [Int] = bytes.count <= 1_500
            ? Array(0..<bytes.count)
            : (0..<1_500).map { _ in Int(generator.next() % UInt64(bytes.count)) }
        var rejected = 0
        for position in positions {
            var deleted = bytes
            deleted.remove(at: position)
            var duplicated = bytes
            duplicated.insert(bytes[position], at: position)
            for mutant in [deleted, duplicated] {
                do {
                    let document = try JSONDocument(bytes: mutant)
                    #expect(document.bytes == mutant)
                } catch {
                    rejected += 1
                    #expect(error.offset >= 0 && error.offset <= mutant.count)
                    #expect(error.line >= 1 && error.column >= 1)
                }
            }
        }
        #expect(rejected > 0)
    }
}
