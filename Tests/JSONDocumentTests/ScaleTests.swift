import Foundation
import Testing
import TestSupport
@testable import JSONDocument

/// Large inputs work (no timings here: speed lives in the benchmarks).
@Suite struct ScaleTests {
    /// A 50 MB event-shaped document, built as text.
    static func bigEvent() -> [UInt8] {
        var bytes = Array("{\n  \"triggerSource\": \"PreSignUp_SignUp\",\n  \"request\": {\n    \"userAttributes\": {\n".utf8)
        bytes.reserveCapacity(50_100_000)
        let middle = Array("\": \"value — ünïcödé 名前 ".utf8)
        var index = 0
        while bytes.count < 50_000_000 {
            let number = Array(String(index).utf8)
            bytes += Array("      \"custom:attribute_".utf8) + number + middle + number + Array("\",\n".utf8)
            index += 1
        }
        bytes += Array("      \"email\": \"last@example.com\"\n    }\n  },\n  \"response\": {\n    \"autoConfirmUser\": false\n  }\n}\n".utf8)
        return bytes
    }

    @Test("a 50 MB document parses, reads, edits only its value, undoes, and deduplicates keys")
    func fiftyMegabytes() throws {
        let bytes = Self.bigEvent()
        var document = try JSONDocument(bytes: bytes)
        #expect(document.bytes.count == bytes.count)
        #expect(document.node(at: ["request", "userAttributes", "email"])?.stringValue == "last@example.com")
        #expect((document.node(at: ["request", "userAttributes"])?.count ?? 0) > 500_000)
        try document.setValue(true, at: ["response", "autoConfirmUser"])
        let edited = document.bytes
        #expect(edited.count == bytes.count - 1)
        let offset = try #require(bytes.lastIndex(of: UInt8(ascii: "f")))
        #expect(Array(edited[..<offset]) == Array(bytes[..<offset]))
        #expect(Array(edited[offset..<(offset + 4)]) == Array("true".utf8))
        #expect(document.duplicateKeys.isEmpty)
        do { let undone = document.undo(); #expect(undone) }
        #expect(document.bytes == bytes)
    }
}
