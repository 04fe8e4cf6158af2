import Foundation
import Testing
import TestSupport
@testable import JSONDocument

@Suite struct SaveTests {
    @Test func savingWritesOnlyTheEditAndKeepsPermissions() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = "{\n  \"response\": {\n    \"autoConfirmUser\": false\n  }\n}\n"
        let path = try folder.write("event.json", original)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let loaded = try FileStore.read(path)
        var document = try JSONDocument(bytes: loaded)
        try document.setValue(true, at: ["response", "autoConfirmUser"])
        try FileStore.write(document.bytes, to: path, expected: loaded)
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == original.replacingOccurrences(of: "false", with: "true"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["event.json"])
    }

    @Test func aSymlinkStaysASymlinkAndItsTargetIsUpdated() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.path + "/real", withIntermediateDirectories: true)
        let target = try folder.write("real/event.json", #"{"a": 1}"#)
        let link = folder.path + "/link.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/event.json")
        let loaded = try FileStore.read(link)
        var document = try JSONDocument(bytes: loaded)
        try document.setValue(2, at: ["a"])
        try FileStore.write(document.bytes, to: link, expected: loaded)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real/event.json")
        #expect(String(decoding: Repository.bytes(of: target), as: UTF8.self) == #"{"a": 2}"#)
    }

    @Test func aFileChangedOnDiskIsNotOverwritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", #"{"a": 1}"#)
        let loaded = try FileStore.read(path)
        try folder.write("event.json", #"{"a": 1, "someoneElse": true}"#)
        let error = #expect(throws: FileError.self) { try FileStore.write(Array(#"{"a": 2}"#.utf8), to: path, expected: loaded) }
        #expect(error?.kind == .changedOnDisk)
        #expect(error?.description == "\(path): the file changed on disk since it was loaded; not overwriting it (reload it, or save under another name)")
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == #"{"a": 1, "someoneElse": true}"#)
        // A deleted file counts as changed too.
        try FileManager.default.removeItem(atPath: path)
        let deleted = #expect(throws: FileError.self) { try FileStore.write(Array("{}".utf8), to: path, expected: loaded) }
        #expect(deleted?.kind == .changedOnDisk)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aMissingFolderIsReported() throws {
        let error = #expect(throws: FileError.self) { try FileStore.write([0x7B, 0x7D], to: "/nonexistent-cte/dir/event.json") }
        #expect(error?.kind == .folderMissing)
        #expect(error?.description == "/nonexistent-cte/dir/event.json: cannot save it: the folder does not exist")
    }

    @Test func aDiskFullWriteLeavesTheOriginalUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", #"{"a": 1}"#)
        let loaded = try FileStore.read(path)
        let error = #expect(throws: FileError.self) {
            try FileStore.write(Array(#"{"a": 2}"#.utf8), to: path, expected: loaded, faults: .init(writeErrno: ENOSPC))
        }
        #expect(error?.kind == .diskFull)
        #expect(error?.description == "\(path): cannot write it: the disk is full; the original file is unchanged")
        #expect(Repository.bytes(of: path) == loaded)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["event.json"])
    }

    @Test func aReadOnlyFolderRefusesTheSaveAndKeepsTheFile() throws {
        // Root ignores permission bits, so a read-only folder is made where even root cannot write:
        // /proc/self is a pseudo file system. Elsewhere the folder's mode does the job.
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", #"{"a": 1}"#)
        let loaded = try FileStore.read(path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        if getuid() == 0 {
            let error = #expect(throws: FileError.self) { try FileStore.write(Array("{}".utf8), to: "/proc/self/cte-event.json") }
            #expect(error != nil)
            #expect(error?.description.hasPrefix("/proc/self/cte-event.json: cannot") == true)
        } else {
            let error = #expect(throws: FileError.self) { try FileStore.write(Array("{}".utf8), to: path, expected: loaded) }
            #expect(error?.kind == .permissionDenied)
            #expect(error?.description == "\(path): cannot create a temporary file beside it: permission denied")
        }
        #expect(Repository.bytes(of: path) == loaded)
    }

    @Test func readingReportsMissingFilesAndFolders() throws {
        let missing = #expect(throws: FileError.self) { try FileStore.read("/nonexistent-cte.json") }
        #expect(missing?.description == "/nonexistent-cte.json: no such file")
        let folder = #expect(throws: FileError.self) { try FileStore.read("/tmp") }
        #expect(folder?.description == "/tmp: is a folder, not a file")
    }
}
