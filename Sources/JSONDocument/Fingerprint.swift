/// What a file held, in 16 bytes however large it is: its length and a 64-bit hash of its bytes.
///
/// Keeping a fingerprint instead of a copy of the bytes lets a program that edits a large file
/// still refuse to save over it when it changed on disk (`FileStore.write(_:to:expecting:)`),
/// without holding the file in memory twice. The hash is not cryptographic: it tells an edited
/// file from the one that was read, which is all it is for.
public struct Fingerprint: Hashable, Sendable {
    public let count: Int
    public let hash: UInt64

    /// The fingerprint of these bytes.
    public init(_ bytes: [UInt8]) {
        var hasher = FingerprintHasher()
        bytes.withUnsafeBytes { hasher.update($0) }
        self = hasher.finish()
    }

    init(count: Int, hash: UInt64) {
        self.count = count
        self.hash = hash
    }
}

/// Hashes bytes fed in pieces of any size; the result depends only on the bytes, not on the pieces.
struct FingerprintHasher {
    private var state: UInt64 = 0x243F_6A88_85A3_08D3
    private var count = 0
    /// Bytes of a word not complete yet, low byte first.
    private var partial: UInt64 = 0
    private var partialCount = 0

    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    private mutating func mix(_ word: UInt64) {
        state = (state ^ word) &* Self.multiplier
        state ^= state >> 31
    }

    mutating func update(_ buffer: UnsafeRawBufferPointer) {
        count += buffer.count
        var index = 0
        // Finish a word begun by the previous piece.
        while partialCount > 0 && partialCount < 8 && index < buffer.count {
            partial |= UInt64(buffer[index]) << UInt64(partialCount * 8)
            partialCount += 1
            index += 1
        }
        if partialCount == 8 {
            mix(partial)
            partial = 0
            partialCount = 0
        }
        // Whole words.
        while index + 8 <= buffer.count {
            mix(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        // The rest waits for the next piece.
        while index < buffer.count {
            partial |= UInt64(buffer[index]) << UInt64(partialCount * 8)
            partialCount += 1
            index += 1
        }
    }

    func finish() -> Fingerprint {
        var copy = self
        if copy.partialCount > 0 { copy.mix(copy.partial ^ (UInt64(copy.partialCount) << 59)) }
        copy.mix(UInt64(truncatingIfNeeded: count))
        return Fingerprint(count: count, hash: copy.state)
    }
}
