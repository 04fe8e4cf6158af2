import Foundation
import JSONDocument
import Testing
import TestSupport
import TerminalText
@testable import CognitoTriggers

/// What a file that holds no event is called: one label, title and message per outcome, which the
/// list, the pane, the status bar and the commands all show.
@Suite struct EventFilesOutcomeTests {
    static func opened(_ name: String, _ content: [UInt8]?) throws -> (EventFiles.Opened, TemporaryFolder) {
        let folder = try TemporaryFolder()
        let path = folder.path + "/" + name
        if let content { try Data(content).write(to: URL(fileURLWithPath: path)) }
        return (EventFiles.open(path), folder)
    }

    @Test("each outcome has its label, title, message and check line", arguments: [
        ("empty.json", [], "empty", "Empty file", "empty file (0 bytes), not JSON", ": empty file (0 bytes), not JSON"),
        ("binary.json", [0, 1, 2], "binary", "Binary file", "binary file (it holds NUL bytes), not JSON", ": binary file (it holds NUL bytes), not JSON"),
        ("bad.json", Array("{\"a\" 1}".utf8), "not JSON", "Not JSON",
         "not JSON: line 1, column 6: expected ':' after an object key, found '1'", ":1:6: expected ':' after an object key, found '1'"),
        ("missing.json", nil, "unreadable", "Unreadable", "/missing.json: no such file", "/missing.json: no such file"),
        ("utf16.json", [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], "UTF-16", "UTF-16 text",
         EventFiles.utf16Message(bigEndian: false), ": " + EventFiles.utf16Message(bigEndian: false)),
    ] as [(String, [UInt8]?, String, String, String, String)])
    func describes(name: String, content: [UInt8]?, label: String, title: String, message: String, line: String) throws {
        let (opened, folder) = try Self.opened(name, content)
        defer { folder.cleanUp() }
        #expect(opened.outcome.label == label)
        #expect(opened.outcome.title == title)
        if name == "missing.json" {
            #expect(opened.outcome.message == folder.path + message)
            #expect(opened.problemLine == folder.path + line)
        } else {
            #expect(opened.outcome.message == message)
            #expect(opened.problemLine == folder.path + "/" + name + line)
        }
    }

    @Test("a document has none of them")
    func documentHasNone() {
        let opened = EventFiles.open(Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json")
        #expect(opened.outcome.label == nil && opened.outcome.title == nil && opened.outcome.message == nil)
        #expect(opened.problemLine == nil)
    }

    @Test("the check line escapes the file name and the parse error's reason")
    func checkLineIsEscaped() throws {
        let (opened, folder) = try Self.opened("e\u{1B}[2J\u{202E}.json", Array("{\"a\": \"\u{1B}\"}".utf8))
        defer { folder.cleanUp() }
        #expect(opened.problemLine == folder.path + "/e\\u001b[2J\\u202e.json:1:8: control character U+001B must be escaped in a string")
    }

    @Test("a file name's bytes that are not UTF-8, as PathBytes carries them, show as \\xE9 in text and as \\u escapes in JSON")
    func rawBytesOfNames() throws {
        let name = PathBytes.string([0x6C, 0x2D, 0xE9, 0x2E, 0x6A, 0x73, 0x6F, 0x6E])
        let byte = try #require(name.unicodeScalars.first { PathBytes.isRawByte($0) })
        #expect(byte.value == TerminalText.rawByteScalars.lowerBound + 0xE9, "TerminalText and PathBytes use one range")
        #expect(TerminalText.rawByteScalars.allSatisfy { value in Unicode.Scalar(value).map(PathBytes.isRawByte) == true })
        #expect(TerminalText.escaped(name) == "l-\\xE9.json")
        #expect(TerminalText.escaped(PathBytes.string([0x0A, 0x80, 0x01])) == "\\n\\x80\\u0001")
        let json = EventPrinter.jsonText(.object([.init("file", .string(name))]))
        #expect(json == "{\n  \"file\": \"l-\\uf7e9.json\"\n}\n")
    }
}
