#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CognitoTriggers
import JSONDocument

/// Decides, for a path a command was given, whether it is a plain event file (opened, checked and
/// saved as a whole, exactly as before logs were read) or a source to search for events.
public enum EventInputs {
    /// What a path holds.
    public enum Kind {
        /// A file to treat as one document: an event, or something whose problems are reported as
        /// for any event file (not JSON, empty, binary, unreadable, no event anywhere in it).
        case plainFile(EventFiles.Opened)
        /// A source with events inside it (standard input, a pipe, gzip data, a log, JSON lines, a
        /// record wrapping an event): read it with `reader`.
        case source(EventReader)
        /// A source that cannot be opened.
        case unreadable(SourceError)
    }

    /// Files larger than this are never read whole: they are searched as logs.
    public static let wholeFileLimit = 64 << 20

    /// Classifies a path; `-` is standard input.
    ///
    /// A file up to `wholeFileLimit` is read once: when its JSON has a `triggerSource` at the top,
    /// or when no event can be found in it, it is a plain file (so a broken event file still gets
    /// its `FILE:LINE:COLUMN` message); otherwise its events are read from the bytes in hand. A
    /// larger file is read as a log in chunks, unless it starts with binary bytes. Devices, pipes
    /// and sockets named by path are plain files (which `EventFiles` refuses without waiting).
    public static func classify(_ path: String, options: EventReader.Options = EventReader.Options()) -> Kind {
        if path == "-" { return open(path, options: options) }
        var info = stat()
        guard PathCalls.fileStatus(path, &info) == 0 else { return .plainFile(EventFiles.open(path)) }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return .unreadable(SourceError(source: path, kind: .isFolder)) }
        // Devices, pipes and sockets named as paths are refused as event files are (reading one
        // could wait forever); a stream is read through `-`.
        guard type == S_IFREG else { return .plainFile(EventFiles.open(path)) }
        if Int(info.st_size) > wholeFileLimit {
            // A big file is a log unless its first bytes say it is binary (and not gzip): then it
            // gets the message an event file of that size gets; or unless it starts as one JSON
            // object written over the whole file (an event with a huge value), which is read whole.
            let head = firstBytes(of: path, count: 8192)
            if head.starts(with: [0x1F, 0x8B]) { return open(path, options: options) }
            if head.contains(0) { return .plainFile(EventFiles.open(path)) }
            if !startsOneObject(head) { return open(path, options: options) }
        }
        let opened = EventFiles.open(path)
        if opened.bytes.starts(with: [0x1F, 0x8B]) { return open(path, options: options) }
        switch opened.outcome {
        case .document(let event) where event.document.root["triggerSource"] != nil:
            return .plainFile(opened)
        case .document, .notJSON:
            let probe = EventReader(bytes: opened.bytes, name: path, options: options)
            while let item = try? probe.next() {
                if case .event = item { return .source(EventReader(bytes: opened.bytes, name: path, options: options)) }
            }
            return .plainFile(opened)
        case .unreadable, .empty, .binary, .utf16:
            return .plainFile(opened)
        }
    }

    /// True when the first bytes of a file open one JSON object that spans more than its first
    /// line: `{` alone on the first line (an indented event), or a first line longer than the bytes
    /// looked at (a minified one). A log or JSON lines file starts otherwise.
    public static func startsOneObject(_ head: [UInt8]) -> Bool {
        var index = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < head.count, [0x20, 0x09, 0x0D, 0x0A].contains(head[index]) { index += 1 }
        guard index < head.count, head[index] == UInt8(ascii: "{") else { return false }
        guard let newline = head[index...].firstIndex(of: 0x0A) else { return true }
        return head[(index + 1)..<newline].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private static func firstBytes(of path: String, count: Int) -> [UInt8] {
        let descriptor = PathCalls.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, count) }
        return Array(bytes.prefix(max(0, got)))
    }

    private static func open(_ path: String, options: EventReader.Options) -> Kind {
        do { return .source(try EventReader.open(path, options: options)) } catch { return .unreadable(error) }
    }
}
