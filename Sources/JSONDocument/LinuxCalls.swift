#if canImport(Glibc)
import Glibc

/// System calls that saving needs and Swift's Glibc module does not declare (they sit behind
/// `_GNU_SOURCE` or in `sys/xattr.h`), looked up once in the C library. Each is nil where the C
/// library lacks it, and callers fall back to the plain way.
enum LinuxCalls {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    typealias ListAttributes = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int
    typealias GetAttribute = @convention(c) (Int32, UnsafePointer<CChar>?, UnsafeMutableRawPointer?, Int) -> Int
    typealias SetAttribute = @convention(c) (Int32, UnsafePointer<CChar>?, UnsafeRawPointer?, Int, Int32) -> Int32
    typealias Allocate = @convention(c) (Int32, Int32, Int, Int) -> Int32

    static let renameat2: RenameAt2? = symbol("renameat2")
    static let flistxattr: ListAttributes? = symbol("flistxattr")
    static let fgetxattr: GetAttribute? = symbol("fgetxattr")
    static let fsetxattr: SetAttribute? = symbol("fsetxattr")
    static let fallocate: Allocate? = symbol("fallocate")

    /// `renameat2` flags: swap the two names atomically; fail when the new name exists.
    static let renameExchange: UInt32 = 2
    static let renameNoReplace: UInt32 = 1
    /// `open` flag for a file with no name in the given folder (`__O_TMPFILE | O_DIRECTORY`).
    static let openUnnamed: Int32 = 0o20000000 | O_DIRECTORY
    /// `linkat` flag: follow the `/proc/self/fd` link to the open file.
    static let followSymlink: Int32 = 0x400
    /// `fallocate` mode: reserve blocks without changing the file's size.
    static let keepSize: Int32 = 1

    private static func symbol<T>(_ name: String) -> T? {
        guard let address = dlsym(nil, name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }

    /// Swaps two names atomically; nil when the C library or the file system cannot (`EINVAL`,
    /// `ENOSYS`), otherwise 0 or the errno of the failure.
    static func exchange(_ first: String, _ second: String) -> Int32? {
        guard let renameat2 else { return nil }
        let result = PathBytes.withCString(first) { old in
            PathBytes.withCString(second) { new in renameat2(AT_FDCWD, old, AT_FDCWD, new, renameExchange) }
        }
        if result == 0 { return 0 }
        let code = errno
        return code == EINVAL || code == ENOSYS || code == EOPNOTSUPP ? nil : code
    }

    /// Copies every extended attribute (ACLs among them) from one open file to another; returns the
    /// name of the first that could not be copied, or nil when all were.
    static func copyAttributes(from source: Int32, to destination: Int32) -> String? {
        guard let flistxattr, let fgetxattr, let fsetxattr else { return nil }
        let size = flistxattr(source, nil, 0)
        guard size > 0 else { return nil }
        var names = [CChar](repeating: 0, count: size)
        let listed = flistxattr(source, &names, size)
        guard listed > 0 else { return nil }
        var start = 0
        for index in 0..<listed where names[index] == 0 {
            let name = names[start..<index].withUnsafeBufferPointer { String(decoding: UnsafeRawBufferPointer($0), as: UTF8.self) }
            start = index + 1
            guard !name.isEmpty else { continue }
            let valueSize = fgetxattr(source, name, nil, 0)
            guard valueSize >= 0 else { return name }
            var value = [UInt8](repeating: 0, count: max(valueSize, 1))
            let read = value.withUnsafeMutableBytes { fgetxattr(source, name, $0.baseAddress, valueSize) }
            guard read >= 0 else { return name }
            let set = value.withUnsafeBytes { fsetxattr(destination, name, $0.baseAddress, read, 0) }
            if set != 0 { return name }
        }
        return nil
    }
}
#endif
