import Foundation
import JSONDocument
import Testing
import TestSupport
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
}
