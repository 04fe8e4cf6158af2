#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif


/// How a save put the new bytes in place.
public enum SaveMethod: Hashable, Sendable {
    /// A new file with the same owner, group, mode and extended attributes replaced the old one
    /// atomically (readers see the old file or the new one, never a mix).
    case replaced
    /// The bytes were written over the file itself, behind a backup copy removed afterwards,
    /// because replacing it would lose something; `reason` says what ("it has 2 hard links").
    case inPlace(reason: String)

    /// A few words for messages: nil for the ordinary replace, "written in place: REASON" otherwise.
    public var note: String? {
        switch self {
        case .replaced: return nil
        case .inPlace(let reason): return "written in place, behind a backup copy, because \(reason)"
        }
    }
}

extension FileStore {
    /// Hooks for tests to make a system call fail or to act at a chosen moment; production code
    /// uses the real calls.
    public struct Faults: Sendable {
        /// When set, writing the temporary file fails with this errno (e.g. `ENOSPC`).
        public var writeErrno: Int32?
        /// When true, the temporary file gets a name from the start (as on file systems without
        /// unnamed temporary files).
        public var namedTemporaryFile: Bool
        /// Runs when the new file is complete, just before it takes the target's place.
        public var beforeCommit: (@Sendable () -> Void)?

        public init(writeErrno: Int32? = nil, namedTemporaryFile: Bool = false, beforeCommit: (@Sendable () -> Void)? = nil) {
            self.writeErrno = writeErrno
            self.namedTemporaryFile = namedTemporaryFile
            self.beforeCommit = beforeCommit
        }
    }

