import Foundation
import Testing
@testable import JSONDocument

@Suite struct PathBytesTests {
    @Test("names that are UTF-8 are plain strings, untouched", arguments: ["event.json", "événement.json", "事件.json", "😀.json", ""])
    func utf8NamesAreUntouched(name: String) {
        #expect(PathBytes.string(Array(name.utf8)) == name)
        #expect(PathBytes.bytes(name) == Array(name.utf8))
    }

    @Test("every byte sequence comes back exactly", arguments: [
        [0x6C, 0x61, 0x74, 0x69, 0x6E, 0x31, 0x2D, 0xE9, 0x2E, 0x6A, 0x73, 0x6F, 0x6E],  // latin1-\xe9.json
        [0xFF, 0xFE, 0x00 + 0x41],
        [0xC3],                          // a sequence cut short
        [0xE2, 0x82],                    // the same, two bytes of three
        [0xC0, 0xAF],                    // an overlong slash
        [0xED, 0xA0, 0x80],              // a UTF-16 surrogate written as UTF-8
        [0xEF, 0x9F, 0xA9],              // U+F7E9 itself: stored byte by byte, so it cannot be confused
        [0xF4, 0x90, 0x80, 0x80],        // past U+10FFFF
        [0x41, 0xE9, 0xC3, 0xA9, 0x42],  // a raw byte beside a real é
    ] as [[UInt8]])
    func byteSequencesRoundTrip(bytes: [UInt8]) {
        let string = PathBytes.string(bytes)
        #expect(PathBytes.bytes(string) == bytes)
    }

    @Test func randomNamesRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt8.random(in: 1...255, using: &generator) }
            #expect(PathBytes.bytes(PathBytes.string(bytes)) == bytes, "\(bytes)")
        }
    }

    @Test func aFileNamedWithRawBytesIsReadAndSaved() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/cte-pathbytes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + PathBytes.string([0x6C, 0x2D, 0xE9, 0x2E, 0x6A, 0x73, 0x6F, 0x6E])
        try FileStore.write(Array(#"{"a": 1}"#.utf8), to: path)
        // The system has the name as its bytes: one entry, byte E9 in it.
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(entries.count == 1)
        let loaded = try FileStore.read(path)
        #expect(loaded == Array(#"{"a": 1}"#.utf8))
        try FileStore.write(Array(#"{"a": 2}"#.utf8), to: path, expected: loaded)
        #expect(try FileStore.read(path) == Array(#"{"a": 2}"#.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
    }
}
