import Foundation
import JSONDocument

/// Finding event files on disk and opening them, with a clear outcome for every bad input.
public enum EventFiles {
    /// A path the user named that yields no file to open.
    public struct PathProblem: Hashable, Sendable, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path): \(message)" }
    }

    /// Expands files and folders into files: folders are searched recursively for `*.json`
    /// (symbolic links to folders are not followed, so loops cannot happen), in name order.
    public static func expand(_ paths: [String]) -> (files: [String], problems: [PathProblem]) {
        var files: [String] = []
        var problems: [PathProblem] = []
        for path in paths {
            var info = stat()
            guard PathCalls.fileStatus(path, &info) == 0 else {
                problems.append(PathProblem(path: path, message: errno == EACCES ? "cannot open: permission denied" : "no such file or folder"))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let found = jsonFiles(under: path, problems: &problems)
                if found.isEmpty { problems.append(PathProblem(path: path, message: "no .json files in this folder")) }
                files += found
            } else {
                files.append(path)
            }
        }
        return (files, problems)
    }

    private static func jsonFiles(under folder: String, problems: inout [PathProblem]) -> [String] {
        var result: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            // readdir gives each entry's type, so a folder of 10,000 events is listed without a
            // stat per file (a third of `check`'s system calls before); lstat only where the file
            // system does not say.
            guard let directory = PathCalls.opendir(current) else {
                problems.append(PathProblem(path: current, message: "cannot list this folder: permission denied or unreadable"))
                continue
            }
            var entries: [(name: String, type: UInt8)] = []
            while let entry = readdir(directory) {
                // Kept as the bytes it is (PathBytes), so a name that is not UTF-8 still opens.
                let name = PathCalls.name(of: entry)
                guard !name.hasPrefix(".") else { continue }
                entries.append((name, entry.pointee.d_type))
            }
            closedir(directory)
            // In the order of Swift's `<` on the names, which for ASCII names (nearly all) is the
            // order of their bytes: those are compared as bytes, without the Unicode machinery.
            let keyed = entries.map { entry in
                let bytes = Array(entry.name.utf8)
                return (name: entry.name, type: entry.type, bytes: bytes, ascii: !bytes.contains { $0 >= 0x80 })
            }
            let sorted = keyed.sorted { a, b in a.ascii && b.ascii ? bytesPrecede(a.bytes, b.bytes) : a.name < b.name }
            for (name, type, _, _) in sorted {
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                var kind = type
                if kind == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard PathCalls.linkStatus(path, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: kind = UInt8(DT_DIR)
                    case S_IFREG: kind = UInt8(DT_REG)
                    case S_IFLNK: kind = UInt8(DT_LNK)
                    case S_IFIFO: kind = UInt8(DT_FIFO)
                    case S_IFCHR: kind = UInt8(DT_CHR)
                    case S_IFBLK: kind = UInt8(DT_BLK)
                    case S_IFSOCK: kind = UInt8(DT_SOCK)
                    default: continue
                    }
                }
                switch kind {
                case UInt8(DT_DIR): pending.append(path)
                // A link is followed when the file is opened, which refuses anything but a regular file.
                case UInt8(DT_REG), UInt8(DT_LNK): if name.hasSuffix(".json") { result.append(path) }
                default:
                    // A pipe, device or socket named like an event is never opened (a pipe would
                    // wait for a writer), but it is not left out silently either.
                    if name.hasSuffix(".json") {
                        problems.append(PathProblem(path: path, message: "skipped: \(skippedKind(kind)), not a regular file"))
                    }
                }
            }
        }
        return result.map { (path: $0, bytes: Array($0.utf8)) }.sorted { bytesPrecede($0.bytes, $1.bytes) }.map(\.path)
    }

    /// Whether `a` comes before `b` in the order of their bytes (memcmp, then the shorter first).
    static func bytesPrecede(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let common = min(a.count, b.count)
        let order = common == 0 ? 0 : a.withUnsafeBytes { x in
            b.withUnsafeBytes { y -> Int32 in
                guard let p = x.baseAddress, let q = y.baseAddress else { return 0 }
                return memcmp(p, q, common)
            }
        }
        return order != 0 ? order < 0 : a.count < b.count
    }

    /// The kind of a folder entry that is not read, for the line that says it was skipped.
    private static func skippedKind(_ type: UInt8) -> String {
        switch type {
        case UInt8(DT_FIFO): return "a named pipe (FIFO)"
        case UInt8(DT_CHR): return "a character device"
        case UInt8(DT_BLK): return "a block device"
        case UInt8(DT_SOCK): return "a socket"
        default: return "not a regular file"
        }
    }

    /// What opening one file gave.
    public enum Outcome: Sendable {
        /// The file could not be read.
        case unreadable(FileError)
        /// The file has no bytes.
        case empty
        /// The file holds NUL bytes: binary data, not text.
        case binary
        /// The text is UTF-16 (a byte order mark, or NUL bytes every other byte around ASCII): JSON
        /// events must be UTF-8.
        case utf16(bigEndian: Bool)
        /// The text is not valid JSON.
        case notJSON(JSONParseError)
        /// Valid JSON: an event (or a document that matches no trigger, with problems saying so).
        case document(TriggerEvent)
    }

    /// An opened file: its bytes as loaded (for the changed-on-disk check when saving) and the outcome.
    public struct Opened: Sendable {
        public let path: String
        public let bytes: [UInt8]
        public let outcome: Outcome

        public init(path: String, bytes: [UInt8], outcome: Outcome) {
            self.path = path
            self.bytes = bytes
            self.outcome = outcome
        }

        /// The event, when the file held valid JSON.
        public var event: TriggerEvent? {
            if case .document(let event) = outcome { return event }
            return nil
        }
    }

    /// Reads and parses one file; never throws, every failure is an outcome.
    public static func open(_ path: String) -> Opened {
        let bytes: [UInt8]
        do { bytes = try FileStore.read(path) } catch {
            return Opened(path: path, bytes: [], outcome: .unreadable(error))
        }
        return Opened(path: path, bytes: bytes, outcome: classify(bytes))
    }

    /// What to say about a UTF-16 file, after its name.
    public static func utf16Message(bigEndian: Bool) -> String {
        "the text is UTF-16 (\(bigEndian ? "big" : "little")-endian), not UTF-8; JSON events must be UTF-8: convert it, for example with iconv -f UTF-16 -t UTF-8"
    }

    /// Whether the bytes look like UTF-16 text, and in which byte order: a byte order mark, or (as in
    /// `{ "` written by PowerShell) a NUL beside each of the first ASCII characters.
    static func utf16ByteOrder(_ bytes: [UInt8]) -> Bool? {
        if bytes.starts(with: [0xFF, 0xFE]) { return false }
        if bytes.starts(with: [0xFE, 0xFF]) { return true }
        let pairs = min(bytes.count / 2, 32)
        guard pairs >= 2 else { return nil }
        var low = 0, high = 0
        for index in 0..<pairs {
            let first = bytes[2 * index], second = bytes[2 * index + 1]
            if first != 0 && first < 0x80 && second == 0 { low += 1 }
            if first == 0 && second != 0 && second < 0x80 { high += 1 }
        }
        if low == pairs { return false }
        if high == pairs { return true }
        return nil
    }

    /// Whether a NUL byte is among the first `count` bytes; memchr, as looking byte by byte cost
    /// about 6% of check's instructions per file.
    static func hasNUL(inFirst count: Int, of bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return false }
            return memchr(base, 0, min(count, raw.count)) != nil
        }
    }

    /// Classifies bytes as empty, UTF-16, binary, invalid JSON or a document.
    public static func classify(_ bytes: [UInt8]) -> Outcome {
        if bytes.isEmpty { return .empty }
        if let bigEndian = utf16ByteOrder(bytes) { return .utf16(bigEndian: bigEndian) }
        if hasNUL(inFirst: 8192, of: bytes) { return .binary }
        do { return .document(try TriggerEvent(bytes: bytes)) } catch { return .notJSON(error) }
    }
}
