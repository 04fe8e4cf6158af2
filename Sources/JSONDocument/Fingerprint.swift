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
///
/// Words of 8 bytes go round-robin into four lanes, so the multiplications of neighbouring words
/// do not wait for each other (a 52 MB file hashes in a few milliseconds).
struct FingerprintHasher {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)
    private var count = 0
    /// Whole words mixed so far (which lane the next word goes to).
    private var words = 0
    /// Bytes of a word not complete yet, low byte first.
    private var partial: UInt64 = 0
    private var partialCount = 0

    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    private static func mixed(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let product = (lane ^ word) &* multiplier
        return product ^ (product >> 31)
    }

    private mutating func mix(_ word: UInt64) {
        switch words & 3 {
        case 0: lanes.0 = Self.mixed(lanes.0, word)
        case 1: lanes.1 = Self.mixed(lanes.1, word)
        case 2: lanes.2 = Self.mixed(lanes.2, word)
        default: lanes.3 = Self.mixed(lanes.3, word)
        }
        words += 1
    }

    mutating func update(_ buffer: UnsafeRawBufferPointer) {
        count += buffer.count
        var index = 0
        // Finish a word begun by the previous piece.
        while partialCount > 0 && index < buffer.count {
            partial |= UInt64(buffer[index]) << UInt64(partialCount * 8)
            partialCount += 1
            index += 1
            if partialCount == 8 {
                mix(partial)
                partial = 0
                partialCount = 0
            }
        }
        // Single words up to the first lane, then four words at a time.
        while words & 3 != 0 && index + 8 <= buffer.count {
            mix(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            index += 8
        }
        var (a, b, c, d) = lanes
        var blocks = 0
        while index + 32 <= buffer.count {
            a = Self.mixed(a, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            b = Self.mixed(b, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)))
            c = Self.mixed(c, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)))
            d = Self.mixed(d, UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)))
            index += 32
            blocks += 1
        }
        lanes = (a, b, c, d)
        words += blocks * 4
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
        var hash = UInt64(truncatingIfNeeded: count)
        for lane in [copy.lanes.0, copy.lanes.1, copy.lanes.2, copy.lanes.3] { hash = Self.mixed(hash, lane) }
        return Fingerprint(count: count, hash: Self.mixed(hash, hash >> 17))
    }
}
