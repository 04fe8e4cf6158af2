import Foundation
import JSONDocument
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unsaved edits kept on disk when the explorer is ended by a signal (SIGTERM, SIGHUP, ...):
/// `.NAME.recover` beside the event file `NAME`, readable and writable by its owner only (0600).
///
/// The next time the file is opened the explorer offers to restore the edits, discard them or
/// keep the recovery file for later.
public enum RecoveryFile {
    /// Recovery files larger than this are not read back (the explorer's own files are event-sized).
    public static let sizeLimit = 512 * 1024 * 1024

    /// The recovery file's path for the event file at `path`: `.NAME.recover` in the same folder.
    public static func path(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return folder + "." + name + ".recover"
    }

    /// Why a recovery file could not be written or read.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The recovery file's path.
        public let path: String
        /// What went wrong, in words.
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `bytes` as the recovery file of `eventPath`, replacing an older one: written to a
    /// private temporary name, flushed, then renamed into place, so a half file is never left.
    public static func write(_ bytes: [UInt8], for eventPath: String) throws(Failure) {
        let target = path(for: eventPath)
        let temporary = target + ".tmp-\(getpid())"
        func failure(_ what: String, _ code: Int32 = errno) -> Failure {
            Failure(path: target, reason: "\(what): \(String(cString: strerror(code)))")
        }
        PathCalls.unlink(temporary)
        let descriptor = PathCalls.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create it") }
        var problem: Failure?
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        do { try handle.write(contentsOf: bytes) } catch { problem = failure("cannot write it") }
        if problem == nil && fsync(descriptor) != 0 { problem = failure("cannot flush it to disk") }
        close(descriptor)
        if problem == nil && PathCalls.rename(temporary, target) != 0 { problem = failure("cannot move it into place") }
        if let problem {
            PathCalls.unlink(temporary)
            throw problem
        }
    }

    /// The bytes of the recovery file of `eventPath`, or nil when there is none, or it is not a
    /// regular file owned by this user, or it is larger than `sizeLimit`.
    public static func read(for eventPath: String) -> [UInt8]? {
        let source = path(for: eventPath)
        let descriptor = PathCalls.open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == getuid(),
              info.st_size <= off_t(sizeLimit) else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        guard let data = try? handle.readToEnd() else { return nil }
        return [UInt8](data)
    }

    /// Deletes the recovery file of `eventPath`; nothing happens when there is none.
    public static func remove(for eventPath: String) {
        PathCalls.unlink(path(for: eventPath))
    }

    /// Deletes the temporary files (`.NAME.recover.tmp-PID`) that a `write` for `eventPath` left
    /// when its process was killed outright (kill -9) before the rename: only regular files of
    /// this user whose process is gone; another run's file in the middle of its write stays.
    public static func removeStaleTemporaryFiles(for eventPath: String) {
        let target = path(for: eventPath)
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        FileStore.removeFilesOfEndedRuns(in: folder.isEmpty ? "/" : folder, prefix: name + ".tmp-") { Int32($0) }
    }
}
