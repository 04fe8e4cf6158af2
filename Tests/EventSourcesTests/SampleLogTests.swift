import CognitoTriggers
import EventSources
import Foundation
import JSONDocument
import Testing
import TestSupport

/// What reading one sample in `fixtures/logs/` must give.
struct SampleExpectation: Sendable, CustomStringConvertible {
    struct Found: Sendable, Equatable {
        let line: Int
        let triggerSource: String
        let path: String
        let encoding: EventEncoding
    }

    let file: String
    let events: [Found]
    let problems: [String]
    let lines: Int
    let withoutEvent: Int

    var description: String { file }
}

private func found(_ line: Int, _ source: String, _ path: String = "", _ encoding: EventEncoding = .json) -> SampleExpectation.Found {
    .init(line: line, triggerSource: source, path: path, encoding: encoding)
}

/// Reads a source whole: its events, its problems (`LINE:COLUMN: message`) and its counts.
func readAll(_ reader: EventReader) throws -> (events: [FoundEvent], problems: [SourceProblem], counts: SourceCounts) {
    var events: [FoundEvent] = []
    var problems: [SourceProblem] = []
    while let item = try reader.next() {
        switch item {
        case .event(let event): events.append(event)
        case .problem(let problem): problems.append(problem)
        }
    }
    return (events, problems, reader.counts)
}

@Suite struct SampleLogTests {
    static let logs = Repository.fixtures + "/logs"

    static let samples: [SampleExpectation] = [
        .init(file: "lambda-node-text.log", events: [found(3, "PreSignUp_SignUp"), found(8, "CustomMessage_SignUp")],
              problems: [], lines: 43, withoutEvent: 9),
        .init(file: "lambda-python-text.log",
              events: [found(2, "PreAuthentication_Authentication", "", .pythonRepr), found(7, "PostAuthentication_Authentication")],
              problems: [], lines: 38, withoutEvent: 7),
        .init(file: "python-print.log",
              events: [found(2, "PreSignUp_SignUp", "", .pythonRepr), found(3, "UserMigration_Authentication", "", .pythonRepr)],
              problems: [], lines: 4, withoutEvent: 2),
        .init(file: "lambda-json-format.log",
              events: [found(2, "PostConfirmation_ConfirmSignUp", "message"), found(4, "DefineAuthChallenge_Authentication", "message", .jsonString)],
              problems: [], lines: 5, withoutEvent: 3),
        .init(file: "powertools.jsonl",
              events: [found(1, "TokenGeneration_Authentication", "message"), found(3, "PreSignUp_AdminCreateUser", "event")],
              problems: [], lines: 3, withoutEvent: 1),
        .init(file: "events.ndjson",
              events: [found(1, "PreSignUp_SignUp"), found(2, "PostConfirmation_ConfirmSignUp"), found(5, "UserMigration_Authentication")],
              problems: [], lines: 5, withoutEvent: 2),
        .init(file: "concatenated.txt",
              events: [found(1, "PreAuthentication_Authentication"), found(30, "PostAuthentication_Authentication"),
                       found(60, "PostConfirmation_ConfirmSignUp"), found(60, "DefineAuthChallenge_Authentication")],
              problems: [], lines: 60, withoutEvent: 0),
        .init(file: "event-in-string.log",
              events: [found(1, "PostConfirmation_ConfirmSignUp", "event", .jsonString), found(2, "UserMigration_Authentication", "", .jsonString),
                       found(3, "PreSignUp_SignUp", "[0]"), found(3, "PostConfirmation_ConfirmSignUp", "[1]")],
              problems: [], lines: 3, withoutEvent: 0),
        .init(file: "eventbridge.jsonl",
              events: [found(1, "CustomMessage_SignUp", "detail"), found(2, "TokenGeneration_ClientCredentials", "detail")],
              problems: [], lines: 2, withoutEvent: 0),
        .init(file: "logs-tail.log", events: [found(2, "PreSignUp_SignUp"), found(3, "PreAuthentication_Authentication")],
              problems: [], lines: 4, withoutEvent: 2),
        .init(file: "filter-log-events.out",
              events: [found(13, "PreSignUp_SignUp", "events[1].message", .jsonString), found(20, "CustomMessage_SignUp", "events[2].message", .jsonString)],
              problems: [], lines: 26, withoutEvent: 0),
        .init(file: "get-log-events.out",
              events: [found(5, "PreAuthentication_Authentication", "events[0].message", .pythonRepr)],
              problems: [], lines: 16, withoutEvent: 0),
        .init(file: "s3-export.log.gz", events: [found(2, "PreSignUp_SignUp"), found(3, "CustomMessage_SignUp")],
              problems: [], lines: 4, withoutEvent: 2),
        .init(file: "broken-lines.log", events: [found(1, "PreSignUp_SignUp"), found(4, "PostAuthentication_Authentication")],
              problems: [
                  "2:257: unterminated string: the closing '\"' is missing (the JSON value is cut off: the next line does not continue it)",
                  "3:141: expected ':' after an object key, found '\"'",
              ], lines: 4, withoutEvent: 0),
    ]

