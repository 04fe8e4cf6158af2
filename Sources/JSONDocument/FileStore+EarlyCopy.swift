#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A copy of a file's bytes as they were read, written to an unnamed file beside it and flushed
/// while the caller parses and edits them, so that the save that follows rewrites only the bytes
/// from the first edited one on and flushes only those.
///
/// A save of one field of a large file otherwise writes and flushes all of it after the parse;
/// this does most of that writing during the parse. The save is as safe as without it: the file
/// gets the new bytes' tail, its length, owner, mode and extended attributes, is flushed whole
/// with fsync before it gets a name, and takes the target's place by the same checked swap.
/// Where unnamed files are not available (not Linux, or a file system without `O_TMPFILE`), or
/// the file cannot be written, the save writes a new file from the start as usual. An early copy
/// that no save takes is discarded with its unnamed file: nothing is left on disk.
public final class EarlyCopy: @unchecked Sendable {
    /// The file it was made for, symbolic links followed.
    let target: String
    /// How many bytes it holds.
    let count: Int
    private let lock = NSLock()
    /// The unnamed file, once written and flushed; -1 when it could not be made, or once taken.
    private var descriptor: Int32 = -1
    private let work: Background<Int32>

    init(target: String, bytes: [UInt8]) {
        self.target = target
        self.count = bytes.count
        // The bytes are held by a box the writer empties once they are written, so that the
        // caller's document is again the one owner of its text before it is edited.
        let box = BytesBox(bytes)
        let folder = FileStore.directory(of: target)
        work = Background {
            #if canImport(Glibc)
            let fd = PathCalls.open(folder, LinuxCalls.openUnnamed | O_WRONLY | O_CLOEXEC, mode_t(0o600))
            guard fd >= 0 else { box.release(); return -1 }
            let written = box.withBytes { bytes in (try? FileStore.writeAll(bytes, to: fd, path: target)) != nil }
            box.release()
            guard written, fdatasync(fd) == 0 else {
                close(fd)
                return -1
            }
            return fd
            #else
            box.release()
            return -1
            #endif
        }
    }

    /// Waits until the bytes are written (and no longer held).
    public func waitUntilWritten() {
        lock.lock()
        defer { lock.unlock() }
        if descriptor == -1 { descriptor = work.value }
    }

    /// The unnamed file's descriptor, holding `count` bytes, flushed; the caller owns it from now
    /// on. Nil when there is none, or it was taken already.
    func take() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if descriptor == -1 { descriptor = work.value }
        let fd = descriptor
        descriptor = -2
        return fd >= 0 ? fd : nil
    }

    deinit {
        let fd = descriptor == -1 ? work.value : descriptor
        if fd >= 0 { close(fd) }
    }
}

/// Bytes that one thread uses and then lets go of.
private final class BytesBox: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8]?

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func withBytes<T>(_ body: ([UInt8]) -> T) -> T {
        lock.lock()
        let held = bytes ?? []
        lock.unlock()
        return body(held)
    }

    func release() {
        lock.lock()
        bytes = nil
        lock.unlock()
    }
}

extension FileStore {
    /// Starts writing the bytes of `path` as they were just read to an unnamed file beside it, for
    /// `write(_:to:expecting:earlyCopy:unchangedPrefix:)` to finish (see `EarlyCopy`). Call
    /// `waitUntilWritten()` before editing a document that shares the bytes, or the first edit
    /// copies them.
    public static func startEarlyCopy(of bytes: [UInt8], for path: String) -> EarlyCopy {
        EarlyCopy(target: resolveSymlinks(path), bytes: bytes)
    }

    /// Makes an early copy hold `bytes`, of which the first `unchangedPrefix` are the ones it
    /// holds already: the rest is written over it and its length set. Returns false when that
    /// fails (the caller then closes it and writes a new file).
    static func finish(_ fd: Int32, holding count: Int, with bytes: [UInt8], unchangedPrefix: Int, path: String) -> Bool {
        let from = max(0, min(unchangedPrefix, count, bytes.count))
        var written = from
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                pwrite(fd, raw.baseAddress.map { $0 + written }, bytes.count - written, off_t(written))
            }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += n
        }
        return ftruncate(fd, off_t(bytes.count)) == 0
    }
}
