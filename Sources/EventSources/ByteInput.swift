#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// A growable window of bytes read from a source: bytes before `start` may be dropped when more
/// are read, so memory stays bounded by what the reader chooses to keep.
final class ByteWindow {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// Number of valid bytes at `pointer`.
    private(set) var count = 0
    /// Offset in the whole input of `pointer[0]`.
    private(set) var base = 0

    init(capacity: Int = 1 << 20) {
        self.capacity = capacity
        pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit { pointer.deallocate() }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: pointer, count: count) }

    /// Drops the bytes before `index`, moving the rest to the front.
    func drop(before index: Int) {
        guard index > 0 else { return }
        let kept = count - index
        if kept > 0 { memmove(pointer, pointer + index, kept) }
        count = kept
        base += index
    }

    /// Forgets every byte and starts counting offsets from zero again.
    func reset() {
        count = 0
        base = 0
    }

    /// Makes room for at least `bytes` more bytes and returns where they go.
    func reserve(_ bytes: Int) -> UnsafeMutablePointer<UInt8> {
        if count + bytes > capacity {
            var newCapacity = capacity
            while count + bytes > newCapacity { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: pointer, count: count)
            pointer.deallocate()
            pointer = grown
            capacity = newCapacity
        }
        return pointer + count
    }

    /// Counts `bytes` written after `reserve` as valid.
    func commit(_ bytes: Int) { count += bytes }

    /// Shrinks the allocation back when a long record made it grow and the window is now small.
    func shrinkIfIdle(to target: Int) {
        guard capacity > target * 4, count <= target else { return }
        let smaller = UnsafeMutablePointer<UInt8>.allocate(capacity: target)
        smaller.update(from: pointer, count: count)
        pointer.deallocate()
        pointer = smaller
        capacity = target
    }
}

/// Something that fills a window with more bytes.
protocol ByteInput: AnyObject {
    /// Appends up to `maximum` bytes to the window; returns 0 at the end of the input.
    func read(into window: ByteWindow, maximum: Int) throws(SourceError) -> Int
}

/// Bytes from a file descriptor (a file, a pipe, a FIFO or a terminal), as they arrive.
final class DescriptorInput: ByteInput {
    let descriptor: Int32
    let name: String
    private let closesDescriptor: Bool

    init(descriptor: Int32, name: String, closesDescriptor: Bool) {
        self.descriptor = descriptor
        self.name = name
        self.closesDescriptor = closesDescriptor
    }

    deinit { if closesDescriptor { close(descriptor) } }

    func read(into window: ByteWindow, maximum: Int) throws(SourceError) -> Int {
        let target = window.reserve(maximum)
        while true {
            #if canImport(Glibc)
            let got = Glibc.read(descriptor, target, maximum)
            #else
            let got = Darwin.read(descriptor, target, maximum)
            #endif
            if got >= 0 {
                window.commit(got)
                return got
            }
            if errno == EINTR { continue }
            if errno == EISDIR { throw SourceError(source: name, kind: .isFolder) }
            throw SourceError(source: name, kind: .readFailed(errno: errno))
        }
    }
}

/// Bytes already in memory, handed out in one piece.
final class MemoryInput: ByteInput {
    private var bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into window: ByteWindow, maximum: Int) throws(SourceError) -> Int {
        let length = min(maximum, bytes.count - offset)
        guard length > 0 else { return 0 }
        let target = window.reserve(length)
        bytes.withUnsafeBufferPointer { source in
            guard let start = source.baseAddress else { return }
            target.update(from: start + offset, count: length)
        }
        window.commit(length)
        offset += length
        if offset == bytes.count { bytes = [] }
        return length
    }
}

/// Gzip data decompressed with zlib as it is read; files of several gzip members (as `cat a.gz
/// b.gz` makes) are read through, and a file cut short is an error after the bytes before the cut.
final class GzipInput: ByteInput {
    private let compressed: ByteInput
    private let name: String
    private let inputWindow = ByteWindow(capacity: 1 << 18)
    private var stream = z_stream()
    private var started = false
    private var finished = false
    private var memberEnded = false
    private var compressedEnded = false
    /// Compressed bytes consumed so far.
    private(set) var compressedBytes = 0

