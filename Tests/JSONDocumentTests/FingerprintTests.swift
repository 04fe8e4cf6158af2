import Foundation
@testable import JSONDocument
import Testing
import TestSupport

@Suite("Fingerprints of file contents")
struct FingerprintTests {
    @Test("the fingerprint depends on every byte and the length, not on how the bytes are read")
    func sensitivity() throws {
        var bytes = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let base = Fingerprint(bytes)
        #expect(base.count == 5000)
        #expect(Fingerprint(bytes) == base)
        // One changed byte anywhere, a byte more or less, trailing zeros: all differ.
        var seen: Set<Fingerprint> = [base]
        for index in [0, 1, 7, 8, 9, 2500, 4991, 4999] {
            var changed = bytes
            changed[index] ^= 0x20
            #expect(seen.insert(Fingerprint(changed)).inserted, "byte \(index)")
        }
        #expect(seen.insert(Fingerprint(Array(bytes.dropLast()))).inserted)
        #expect(seen.insert(Fingerprint(bytes + [0])).inserted)
        #expect(Fingerprint([]) != Fingerprint([0]))
        #expect(Fingerprint([0]) != Fingerprint([0, 0]))
        // From a file (read in pieces) it is the same as from memory, for lengths around the piece size.
        let folder = try TemporaryFolder()
        for length in [0, 1, 7, 8, 9, (1 << 20) - 1, 1 << 20, (1 << 20) + 3] {
            bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 ^ ($0 >> 8)) }
            let path = folder.path + "/f\(length)"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(try FileStore.fingerprint(of: path) == Fingerprint(bytes), "length \(length)")
        }
    }

    @Test("pieces of any size give the fingerprint of the whole")
    func pieces() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 3, 31, 32, 33, 100, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = Fingerprint(bytes)
            for _ in 0..<20 {
                var hasher = FingerprintHasher()
                var index = 0
                while index < length {
                    let size = Int.random(in: 0...min(40, length - index), using: &generator)
                    bytes.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[index..<(index + size)])) }
                    index += size
                }
                #expect(hasher.finish() == whole, "length \(length)")
            }
        }
    }

    @Test("a save expecting a fingerprint is refused when the file changed, and goes through when not")
    func saveExpectingFingerprint() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("event.json", "{\"a\": 1}\n")
        let original = Fingerprint(Array("{\"a\": 1}\n".utf8))
        // Changed on disk (same length, one byte different): refused, file untouched.
        try "{\"a\": 2}\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: FileError.self) { try FileStore.write(Array("{\"a\": 3}\n".utf8), to: path, expecting: original) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\": 2}\n")
        // The check runs while the new bytes are written: the temporary file is gone again.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["event.json"])
        // Deleted: refused too.
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: FileError.self) { try FileStore.write(Array("{}".utf8), to: path, expecting: original) }
        #expect(!FileManager.default.fileExists(atPath: path))
        // Unchanged: saved.
        try "{\"a\": 1}\n".write(toFile: path, atomically: false, encoding: .utf8)
        try FileStore.write(Array("{\"a\": 3}\n".utf8), to: path, expecting: original)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\": 3}\n")
        // No fingerprint: create or overwrite.
        try FileStore.write(Array("[]".utf8), to: folder.path + "/new.json", expecting: nil)
        #expect(try String(contentsOfFile: folder.path + "/new.json", encoding: .utf8) == "[]")
    }
}
