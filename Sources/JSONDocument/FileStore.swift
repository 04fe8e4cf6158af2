#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let posixRead = Glibc.read
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
private let posixRead = Darwin.read
private let posixWrite = Darwin.write
#endif

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
        /// The file on disk is not what was loaded (edited by someone else, replaced or deleted).
        case changedOnDisk
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
    public var description: String {
        switch kind {
        case .notFound: return "\(path): no such file"
        case .folderMissing: return "\(path): cannot \(operation) it: the folder does not exist"
        case .permissionDenied: return "\(path): cannot \(operation) it: permission denied"
        case .isDirectory: return "\(path): is a folder, not a file"
        case .diskFull: return "\(path): cannot \(operation) it: the disk is full; the original file is unchanged"
        case .readOnlyFileSystem: return "\(path): cannot \(operation) it: the file system is read-only"
        case .tooLarge: return "\(path): the file is too large"
        case .overSizeLimit(let size, let limit):
            return "\(path): the file is \(FileStore.sizeText(size)), over the \(FileStore.sizeText(limit)) limit for an event file; not reading it"
        case .notRegularFile(let kind):
            return "\(path): is \(kind), not a regular file; cannot \(operation) it"
        case .changedOnDisk:
            return "\(path): the file changed on disk since it was loaded; not overwriting it (reload it, or save under another name)"
        case .other(let code): return "\(path): cannot \(operation) it: \(String(cString: strerror(code)))"
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
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
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
                    let n = posixRead(fd, base + length, capacity - length)
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

    /// Hooks for tests to make a system call fail; production code uses the real calls.
    public struct Faults: Sendable {
        /// When set, writing the temporary file fails with this errno (e.g. `ENOSPC`).
        public var writeErrno: Int32?
        public init(writeErrno: Int32? = nil) { self.writeErrno = writeErrno }
    }

    /// Writes bytes to `path` atomically.
    ///
    /// The bytes go to a temporary file in the same folder, which is flushed with fsync and renamed
    /// over the target, so readers see the old file or the new one, never half of either. The target
    /// keeps its permission bits (and owner, where allowed). When `path` is a symbolic link, the link
    /// stays and its target file is replaced. When `expected` is given, the save is refused unless the
    /// file on disk still holds those bytes, as far as their fingerprint tells (nil `expected` means
    /// "create or overwrite").
    public static func write(_ bytes: [UInt8], to path: String, expected: [UInt8]? = nil, faults: Faults = Faults()) throws(FileError) {
        try write(bytes, to: path, expecting: expected.map(Fingerprint.init), faults: faults)
    }

    /// Writes bytes to `path` atomically as `write(_:to:expected:faults:)` does, refusing when the
    /// file on disk no longer has the fingerprint of what was read (nil: create or overwrite).
    public static func write(_ bytes: [UInt8], to path: String, expecting fingerprint: Fingerprint?, faults: Faults = Faults()) throws(FileError) {
        let target = resolveSymlinks(path)
        guard let fingerprint else {
            try replace(target, with: bytes, path: path, faults: faults, beforeRename: {})
            return
        }
        // The file on disk is read and hashed on another thread while the new bytes go to the
        // temporary file; the rename waits for the answer. A changed file is reported as such even
        // when writing failed too, as it was when the check came first.
        let check = Background { () -> Result<Bool, FileError> in
            do throws(FileError) { return .success(try holds(target, fingerprint)) } catch { return .failure(error) }
        }
        let changed = FileError(kind: .changedOnDisk, path: path, operation: "replace")
        do throws(FileError) {
            try replace(target, with: bytes, path: path, faults: faults) { () throws(FileError) in
                guard try check.value.get() else { throw changed }
            }
        } catch {
            if error.kind != .changedOnDisk, case .success(false) = check.value { throw changed }
            throw error
        }
    }

    /// The fingerprint of a file's bytes, read in pieces (the file is never held whole).
    public static func fingerprint(of path: String) throws(FileError) -> Fingerprint {
        let (fd, _) = try openRegular(path)
        defer { close(fd) }
        return try fingerprint(fd: fd, path: path)
    }

    private static func fingerprint(fd: Int32, path: String) throws(FileError) -> Fingerprint {
        var hasher = FingerprintHasher()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(errno: errno, path: path, operation: "read")
            }
            if n == 0 { return hasher.finish() }
            chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
    }

    /// Whether the file at `path` has this fingerprint (false when it is gone).
    static func holds(_ path: String, _ expected: Fingerprint) throws(FileError) -> Bool {
        let fd: Int32
        let info: stat
        do throws(FileError) { (fd, info) = try openRegular(path) } catch {
            switch error.kind {
            // Gone, or replaced by a device or a pipe: not the file that was loaded.
            case .notFound, .notRegularFile: return false
            default: throw error
            }
        }
        defer { close(fd) }
        if Int(info.st_size) != expected.count { return false }
        return try fingerprint(fd: fd, path: path) == expected
    }

    /// Replaces `target` (symbolic links already followed) with bytes: temporary file, fsync, rename.
    /// `beforeRename` runs once the temporary file is complete; when it throws, the temporary file
    /// is removed and the target left alone.
    private static func replace(_ target: String, with bytes: [UInt8], path: String, faults: Faults,
                                beforeRename: () throws(FileError) -> Void) throws(FileError) {
        var mode: mode_t = 0o644
        var owner: (uid_t, gid_t)? = nil
        var info = stat()
        if stat(target, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError(kind: .isDirectory, path: path, operation: "write") }
            mode = info.st_mode & 0o7777
            owner = (info.st_uid, info.st_gid)
        } else {
            let umaskValue = umask(0)
            umask(umaskValue)
            mode = 0o666 & ~umaskValue
        }
        let folder = directory(of: target)
        let name = String(target.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        var temporary = ""
        var fd: Int32 = -1
        for attempt in 0..<100 {
            temporary = folder + "/." + name + ".tmp-\(getpid())-\(attempt)"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            let code = errno
            var folderInfo = stat()
            if code == ENOENT || stat(folder, &folderInfo) != 0 {
                throw FileError(kind: .folderMissing, path: path, operation: "save")
            }
            throw FileError(errno: code, path: path, operation: "create a temporary file beside")
        }
        func fail(_ code: Int32, _ operation: String) -> FileError {
            close(fd)
            unlink(temporary)
            return FileError(errno: code, path: path, operation: operation)
        }
        if let code = faults.writeErrno { throw fail(code, "write") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return posixWrite(fd, base + written, buffer.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(errno, "write")
            }
            written += n
        }
        if let owner { _ = fchown(fd, owner.0, owner.1) }
        guard fchmod(fd, mode) == 0 else { throw fail(errno, "set permissions of") }
        guard fsync(fd) == 0 else { throw fail(errno, "write") }
        guard close(fd) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileError(errno: code, path: path, operation: "write")
        }
        do { try beforeRename() } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileError(errno: code, path: path, operation: "replace")
        }
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }

    /// Follows symbolic links to the final file, even when that file does not exist yet.
    static func resolveSymlinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
