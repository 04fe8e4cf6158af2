import Testing
import TestSupport
@testable import JSONDocument

/// The storage lists the objects whose keys may repeat, and edits keep that list up to date; after
/// any edit it must equal the list of a fresh parse, and `duplicateKeys` what a fresh parse reports.
@Suite struct RepeatedKeyTrackingTests {
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

    @Test("random edits, undos and redos keep the list of objects that may repeat keys equal to a fresh parse's",
          arguments: Array(documents.indices))
    func randomEdits(documentIndex: Int) throws {
        let original = Self.documents[documentIndex]
        var document = try JSONDocument(text: original)
        try Self.expectTracked(document, "document \(documentIndex) unedited")
        var edits = RandomEdits(seed: UInt64(documentIndex) &* 0x2545_F491_4F6C_DD1D &+ 17)
        var snapshots: [(JSONDocument, [DuplicateKey])] = []
        for step in 0..<300 {
            // Now and then a copy shares the storage, so the next edit copies it instead of patching in place.
            if edits.below(10) == 0 { snapshots.append((document, document.duplicateKeys)) }
            let edit: RandomEdit
            switch edits.below(9) {
            case 0:
                // Replacing the root parses the whole text again.
                edit = .set([], edits.below(2) == 0 ? edits.value() : .object([.init("z", edits.value())]))
            case 1, 2:
                edit = edits.memberSplice(in: document) ?? .undo
            default:
                edit = edits.next(in: document, insertKeys: ["new0", "new1", "new2", "new3"])
            }
            edit.apply(to: &document)
            try Self.expectTracked(document, "document \(documentIndex) step \(step): \(edit.description)")
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
        var edits = RandomEdits(seedFrom: "repeats " + file)
        for step in 0..<60 {
            let edit = edits.below(2) == 0 ? edits.memberSplice(in: document) ?? .redo : edits.next(in: document)
            edit.apply(to: &document)
            try Self.expectTracked(document, "\(file) step \(step): \(edit.description)")
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

    @Test("objects of many keys (split into parts by hash, in place): a repeat anywhere is found, and none without one",
          arguments: [4_097, 10_000, 70_001])
    func manyKeys(count: Int) throws {
        let members = (0..<count).map { "\"key\($0)\": \($0)" }
        let distinct = try JSONDocument(text: "{\(members.joined(separator: ", "))}")
        #expect(distinct.storage.possibleRepeats.isEmpty)
        #expect(distinct.duplicateKeys.isEmpty)
        for (first, second) in [(0, count - 1), (count / 2, count / 2 + 1), (count - 2, count - 1)] {
            var repeated = members
            repeated[second] = "\"key\(first)\": \"again\""
            let document = try JSONDocument(text: "{\(repeated.joined(separator: ", "))}")
            #expect(document.duplicateKeys.map(\.key) == ["key\(first)"], "key\(first) at \(first) and \(second)")
        }
    }
}
