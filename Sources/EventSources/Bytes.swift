#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// Byte searches over buffers through the C library (memchr, memrchr, memmem), which scan many
/// bytes per step: the fast path that lets most of a log be skipped without a parse.
enum Bytes {
    /// The first occurrence of `needle` at or after `from`.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = bytes.baseAddress, from < bytes.count else { return nil }
        return needle.withUnsafeBytes { pattern -> Int? in
            guard let found = memmem(base + from, bytes.count - from, pattern.baseAddress, pattern.count) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// True when `needle` occurs in `bytes`.
    static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in find(needle, in: buffer, from: 0) }
    }

    /// The first `byte` at or after `from`.
    static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = bytes.baseAddress, from < bytes.count else { return nil }
        guard let found = memchr(base + from, Int32(byte), bytes.count - from) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// The last `byte` in `from..<before` (the whole rest of the buffer when `before` is nil).
    static func lastIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, before: Int? = nil) -> Int? {
        let end = min(before ?? bytes.count, bytes.count)
        guard let base = bytes.baseAddress, from < end else { return nil }
        guard let found = memrchr(base + from, Int32(byte), end - from) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// How many times `byte` occurs in `from..<to`.
    static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard let base = bytes.baseAddress, from < to else { return 0 }
        var total = 0
        var position = base + from
        let end = base + min(to, bytes.count)
        while position < end, let found = memchr(position, Int32(byte), end - position) {
            total += 1
            position = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return total
    }

    /// True for JSON white space.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}
