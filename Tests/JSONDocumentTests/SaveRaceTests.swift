import Foundation
import Testing
import TestSupport
@testable import JSONDocument

/// Another program writes the file while a save is under way: its write must never be lost.
@Suite struct SaveRaceTests {
    static let loaded = #"{"response": {"autoConfirmUser": false}, "note": "as loaded"}"# + "\n"
    static let ours = #"{"response": {"autoConfirmUser": true}, "note": "as loaded"}"# + "\n"
    static let theirs = #"{"response": {"autoConfirmUser": false}, "note": "written by another program"}"# + "\n"

    /// Writes `text` to a fresh file beside `path` and renames it over `path`, as editors and
    /// `set` itself do.
    static func renameOver(_ path: String, _ text: String, suffix: String) {
        let copy = path + ".other-" + suffix
        _ = FileManager.default.createFile(atPath: copy, contents: Data(text.utf8))
        rename(copy, path)
    }

    @Test("a changed copy renamed over the file at a random moment of 300 saves is never overwritten")
    func raceLoopLosesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path + "/event.json"
        var lost = 0
        var refused = 0
        for run in 0..<300 {
            try Data(Self.loaded.utf8).write(to: URL(fileURLWithPath: path))
            let expected = Fingerprint(Array(Self.loaded.utf8))
            // The other program waits a random time that spans the whole save (a few milliseconds
            // with the fsync), then replaces the file.
            let delay = UInt32.random(in: 0...4_000)
            let other = Thread {
                usleep(delay)
                Self.renameOver(path, Self.theirs, suffix: String(run))
            }
            other.start()
            do {
                try FileStore.write(Array(Self.ours.utf8), to: path, expecting: expected)
            } catch {
                #expect(error.kind == .changedOnDisk, "run \(run): \(error)")
                refused += 1
            }
            while !other.isFinished { usleep(200) }
            // Their rename came last in every order of events, so their text must be there: ours
            // on disk means their write was overwritten.
            let final = String(decoding: Repository.bytes(of: path), as: UTF8.self)
            if final != Self.theirs { lost += 1 }
        }
        #expect(lost == 0, "the other program's write was lost in \(lost) of 300 runs (\(refused) saves refused)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["event.json"])
    }

    @Test("a write that lands after the last look at the file and before the rename is kept",
          arguments: [false, true])
    func aWriteJustBeforeTheRenameIsKept(named: Bool) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", Self.loaded)
        let faults = FileStore.Faults(namedTemporaryFile: named, beforeCommit: { Self.renameOver(path, Self.theirs, suffix: "hook") })
        let error = #expect(throws: FileError.self) {
            try FileStore.write(Array(Self.ours.utf8), to: path, expected: Array(Self.loaded.utf8), faults: faults)
        }
        #expect(error?.kind == .changedOnDisk)
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == Self.theirs)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["event.json"])
    }

    @Test("a file changed in place (same inode, same size) after loading is detected by its bytes")
    func aSameSizeChangeInPlaceIsDetected() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", Self.loaded)
        var info = stat()
        stat(path, &info)
        let modified = info.st_mtim
        // Same length, same modification time: only the bytes tell.
        let changed = Self.loaded.replacingOccurrences(of: "as loaded", with: "AS LOADED")
        let fd = open(path, O_WRONLY)
        _ = changed.utf8CString.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress, changed.utf8.count, 0) }
        var times = [modified, modified]
        futimens(fd, &times)
        close(fd)
        let error = #expect(throws: FileError.self) {
            try FileStore.write(Array(Self.ours.utf8), to: path, expected: Array(Self.loaded.utf8))
        }
        #expect(error?.kind == .changedOnDisk)
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == changed)
    }
}
