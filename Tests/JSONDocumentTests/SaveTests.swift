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
        let folder = try TemporaryFolder()
        defer {
            if getuid() == 0 { _ = Shell.run("chattr", "-i", folder.path) }
            folder.cleanUp()
        }
        let path = try folder.write("event.json", #"{"a": 1}"#)
        let loaded = try FileStore.read(path)
        // Root ignores permission bits; an immutable folder (chattr +i) refuses even root.
        if getuid() == 0 {
            try #require(Shell.run("chattr", "+i", folder.path) == 0, "chattr +i is needed to make a folder read-only for root")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        }
        let error = #expect(throws: FileError.self) { try FileStore.write(Array("{}".utf8), to: path, expected: loaded) }
        #expect(error?.kind == .permissionDenied)
        #expect(error?.description == "\(path): cannot create a temporary file beside it: permission denied")
        #expect(Repository.bytes(of: path) == loaded)
    }

    @Test("a save to a full disk fails, says so, and leaves the original and no temporary file",
          .enabled(if: getuid() == 0, "needs root to mount a small tmpfs"))
    func aRealFullDisk() throws {
        let mountPoint = try TemporaryFolder()
        defer {
            _ = Shell.run("umount", mountPoint.path)
            mountPoint.cleanUp()
        }
        try #require(Shell.run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.path) == 0)
        let path = mountPoint.path + "/event.json"
        let original = Array("{\"a\": \"\(String(repeating: "x", count: 8_000))\"}".utf8)
        try FileStore.write(original, to: path)
        // Fill what is left of the disk.
        _ = Shell.run("dd", "if=/dev/zero", "of=\(mountPoint.path)/filler", "bs=1k", "count=1000")
        let bigger = Array("{\"a\": \"\(String(repeating: "y", count: 40_000))\"}".utf8)
        let error = #expect(throws: FileError.self) { try FileStore.write(bigger, to: path, expected: original) }
        #expect(error?.kind == .diskFull)
        #expect(Repository.bytes(of: path) == original)
        let names = try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).sorted()
        #expect(names == ["event.json", "filler"])
    }

    @Test func readingReportsMissingFilesAndFolders() throws {
        let missing = #expect(throws: FileError.self) { try FileStore.read("/nonexistent-cte.json") }
        #expect(missing?.description == "/nonexistent-cte.json: no such file")
        let folder = #expect(throws: FileError.self) { try FileStore.read("/tmp") }
        #expect(folder?.description == "/tmp: is a folder, not a file")
    }
}

/// Runs a system tool quietly and returns its exit status (-1 when it cannot start).
enum Shell {
    static func run(_ arguments: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs a system tool and returns its exit status and what it printed (both streams).
    static func capture(_ arguments: String...) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
