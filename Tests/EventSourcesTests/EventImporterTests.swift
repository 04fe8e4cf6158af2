import CognitoTriggers
import EventSources
import Foundation
import JSONDocument
import Testing
import TestSupport

@Suite struct EventImporterTests {
    func events(in file: String) throws -> [FoundEvent] {
        try readAll(try EventReader.open(Repository.fixtures + "/logs/" + file)).events
    }

    func files(under folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var result: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue { result.append(path) }
        }
        return result.sorted()
    }

    @Test("events go to per-trigger folders named by trigger source and user, pretty-printed, equal in value to the event")
    func layout() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let importer = EventImporter(folder: folder.path + "/out", dryRun: false)
        let found = try events(in: "powertools.jsonl")
        let outcomes = try found.map { try importer.add($0) }
        #expect(try importer.finish().isEmpty)
        #expect(outcomes == [
            .written(folder.path + "/out/pre-token-generation-v2/TokenGeneration_Authentication.17f0fd9e-1d63-46c6-bf2c-6d290837f37a.json"),
            .written(folder.path + "/out/pre-sign-up/PreSignUp_AdminCreateUser.lena.mueller.json"),
        ])
        for (event, outcome) in zip(found, outcomes) {
            guard case .written(let path) = outcome else { continue }
            let bytes = Repository.bytes(of: path)
            #expect(try JSONDocument(bytes: bytes).root.value == event.event.document.root.value)
            #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("{\n  \"version\": "))
            #expect(bytes.last == 0x0A)
        }
        #expect(files(under: folder.path + "/out") == [
            "pre-sign-up/PreSignUp_AdminCreateUser.lena.mueller.json",
            "pre-token-generation-v2/TokenGeneration_Authentication.17f0fd9e-1d63-46c6-bf2c-6d290837f37a.json",
        ])
    }

    @Test("identical events are written once; another event with the same name gets a content hash; a second run writes nothing")
    func duplicatesAndCollisions() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        // The Node log, the S3 export and logs tail hold the same sign-up event; python-print holds
        // a different sign-up by the same user.
        let found = try events(in: "lambda-node-text.log") + events(in: "s3-export.log.gz") + events(in: "python-print.log")
        let importer = EventImporter(folder: folder.path, dryRun: false)
        let outcomes = try found.map { try importer.add($0) }
        #expect(try importer.finish().isEmpty)
        let signUp = folder.path + "/pre-sign-up/PreSignUp_SignUp.17f0fd9e-1d63-46c6-bf2c-6d290837f37a.json"
        let message = folder.path + "/custom-message/CustomMessage_SignUp.17f0fd9e-1d63-46c6-bf2c-6d290837f37a.json"
        #expect(outcomes[0] == .written(signUp))
        #expect(outcomes[1] == .written(message))
        #expect(outcomes[2] == .duplicate(of: signUp))
        #expect(outcomes[3] == .duplicate(of: message))
        guard case .written(let other) = outcomes[4] else {
            Issue.record("the different sign-up was not written: \(outcomes[4])")
            return
        }
        let hash = String(EventImporter.hash(EventImporter.text(of: found[4].event)), radix: 16)
        #expect(other.hasPrefix(folder.path + "/pre-sign-up/PreSignUp_SignUp.17f0fd9e-1d63-46c6-bf2c-6d290837f37a."))
        #expect(other.hasSuffix(".json") && hash.hasPrefix(String(other.dropLast(5).suffix(8)).drop { $0 == "0" }))
        #expect(files(under: folder.path).count == 4)

        let again = EventImporter(folder: folder.path, dryRun: false)
        let second = try found.map { try again.add($0) }
        #expect(try again.finish().isEmpty)
        #expect(second[0] == .alreadyPresent(signUp))
        #expect(second[4] == .alreadyPresent(other))
        #expect(files(under: folder.path).count == 4)
    }

    @Test("an existing file with other content is never replaced: the event goes under a hashed name")
    func neverReplaces() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.path + "/pre-sign-up", withIntermediateDirectories: true)
        let mine = try folder.write("pre-sign-up/PreSignUp_SignUp.17f0fd9e-1d63-46c6-bf2c-6d290837f37a.json", "my own notes\n")
        let importer = EventImporter(folder: folder.path, dryRun: false)
        let outcome = try importer.add(try #require(events(in: "events.ndjson").first))
        #expect(try importer.finish().isEmpty)
        #expect(Repository.bytes(of: mine) == Array("my own notes\n".utf8))
        guard case .written(let path) = outcome else {
            Issue.record("not written: \(outcome)")
            return
        }
        #expect(path != mine)
        #expect(files(under: folder.path).filter { $0.hasPrefix(".") || $0.contains("/.import-") }.isEmpty, "a temporary file was left behind")
    }

    @Test("a dry run plans the same names and writes nothing, not even the folder")
    func dryRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let found = try events(in: "lambda-node-text.log") + events(in: "s3-export.log.gz")
        let planner = EventImporter(folder: folder.path + "/out", dryRun: true)
        let planned = try found.map { try planner.add($0) }
        let writer = EventImporter(folder: folder.path + "/real", dryRun: false)
        let written = try found.map { try writer.add($0) }
        _ = try writer.finish()
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
        let plannedPaths = planned.map { outcome -> String in
            switch outcome {
            case .wouldWrite(let path), .duplicate(of: let path): return path.replacingOccurrences(of: "/out/", with: "/")
            default: return "?"
            }
        }
        let writtenPaths = written.map { outcome -> String in
            switch outcome {
            case .written(let path), .duplicate(of: let path): return path.replacingOccurrences(of: "/real/", with: "/")
            default: return "!"
            }
        }
        #expect(plannedPaths == writtenPaths)
    }

    @Test("hostile trigger sources and user names become safe file names", arguments: [
        ("../../etc/passwd", "_._.._etc_passwd"),
        ("a\u{1B}[31mred", "a__31mred"),
        ("Zoë Þórsdóttir", "Zo____rsd_ttir"),
        ("", "_"),
        (".hidden", "_hidden"),
        (String(repeating: "x", count: 300), String(repeating: "x", count: 64)),
    ])
    func safeNames(_ input: String, _ expected: String) {
        #expect(EventImporter.safeName(input) == expected)
    }

    @Test("a name another program takes between add and the flush is never overwritten: the event goes to the next name")
    func nameTakenBeforeTheFlush() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let importer = EventImporter(folder: folder.path, dryRun: false)
        let event = try #require(events(in: "events.ndjson").first)
        guard case .written(let path) = try importer.add(event) else {
            Issue.record("not planned for writing")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: path), "named before the flush")
        try Data("someone else\n".utf8).write(to: URL(fileURLWithPath: path))
        let renamed = try importer.finish()
        #expect(Repository.bytes(of: path) == Array("someone else\n".utf8))
        #expect(renamed.count == 1 && renamed.first?.planned == path)
        let actual = try #require(renamed.first?.actual)
        #expect(try JSONDocument(bytes: Repository.bytes(of: actual)).root.value == event.event.document.root.value)
        #expect(files(under: folder.path).filter { $0.contains(".import-") }.isEmpty, "a temporary file was left behind")
    }

    @Test("an unwritable folder is a clear failure naming the path, and nothing half-written is left")
    func unwritable() throws {
        guard getuid() != 0 else { return }  // root writes anywhere
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        chmod(folder.path, 0o500)
        defer { chmod(folder.path, 0o700) }
        #expect(throws: EventImporter.Failure.self) {
            _ = try EventImporter(folder: folder.path + "/out", dryRun: false).add(try #require(events(in: "events.ndjson").first))
        }
    }
}
