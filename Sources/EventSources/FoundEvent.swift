import CognitoTriggers
import JSONDocument

/// How an event's text was written where it was found.
public enum EventEncoding: String, Sendable, Hashable {
    /// JSON text in the source itself (a whole file, a line, or a value nested in a JSON record).
    case json
    /// JSON text inside a JSON string of the source (escaped), decoded before parsing.
    case jsonString
    /// Python's `repr` of a dict, converted exactly to JSON before parsing.
    case pythonRepr
}

/// Where a found event came from: the source, the line and bytes it occupies, and its path inside
/// the JSON record that holds it.
public struct EventOrigin: Sendable, Hashable {
    /// The source as the user named it (`-` is shown as `stdin`).
    public let source: String
    /// 1-based line where the event's text starts (for an event inside a string: the string's line).
    public let line: Int
    /// 1-based column (in code points) where the event's text starts.
    public let column: Int
    /// The bytes of the event's text in the source (after gzip decompression), or of the string or
    /// Python literal that holds it.
    public let byteRange: Range<Int>
    /// The path to the event inside its record, one path per level of JSON text held in a string
    /// (`[["events", 3, "message"], ["message"]]`); empty when the record is the event itself.
    public let paths: [JSONPath]
    /// How the event was written.
    public let encoding: EventEncoding
    /// True when the source is a plain file holding exactly this event: its bytes are the file's
    /// bytes, so it can be edited and saved in place.
    public let isWholeFile: Bool

    /// True when an earlier event of the source starts on the same line (its name then adds the column).
    public let sharesLine: Bool

    /// Creates an origin.
    public init(source: String, line: Int, column: Int, byteRange: Range<Int>, paths: [JSONPath], encoding: EventEncoding,
                isWholeFile: Bool, sharesLine: Bool = false) {
        self.source = source
        self.line = line
        self.column = column
        self.byteRange = byteRange
        self.paths = paths
        self.encoding = encoding
        self.isWholeFile = isWholeFile
        self.sharesLine = sharesLine
    }

    /// The name a list shows: the file for a whole-file event, `FILE:LINE` otherwise, and
    /// `FILE:LINE:COLUMN` for a second event on a line, so names stay unique.
    public var name: String {
        if isWholeFile { return source }
        return sharesLine ? "\(source):\(line):\(column)" : "\(source):\(line)"
    }

    /// The same origin, marked as sharing its line with an earlier event.
    func sharingLine() -> EventOrigin {
        EventOrigin(source: source, line: line, column: column, byteRange: byteRange, paths: paths, encoding: encoding,
                    isWholeFile: isWholeFile, sharesLine: true)
    }

    /// The path inside the record as text (`events[3].message > message`), empty at the top.
    public var pathDescription: String {
        paths.filter { !$0.isEmpty }.map(\.dottedString).joined(separator: " > ")
    }
}

/// One event found in a source: its JSON text, the parsed event and where it came from.
public struct FoundEvent: Sendable {
    /// The event's JSON text: exactly the source's bytes for `.json` origins, the decoded or
    /// converted text otherwise.
    public let bytes: [UInt8]
    /// The parsed event.
    public let event: TriggerEvent
    /// Where it was found.
    public let origin: EventOrigin

    /// Creates a found event.
    public init(bytes: [UInt8], event: TriggerEvent, origin: EventOrigin) {
        self.bytes = bytes
        self.event = event
        self.origin = origin
    }

    /// The `triggerSource` string, when the event has one.
    public var triggerSourceName: String? { event.document.node(at: ["triggerSource"])?.stringValue }

    /// The `userName` string, when the event has one.
    public var userName: String? { event.document.node(at: ["userName"])?.stringValue }
}

/// Text that looks like an event but cannot be read as one (broken JSON, a line over the length
/// limit, a Python literal that cannot be converted exactly), with its position.
public struct SourceProblem: Sendable, Hashable, CustomStringConvertible {
    /// The source as the user named it.
    public let source: String
    /// 1-based line of the problem.
    public let line: Int
    /// 1-based column (in code points) of the problem.
    public let column: Int
    /// What is wrong, without the position.
    public let message: String

    /// Creates a problem.
    public init(source: String, line: Int, column: Int, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    /// `SOURCE:LINE:COLUMN: message` (not escaped: print it through `TerminalText.escaped`).
    public var description: String { "\(source):\(line):\(column): \(message)" }
}

/// What reading a source gives, in the order found.
public enum SourceItem: Sendable {
    /// An event.
    case event(FoundEvent)
    /// Text that looks like an event but is broken.
    case problem(SourceProblem)
}

/// Running totals of one source.
public struct SourceCounts: Sendable, Hashable {
    /// Lines read so far (a last line without a line break counts).
    public var lines = 0
    /// Lines that held no event and no problem.
    public var linesWithoutEvent = 0
    /// Events found.
    public var events = 0
    /// Problems found.
    public var problems = 0
    /// Bytes read (after decompression).
    public var bytes = 0

    /// Creates zero counts.
    public init() {}
}

/// Why a source cannot be read (further): it is missing, a folder, binary, UTF-16, or a broken
/// gzip file. Events found before the failure have been delivered.
public typealias SourceError = SourcedError<SourceErrorKind>

/// The ways reading a source can fail.
public enum SourceErrorKind: SourcedErrorKind {
    /// No file at the path.
    case notFound
    /// The file may not be read.
    case permissionDenied
    /// The path is a folder.
    case isFolder
    /// The first 8 KiB hold NUL bytes.
    case binary
    /// The text starts with a UTF-16 byte-order mark.
    case utf16
    /// The gzip data ends before its end marker.
    case gzipTruncated
    /// The gzip data is damaged (zlib's reason).
    case gzipCorrupt(String)
    /// Reading failed with this error number.
    case readFailed(errno: Int32)

    /// A message that says what failed and what to do (not escaped: print it through
    /// `TerminalText.escaped`).
    public func message(for source: String) -> String {
        switch self {
        case .notFound: return "\(source): no such file or folder"
        case .permissionDenied: return "\(source): cannot open: permission denied"
        case .isFolder: return "\(source): is a folder; name the log files in it (or use check, which searches folders for *.json)"
        case .binary: return "\(source): binary file (it holds NUL bytes), not a log or JSON"
        case .utf16:
            return "\(source): UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8)"
        case .gzipTruncated:
            return "\(source): the gzip data ends early (truncated file?); the events before the cut were read"
        case .gzipCorrupt(let reason): return "\(source): not valid gzip data (\(reason)); the events before it were read"
        case .readFailed(let code): return "\(source): read failed (errno \(code))"
        }
    }
}
