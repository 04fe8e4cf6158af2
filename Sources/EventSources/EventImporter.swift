#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CognitoTriggers
import Dispatch
import Foundation
import JSONDocument

/// Writes found events into a folder laid out as `fixtures/` is: one pretty-printed file per
/// distinct event, in a folder per trigger, named by trigger source and user.
///
/// A file is never replaced: each is written to a temporary file in its folder, flushed to disk,
/// then linked to its name, which fails when the name exists (an exclusive create, not a check
/// followed by a write). Identical events are written once, within a run and across runs.
///
/// Files are flushed in batches: up to `batchSize` temporary files are written, flushed to disk
/// together, and only then linked to their names, so a name never shows a file that is not
/// completely on disk. `finish()` flushes the last batch and must be called.
public final class EventImporter {
    /// What happened to one event.
    public enum Outcome: Sendable, Hashable {
        /// Written to this path.
        case written(String)
        /// Would be written to this path (a dry run).
        case wouldWrite(String)
        /// The same event was met before in this run (written to, or planned for, this path).
        case duplicate(of: String)
        /// A file with exactly this content already exists at this path.
        case alreadyPresent(String)
    }

    /// Why an event could not be written; nothing is left half-written.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The path that failed.
        public let path: String
        /// What was being done.
        public let operation: String
        /// The system's error number.
        public let code: Int32

