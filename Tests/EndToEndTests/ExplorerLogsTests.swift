import Foundation
import Testing
import TestSupport

/// The real binary on logs and on standard input: headless through `render`, and in tmux with a
/// pipe, including one that keeps delivering events while the explorer runs.
@Suite("the explorer on logs and standard input", .enabled(if: Binary.path != nil, "cognito-explorer is not built"))
struct ExplorerLogsTests {
    static let log = Repository.fixtures + "/logs/lambda-node-text.log"

    /// `text` quoted for `/bin/sh`.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @Test("render on a log lists its events by line and counts the lines without one")
    func renderLog() throws {
        let result = try Binary.run(["render", "--size", "140x24", Self.log])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Events 2"))
        #expect(result.stdout.contains("lambda-node-text.log:3 "))
        #expect(result.stdout.contains("lambda-node-text.log:8 "))
        #expect(result.stdout.contains("9 lines without an event"))
    }

    @Test("render - reads the events from standard input")
    func renderStandardInput() throws {
        let result = try Binary.run(["render", "--size", "140x24", "-"], input: Repository.bytes(of: Self.log))
        #expect(result.status == 0)
        #expect(result.stdout.contains("stdin:3 "))
        #expect(result.stdout.contains("stdin:8 "))
        #expect(result.stdout.contains("9 lines without an event"))
    }

    @Test("render - with binary bytes on standard input says so and lists nothing")
    func renderBinaryInput() throws {
        let result = try Binary.run(["render", "--size", "120x24", "-"], input: [0x7B, 0x00, 0x01, 0x02, 0xFF, 0x0A])
        #expect(result.status == 0)
        #expect(result.stdout.contains("stdin: binary file"))
        #expect(result.stdout.contains("no events found"))
    }

    @Test("piped events with no terminal for the screen: a clear message, status 2")
    func noTerminal() throws {
        let result = try Binary.run(["-"], input: Repository.bytes(of: Self.log))
        #expect(result.status == 2)
        #expect(result.stderr.contains("the events come from standard input, but there is no terminal"))
        #expect(result.stderr.contains("check -"))
    }
}

/// The explorer in tmux, reading a pipe.
@Suite(.enabled(if: TmuxSession.shouldRunTests && Binary.shouldRunTests, "needs tmux and the built cognito-explorer"), .serialized)
struct ExplorerPipeTmuxTests {
    @Test("cat LOG | cognito-explorer -: the events show, keys come from the terminal, q quits")
    func pipedLog() throws {
        let binary = Binary.path ?? "cognito-explorer"
        let command = "cat \(ExplorerLogsTests.quoted(ExplorerLogsTests.log)) | \(ExplorerLogsTests.quoted(binary)) -"
        let session = try TmuxSession(["/bin/sh", "-c", command], width: 140, height: 24)
        try session.waitFor(text: "stdin:8 ")
        try session.waitFor(text: "9 lines without an event")
        // Keys reach the explorer: the second event is shown.
        try session.send("j")
        try session.waitFor(text: "CustomMessage_SignUp")
        try session.send("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("cognito-explorer - with the terminal as standard input says to pipe the events in")
    func dashOnTerminal() throws {
        // The shell stays after the explorer has ended, so its message is on the screen to read
        // (tmux can miss the output of a program that ends at once).
        let command = "\(ExplorerLogsTests.quoted(Binary.path ?? "cognito-explorer")) -; echo \"exit=$?\"; read line"
        let session = try TmuxSession(["/bin/sh", "-c", command])
        let screen = try session.waitFor(text: "exit=")
        #expect(screen.contains("exit=2"))
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("standard input is the terminal"))
    }

    @Test("a slow writer: an event written while the explorer runs appears, and q quits while the pipe is open")
    func slowWriter() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let lines = String(decoding: Repository.bytes(of: Repository.fixtures + "/logs/powertools.jsonl"), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        let first = try folder.write("first.jsonl", lines[0] + "\n")
        let later = try folder.write("later.jsonl", lines.dropFirst().joined(separator: "\n") + "\n")
        let go = folder.path + "/go", stop = folder.path + "/stop"
        // The writer sends the first event, waits for the test's signal, sends the rest, and
        // keeps the pipe open until told to stop.
        let writer = "cat \(ExplorerLogsTests.quoted(first)); while [ ! -e \(ExplorerLogsTests.quoted(go)) ]; do sleep 0.05; done; "
            + "cat \(ExplorerLogsTests.quoted(later)); while [ ! -e \(ExplorerLogsTests.quoted(stop)) ]; do sleep 0.05; done"
        let command = "(\(writer)) | \(ExplorerLogsTests.quoted(Binary.path ?? "cognito-explorer")) -"
        let session = try TmuxSession(["/bin/sh", "-c", command], width: 140, height: 24)
        defer { FileManager.default.createFile(atPath: stop, contents: nil) }
        let before = try session.waitFor(text: "stdin:1 ")
        #expect(before.contains("Events 1"))
        #expect(before.contains("reading…"))
        // The screen is live while the pipe is quiet: a key works.
        try session.send("?")
        try session.waitFor(text: "Help · keys")
        try session.send("Escape")
        FileManager.default.createFile(atPath: go, contents: nil)
        let after = try session.waitFor(text: "stdin:3 ")
        #expect(after.contains("Events 2"))
        #expect(after.contains("reading…"), "the pipe is still open")
        try session.send("q")
        // The explorer has left the screen although the writer still holds the pipe open.
        try session.waitFor("the explorer to give the terminal back") { _ in (try? session.display("#{alternate_on}")) == "0" }
        FileManager.default.createFile(atPath: stop, contents: nil)
        #expect(try session.waitForExit() == 0)
    }
}
