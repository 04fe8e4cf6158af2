/// File names as the system has them (bytes, not always UTF-8) carried in Swift strings without loss.
///
/// A Linux file name is any bytes but `/` and NUL; `latin1-\xe9.json` is not UTF-8, and decoding it
/// the usual way turns the byte into U+FFFD, after which the name opens nothing. Here each byte that
/// is not part of valid UTF-8 becomes one scalar of the private-use range U+F700–U+F7FF (U+F700 plus
/// the byte), and `withCString` turns those back into the bytes for system calls. A name that really
/// holds scalars of that range has their UTF-8 bytes stored the same way, so every name comes back
/// exactly. Names that are valid UTF-8 (nearly all) are plain strings, untouched. For people
/// `TerminalText.escaped` shows each such byte as `\xE9` (the range is named there too).
public enum PathBytes {
    /// The first scalar of the range that stands for raw bytes.
    static let base: UInt32 = 0xF700

    /// True for the scalars that stand for one raw byte.
    public static func isRawByte(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= base && scalar.value <= base + 0xFF
    }

    /// A string for a file name's bytes (from `readdir`, `readlink` or the command line).
    public static func string<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let array = Array(bytes)
        // ASCII (nearly every name) holds no raw byte and no scalar of the raw-byte range.
        if !array.contains(where: { $0 >= 0x80 }) { return String(decoding: array, as: UTF8.self) }
        if let text = String(validating: array, as: UTF8.self),
           !text.unicodeScalars.contains(where: isRawByte) {
            return text
        }
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < array.count {
            let length = validSequenceLength(array, at: index)
            if length > 0,
               let scalar = String(validating: array[index..<(index + length)], as: UTF8.self)?.unicodeScalars.first,
               !isRawByte(scalar) {
                scalars.append(scalar)
                index += length
            } else {
                let count = max(length, 1)
                for byte in array[index..<(index + count)] {
                    scalars.append(Unicode.Scalar(base + UInt32(byte)) ?? "\u{FFFD}")
                }
                index += count
            }
        }
        return String(scalars)
    }

    /// The bytes of a file name held by `string(_:)` (or typed by the user: plain UTF-8).
    public static func bytes(_ path: String) -> [UInt8] {
        // The raw-byte scalars are not ASCII: an ASCII path is its UTF-8 bytes.
        let ascii = path.utf8.withContiguousStorageIfAvailable { !$0.contains { $0 >= 0x80 } } ?? false
        guard !ascii, path.unicodeScalars.contains(where: isRawByte) else { return Array(path.utf8) }
        var result: [UInt8] = []
        for scalar in path.unicodeScalars {
            if isRawByte(scalar) {
                result.append(UInt8(scalar.value - base))
            } else {
                result.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return result
    }

    /// Runs `body` with the name's bytes as a C string, for a system call.
    public static func withCString<T, E: Error>(_ path: String, _ body: (UnsafePointer<CChar>) throws(E) -> T) throws(E) -> T {
        var bytes = bytes(path).map { CChar(bitPattern: $0) }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(E) -> T in
            guard let base = buffer.baseAddress else { return try body("") }
            return try body(base)
        }
    }

    /// How many bytes the valid UTF-8 sequence at `index` has, or 0 when none starts there.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let length: Int
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        // Overlong forms, surrogates and values past U+10FFFF are caught by the validating decoder.
        return length
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls on file names, taking names as `PathBytes` holds them (so a name that is not
/// UTF-8 reaches the system as the bytes it came as).
public enum PathCalls {
    /// `open(2)`.
    public static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        PathBytes.withCString(path) { systemOpen($0, flags, mode) }
    }

    /// `stat(2)`: follows symbolic links.
    public static func fileStatus(_ path: String, _ info: inout stat) -> Int32 {
        PathBytes.withCString(path) { systemStat($0, &info) }
    }

    /// `lstat(2)`: the link itself.
    public static func linkStatus(_ path: String, _ info: inout stat) -> Int32 {
        PathBytes.withCString(path) { systemLstat($0, &info) }
    }

    /// `rename(2)`.
    public static func rename(_ from: String, _ to: String) -> Int32 {
        PathBytes.withCString(from) { old in PathBytes.withCString(to) { new in systemRename(old, new) } }
    }

    /// `unlink(2)`.
    @discardableResult
    public static func unlink(_ path: String) -> Int32 {
        PathBytes.withCString(path) { systemUnlink($0) }
    }

    /// `opendir(3)`.
    public static func opendir(_ path: String) -> OpaquePointer? {
        PathBytes.withCString(path) { systemOpendir($0) }
    }

    /// `linkat(2)` of an open descriptor (through `/proc/self/fd`) to a new name.
    static func link(descriptor fd: Int32, to path: String, flags: Int32) -> Int32 {
        PathBytes.withCString(path) { linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, $0, flags) }
    }

    /// The target of a symbolic link, or nil when `path` is not one.
    static func readlink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = PathBytes.withCString(path) { systemReadlink($0, &buffer, buffer.count - 1) }
        guard n > 0 else { return nil }
        return PathBytes.string(buffer[0..<n].map { UInt8(bitPattern: $0) })
    }

    /// The name of a directory entry, as `PathBytes` holds names.
    public static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in PathBytes.string(raw.prefix { $0 != 0 }) }
    }
}

// The system's calls under names of their own, for code inside `PathCalls`, whose static
// functions of the same names hide them (at file scope they name the C library's on either platform).
private func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemStat(_ path: UnsafePointer<CChar>, _ info: UnsafeMutablePointer<stat>) -> Int32 { stat(path, info) }
private func systemLstat(_ path: UnsafePointer<CChar>, _ info: UnsafeMutablePointer<stat>) -> Int32 { lstat(path, info) }
private func systemRename(_ old: UnsafePointer<CChar>, _ new: UnsafePointer<CChar>) -> Int32 { rename(old, new) }
private func systemUnlink(_ path: UnsafePointer<CChar>) -> Int32 { unlink(path) }
private func systemOpendir(_ path: UnsafePointer<CChar>) -> OpaquePointer? { opendir(path) }
private func systemReadlink(_ path: UnsafePointer<CChar>, _ buffer: UnsafeMutablePointer<CChar>, _ size: Int) -> Int { readlink(path, buffer, size) }
