import Foundation
import Testing
import TestSupport
@testable import JSONDocument

/// Reading refuses what is not a regular file, or is too large, before allocating or waiting.
@Suite struct HostileInputTests {
    /// Runs `body` on another thread and gives up after `seconds` (a read that blocks must fail the
    /// test, not hang it); `unblock` runs when it has not finished by then.
    static func finishes<T: Sendable>(within seconds: Double, unblock: () -> Void = {}, _ body: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let thread = Thread { box.set(body()) }
        thread.start()
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let value = box.value { return value }
            usleep(5_000)
        }
        unblock()
        return nil
    }

    final class ResultBox<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: T?
        func set(_ value: T) { lock.lock(); stored = value; lock.unlock() }
        var value: T? { lock.lock(); defer { lock.unlock() }; return stored }
    }

    static func readError(_ path: String, limit: Int = FileStore.sizeLimit) -> FileError? {
        do {
            _ = try FileStore.read(path, limit: limit)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["/dev/zero", "/dev/urandom", "/dev/null"])
    func aCharacterDeviceIsRefusedWithoutReading(path: String) throws {
        let error = Self.finishes(within: 10) { Self.readError(path) }
        #expect(error??.kind == .notRegularFile(kind: "a character device"))
        #expect(error??.description == "\(path): is a character device, not a regular file; cannot read it")
    }

    @Test func aNamedPipeWithoutAWriterIsRefusedAtOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let fifo = folder.path + "/pipe.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Before the fix the open waited for a writer forever: give it one after a while so the
        // test ends either way.
        let error = Self.finishes(within: 5, unblock: {
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }) { Self.readError(fifo) }
        #expect(error != nil, "reading a named pipe blocked")
        #expect(error??.description == "\(fifo): is a named pipe (FIFO), not a regular file; cannot read it")
        // The fingerprint of a pipe is refused the same way (the explorer's checks use it).
        let fingerprint = Self.finishes(within: 5, unblock: {
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }) { () -> FileError? in
            do throws(FileError) { _ = try FileStore.fingerprint(of: fifo); return nil } catch { return error }
        }
        #expect(fingerprint??.kind == .notRegularFile(kind: "a named pipe (FIFO)"))
    }

    @Test func aSparseFileOverTheLimitIsRefusedWithItsSize() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path + "/huge.json"
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        // 50 GiB of nothing: sparse, so it takes no room on disk.
        let sized = ftruncate(fd, 50 << 30) == 0
        close(fd)
        try #require(sized, "this file system cannot make a 50 GiB sparse file")
        let error = Self.finishes(within: 10) { Self.readError(path) }
        #expect(error??.kind == .overSizeLimit(size: 50 << 30, limit: 1 << 30))
        #expect(error??.description == "\(path): the file is 50 GiB, over the 1 GiB limit for an event file; not reading it")
    }

    @Test func theLimitIsExactAndStatedInBytesBelowAKibibyte() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", String(repeating: " ", count: 100) + "{}")
        #expect(try FileStore.read(path, limit: 102).count == 102)
        let error = Self.readError(path, limit: 101)
        #expect(error?.description == "\(path): the file is 102 bytes, over the 101 bytes limit for an event file; not reading it")
    }

    @Test func aFileThatClaimsNothingIsReadToItsEndButNotPastTheLimit() throws {
        // /proc files say they are empty and are regular: they are read as far as they go.
        let status = try FileStore.read("/proc/self/status")
        #expect(String(decoding: status, as: UTF8.self).contains("Name:"))
        let error = Self.readError("/proc/self/status", limit: 16)
        guard case .overSizeLimit(let size, 16)? = error?.kind else {
            Issue.record("expected overSizeLimit, got \(String(describing: error))")
            return
        }
        #expect(size > 16 && size <= 4096)
    }

    @Test func sizesAreWrittenForPeople() {
        #expect(FileStore.sizeText(0) == "0 bytes")
        #expect(FileStore.sizeText(1023) == "1023 bytes")
        #expect(FileStore.sizeText(1024) == "1 KiB")
        #expect(FileStore.sizeText(1536) == "1.5 KiB")
        #expect(FileStore.sizeText(52 << 20) == "52 MiB")
        #expect(FileStore.sizeText(54_525_952_033) == "50.8 GiB")
    }
}
