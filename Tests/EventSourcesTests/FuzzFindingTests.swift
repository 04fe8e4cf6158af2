import EventSources
import JSONDocument
import Testing
import TestSupport

/// Inputs the `fuzz-sources` fuzz target (Fuzz/README.md) found, written out, so each finding stays fixed.
@Suite struct FuzzFindingTests {
    static let signUp = Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json")

    /// Everything an in-memory reader gives with the given read size.
    func read(_ bytes: [UInt8], readBytes: Int) -> (items: [String], error: SourceError?, counts: SourceCounts) {
        var options = EventReader.Options()
        options.readBytes = readBytes
        let reader = EventReader(bytes: bytes, name: "input", options: options)
        var items: [String] = []
        var failure: SourceError?
        do {
            while let item = try reader.next() {
                switch item {
                case .event(let found): items.append("event \(found.origin.name) \(found.origin.byteRange) \(found.origin.encoding)")
                case .problem(let problem): items.append("problem \(problem)")
                }
            }
        } catch { failure = error }
        return (items, failure, reader.counts)
    }

    @Test("a NUL byte after the first read is still binary: the first 8 KiB are checked whatever the read size",
          arguments: [1, 2, 57, 64, 4096])
    func binaryAfterTheFirstChunk(_ readBytes: Int) {
        // Found with 57-byte reads: a pretty-printed event with a NUL byte after its first lines.
        var input = Self.signUp
        input.insert(0, at: 100)
        let result = read(input, readBytes: readBytes)
        #expect(result.error == SourceError(source: "input", kind: .binary))
        #expect(result.items.isEmpty)
        // The same bytes in one piece.
        #expect(read(input, readBytes: 1 << 20).error == SourceError(source: "input", kind: .binary))
    }

    @Test("gzip data and UTF-16 are recognized when reads hand out one byte at a time")
    func marksAcrossOneByteReads() {
        // A gzip member of "{}\n" (Python's gzip.compress with mtime 0): 1F 8B are its first two bytes, split over two reads.
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xAB, 0xAE, 0xE5, 0x02, 0x00,
                             0x06, 0xB0, 0xA1, 0xDD, 0x03, 0x00, 0x00, 0x00]
        let one = read(gzip, readBytes: 1)
        #expect(one.error == nil)
        #expect(one.counts.bytes == 3 && one.counts.lines == 1)
        let utf16: [UInt8] = [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]
        #expect(read(utf16, readBytes: 1).error == SourceError(source: "input", kind: .utf16))
    }

    @Test("the same log read in pieces of 1 to 64 bytes gives the same events, problems and counts as in one piece")
    func readSizesAgree() throws {
        var log = Array("START RequestId: r1\n".utf8) + Self.signUp + Array("\n".utf8)
        log += Repository.bytes(of: Repository.fixtures + "/logs/python-print.log")
        log += Repository.bytes(of: Repository.fixtures + "/logs/broken-lines.log")
        let whole = read(log, readBytes: 1 << 20)
        #expect(whole.error == nil)
        #expect(whole.counts.events >= 4 && whole.counts.problems >= 2)
        for readBytes in [1, 2, 3, 7, 13, 64] {
            let pieces = read(log, readBytes: readBytes)
            #expect(pieces.items == whole.items, "read \(readBytes) bytes at a time")
            #expect(pieces.counts == whole.counts, "read \(readBytes) bytes at a time")
        }
    }

    @Test("a Python string with bytes that are not UTF-8 is refused at the string, never passed on as JSON that does not parse",
          arguments: [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func pythonStringNotUTF8(_ bad: [UInt8]) {
        // Found as a repr whose userName held stray bytes: the converted JSON did not parse.
        let text = Array("{'a': 'x".utf8) + bad + Array("y'}".utf8)
        #expect {
            _ = try PythonLiteral.json(from: text)
        } throws: { error in
            guard let error = error as? PythonLiteral.ConversionError else { return false }
            return error.offset == 6 && error.message == "a string with bytes that are not UTF-8"
        }
        // Valid UTF-8 of every length still passes through unchanged.
        let good = Array("{'a': 'é€😀'}".utf8)
        #expect((try? PythonLiteral.json(from: good)) == Array(#"{"a":"é€😀"}"#.utf8))
    }

    @Test("a logged Python repr with bytes that are not UTF-8 in a string is a problem at that string's line and column")
    func pythonReprNotUTF8InALog() {
        let line = Array("[INFO]\t{'version': '1', 'triggerSource': 'PreSignUp_SignUp', 'userPoolId': 'p', 'userName': 'a".utf8)
            + [0xFF] + Array("b', 'request': {}}\n".utf8)
        let result = read(Array("noise\n".utf8) + line, readBytes: 1 << 20)
        #expect(result.items == ["problem input:2:93: Python literal: a string with bytes that are not UTF-8"])
        #expect(result.counts.lines == 2 && result.counts.linesWithoutEvent == 1)
    }
}

@Suite struct FuzzFindingCountTests {
    @Test("a record that starts on the line where the previous one ended does not take that line off the lines without an event")
    func recordAfterARecordOnOneLine() {
        // Found as a pretty-printed event broken by a stray ']': the first record ends mid-line, the
        // second starts right after it and goes on to the next line; linesWithoutEvent went to -1.
        let text = "{\"triggerSource\": 1]x{\n  \"triggerSource\": x}\nnoise\n"
        let reader = EventReader(bytes: Array(text.utf8), name: "input")
        var problems: [SourceProblem] = []
        while let item = try? reader.next() { if case .problem(let problem) = item { problems.append(problem) } }
        #expect(problems.map { "\($0.line):\($0.column)" } == ["1:20", "2:20"])
        #expect(reader.counts.lines == 3)
        #expect(reader.counts.linesWithoutEvent == 1)
        #expect(reader.counts.problems == 2)
    }
}
