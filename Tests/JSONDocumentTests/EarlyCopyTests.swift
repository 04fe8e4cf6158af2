import Foundation
import Testing
import TestSupport
@testable import JSONDocument

/// A save that finishes an early copy of the file as read (`FileStore.EarlyCopy`) writes exactly
/// the bytes a save without it writes, with the same checks and the same metadata, and leaves
/// nothing behind.
@Suite("Early copies for saves")
struct EarlyCopyTests {
    static let original = """
        {
          "version": "1",
          "request": {"userAttributes": {"email": "a@example.com", "name": "Ada"}},
          "response": {"autoConfirmUser": false, "list": [1, 2, 3]}
        }

        """

    /// Edits at the start, the middle and the end of the text, longer, shorter, added and removed.
    static let edits: [(String, @Sendable (inout JSONDocument) throws -> Void)] = [
        ("the first value", { try $0.setValue(.string("2"), at: ["version"]) }),
        ("a value in the middle, longer", { try $0.setValue(.string("Ada Lovelace"), at: ["request", "userAttributes", "name"]) }),
        ("a value near the end, shorter", { try $0.setValue(true, at: ["response", "autoConfirmUser"]) }),
        ("an element removed", { try $0.removeValue(at: ["response", "list", 1]) }),
        ("a member added at the end", { try $0.setValue(.string("x"), at: ["response", "added"]) }),
        ("two edits, the later one first in the text", {
            try $0.setValue(true, at: ["response", "autoConfirmUser"])
            try $0.setValue(.string("3"), at: ["version"])
        }),
        ("an edit undone", {
            try $0.setValue(true, at: ["response", "autoConfirmUser"])
            try $0.setValue(.string("3"), at: ["version"])
            _ = $0.undo()
        }),
        ("the whole text replaced", { try $0.replaceText(with: Array("[1]".utf8)) }),
    ]

    @Test("the saved file holds exactly the edited bytes, and nothing else is left in the folder", arguments: edits.indices)
    func savesTheEditedBytes(_ index: Int) throws {
        let (name, edit) = Self.edits[index]
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", Self.original)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let loaded = try FileStore.read(path)
        let early = FileStore.startEarlyCopy(of: loaded, for: path)
        early.waitUntilWritten()
        var document = try JSONDocument(bytes: loaded)
        try edit(&document)
        let prefix = document.unchangedPrefixSinceSave
        #expect(Array(document.bytes.prefix(prefix)) == Array(loaded.prefix(prefix)), "\(name): the prefix is unchanged")
        let method = try FileStore.write(document.bytes, to: path, expecting: Fingerprint(loaded), earlyCopy: early, unchangedPrefix: prefix)
        #expect(method == .replaced)
        #expect(Repository.bytes(of: path) == document.bytes, "\(name)")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640, "the mode is kept")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["event.json"])
    }

    @Test("the save takes the early copy: the bytes before the prefix it is told of come from the copy")
    func theCopyIsUsed() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", "{\"a\": 1, \"b\": 2}")
        let loaded = try FileStore.read(path)
        let early = FileStore.startEarlyCopy(of: loaded, for: path)
        // New bytes that differ from the first byte on, but a caller that says the first five are
        // unchanged: those five are the copy's.
        let bytes = Array("[\"x\", 2, 3, 4, 5]".utf8)
        try FileStore.write(bytes, to: path, expecting: Fingerprint(loaded), earlyCopy: early, unchangedPrefix: 5)
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == "{\"a\":" + " 2, 3, 4, 5]")
    }

    @Test("a file changed on disk after the early copy was made is not overwritten, and the copy leaves nothing behind")
    func changedOnDiskIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", Self.original)
        let loaded = try FileStore.read(path)
        let early = FileStore.startEarlyCopy(of: loaded, for: path)
        var document = try JSONDocument(bytes: loaded)
        try document.setValue(true, at: ["response", "autoConfirmUser"])
        try folder.write("event.json", "{\"someoneElse\": true}")
        let error = #expect(throws: FileError.self) {
            try FileStore.write(document.bytes, to: path, expecting: Fingerprint(loaded), earlyCopy: early,
                                unchangedPrefix: document.unchangedPrefixSinceSave)
        }
        #expect(error?.kind == .changedOnDisk)
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == "{\"someoneElse\": true}")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["event.json"])
    }

    @Test("an early copy that no save takes, or one made for another file, leaves nothing behind; the other file is saved whole")
    func unusedCopies() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", Self.original)
        let other = try folder.write("other.json", "{\"other\": [1, 2, 3]}")
        let loaded = try FileStore.read(path)
        do {
            let early = FileStore.startEarlyCopy(of: loaded, for: path)
            early.waitUntilWritten()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["event.json", "other.json"])
        let early = FileStore.startEarlyCopy(of: loaded, for: path)
        let otherLoaded = try FileStore.read(other)
        var document = try JSONDocument(bytes: otherLoaded)
        try document.setValue(4, at: ["other", 2])
        // Told that most bytes are unchanged, but the copy is of another file: it is not used.
        try FileStore.write(document.bytes, to: other, expecting: Fingerprint(otherLoaded), earlyCopy: early, unchangedPrefix: 12)
        #expect(String(decoding: Repository.bytes(of: other), as: UTF8.self) == "{\"other\": [1, 2, 4]}")
        #expect(Repository.bytes(of: path) == loaded)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["event.json", "other.json"])
    }

    @Test("the unchanged prefix: the whole text without edits, the first edit's start, and 0 once edits are undone past a save")
    func unchangedPrefix() throws {
        var document = try JSONDocument(text: Self.original)
        let count = document.bytes.count
        #expect(document.unchangedPrefixSinceSave == count)
        let late = try #require(document.node(at: ["response", "autoConfirmUser"])?.span.lowerBound)
        try document.setValue(true, at: ["response", "autoConfirmUser"])
        #expect(document.unchangedPrefixSinceSave == late)
        let early = try #require(document.node(at: ["version"])?.span.lowerBound)
        try document.setValue(.string("2"), at: ["version"])
        #expect(document.unchangedPrefixSinceSave == early)
        _ = document.undo()
        #expect(document.unchangedPrefixSinceSave == late)
        document.markSaved()
        #expect(document.unchangedPrefixSinceSave == document.bytes.count, "nothing changed since the save")
        _ = document.undo()
        #expect(document.unchangedPrefixSinceSave == 0, "undone past the save: the saved text is not below this one")
        // A failed transaction leaves no edit behind.
        var other = try JSONDocument(text: Self.original)
        _ = try? other.transaction { (document: inout JSONDocument) throws(JSONEditError) in
            try document.setValue(.string("9"), at: ["version"])
            try document.setValue(1, at: ["missing", "deeper", 0])
        }
        #expect(other.unchangedPrefixSinceSave == count)
    }
}
