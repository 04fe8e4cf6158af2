#if canImport(Glibc)
import Glibc
#endif
import CognitoTriggers
import EventSources
import Foundation
import Testing
import TestSupport

/// Inputs that must give a clear message or a defined behaviour: never a crash, never a hang.
@Suite struct BadInputTests {
    static let signUp = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
    static var signUpLine: String {
        (try? JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(signUp.utf8)), options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let plain = folder.path + "/data"
        FileManager.default.createFile(atPath: plain, contents: Data(bytes))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-k", plain]
        try process.run()
        process.waitUntilExit()
        return Repository.bytes(of: plain + ".gz")
    }

    func reader(_ bytes: [UInt8], _ folder: TemporaryFolder, name: String = "input", options: EventReader.Options = .init()) throws -> EventReader {
        let path = folder.path + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return try EventReader.open(path, options: options)
    }

    @Test("a binary file is refused with a message saying so")
    func binary() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let source = try reader(Repository.bytes(of: Repository.fixtures + "/invalid/binary.json"), folder)
        #expect(throws: SourceError(source: source.name, kind: .binary)) { try source.next() }
        #expect(SourceError(source: "x", kind: .binary).description == "x: binary file (it holds NUL bytes), not a log or JSON")
    }

    @Test("UTF-16 text is refused with the command that converts it")
    func utf16() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let text = Array(("\u{FEFF}" + Self.signUpLine + "\n").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let source = try reader(text, folder)
        #expect(throws: SourceError(source: source.name, kind: .utf16)) { try source.next() }
        #expect(SourceError(source: "x", kind: .utf16).description.contains("iconv -f UTF-16 -t UTF-8"))
    }

    @Test("a truncated gzip file gives the events before the cut, then says it is truncated")
    func truncatedGzip() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        // Enough lines that the cut falls well after the first events.
        var text = ""
        for index in 0..<2000 { text += index % 100 == 0 ? Self.signUpLine + "\n" : "2026-05-01T10:00:00Z line \(index) of noise \(index * 7919)\n" }
        let compressed = try gzip(Array(text.utf8))
        let source = try reader(Array(compressed.prefix(compressed.count * 2 / 3)), folder, name: "cut.gz")
        var events = 0
        var failure: SourceError?
        do {
            while let item = try source.next() { if case .event = item { events += 1 } }
        } catch { failure = error }
        #expect(failure == SourceError(source: source.name, kind: .gzipTruncated))
        #expect(events > 0 && events < 20)
        #expect(source.isCompressed)
    }

    @Test("corrupt gzip data is refused with zlib's reason; several gzip members are read through")
    func corruptAndConcatenatedGzip() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var compressed = try gzip(Array((Self.signUpLine + "\nnoise\n").utf8))
        let both = compressed + compressed
        let twice = try readAll(try reader(both, folder, name: "two.gz"))
        #expect(twice.events.count == 2)
        #expect(twice.counts.lines == 4)
        #expect(twice.events.map(\.origin.line) == [1, 3])
        compressed[compressed.count / 2] ^= 0xFF
        compressed[compressed.count / 2 + 1] ^= 0xFF
        let source = try reader(compressed, folder, name: "bad.gz")
        #expect {
            while try source.next() != nil {}
        } throws: { error in
            guard let error = error as? SourceError, case .gzipCorrupt = error.kind else {
                return (error as? SourceError)?.kind == .gzipTruncated
            }
            return true
        }
    }

    @Test("a JSON line nested too deep is a problem at its line and column; the lines after it are read")
    func nestedTooDeep() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let deep = "{\"triggerSource\":\"x\",\"request\":" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        let result = try readAll(try reader(Array(("noise\n" + deep + "\n" + Self.signUpLine + "\n").utf8), folder))
        #expect(result.problems.map { "\($0.line):\($0.column): \($0.message)" } == ["2:543: nesting deeper than 512 levels"])
        #expect(result.events.map(\.origin.line) == [3])
    }

    @Test("a line longer than the limit is reported and skipped in bounded memory; the next lines are read")
    func overLongLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var options = EventReader.Options()
        options.maxRecordBytes = 64 << 10
        let long = String(repeating: "x", count: 300 << 10) + "\"triggerSource\"" + String(repeating: "y", count: 10_000)
        let text = Self.signUpLine + "\n" + long + "\n" + Self.signUpLine + "\n" + "{\"triggerSource\":\"PreSignUp_SignUp\",\"request\":{},\"version\":\"1\",\"pad\":\"" + String(repeating: "z", count: 70 << 10) + "\"}\n"
        let result = try readAll(try reader(Array(text.utf8), folder, options: options))
        #expect(result.events.map(\.origin.line) == [1, 3])
        #expect(result.problems.map { "\($0.line):\($0.column): \($0.message)" } == [
            "2:1: line longer than 64 KiB; skipped without looking for events in it",
            "4:1: the JSON value starting here is longer than 64 KiB; skipped",
        ])
        #expect(result.counts.lines == 4)
    }

    @Test("a 100 MB single line is refused clearly with the default limit, and the events around it are found")
    func hundredMegabyteLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path + "/huge.log"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data((Self.signUpLine + "\n").utf8))
        let block = Data(repeating: 0x61, count: 1 << 20)
        for _ in 0..<100 { try handle.write(contentsOf: block) }
        try handle.write(contentsOf: Data(("\n" + Self.signUpLine + "\n").utf8))
        try handle.close()
        let result = try readAll(try EventReader.open(path))
        #expect(result.events.map(\.origin.line) == [1, 3])
        #expect(result.problems.map(\.message) == ["line longer than 64 MiB; skipped without looking for events in it"])
    }

    @Test("mixed encodings: Latin-1 bytes in other lines are skipped; in an event line they are a problem at their column")
    func mixedEncodings() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8, 0x6D, 0x65, 0x0A]
        let bad = Array("{\"triggerSource\":\"PreSignUp_SignUp\",\"version\":\"1\",\"request\":{\"userAttributes\":{\"name\":\"Zo".utf8) + [0xEB] + Array("\"}}}\n".utf8)
        let text = latin1 + Array((Self.signUpLine + "\n").utf8) + bad + latin1
        let result = try readAll(try reader(text, folder))
        #expect(result.events.map(\.origin.line) == [2])
        #expect(result.problems.map { "\($0.line):\($0.column): \($0.message)" } == ["3:\(bad.firstIndex(of: 0xEB).map { $0 + 1 } ?? 0): invalid UTF-8 byte sequence starting with 0xEB"])
        #expect(result.counts.lines == 4 && result.counts.linesWithoutEvent == 2)
    }

    @Test("lines that only mention triggerSource are lines without an event; an object printed as JavaScript is a problem with a hint")
    func mentionsAreSkipped() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let text = """
            missing triggerSource in request
            {"level":"warn","msg":"unknown triggerSource","triggerSource":"Foo"}
            2026-05-01T10:00:00.000Z\tabc\tINFO\t{ version: '1', triggerSource: 'PreSignUp_SignUp', region: 'eu-west-1' }
              "triggerSource": "indented, but no record opens above"
            last line without a line break, triggerSource
            """
        let result = try readAll(try reader(Array(text.utf8), folder))
        #expect(result.events.isEmpty)
        #expect(result.problems.map { "\($0.line):\($0.column): \($0.message)" } == [
            "3:37: expected a string key in double quotes, found 'v' (an object printed as JavaScript, as console.log(event) does, is not JSON: log JSON.stringify(event))",
        ])
        #expect(result.counts.lines == 5 && result.counts.linesWithoutEvent == 4)
    }

    @Test("events across read chunks: every event of a multi-megabyte log is found with its exact line")
    func chunkBoundaries() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var text = ""
        var expected: [Int] = []
        var line = 1
        for index in 0..<3000 {
            if index % 37 == 0 {
                expected.append(line)
                if index % 2 == 0 {
                    text += "2026-05-01T10:00:00.000Z\treq\tINFO\t" + Self.signUp  // pretty, over many lines
                    line += Self.signUp.filter { $0 == "\n" }.count
                } else {
                    text += Self.signUpLine + "\n"
                    line += 1
                }
            } else {
                text += "2026-05-01T10:00:00.000Z\treq\tINFO\tnoise line \(index) " + String(repeating: "n", count: (index * 31) % 2000) + "\n"
                line += 1
            }
        }
        #expect(text.utf8.count > 3_000_000)
        let result = try readAll(try reader(Array(text.utf8), folder))
        #expect(result.events.map(\.origin.line) == expected)
        #expect(result.counts.lines == line - 1)
        #expect(result.problems.isEmpty)
    }

    @Test("a FIFO that stays open yields each event as it arrives, and the reader ends when the writer closes")
    func fifoStreams() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path + "/fifo"
        #expect(mkfifo(path, 0o600) == 0)
        let firstSeen = DispatchSemaphore(value: 0)
        let line = Self.signUpLine + "\n"
        nonisolated(unsafe) var writerWaitedInVain = false
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { return }
            _ = line.withCString { write(descriptor, $0, strlen($0)) }
            // Keep the pipe open until the reader has the first event (or give up after 10 s).
            if firstSeen.wait(timeout: .now() + 10) == .timedOut { writerWaitedInVain = true }
            _ = ("noise\n" + line).withCString { write(descriptor, $0, strlen($0)) }
            close(descriptor)
        }
        writer.start()
        let source = try EventReader.open(path)
        let first = try source.next()
        firstSeen.signal()
        guard case .event(let event) = first else {
            Issue.record("expected an event first")
            return
        }
        #expect(event.origin.line == 1)
        #expect(!writerWaitedInVain, "the first event came only after the writer gave up")
        let second = try source.next()
        guard case .event(let next) = second else {
            Issue.record("expected a second event")
            return
        }
        #expect(next.origin.line == 3)
        #expect(try source.next() == nil ? true : false)
        #expect(source.counts.lines == 3)
    }

    @Test("a missing file, a folder and an unreadable file are clear errors")
    func unreadable() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        #expect(throws: SourceError(source: folder.path + "/nope.log", kind: .notFound)) { try EventReader.open(folder.path + "/nope.log") }
        #expect(throws: SourceError(source: folder.path, kind: .isFolder)) { try EventReader.open(folder.path) }
        if getuid() != 0 {
            let path = try folder.write("locked.log", "x\n")
            chmod(path, 0)
            #expect(throws: SourceError(source: path, kind: .permissionDenied)) { try EventReader.open(path) }
        }
    }
}

