import Foundation
import Testing
import TestSupport

/// Devices, pipes and huge files given to `check` and to the explorer: a clear line each, never a
/// crash, an allocation of what the file claims, or a loop that waits forever.
@Suite(.enabled(if: Binary.shouldRunTests, Comment(rawValue: Binary.skipReason)))
struct HostileFilesTests {
    /// A folder with a `*.json` link to /dev/zero, a `*.json` named pipe, a 50 GiB sparse event and
    /// one good event.
    static func hostileFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/zero.json", withDestinationPath: "/dev/zero")
        #expect(mkfifo(folder.path + "/pipe.json", 0o600) == 0)
        let fd = open(folder.path + "/huge.json", O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(fd, 50 << 30) == 0)
        close(fd)
        try folder.write("good.json", String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self))
        return folder
    }

    @Test func checkRefusesDevicesAndHugeFilesWithOneLineEach() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fd = open(folder.path + "/sparse.json", O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(fd, 50 << 30) == 0)
        close(fd)
        let result = try Binary.run(["check", "/dev/zero", "/dev/urandom", folder.path + "/sparse.json"], timeout: 20)
        #expect(result.status == 2)
        #expect(result.lines == [
            "/dev/zero: is a character device, not a regular file; cannot read it",
            "/dev/urandom: is a character device, not a regular file; cannot read it",
            "\(folder.path)/sparse.json: the file is 50 GiB, over the 1 GiB limit for an event file; not reading it",
        ])
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func checkOfAFolderSaysWhichFilesItSkippedOrRefused() throws {
        let folder = try Self.hostileFolder()
        defer { folder.cleanUp() }
        let result = try Binary.run(["check", folder.path], timeout: 20)
        #expect(result.status == 2)
        #expect(result.lines == [
            "\(folder.path)/pipe.json: skipped: a named pipe (FIFO), not a regular file",
            "\(folder.path)/good.json: ok",
            "\(folder.path)/huge.json: the file is 50 GiB, over the 1 GiB limit for an event file; not reading it",
            "\(folder.path)/zero.json: is a character device, not a regular file; cannot read it",
        ])
    }

    @Test func checkOfANamedPipeOnTheCommandLineDoesNotWait() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        #expect(mkfifo(folder.path + "/pipe.json", 0o600) == 0)
        let result = try Binary.run(["check", folder.path + "/pipe.json"], timeout: 10)
        #expect(result.status == 2)
        #expect(result.lines == ["\(folder.path)/pipe.json: is a named pipe (FIFO), not a regular file; cannot read it"])
    }

    @Test func theExplorerListsEachHostileFileAsUnreadable() throws {
        let folder = try Self.hostileFolder()
        defer { folder.cleanUp() }
        func screen(_ keys: String) throws -> String {
            // Run inside the folder, so the paths are short enough to be shown whole.
            let result = try Binary.run(["render", ".", "/dev/urandom", "--size", "120x20", "--keys", keys], in: folder.path, timeout: 20)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let first = try screen("")
        #expect(first.contains("Events 4"))
        #expect(first.contains("pipe.json: skipped: a named pipe (FIFO), not a regular file"))
        #expect(try screen("j").contains("huge.json: the file is 50 GiB, over the 1 GiB limit for an event"))
        #expect(try screen("j j").contains("zero.json: is a character device, not a regular file; cannot read"))
        #expect(try screen("j j j").contains("/dev/urandom: is a character device, not a regular file; cannot"))
    }

    @Test(.enabled(if: TmuxSession.shouldRunTests, Comment(rawValue: TmuxSession.skipReason)))
    func theExplorerOnANamedPipeStaysLiveAndQuits() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fifo = folder.path + "/pipe.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        // If the explorer waited on the pipe, a writer ends the wait after the test gave up.
        defer {
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        let session = try TmuxSession([Binary.required(), fifo], width: 100, height: 24, directory: folder.path)
        // The message wraps where the panes' widths put it; its start is on one line.
        try session.waitFor(text: "is a named pipe (FIFO)", timeout: 10)
        try session.send("q")
        #expect(try session.waitForExit(timeout: 10) == 0)
    }

    @Test func checkSaysAUTF16FileIsUTF16() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        // As PowerShell's Out-File writes it: a byte order mark, then UTF-16 little-endian.
        let text = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = folder.path + "/powershell.json"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let result = try Binary.run(["check", path])
        #expect(result.status == 2)
        #expect(result.lines == ["\(path): the text is UTF-16 (little-endian), not UTF-8; JSON events must be UTF-8: convert it, for example with iconv -f UTF-16 -t UTF-8"])
    }
}