        /// The message: what failed, where, and the system's reason.
        public var description: String {
            let reason = code == ENOSPC ? "the disk is full" : String(cString: strerror(code))
            return "\(path): cannot \(operation): \(reason); files written so far are complete"
        }
    }

    /// The folder written into.
    public let folder: String
    /// True when nothing is written, only planned.
    public let dryRun: Bool
    /// The files of this run by content hash. An event is taken as a duplicate when its length and
    /// two independent 64-bit hashes match (a 128-bit fingerprint), so the files written are
    /// never read back.
    private var seen: [UInt64: [(path: String, check: UInt64, length: Int)]] = [:]
    /// In a dry run, the planned files' text (nothing is on disk to compare with).
    private var planned: [String: [UInt8]] = [:]
    private var createdFolders: Set<String> = []
    /// Written temporary files waiting for the next flush, and the texts of their names.
    private var pending: [Pending] = []
    private var pendingTexts: [String: [UInt8]] = [:]
    /// How many files are written before one flush makes them durable and gives them their names.
    public var batchSize = 128

    private struct Pending {
        let temporary: String
        let path: String
        let alternatives: [String]
        let text: [UInt8]
        let folder: String
    }

    /// A file that went to another name than `add` said: its name was taken by another program
    /// between `add` and the flush.
    public struct Renamed: Sendable, Hashable {
        /// The name `add` reported.
        public let planned: String
        /// The name it has (nil when an identical file had taken the name: nothing was written).
        public let actual: String?
    }

    /// An importer into `folder` (created when missing, unless `dryRun`).
    public init(folder: String, dryRun: Bool) {
        self.folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        self.dryRun = dryRun
    }

    /// The folder `fixtures/` uses for a trigger (`Trigger.folderName`); `unknown-trigger` for none.
    public static func folderName(for trigger: Trigger?) -> String {
        trigger?.folderName ?? "unknown-trigger"
    }

    /// The event as it is written: pretty-printed with 2-space indents and a final newline.
    public static func text(of event: TriggerEvent) -> [UInt8] {
        Array(event.document.root.value.prettyText().utf8) + [0x0A]
    }

    /// A name part made safe for any file system: letters, digits and `.-_@+` kept, anything else
    /// (slashes, controls, spaces, non-ASCII) as `_`, at most 64 characters, never starting with `.`.
    public static func safeName(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(64) {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", "@", "+", ".": result.unicodeScalars.append(scalar)
            default: result += "_"
            }
        }
        while result.hasPrefix(".") { result = "_" + result.dropFirst() }
        return result.isEmpty ? "_" : result
    }

    /// A 64-bit FNV-1a hash of bytes: names files apart and finds duplicates.
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }

    /// A second hash, independent of `hash` (a multiply-rotate mix over 8-byte words), which
    /// together with it fingerprints a text in 128 bits.
    static func checkHash(_ bytes: [UInt8], seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> UInt64 {
        var value: UInt64 = seed ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            var index = 0
            while index < raw.count {
                var word: UInt64 = 0
                if raw.count - index >= 8 {
                    word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                } else {
                    for offset in 0..<(raw.count - index) { word |= UInt64(raw[index + offset]) << (8 * UInt64(offset)) }
                }
                value = (value ^ (word &* 0xBF58_476D_1CE4_E5B9)) &* 0x94D0_49BB_1331_11EB
                value = (value << 31) | (value >> 33)
                index += 8
            }
        }
        return value ^ (value >> 29)
    }

    /// The outcome of each distinct source text met in this run, by its 128-bit fingerprint: a
    /// log repeats the same event text, which is then known without printing it again.
    private var bySourceText: [Fingerprint: String] = [:]

    private struct Fingerprint: Hashable {
        let hash: UInt64
        let check: UInt64
        let length: Int

        init(_ bytes: [UInt8]) {
            hash = EventImporter.checkHash(bytes, seed: 0x2545_F491_4F6C_DD1D)
            check = EventImporter.checkHash(bytes)
            length = bytes.count
        }
    }

    /// Writes (or, in a dry run, plans) one event.
    public func add(_ found: FoundEvent) throws(Failure) -> Outcome {
        let source = Fingerprint(found.bytes)
        if let path = bySourceText[source] { return .duplicate(of: path) }
        let outcome = try add(text: Self.text(of: found.event), found: found)
        switch outcome {
        case .written(let path), .wouldWrite(let path), .duplicate(of: let path), .alreadyPresent(let path):
            bySourceText[source] = path
        }
        return outcome
    }

    private func add(text: [UInt8], found: FoundEvent) throws(Failure) -> Outcome {
        let hash = Self.hash(text)
        let check = Self.checkHash(text)
        for entry in seen[hash] ?? [] where entry.check == check && entry.length == text.count {
            return .duplicate(of: entry.path)
        }
        let subfolder = folder + "/" + Self.folderName(for: found.event.trigger)
        var base = Self.safeName(found.triggerSourceName ?? "event")
        if let user = found.userName, !user.isEmpty { base += "." + Self.safeName(user) }
        let hex = String(hash, radix: 16)
        let short = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        var candidates = [subfolder + "/" + base + ".json", subfolder + "/" + base + "." + short.prefix(8) + ".json"]
        candidates += (2...9).map { subfolder + "/" + base + "." + short.prefix(8) + "-\($0).json" }
        if !dryRun { try makeFolders(subfolder) }
        for path in candidates {
            if let existing = contents(of: path) {
                if existing == text {
                    seen[hash, default: []].append((path, check, text.count))
                    return .alreadyPresent(path)
                }
                continue
            }
            seen[hash, default: []].append((path, check, text.count))
            if dryRun {
                planned[path] = text
                return .wouldWrite(path)
            }
            let temporary = try writeTemporary(text, in: subfolder, for: path)
            let later = candidates.drop { $0 != path }.dropFirst()
            pending.append(Pending(temporary: temporary, path: path, alternatives: Array(later), text: text, folder: subfolder))
            pendingTexts[path] = text
            return .written(path)
        }
        throw Failure(path: candidates[0], operation: "find a free name (ten names are taken by other content)", code: EEXIST)
    }

    /// Writes and names the files not yet flushed; returns the few that had to take another name.
    public func flushIfFull() throws(Failure) -> [Renamed] {
        pending.count >= batchSize ? try flushBatch() : []
    }

    /// Flushes and names the last batch, then flushes every folder written into (once per run: a
    /// name lost to a crash before that is a file not written, never a file written half).
    public func finish() throws(Failure) -> [Renamed] {
        let renamed = try flushBatch()
        for folder in touchedFolders.sorted() {
            let directory = open(folder, O_RDONLY | O_DIRECTORY)
            if directory >= 0 {
                fsync(directory)
                close(directory)
            }
        }
        touchedFolders = []
        return renamed
    }

    private var touchedFolders: Set<String> = []

    /// Makes every written file durable, then links each to its name (never over an existing
    /// file); returns the files that had to take another name.
    private func flushBatch() throws(Failure) -> [Renamed] {
        guard !pending.isEmpty else { return [] }
        let batch = pending
        pending = []
        defer {
            for entry in batch { unlink(entry.temporary) }
            pendingTexts = [:]
        }
        try flushToDisk(batch)
        var renamed: [Renamed] = []
        for entry in batch {
            touchedFolders.insert(entry.folder)
            var linkedTo: String?
            for path in [entry.path] + entry.alternatives {
                if link(entry.temporary, path) == 0 {
                    linkedTo = path
                    break
                }
                guard errno == EEXIST else { throw Failure(path: path, operation: "create", code: errno) }
                // Another program took the name since `add`: keep its file, try the next name.
                if (try? FileStore.read(path)) == entry.text { break }
            }
            if linkedTo != entry.path { renamed.append(Renamed(planned: entry.path, actual: linkedTo)) }
        }
        return renamed
    }

    /// Flushes the batch's files: an fdatasync each, issued together from several threads so the
    /// file system commits them in a few journal writes (touching only our files, unlike syncfs).
    private func flushToDisk(_ batch: [Pending]) throws(Failure) {
        let failures = FlushFailures()
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "import-flush", attributes: .concurrent)
        for entry in batch {
            queue.async(group: group) {
                let descriptor = open(entry.temporary, O_RDONLY)
                if descriptor < 0 || fdatasync(descriptor) != 0 { failures.record(entry.path, errno) }
                if descriptor >= 0 { close(descriptor) }
            }
        }
        group.wait()
        if let (path, code) = failures.first { throw Failure(path: path, operation: "flush to disk", code: code) }
    }

    /// The first flush failure of a batch, set from the flushing threads.
    private final class FlushFailures: @unchecked Sendable {
        private let lock = NSLock()
        private var failure: (String, Int32)?

        func record(_ path: String, _ code: Int32) {
            lock.lock()
            if failure == nil { failure = (path, code) }
            lock.unlock()
        }

        var first: (String, Int32)? {
            lock.lock()
            defer { lock.unlock() }
            return failure
        }
    }

    /// The bytes of a planned, pending or existing file, or nil when there is none.
    private func contents(of path: String) -> [UInt8]? {
        if let text = planned[path] ?? pendingTexts[path] { return text }
        guard access(path, F_OK) == 0 else { return nil }
        return try? FileStore.read(path)
    }

    private func makeFolders(_ path: String) throws(Failure) {
        guard !createdFolders.contains(path) else { return }
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o755) != 0 && errno != EEXIST {
                throw Failure(path: partial, operation: "create the folder", code: errno)
            }
        }
        createdFolders.insert(path)
    }

    /// Writes `bytes` to a new temporary file in `folder` (hidden, removed after the flush).
    private func writeTemporary(_ bytes: [UInt8], in folder: String, for path: String) throws(Failure) -> String {
        var template = Array((folder + "/.import-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let start = buffer.baseAddress else { return -1 }
            return mkstemp(start)
        }
        guard descriptor >= 0 else { throw Failure(path: folder, operation: "create a temporary file in it", code: errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { close(descriptor) }
        var written = 0
        let failure: Int32 = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return 0 }
            while written < raw.count {
                let count = write(descriptor, base + written, raw.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return 0
        }
        if failure != 0 {
            unlink(temporary)
            throw Failure(path: path, operation: "write", code: failure)
        }
        fchmod(descriptor, 0o644)
        return temporary
    }
}
