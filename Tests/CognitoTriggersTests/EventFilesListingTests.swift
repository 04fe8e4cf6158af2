@testable import CognitoTriggers
import Foundation
import Testing
import TestSupport

/// Folder listings sort names by bytes when they are ASCII (fast) and as Swift orders strings
/// otherwise; the order users see must be the one they saw before that shortcut.
@Suite struct EventFilesListingTests {
    @Test("bytesPrecede orders byte arrays as lexicographicallyPrecedes does, prefixes and empty ones included")
    func byteOrder() {
        var random = SplitMix(seed: 7)
        let alphabet: [UInt8] = [0, 0x2E, 0x41, 0x61, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<3000 {
            let a = (0..<random.next(5)).map { _ in alphabet[random.next(alphabet.count)] }
            let b = (0..<random.next(5)).map { _ in alphabet[random.next(alphabet.count)] }
            #expect(EventFiles.bytesPrecede(a, b) == a.lexicographicallyPrecedes(b), "\(a) \(b)")
        }
    }

    @Test("files come in byte order; skipped entries in the order Swift gives their names, a decomposed é after f")
    func listingOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        for name in ["b.json", "a.json", "B.json", "é.json", "a b.json"] { _ = try folder.write(name, "{}") }
        // Named pipes are reported as skipped, in the order of the sorted listing: "e" + U+0301
        // sorts after "f" as a string (it is é) but before it as bytes.
        let decomposed = "e\u{301}.json"
        for name in ["f.json", decomposed, "C.json"] { #expect(mkfifo(folder.path + "/" + name, 0o600) == 0) }
        let (files, problems) = EventFiles.expand([folder.path])
        #expect(files.map { $0.split(separator: "/").last.map(String.init) ?? "" } == ["B.json", "a b.json", "a.json", "b.json", "é.json"])
        let skipped = problems.map { $0.path.split(separator: "/").last.map(String.init) ?? "" }
        #expect(skipped == ["C.json", "f.json", decomposed])
        #expect(problems.allSatisfy { $0.message.contains("named pipe") })
    }
}
