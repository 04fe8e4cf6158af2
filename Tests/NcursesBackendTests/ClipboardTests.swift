import Foundation
import NcursesBackend
import Testing

@Suite struct ClipboardTests {
    @Test("OSC 52 carries the text base64-encoded, so no byte of it is a control character")
    func sequence() throws {
        let text = "a\u{1B}[31mred\u{07}é"
        let bytes = Clipboard.osc52(text)
        #expect(Array(bytes.prefix(7)) == Array("\u{1B}]52;c;".utf8))
        #expect(bytes.last == 0x07)
        let payload = bytes.dropFirst(7).dropLast()
        #expect(payload.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, "only printable ASCII between the markers")
        let decoded = try #require(Data(base64Encoded: Data(payload)))
        #expect(String(decoding: decoded, as: UTF8.self) == text)
    }
}
