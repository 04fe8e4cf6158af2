import Testing
import TestSupport
@testable import JSONDocument

/// The storage lists the objects whose keys may repeat, and edits keep that list up to date; after
/// any edit it must equal the list of a fresh parse, and `duplicateKeys` what a fresh parse reports.
@Suite struct RepeatedKeyTrackingTests {
    typealias Random = IncrementalParseTests.Random

    /// Documents with and without repeated keys, small objects and ones past the pairwise limit.
    static let documents: [String] = {
        let wide = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let wideRepeated = (0..<40).map { "\"k\($0 % 37)\": \($0)" }.joined(separator: ",\n    ")
        return [
            #"{"a": 1, "b": {"c": [1, {"d": 2, "e": 3}], "f": null}, "g": "h"}"#,
            #"{"a": 1, "b": {"x": 1, "x": 2, "y": {"k": 1, "k": 2}}, "a": 3, "c\u0041": [{"p": 1, "p": 2}]}"#,
            "{\n  \"map\": {\(wide)},\n  \"list\": [{\(wide)}, {\"q\": true}],\n  \"other\": {\"s\": 1, \"t\": 2}\n}\n",
            "{\n  \"map\": {\n    \(wideRepeated)\n  },\n  \"plain\": {\(wide)}\n}\n",
            "[{\"a\": 1, \"a\": 2}, {\"b\": [{\"c\": 1}]}, 3]",
        ]
    }()

    /// The objects that may repeat a key, found the slow way: every pair of raw keys compared.
    static func expectedRepeats(_ storage: Storage) -> [Int] {
        let nodes = storage.nodes, bytes = storage.buffer
        var result: [Int] = []
        for (index, node) in nodes.enumerated() where node.kind == .object {
            var keys: [ArraySlice<UInt8>] = []
            var escaped = false
            var child = index + 1
            while child < Int(node.subtreeEnd) {
                keys.append(bytes[Int(nodes[child].keyStart)..<Int(nodes[child].keyEnd)])
                escaped = escaped || nodes[child].keyHasEscapes
                child = Int(nodes[child].subtreeEnd)
            }
            if keys.count > 1 && (escaped || Set(keys.map(Array.init)).count < keys.count) { result.append(index) }
        }
        return result
    }

    static func expectTracked(_ document: JSONDocument, _ step: String) throws {
        let fresh = try JSONDocument(bytes: document.bytes)
        #expect(document.storage.possibleRepeats == fresh.storage.possibleRepeats, "\(step): objects that may repeat keys")
        #expect(fresh.storage.possibleRepeats == Self.expectedRepeats(fresh.storage), "\(step): a fresh parse's list")
        #expect(document.duplicateKeys == fresh.duplicateKeys, "\(step): duplicate keys")
    }

    /// A value for an edit; some are objects with a repeated key.
    static func value(_ random: inout Random) -> JSONValue {
        switch random.below(5) {
        case 0: return .object([.init("r", .number(JSONNumber(1))), .init("s", .null), .init("r", .bool(true))])
        case 1: return .object((0..<12).map { JSONValue.Member("w\($0 % (random.below(2) == 0 ? 12 : 9))", .number(JSONNumber($0))) })
        default: return IncrementalParseTests.value(&random)
        }
    }

    /// Splices the public API cannot make: copy a member next to itself (a new repeat), or give a
    /// member the key of a sibling, a new key, or an escaped spelling.
    static func rawSplice(_ document: JSONDocument, _ random: inout Random) -> (Splice, String)? {
        let objects = IncrementalParseTests.allPaths(document).filter { $0.1 == .object }
        guard let (path, _) = objects.isEmpty ? nil : objects[random.below(objects.count)],
              let object = document.node(at: path) else { return nil }
        let members = Array(object.children)
        guard !members.isEmpty else { return nil }
        let member = members[random.below(members.count)]
        guard let keySpan = member.keySpan else { return nil }
        let bytes = document.bytes
        switch random.below(4) {
        case 0:
            let text = [UInt8](", ".utf8) + bytes[keySpan.lowerBound..<member.span.upperBound]
            return (Splice(range: member.span.upperBound..<member.span.upperBound, replacement: text), "copy \(member.key ?? "") in \(path.dottedString)")
        case 1:
            guard let sibling = members[random.below(members.count)].keySpan else { return nil }
            return (Splice(range: keySpan, replacement: Array(bytes[sibling])), "rename \(member.key ?? "") in \(path.dottedString) to a sibling's key")
        case 2:
            return (Splice(range: keySpan, replacement: Array("\"n\(random.below(1000))\"".utf8)), "rename \(member.key ?? "") in \(path.dottedString)")
        default:
            return (Splice(range: keySpan, replacement: Array("\"\\u0061\"".utf8)), "rename \(member.key ?? "") in \(path.dottedString) to an escaped a")
        }
    }

