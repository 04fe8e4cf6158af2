#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The system's calls under names of their own, for code inside `FileStore`, whose static `read`
// and `write` hide them (at file scope they name the C library's on either platform).
let systemRead = read
let systemWrite = write
let systemPread = pread
let systemPwrite = pwrite

/// Why reading or saving a file failed; the file on disk is untouched.
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case notFound
        case folderMissing
        case permissionDenied
        case isDirectory
        case diskFull
        case readOnlyFileSystem
        case tooLarge
        /// The file is larger than the limit for reading (`FileStore.sizeLimit`); nothing was read.
        case overSizeLimit(size: Int, limit: Int)
        /// Not a regular file (a device, a named pipe, a socket): only regular files are read or replaced.
        case notRegularFile(kind: String)
        /// Writing in place failed and the old bytes could not be put back; they are in `backup`.
        case inPlaceWriteFailed(backup: String, errno: Int32)
        /// The file on disk is not what was loaded (edited by someone else, replaced or deleted).
        case changedOnDisk
        /// A file is already at the name of a file to be created; it was left alone.
        case alreadyExists
        case other(errno: Int32)
    }

    public let kind: Kind
    public let path: String
    /// What the program was doing: "read", "create a temporary file in", "write", "replace".
    public let operation: String

    public init(kind: Kind, path: String, operation: String) {
        self.kind = kind
        self.path = path
        self.operation = operation
    }

    init(errno code: Int32, path: String, operation: String) {
        let kind: Kind
        switch code {
        case ENOENT: kind = operation == "read" ? .notFound : .folderMissing
        case ENOTDIR: kind = .folderMissing
        case EACCES, EPERM: kind = .permissionDenied
        case EISDIR: kind = .isDirectory
        case ENOSPC, EDQUOT: kind = .diskFull
        case EROFS: kind = .readOnlyFileSystem
        case EFBIG: kind = .tooLarge
        default: kind = .other(errno: code)
        }
        self.init(kind: kind, path: path, operation: operation)
    }

    /// A message that says what failed, where, and what to do.
    public var description: String { "\(path): \(reason)" }

    /// What failed and what to do, without the path: for a place that names the file already.
    public var reason: String {
        switch kind {
        case .notFound: return "no such file"
        case .folderMissing: return "cannot \(operation) it: the folder does not exist"
        case .permissionDenied: return "cannot \(operation) it: permission denied"
        case .isDirectory: return "is a folder, not a file"
        case .diskFull: return "cannot \(operation) it: the disk is full; the original file is unchanged"
        case .readOnlyFileSystem: return "cannot \(operation) it: the file system is read-only"
        case .tooLarge: return "the file is too large"
        case .overSizeLimit(let size, let limit):
            return "the file is \(FileStore.sizeText(size)), over the \(FileStore.sizeText(limit)) limit for an event file; not reading it"
        case .notRegularFile(let kind):
            return "is \(kind), not a regular file; cannot \(operation) it"
        case .inPlaceWriteFailed(let backup, let code):
            return "writing it in place failed (\(String(cString: strerror(code)))) and the old bytes could not be put back; they are in \(backup)"
        case .changedOnDisk:
            return "the file changed on disk since it was loaded; not overwriting it (reload it, or save under another name)"
        case .alreadyExists:
            return "already exists; not replacing it"
        case .other(let code): return "cannot \(operation) it: \(String(cString: strerror(code)))"
        }
    }
}

/// Reads files and saves them atomically: temporary file in the same folder, fsync, rename.
public enum FileStore {
    /// The largest file `read` accepts: 1 GiB, twenty times the largest events measured (52 MB).
    public static let sizeLimit = 1 << 30

    /// A size for messages: bytes below 1 KiB, otherwise KiB, MiB or GiB with one decimal.
    public static func sizeText(_ size: Int) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard size >= 1024 else { return "\(size) bytes" }
        var value = Double(size) / 1024
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10) \(units[unit])" : "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    /// What kind of file a `stat` mode names, with its article, for messages ("a named pipe (FIFO)").
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    /// Opens a file for reading without ever waiting (a named pipe with no writer would block a
    /// plain open) and checks that it is a regular file; returns the descriptor and its `stat`.
    static func openRegular(_ path: String, operation: String = "read") throws(FileError) -> (Int32, stat) {
        let fd = PathCalls.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw FileError(errno: errno, path: path, operation: operation) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw FileError(errno: code, path: path, operation: operation)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // Reads of a regular file never wait anyway; clear the flag so nothing else changes.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return (fd, info)
        case S_IFDIR:
            close(fd)
            throw FileError(kind: .isDirectory, path: path, operation: operation)
        default:
            close(fd)
            throw FileError(kind: .notRegularFile(kind: kindName(info.st_mode)), path: path, operation: operation)
        }
    }

    /// Reads a whole regular file of at most `limit` bytes.
    ///
    /// Devices, named pipes and sockets are refused without reading a byte (so `/dev/zero` or a
    /// pipe nobody writes to cannot hang or exhaust memory), and so is a file larger than `limit`,
    /// sparse or not. Memory follows what is actually read: a file that claims more than it holds
    /// costs only its real bytes, and one that grows while being read stops at the limit.
    public static func read(_ path: String, limit: Int = sizeLimit) throws(FileError) -> [UInt8] {
        let (fd, info) = try openRegular(path)
        defer { close(fd) }
        if Int(info.st_size) > limit {
            throw FileError(kind: .overSizeLimit(size: Int(info.st_size), limit: limit), path: path, operation: "read")
        }
        // Read straight into the result, sized by fstat (plus one byte to see the end without a
        // second buffer); a file that grows meanwhile is read on in larger steps. A 64th more is
        // room for a document's first edits to grow into without a second buffer (untouched, that
        // room takes no memory).
        var result: [UInt8] = []
        let size = Int(info.st_size)
        var capacity = max(size + 1 + size / 64, 4096)
        var length = 0
        while true {
            if length == capacity {
                if length > limit {
                    throw FileError(kind: .overSizeLimit(size: length, limit: limit), path: path, operation: "read")
                }
                capacity = min(capacity * 2, limit + 2)
            }
            var failure: Int32 = 0
            var atEnd = false
            result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                initialized = 0
                guard let base = buffer.baseAddress else { return }
                // Keep what was read so far (only after the file grew past its size).
                result.withUnsafeBufferPointer { old in
                    if let from = old.baseAddress, length > 0 { base.update(from: from, count: length) }
                }
                while length < capacity {
                    let n = systemRead(fd, base + length, capacity - length)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        break
                    }
                    if n == 0 { atEnd = true; break }
                    length += n
                }
                initialized = length
            }
            if failure != 0 { throw FileError(errno: failure, path: path, operation: "read") }
            if atEnd { break }
        }
        if length > limit {
            throw FileError(kind: .overSizeLimit(size: length, limit: limit), path: path, operation: "read")
        }
        return result
    }

    /// Follows symbolic links to the final file, even when that file does not exist yet.
    static func resolveSymlinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let link = PathCalls.readlink(current) else { return current }
            current = link.hasPrefix("/") ? link : directory(of: current) + "/" + link
        }
        return current
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }
}