    init(compressed: ByteInput, name: String, prefix: [UInt8]) {
        self.compressed = compressed
        self.name = name
        if !prefix.isEmpty {
            let target = inputWindow.reserve(prefix.count)
            prefix.withUnsafeBufferPointer { source in
                if let start = source.baseAddress { target.update(from: start, count: prefix.count) }
            }
            inputWindow.commit(prefix.count)
        }
    }

    deinit { if started { inflateEnd(&stream) } }

    private func start() throws(SourceError) {
        let status = inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw SourceError(source: name, kind: .gzipCorrupt("zlib could not start (\(status))")) }
        started = true
    }

    func read(into window: ByteWindow, maximum: Int) throws(SourceError) -> Int {
        if finished { return 0 }
        if !started { try start() }
        let target = window.reserve(maximum)
        while true {
            if inputWindow.count == 0 && !compressedEnded {
                inputWindow.drop(before: inputWindow.count)
                if try compressed.read(into: inputWindow, maximum: 1 << 18) == 0 { compressedEnded = true }
            }
            if memberEnded {
                // After one member: another member, zero padding, or the end.
                switch try afterMember() {
                case .ended: return 0
                case .readMore: continue
                case .nextMember: break
                }
            }
            let available = inputWindow.count
            if available == 0 && compressedEnded { throw SourceError(source: name, kind: .gzipTruncated) }
            stream.next_in = inputWindow.pointer
            stream.avail_in = UInt32(available)
            stream.next_out = target
            stream.avail_out = UInt32(maximum)
            let status = inflate(&stream, Z_NO_FLUSH)
            let consumed = available - Int(stream.avail_in)
            inputWindow.drop(before: consumed)
            compressedBytes += consumed
            let produced = maximum - Int(stream.avail_out)
            if let given = try outcome(of: status, produced: produced, consumed: consumed, into: window) { return given }
        }
    }

    /// What follows the end of a gzip member.
    private enum AfterMember {
        /// The end of the input.
        case ended
        /// Nothing to look at in hand yet, or zero padding skipped: read on.
        case readMore
        /// Another member starts: inflate it.
        case nextMember
    }

    /// Looks at what follows a member: another member, zero padding (skipped), or the end.
    private func afterMember() throws(SourceError) -> AfterMember {
        let rest = inputWindow.buffer
        if rest.isEmpty && compressedEnded { finished = true; return .ended }
        if rest.isEmpty { return .readMore }
        if rest.allSatisfy({ $0 == 0 }) {
            compressedBytes += rest.count
            inputWindow.drop(before: rest.count)
            return .readMore
        }
        guard rest[0] == 0x1F else {
            throw SourceError(source: name, kind: .gzipCorrupt("data after the end of the gzip stream"))
        }
        inflateReset(&stream)
        memberEnded = false
        return .nextMember
    }

    /// What a call of zlib's inflate gave: the number of bytes it produced (committed to the
    /// window), nil when it produced none and reading goes on, or an error for a corrupt or cut stream.
    private func outcome(of status: Int32, produced: Int, consumed: Int, into window: ByteWindow) throws(SourceError) -> Int? {
        switch status {
        case Z_OK, Z_BUF_ERROR:
            if produced > 0 {
                window.commit(produced)
                return produced
            }
            if consumed == 0 && compressedEnded && inputWindow.count == 0 {
                throw SourceError(source: name, kind: .gzipTruncated)
            }
        case Z_STREAM_END:
            memberEnded = true
            if produced > 0 {
                window.commit(produced)
                return produced
            }
        case Z_DATA_ERROR:
            let reason = stream.msg.map { String(cString: $0) } ?? "corrupt data"
            throw SourceError(source: name, kind: .gzipCorrupt(reason))
        case Z_MEM_ERROR:
            throw SourceError(source: name, kind: .gzipCorrupt("out of memory"))
        default:
            throw SourceError(source: name, kind: .gzipCorrupt("zlib status \(status)"))
        }
        return nil
    }
}