    @Test("random edits, undos and redos keep the list of objects that may repeat keys equal to a fresh parse's",
          arguments: Array(documents.indices))
    func randomEdits(documentIndex: Int) throws {
        let original = Self.documents[documentIndex]
        var document = try JSONDocument(text: original)
        try Self.expectTracked(document, "document \(documentIndex) unedited")
        var random = Random(seed: UInt64(documentIndex) &* 0x2545_F491_4F6C_DD1D &+ 17)
        var snapshots: [(JSONDocument, [DuplicateKey])] = []
        for step in 0..<300 {
            // Now and then a copy shares the storage, so the next edit copies it instead of patching in place.
            if random.below(10) == 0 { snapshots.append((document, document.duplicateKeys)) }
            let paths = IncrementalParseTests.allPaths(document)
            let (target, kind) = paths[random.below(paths.count)]
            var description = ""
            switch random.below(9) {
            case 0, 1:
                let value = Self.value(&random)
                description = "set \(target.dottedString) = \(value.compactText)"
                try? document.setValue(value, at: target)
            case 2:
                guard kind == .object else { continue }
                description = "insert into \(target.dottedString)"
                try? document.setValue(Self.value(&random), at: target + [.key("new\(random.below(4))")])
            case 3:
                guard let (splice, text) = Self.rawSplice(document, &random) else { continue }
                description = text
                try? document.apply(splice, path: [])
            case 4:
                description = "remove \(target.dottedString)"
                try? document.removeValue(at: target)
            case 5:
                // Replacing the root parses the whole text again.
                let value: JSONValue = random.below(2) == 0 ? Self.value(&random) : .object([.init("z", Self.value(&random))])
                description = "replace the root with \(value.compactText)"
                try? document.setValue(value, at: [])
            case 6:
                description = "undo"
                document.undo()
            default:
                description = "redo"
                document.redo()
            }
            try Self.expectTracked(document, "document \(documentIndex) step \(step): \(description)")
        }
        for (snapshot, duplicates) in snapshots {
            #expect(snapshot.duplicateKeys == duplicates, "a copy keeps its own list")
            try Self.expectTracked(snapshot, "document \(documentIndex) copy")
        }
        while document.undo() {}
        #expect(document.text == original)
        try Self.expectTracked(document, "document \(documentIndex) every edit undone")
    }

    @Test("random edits of every fixture keep duplicate keys equal to a fresh parse's",
          arguments: Repository.validFixtures + ["fixtures/invalid/duplicate-keys.json", "fixtures/invalid/minified.json"])
    func fixtureEdits(file: String) throws {
        let path = file.hasPrefix("/") ? file : Repository.root + "/" + file
        var document = try JSONDocument(bytes: Repository.bytes(of: path))
        var random = Random(seed: UInt64(truncatingIfNeeded: file.utf8.reduce(11) { $0 &* 31 &+ Int($1) }))
        for step in 0..<60 {
            var description = ""
            switch random.below(4) {
            case 0:
                guard let (splice, text) = Self.rawSplice(document, &random) else { continue }
                description = text
                try? document.apply(splice, path: [])
            case 1:
                let paths = IncrementalParseTests.allPaths(document)
                let (target, _) = paths[random.below(paths.count)]
                description = "set \(target.dottedString)"
                try? document.setValue(Self.value(&random), at: target)
            case 2:
                description = "undo"
                document.undo()
            default:
                description = "redo"
                document.redo()
            }
            try Self.expectTracked(document, "\(file) step \(step): \(description)")
        }
    }

    @Test("editing a value in a map with a repeated key keeps it listed, and removing the repeat unlists it")
    func valueEditsKeepTheList() throws {
        let keys = (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        var document = try JSONDocument(text: "{\"m\": {\(keys), \"k3\": 99}, \"n\": 1}")
        #expect(document.storage.possibleRepeats == [1])
        try document.setValue(.string("x"), at: ["m", "k5"])
        #expect(document.storage.possibleRepeats == [1])
        #expect(document.duplicateKeys.map(\.path.dottedString) == ["m.k3"])
        try document.removeValue(at: ["m", "k3"])
        #expect(document.storage.possibleRepeats == [])
        #expect(document.duplicateKeys.isEmpty)
        document.undo()
        #expect(document.duplicateKeys.map(\.path.dottedString) == ["m.k3"])
    }

    @Test("a scanner reused for many objects tells each one's keys apart from those it saw before")
    func scannerReuse() throws {
        func object(_ key: (Int) -> String) throws -> Storage {
            try Storage(bytes: Array("{\((0..<9).map { "\"\(key($0))\": 0" }.joined(separator: ","))}".utf8), maxDepth: 8)
        }
        // The scanner keeps its tables from one object to the next: an object met again after tens
        // of thousands of others must not find its own earlier keys there, and one with a repeat
        // must still be found.
        let first = try object { "a\($0)" }, other = try object { "b\($0)" }, repeated = try object { "c\($0 % 8)" }
        var scanner = RepeatScanner()
        var wrong: [Int] = []
        for round in 0..<70_000 {
            let storage = round % 65_535 == 0 ? first : round % 1000 == 999 ? repeated : other
            let found = storage.buffer.withUnsafeBufferPointer { bytes in
                storage.nodes.withUnsafeBufferPointer { nodes in scanner.mayRepeatKeys(object: 0, nodes: nodes, bytes: bytes) }
            }
            if found != (storage === repeated) { wrong.append(round) }
        }
        #expect(wrong == [])
    }

    @Test("keys that differ only in their last bytes, or only in length, are told apart",
          arguments: [8, 9, 15, 16, 17, 31])
    func keyLengths(length: Int) throws {
        let stem = String(repeating: "x", count: length - 1)
        var members = (0..<26).map { "\"\(stem)\(Character(Unicode.Scalar(UInt8(65 + $0))))\": 0" }
        members += ["\"\(stem)\": 0", "\"\(stem)xx\": 0"]
        let distinct = try JSONDocument(text: "{\(members.joined(separator: ", "))}")
        #expect(distinct.storage.possibleRepeats.isEmpty)
        let repeated = try JSONDocument(text: "{\(members.joined(separator: ", ")), \"\(stem)Q\": 1}")
        #expect(repeated.duplicateKeys.map(\.key) == ["\(stem)Q"])
    }
}