@Suite struct LayoutVariantTests {
    @Test("CRLF line endings, and a Powertools record pretty-printed with the event one level down, keep their lines")
    func crlfAndPrettyWrapper() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let event = try JSONSerialization.jsonObject(with: Data(BadInputTests.signUp.utf8))
        let wrapper = try JSONSerialization.data(withJSONObject: ["level": "INFO", "message": event], options: [.prettyPrinted, .sortedKeys])
        let pretty = String(decoding: wrapper, as: UTF8.self)
        let text = "START\r\n" + BadInputTests.signUpLine + "\r\n" + pretty.replacingOccurrences(of: "\n", with: "\r\n") + "\r\nEND\r\n"
        let path = try folder.write("crlf.log", text)
        let result = try readAll(try EventReader.open(path))
        #expect(result.events.map(\.origin.line) == [2, 5])  // line 5: "message" : {, where the event starts
        #expect(result.events.map(\.origin.pathDescription) == ["", "message"])
        #expect(result.problems.isEmpty)
        let lines = text.components(separatedBy: "\r\n").count - 1
        #expect(result.counts.lines == lines && result.counts.linesWithoutEvent == 2)
    }
}

/// Which files over `EventInputs.wholeFileLimit` are read whole as one event (a huge value) rather than searched as logs.
@Suite struct BigFileKindTests {
    @Test("one object over the whole file: { alone on its first line, or a first line longer than the bytes looked at",
          arguments: ["{\n  \"triggerSource\": \"PreSignUp_SignUp\",\n", "\u{FEFF}{\r\n\t\"a\": 1", "  \n{   \n", "{\"triggerSource\":\"" + String(repeating: "x", count: 9000)])
    func oneObject(head: String) {
        #expect(EventInputs.startsOneObject(Array(Array(head.utf8).prefix(8192))))
    }

    @Test("logs and JSON lines are not: text before the brace, or a first line that is a whole record",
          arguments: ["2024-06-11T10:00:00Z START RequestId: 1\n{\n", "{\"triggerSource\":\"PreSignUp_SignUp\"}\n{\"a\":1}\n",
                      "[{\"triggerSource\":\"x\"}]", "", "   "])
    func notOneObject(head: String) {
        #expect(!EventInputs.startsOneObject(Array(head.utf8)))
    }
}