    @Test("each sample log gives its events with their lines, paths and encodings, its problems and its counts", arguments: samples)
    func sample(_ expected: SampleExpectation) throws {
        let result = try readAll(try EventReader.open(Self.logs + "/" + expected.file))
        let got = result.events.map {
            found($0.origin.line, $0.triggerSourceName ?? "?", $0.origin.pathDescription, $0.origin.encoding)
        }
        #expect(got == expected.events)
        #expect(result.problems.map { "\($0.line):\($0.column): \($0.message)" } == expected.problems)
        #expect(result.counts.lines == expected.lines)
        #expect(result.counts.linesWithoutEvent == expected.withoutEvent)
        #expect(result.counts.events == expected.events.count)
        #expect(result.counts.problems == expected.problems.count)
        #expect(result.events.allSatisfy { $0.origin.source.hasSuffix(expected.file) && !$0.origin.isWholeFile })
        let names = result.events.map(\.origin.name)
        #expect(Set(names).count == names.count, "names are not unique: \(names)")
    }

    @Test("a second event on a line is named with its column")
    func secondEventOnALine() throws {
        let result = try readAll(try EventReader.open(Self.logs + "/concatenated.txt"))
        #expect(result.events.map(\.origin.name) == ["1", "30", "60", "60:594"].map { Self.logs + "/concatenated.txt:" + $0 })
    }

    @Test("every sample log is covered by the table, and the README of fixtures/logs names each")
    func everySampleIsTested() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.logs).filter { $0 != "make.py" && $0 != "README.md" }
        #expect(Set(names) == Set(Self.samples.map(\.file)))
        let readme = String(decoding: Repository.bytes(of: Self.logs + "/README.md"), as: UTF8.self)
        for name in names { #expect(readme.contains("`\(name)`"), "fixtures/logs/README.md does not describe \(name)") }
    }

    @Test("an event written as JSON in the source is its exact bytes there: origin byte range and column point at it")
    func jsonEventsAreByteExact() throws {
        for expected in Self.samples where !expected.file.hasSuffix(".gz") {
            let bytes = Repository.bytes(of: Self.logs + "/" + expected.file)
            let result = try readAll(try EventReader.open(Self.logs + "/" + expected.file))
            for event in result.events where event.origin.encoding == .json {
                #expect(Array(bytes[event.origin.byteRange]) == event.bytes, "\(event.origin.name)")
                let lineStart = bytes[..<event.origin.byteRange.lowerBound].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                let column = String(decoding: bytes[lineStart..<event.origin.byteRange.lowerBound], as: UTF8.self).unicodeScalars.count + 1
                #expect(column == event.origin.column, "\(event.origin.name)")
            }
        }
    }

    @Test("the events found in the samples equal the bundled fixtures they were made from, value for value")
    func samplesCarryTheFixturesValues() throws {
        let fixture = try JSONDocument(bytes: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json")).root.value
        for file in ["lambda-node-text.log", "events.ndjson", "logs-tail.log", "s3-export.log.gz", "filter-log-events.out", "event-in-string.log"] {
            let result = try readAll(try EventReader.open(Self.logs + "/" + file))
            let signUp = result.events.first { $0.triggerSourceName == "PreSignUp_SignUp" }
            #expect(signUp?.event.document.root.value == fixture, "\(file)")
        }
        let preAuth = try JSONDocument(bytes: Repository.bytes(of: Repository.fixtures + "/pre-authentication/PreAuthentication_Authentication.json")).root.value
        for file in ["lambda-python-text.log", "get-log-events.out"] {
            let result = try readAll(try EventReader.open(Self.logs + "/" + file))
            #expect(result.events.first?.event.document.root.value == preAuth, "\(file)")
        }
    }

    @Test("Python's print(event) with quotes, escapes, None and True converts to exactly the values Python held")
    func pythonPrintIsExact() throws {
        let result = try readAll(try EventReader.open(Self.logs + "/python-print.log"))
        let event = try #require(result.events.first).event.document
        #expect(event[["request", "userAttributes", "name"]] == .string("Seán O'Brien \"the builder\""))
        #expect(event[["request", "clientMetadata", "note"]] == .string("line one\nline two\ttabbed \\ backslash \u{7} bell"))
        #expect(event[["request", "validationData"]] == .null)
        #expect(event[["response", "autoConfirmUser"]] == .bool(true))
        #expect(event[["response", "autoVerifyEmail"]] == .bool(false))
    }

    @Test("a plain event file is one whole-file event whose bytes are the file's, byte-order mark included")
    func plainFileIsWholeFile() throws {
        for path in [Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json", Repository.fixtures + "/invalid/bom.json",
                     Repository.fixtures + "/invalid/crlf.json", Repository.fixtures + "/invalid/minified.json"] {
            let result = try readAll(try EventReader.open(path))
            #expect(result.events.count == 1, "\(path)")
            let event = try #require(result.events.first)
            #expect(event.origin.isWholeFile, "\(path)")
            #expect(event.origin.name == path)
            #expect(event.bytes == Repository.bytes(of: path), "\(path)")
            #expect(result.counts.linesWithoutEvent == 0)
        }
    }
}