    /// Writes bytes to `path` atomically and says how.
    ///
    /// The bytes go to a temporary file in the same folder (without a name until it is complete,
    /// where the file system allows), which is flushed with fsync and takes the target's place,
    /// so readers see the old file or the new one, never half of either. The new file keeps the
    /// target's owner, group, mode and extended attributes (so its ACLs); where that is impossible
    /// (a file of another owner, one with several hard links) the bytes are written over the file
    /// itself behind a backup copy instead, and the result says so. When `path` is a symbolic link,
    /// the link stays and its target file is replaced. Devices, pipes and sockets are refused.
    /// When `expected` is given, the save is refused unless the file on disk still holds exactly
    /// those bytes (nil `expected` means "create or overwrite").
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, expected: [UInt8]? = nil, faults: Faults = Faults()) throws(FileError) -> SaveMethod {
        try write(bytes, to: path, expecting: expected.map(Fingerprint.init), faults: faults)
    }

    /// Writes bytes to `path` as `write(_:to:expected:faults:)` does, refusing when the file on disk
    /// no longer has the fingerprint of what was read (nil: create or overwrite).
    ///
    /// The check is made by content, and made last: the new file is swapped with the old one in one
    /// step (`renameat2` with `RENAME_EXCHANGE`) and the file that came out is compared with the
    /// fingerprint; when it differs, the swap is undone. So a write by another program is never
    /// lost, however close to the save it comes.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, expecting fingerprint: Fingerprint?, faults: Faults = Faults()) throws(FileError) -> SaveMethod {
        try write(bytes, to: path, expecting: fingerprint, earlyCopy: nil, unchangedPrefix: 0, faults: faults)
    }

    /// Writes bytes to `path` as `write(_:to:expecting:faults:)` does, finishing an early copy of
    /// the file as it was read (see `EarlyCopy`) when there is one: of `bytes`, the first
    /// `unchangedPrefix` are the bytes it holds already, and only the rest is written.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, expecting fingerprint: Fingerprint?, earlyCopy: EarlyCopy?,
                             unchangedPrefix: Int, faults: Faults = Faults()) throws(FileError) -> SaveMethod {
        let target = resolveSymlinks(path)
        let early = earlyCopy.map { (copy: $0, unchangedPrefix: unchangedPrefix) }
        return try SaveSignals.holding { () throws(FileError) -> SaveMethod in
            try save(bytes, to: target, path: path, expecting: fingerprint, early: early, faults: faults)
        }
    }

    /// Creates a new file readable and writable by its owner only (mode 0600), refusing when the
    /// name exists: for private temporary files such as the text handed to an editor.
    public static func createPrivate(_ bytes: [UInt8], at path: String) throws(FileError) {
        let fd = PathCalls.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(0o600))
        guard fd >= 0 else { throw FileError(errno: errno, path: path, operation: "create") }
        do throws(FileError) {
            try writeAll(bytes, to: fd, path: path)
        } catch {
            close(fd)
            PathCalls.unlink(path)
            throw error
        }
        close(fd)
    }

    /// The fingerprint of a file's bytes, read in pieces (the file is never held whole).
    public static func fingerprint(of path: String) throws(FileError) -> Fingerprint {
        let (fd, _) = try openRegular(path)
        defer { close(fd) }
        return try fingerprint(fd: fd, path: path)
    }

    /// The fingerprint of an open file's bytes from its start.
    static func fingerprint(fd: Int32, path: String) throws(FileError) -> Fingerprint {
        var hasher = FingerprintHasher()
        guard readPieces(of: fd, { piece, _ in hasher.update(piece); return true }) != nil else {
            throw FileError(errno: errno, path: path, operation: "read")
        }
        return hasher.finish()
    }

    /// Reads an open file from its start in 64 KiB pieces, handing each to `body` with its offset.
    /// Returns the length read at the end, or nil when a read failed (`errno` says why) or `body`
    /// returned false.
    static func readPieces(of fd: Int32, _ body: (UnsafeRawBufferPointer, _ offset: Int) -> Bool) -> Int? {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { systemPread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return offset }
            guard chunk.withUnsafeBytes({ body(UnsafeRawBufferPointer(rebasing: $0[0..<n]), offset) }) else { return nil }
            offset += n
        }
    }

    /// Whether the file at `path` has this fingerprint (false when it is gone or not a regular file).
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

    // MARK: - Saving

    private static func save(_ bytes: [UInt8], to target: String, path: String, expecting: Fingerprint?,
                             early: (copy: EarlyCopy, unchangedPrefix: Int)? = nil, faults: Faults) throws(FileError) -> SaveMethod {
        let changed = FileError(kind: .changedOnDisk, path: path, operation: "replace")
        var info = stat()
        let exists = PathCalls.fileStatus(target, &info) == 0
        if !exists && expecting != nil && errno == ENOENT { throw changed }
        if exists {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw FileError(kind: .isDirectory, path: path, operation: "write")
            default: throw FileError(kind: .notRegularFile(kind: kindName(info.st_mode)), path: path, operation: "replace")
            }
        }
        removeStaleTemporaryFiles(of: target)
        if exists, let reason = inPlaceReason(info) {
            return try writeInPlace(bytes, to: target, path: path, reason: reason, expecting: expecting, faults: faults)
        }
        var outcome = try replace(target, with: bytes, path: path, existing: exists ? info : nil, expecting: expecting, early: early, faults: faults)
        if outcome == .noLink {
            // Unnamed files exist here but cannot be given a name (no /proc): use a named one.
            var named = faults
            named.namedTemporaryFile = true
            outcome = try replace(target, with: bytes, path: path, existing: exists ? info : nil, expecting: expecting, faults: named)
        }
        switch outcome {
        case .done, .noLink: return .replaced
        case .inPlace(let reason):
            return try writeInPlace(bytes, to: target, path: path, reason: reason, expecting: expecting, faults: faults)
        }
    }

    /// How `replace` ended when it did not throw.
    private enum ReplaceOutcome: Equatable {
        case done
        /// The new file could not take the old one's extended attributes: write in place instead.
        case inPlace(reason: String)
        /// The unnamed temporary file could not be linked into the folder.
        case noLink
    }

    /// Why a file cannot be replaced by a new one without losing something, or nil when it can.
    static func inPlaceReason(_ info: stat) -> String? {
        if info.st_nlink > 1 { return "it has \(info.st_nlink) hard links" }
        let user = geteuid()
        guard user != 0 else { return nil }
        if info.st_uid != user { return "it belongs to another user (uid \(info.st_uid))" }
        if info.st_gid != getegid() {
            let count = getgroups(0, nil)
            var groups = [gid_t](repeating: 0, count: Int(max(count, 0)))
            let listed = count > 0 ? getgroups(count, &groups) : 0
            if !groups.prefix(Int(max(listed, 0))).contains(info.st_gid) {
                return "its group (gid \(info.st_gid)) is not one of yours"
            }
        }
        return nil
    }

    /// Replaces `target` (symbolic links already followed) with a new file: written without a name
    /// where possible, flushed, given the old file's owner, mode and extended attributes, then
    /// swapped in.
    private static func replace(_ target: String, with bytes: [UInt8], path: String, existing: stat?,
                                expecting: Fingerprint?, early: (copy: EarlyCopy, unchangedPrefix: Int)? = nil,
                                faults: Faults) throws(FileError) -> ReplaceOutcome {
        let folder = directory(of: target)
        // The file on disk is read and hashed on another core while the new one is written.
        let precheck = expecting.map { expecting in Background { PreCheck(target, expecting) } }
        defer { _ = precheck?.value }
        let file = try newFile(replacing: target, in: folder, with: bytes, path: path, early: early, faults: faults)
        if let code = faults.writeErrno { throw file.discard(FileError(errno: code, path: path, operation: "write")) }
        if !file.written {
            do throws(FileError) { try writeAll(bytes, to: file.fd, path: path) } catch { throw file.discard(error) }
        }
        try setOwnerAndMode(of: file, like: existing, path: path)
        if let reason = copyAttributes(of: target, to: file, existing: existing, path: path) {
            return .inPlace(reason: reason)
        }
        guard fsync(file.fd) == 0 else { throw file.discard(FileError(errno: errno, path: path, operation: "write")) }
        // The precheck's answer is awaited while the new file has no name yet, so that a kill
        // meanwhile leaves nothing behind.
        let checked = precheck?.value
        if case .changed? = checked {
            throw file.discard(FileError(kind: .changedOnDisk, path: path, operation: "replace"))
        }
        guard let named = try name(file, beside: target, path: path) else { return .noLink }
        faults.beforeCommit?()
        try commit(named.temporary, to: target, path: path, ours: named.ours, expecting: expecting, precheck: checked)
        syncFolder(folder)
        return .done
    }

    /// The file `replace` writes: its descriptor, and its name when it was made with one.
    private struct NewFile {
        let fd: Int32
        let temporary: String?
        /// Whether it holds the new bytes already (an early copy finished with the edited tail).
        let written: Bool

        /// Closes and removes the file, and hands back the error that ends the save.
        func discard(_ error: FileError) -> FileError {
            close(fd)
            if let temporary { PathCalls.unlink(temporary) }
            return error
        }
    }

    /// Opens the file that takes the target's place: an early copy finished with the edited tail,
    /// else an unnamed file in the folder, else a temporary file with a name beside the target.
    private static func newFile(replacing target: String, in folder: String, with bytes: [UInt8], path: String,
                                early: (copy: EarlyCopy, unchangedPrefix: Int)?, faults: Faults) throws(FileError) -> NewFile {
        var fd: Int32 = -1
        var temporary: String? = nil
        // An early copy of the file as read already holds all but the edited tail.
        var written = false
        if !faults.namedTemporaryFile, let early, early.copy.target == target, let copy = early.copy.take() {
            if finish(copy, holding: early.copy.count, with: bytes, unchangedPrefix: early.unchangedPrefix, path: path) {
                fd = copy
                written = true
            } else {
                close(copy)
            }
        }
        if fd < 0 && !faults.namedTemporaryFile {
            #if canImport(Glibc)
            fd = PathCalls.open(folder, LinuxCalls.openUnnamed | O_WRONLY | O_CLOEXEC, mode_t(0o600))
            #endif
        }
        if fd < 0 {
            (fd, temporary) = try createTemporary(beside: target, path: path)
        }
        return NewFile(fd: fd, temporary: temporary, written: written)
    }

    /// Gives the new file the old one's owner and mode, or, with no old file, the mode the umask leaves.
    private static func setOwnerAndMode(of file: NewFile, like existing: stat?, path: String) throws(FileError) {
        let mode: mode_t
        if let existing {
            _ = fchown(file.fd, existing.st_uid, existing.st_gid)
            mode = existing.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        guard fchmod(file.fd, mode) == 0 else { throw file.discard(FileError(errno: errno, path: path, operation: "set permissions of")) }
    }

    /// Copies the old file's extended attributes to the new one. When one cannot be copied, the
    /// new file is discarded and the answer is why the save writes in place instead.
    private static func copyAttributes(of target: String, to file: NewFile, existing: stat?, path: String) -> String? {
        #if canImport(Glibc)
        if existing != nil {
            let source = PathCalls.open(target, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
            if source >= 0 {
                let failed = LinuxCalls.copyAttributes(from: source, to: file.fd)
                close(source)
                if let failed {
                    _ = file.discard(FileError(kind: .other(errno: 0), path: path, operation: "write"))
                    return "its extended attribute \(failed) cannot be copied to a new file"
                }
            }
        }
        #endif
        return nil
    }

    /// Closes the finished file, first giving it a name beside the target when it has none, so it
    /// can take the target's place; nil when an unnamed file cannot be linked into the folder.
    private static func name(_ file: NewFile, beside target: String, path: String) throws(FileError) -> (temporary: String, ours: stat)? {
        var temporary = file.temporary
        if temporary == nil {
            // Give the finished file a name beside the target, so it can take the target's place.
            temporary = linkUnnamed(file.fd, beside: target)
            if temporary == nil {
                close(file.fd)
                return nil
            }
        }
        var ours = stat()
        _ = fstat(file.fd, &ours)
        guard close(file.fd) == 0 else {
            let code = errno
            if let temporary { PathCalls.unlink(temporary) }
            throw FileError(errno: code, path: path, operation: "write")
        }
        guard let temporary else { return nil }
        return (temporary, ours)
    }

    /// Flushes the folder, so that the new name of the file is on disk too.
    private static func syncFolder(_ folder: String) {
        let folderFD = PathCalls.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }

    /// Puts the finished temporary file in the target's place. With a fingerprint, the two are
    /// swapped in one step and the file that came out is checked; a changed one is swapped back.
    private static func commit(_ temporary: String, to target: String, path: String, ours: stat,
                               expecting: Fingerprint?, precheck: PreCheck?) throws(FileError) {
        let changed = FileError(kind: .changedOnDisk, path: path, operation: "replace")
        guard let expecting else {
            guard PathCalls.rename(temporary, target) == 0 else {
                let code = errno
                PathCalls.unlink(temporary)
                throw FileError(errno: code, path: path, operation: "replace")
            }
            return
        }
        if case .changed? = precheck {
            PathCalls.unlink(temporary)
            throw changed
        }
        #if canImport(Glibc)
        if let result = LinuxCalls.exchange(temporary, target) {
            try checkSwapped(result, temporary, target, path: path, ours: ours, expecting: expecting, precheck: precheck)
            return
        }
        #endif
        // No atomic swap here: check as late as possible, then rename.
        let same: Bool
        do throws(FileError) { same = try holds(target, expecting) } catch {
            PathCalls.unlink(temporary)
            throw error
        }
        guard same else {
            PathCalls.unlink(temporary)
            throw changed
        }
        guard PathCalls.rename(temporary, target) == 0 else {
            let code = errno
            PathCalls.unlink(temporary)
            throw FileError(errno: code, path: path, operation: "replace")
        }
    }

    #if canImport(Glibc)
    /// After the atomic swap (`result` is its error number, 0 when it was done): keeps the new file
    /// when the one that came out is what was loaded, else swaps the two back and refuses.
    private static func checkSwapped(_ result: Int32, _ temporary: String, _ target: String, path: String, ours: stat,
                                     expecting: Fingerprint, precheck: PreCheck?) throws(FileError) {
        let changed = FileError(kind: .changedOnDisk, path: path, operation: "replace")
        guard result == 0 else {
            PathCalls.unlink(temporary)
            // The target is gone: deleted by someone else since it was loaded.
            if result == ENOENT { throw changed }
            throw FileError(errno: result, path: path, operation: "replace")
        }
        // The old file now has the temporary name: is it what was loaded? When it is the very
        // file the precheck hashed, unwritten since (same inode, size and modification time to
        // the nanosecond), yes; otherwise its bytes are read again. The change time cannot
        // take part: the swap itself sets it (ext4 stamps a renamed inode), so comparing it
        // re-read every large file while it had a temporary name, and a kill then left it.
        var outgoing = stat()
        if case .unchanged(let hashed)? = precheck, PathCalls.fileStatus(temporary, &outgoing) == 0,
           FileIdentity(outgoing).isUnwritten(since: hashed) {
            PathCalls.unlink(temporary)
            return
        }
        let same: Bool
        do throws(FileError) { same = try holds(temporary, expecting) } catch {
            swapBack(temporary, target, ours: ours)
            throw error
        }
        if same {
            PathCalls.unlink(temporary)
            return
        }
        swapBack(temporary, target, ours: ours)
        throw changed
    }
    #endif

    /// Which file a precheck hashed and when it last changed: device, inode, size, modification and
    /// change times.
    struct FileIdentity: Equatable {
        let device: UInt64
        let inode: UInt64
        let size: Int64
        let modified: [Int]
        let changed: [Int]

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            #if canImport(Glibc)
            modified = [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
            changed = [Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)]
            #else
            modified = [Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec)]
            changed = [Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec)]
            #endif
        }

        /// True when this is the same file as `earlier` and nothing was written to it since: the
        /// same inode, size and modification time (a rename changes only the change time).
        func isUnwritten(since earlier: FileIdentity) -> Bool {
            device == earlier.device && inode == earlier.inode && size == earlier.size && modified == earlier.modified
        }
    }

    /// What the file on disk held while the new file was being written.
    enum PreCheck: Sendable {
        /// It held the expected bytes, and had not changed while they were read.
        case unchanged(FileIdentity)
        /// It held other bytes, or was gone, or not a regular file.
        case changed
        /// It could not be told (a read error, or it changed while being read): check after the swap.
        case unknown

        init(_ path: String, _ expected: Fingerprint) {
            let fd: Int32
            let before: stat
            do throws(FileError) { (fd, before) = try FileStore.openRegular(path) } catch {
                switch error.kind {
                case .notFound, .notRegularFile: self = .changed
                default: self = .unknown
                }
                return
            }
            defer { close(fd) }
            guard Int(before.st_size) == expected.count else {
                self = .changed
                return
            }
            guard let hashed = try? FileStore.fingerprint(fd: fd, path: path) else {
                self = .unknown
                return
            }
            var after = stat()
            guard fstat(fd, &after) == 0, FileIdentity(before) == FileIdentity(after) else {
                self = .unknown
                return
            }
            self = hashed == expected ? .unchanged(FileIdentity(before)) : .changed
        }
    }

    #if canImport(Glibc)
    /// Undoes a swap whose outgoing file was not the one loaded: the other program's file goes back
    /// under the target's name and the new file is removed. Should a third write have landed on the
    /// target between the two swaps, that newest file is put back instead.
    private static func swapBack(_ temporary: String, _ target: String, ours: stat) {
        for _ in 0..<3 {
            guard LinuxCalls.exchange(temporary, target) == 0 else { break }
            var info = stat()
            guard PathCalls.fileStatus(temporary, &info) == 0 else { return }
            if info.st_ino == ours.st_ino && info.st_dev == ours.st_dev {
                PathCalls.unlink(temporary)
                return
            }
            // Someone else's file came out: the newest write belongs in the target's place.
        }
        // What remains under the temporary name is not ours; leave it for the user to see.
    }
    #endif

    /// Creates a named temporary file beside the target: `.NAME.tmp-PID-N`, private.
    private static func createTemporary(beside target: String, path: String) throws(FileError) -> (Int32, String) {
        let folder = directory(of: target)
        let prefix = folder + "/." + lastComponent(of: target) + ".tmp-\(getpid())-"
        var code: Int32 = 0
        for attempt in 0..<100 {
            let name = prefix + "\(attempt)"
            let fd = PathCalls.open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
            if fd >= 0 { return (fd, name) }
            code = errno
            if code != EEXIST { break }
        }
        var folderInfo = stat()
        if code == ENOENT || PathCalls.fileStatus(folder, &folderInfo) != 0 {
            throw FileError(kind: .folderMissing, path: path, operation: "save")
        }
        throw FileError(errno: code, path: path, operation: "create a temporary file beside")
    }

    /// Links an unnamed temporary file into the folder as `.NAME.tmp-PID-N`; nil when it cannot.
    private static func linkUnnamed(_ fd: Int32, beside target: String) -> String? {
        #if canImport(Glibc)
        let prefix = directory(of: target) + "/." + lastComponent(of: target) + ".tmp-\(getpid())-"
        for attempt in 0..<100 {
            let name = prefix + "\(attempt)"
            if PathCalls.link(descriptor: fd, to: name, flags: LinuxCalls.followSymlink) == 0 { return name }
            if errno != EEXIST { break }
        }
        #endif
        return nil
    }

    /// Writes the bytes over the file itself, for files a new file cannot replace without loss.
    ///
    /// A backup copy of the current bytes is made first (beside the file, or in the temporary
    /// folder when that one cannot be written), room for the new bytes is reserved, then they are
    /// written from the start and the file is cut to their length. When writing fails, the backup
    /// is copied back; the backup is removed once the file is complete.
    private static func writeInPlace(_ bytes: [UInt8], to target: String, path: String, reason: String,
                                     expecting: Fingerprint?, faults: Faults) throws(FileError) -> SaveMethod {
        let fd = PathCalls.open(target, O_RDWR | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw FileError(errno: errno, path: path, operation: "write") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(errno: errno, path: path, operation: "write") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileError(kind: .notRegularFile(kind: kindName(info.st_mode)), path: path, operation: "replace")
        }
        if let expecting {
            guard Int(info.st_size) == expecting.count, try fingerprint(fd: fd, path: path) == expecting else {
                throw FileError(kind: .changedOnDisk, path: path, operation: "replace")
            }
        }
        let backup = try makeBackup(of: fd, target: target, path: path)
        func restore(_ error: FileError) -> FileError {
            if copy(from: backup.fd, to: fd) {
                close(backup.fd)
                PathCalls.unlink(backup.path)
                return error
            }
            close(backup.fd)
            let code: Int32
            if case .other(let number) = error.kind { code = number } else { code = errno }
            return FileError(kind: .inPlaceWriteFailed(backup: backup.path, errno: code), path: path, operation: "write")
        }
        #if canImport(Glibc)
        if let allocate = LinuxCalls.fallocate, bytes.count > Int(info.st_size) {
            if allocate(fd, LinuxCalls.keepSize, 0, bytes.count) != 0, errno == ENOSPC || errno == EDQUOT {
                close(backup.fd)
                PathCalls.unlink(backup.path)
                throw FileError(errno: ENOSPC, path: path, operation: "write")
            }
        }
        #endif
        if let code = faults.writeErrno { throw restore(FileError(errno: code, path: path, operation: "write")) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { systemPwrite(fd, $0.baseAddress.map { $0 + written }, bytes.count - written, off_t(written)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw restore(FileError(errno: errno, path: path, operation: "write"))
            }
            written += n
        }
        guard ftruncate(fd, off_t(bytes.count)) == 0, fsync(fd) == 0 else {
            throw restore(FileError(errno: errno, path: path, operation: "write"))
        }
        close(backup.fd)
        PathCalls.unlink(backup.path)
        return .inPlace(reason: reason)
    }

    /// A private copy of an open file's bytes, flushed to disk; its descriptor stays open for a restore.
    private static func makeBackup(of fd: Int32, target: String, path: String) throws(FileError) -> (fd: Int32, path: String) {
        let name = "." + lastComponent(of: target) + ".backup-\(getpid())-"
        var folders = [directory(of: target)]
        if let temporary = getenv("TMPDIR").map({ String(cString: $0) }), !temporary.isEmpty { folders.append(temporary) }
        folders.append("/tmp")
        var code: Int32 = 0
        for folder in folders {
            for attempt in 0..<100 {
                let candidate = folder + "/" + name + "\(attempt)"
                let backup = PathCalls.open(candidate, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o600))
                if backup < 0 {
                    code = errno
                    if code == EEXIST { continue }
                    break
                }
                if copy(from: fd, to: backup) { return (backup, candidate) }
                code = errno
                close(backup)
                PathCalls.unlink(candidate)
                break
            }
        }
        throw FileError(errno: code, path: path, operation: "make a backup copy before writing")
    }

    /// Copies all of one open file over another from the start, cuts it to length and flushes it.
    private static func copy(from source: Int32, to destination: Int32) -> Bool {
        let length = readPieces(of: source) { piece, offset in
            var done = 0
            while done < piece.count {
                let m = systemPwrite(destination, piece.baseAddress.map { $0 + done }, piece.count - done, off_t(offset + done))
                if m < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += m
            }
            return true
        }
        guard let length else { return false }
        return ftruncate(destination, off_t(length)) == 0 && fsync(destination) == 0
    }

    /// Writes all of `bytes` to a descriptor at its current offset.
    static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(FileError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress.map { $0 + written }, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(errno: errno, path: path, operation: "write")
            }
            written += n
        }
    }

    /// Removes temporary files this program left beside `target` in runs that are over (ended by
    /// `kill -9` or a crash): `.NAME.tmp-PID-N` owned by this user whose process no longer exists.
    public static func removeStaleTemporaryFiles(of target: String) {
        removeFilesOfEndedRuns(in: directory(of: target), prefix: "." + lastComponent(of: target) + ".tmp-") { rest in
            let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy(\.isNumber) else { return nil }
            return Int32(parts[0])
        }
    }

    /// Removes the files in `folder` whose names are `prefix` followed by text from which
    /// `process` reads a process id, when that process no longer exists: regular files owned by
    /// this user only, never this process's own.
    public static func removeFilesOfEndedRuns(in folder: String, prefix: String, process: (Substring) -> Int32?) {
        guard let listing = PathCalls.opendir(folder) else { return }
        var stale: [String] = []
        while let entry = readdir(listing) {
            let name = PathCalls.name(of: entry)
            guard name.hasPrefix(prefix), let pid = process(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno != ESRCH { continue }
            stale.append(folder + "/" + name)
        }
        closedir(listing)
        for path in stale {
            var info = stat()
            guard PathCalls.linkStatus(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == geteuid() else { continue }
            PathCalls.unlink(path)
        }
    }

    static func lastComponent(of path: String) -> String {
        String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    }
}
