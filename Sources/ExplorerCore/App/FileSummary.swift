import CognitoTriggers
import JSONDocument
import TerminalText

/// How an event file fares as a whole, shown as one mark in the list.
///
/// The marks follow `check`'s exit status: `✓` and `!` are files it accepts (0), `✗` files it
/// exits 1 for, `?` files it exits 2 for.
public enum FileStatus: Hashable, Sendable, CaseIterable {
    /// Not read yet (`·`).
    case pending
    /// A trigger event with no problem (`✓`).
    case valid
    /// A trigger event with warnings only, or JSON with a trigger source the catalogue does not know (`!`).
    case warnings
    /// A trigger event with errors, or JSON that is no trigger event at all (`✗`).
    case errors
    /// Not JSON (text that does not parse), an empty, binary or UTF-16 file, or one that cannot be read (`?`).
    case unreadable

    /// The one-character mark.
    public var mark: String {
        switch self {
        case .pending: return "·"
        case .valid: return "✓"
        case .warnings: return "!"
        case .errors: return "✗"
        case .unreadable: return "?"
        }
    }

    /// What the mark means, in a few words, for the help screen and the README.
    public var meaning: String {
        switch self {
        case .pending: return "not read yet"
        case .valid: return "a trigger event with no problem"
        case .warnings: return "warnings only: Cognito accepts the event, but something looks wrong (also JSON whose triggerSource is unknown)"
        case .errors: return "errors: Cognito would reject the event, or the JSON is not a trigger event (no triggerSource); check exits 1"
        case .unreadable: return "not JSON: the text does not parse, or the file is empty, binary, UTF-16 or unreadable; check exits 2"
        }
    }

    /// The status that a list of problems gives.
    public init(problems: [Problem]) {
        if problems.contains(where: { $0.severity == .error }) {
            self = .errors
        } else if problems.isEmpty {
            self = .valid
        } else {
            self = .warnings
        }
    }
}

/// What the event list shows about one file; cheap to keep for thousands of files.
public struct FileSummary: Hashable, Sendable {
    /// Which event the row is: a file (its path as found), a new event, or an event from a log.
    public var source: EventSource
    /// The trigger's short label ("CustomMsg"), or a word for files that are no event ("not JSON").
    public var triggerLabel: String
    /// The raw `triggerSource` string, or "".
    public var triggerSource: String
    /// Who the event is about: the user's email or name attribute, else `userName`, else "".
    public var user: String
    /// The `userName` field, for filtering.
    public var userName: String = ""
    /// The status mark.
    public var status: FileStatus
    /// How many errors and warnings validation found in the event (0 for a file that is no event).
    public var errorCount = 0
    public var warningCount = 0

    /// A summary of a file that has not been read yet.
    public static func pending(_ path: String) -> FileSummary {
        FileSummary(path: path, triggerLabel: "", triggerSource: "", user: "", status: .pending)
    }

    /// Summarizes an opened file: trigger, user and status.
    public init(_ opened: EventFiles.Opened) {
        if case .document(let event) = opened.outcome {
            self.init(path: opened.path, event: event, problems: event.validate())
        } else {
            self.init(path: opened.path, notEvent: opened.outcome)
        }
    }

    /// Summarizes a file that holds no event: its outcome's label, marked unreadable.
    init(path: String, notEvent outcome: EventFiles.Outcome) {
        self.init(source: .file(path: path), notEvent: outcome)
    }

    /// Summarizes an event that is no trigger event: its outcome's label, marked unreadable.
    init(source: EventSource, notEvent outcome: EventFiles.Outcome) {
        self.init(source: source, triggerLabel: outcome.label ?? "", triggerSource: "", user: "", status: .unreadable)
    }

    /// Summarizes the parsed event of a file with its problems.
    public init(path: String, event: TriggerEvent, problems: [Problem]) {
        self.init(source: .file(path: path), event: event, problems: problems)
    }

    /// Summarizes a parsed event with its problems.
    public init(source: EventSource, event: TriggerEvent, problems: [Problem]) {
        self.source = source
        triggerLabel = event.spec?.shortLabel ?? (event.document.root.kind == .object && event.document.node(at: ["triggerSource"]) != nil ? "unknown" : "JSON")
        triggerSource = event.document.node(at: ["triggerSource"])?.stringValue ?? ""
        user = FileSummary.user(of: event)
        userName = event.document.node(at: ["userName"])?.stringValue ?? ""
        status = FileStatus(problems: problems)
        errorCount = problems.count { $0.severity == .error }
        warningCount = problems.count - errorCount
    }

    /// Creates the summary of a file from its parts.
    public init(path: String, triggerLabel: String, triggerSource: String, user: String, status: FileStatus) {
        self.init(source: .file(path: path), triggerLabel: triggerLabel, triggerSource: triggerSource, user: user, status: status)
    }

    /// Creates a summary from its parts.
    public init(source: EventSource, triggerLabel: String, triggerSource: String, user: String, status: FileStatus) {
        self.source = source
        self.triggerLabel = triggerLabel
        self.triggerSource = triggerSource
        self.user = user
        self.status = status
    }

    static func user(of event: TriggerEvent) -> String {
        let document = event.document
        // Reads by key stop at the first match when keys cannot repeat: a map of 375,000
        // attributes with an email near its start costs a few steps.
        for attribute in ["email", "name", "phone_number"] {
            if let value = document.node(at: ["request", "userAttributes", .key(attribute)])?.stringValue, !value.isEmpty {
                return value
            }
        }
        return document.node(at: ["userName"])?.stringValue ?? ""
    }

    /// The text the list shows for the event, and filters on (see `EventSource.name`).
    public var name: String { source.name }

    /// The event's problems counted per severity, as its list row shows them at its right
    /// (`2✗ 1!`): each part with the status whose mark and colour it takes; none when it has no problem.
    public var problemCounts: [(text: String, status: FileStatus)] {
        var parts: [(text: String, status: FileStatus)] = []
        if errorCount > 0 { parts.append((TerminalText.count(errorCount) + FileStatus.errors.mark, .errors)) }
        if warningCount > 0 { parts.append((TerminalText.count(warningCount) + FileStatus.warnings.mark, .warnings)) }
        return parts
    }

    /// The columns `problemCounts` takes, parts one space apart (0 when there are none).
    public var problemCountsWidth: Int {
        let parts = problemCounts
        return parts.reduce(max(0, parts.count - 1)) { $0 + TerminalText.displayWidth(of: $1.text) }
    }

    /// The last component of the name.
    public var fileName: String {
        let name = name
        return String(name[Self.fileNameStart(in: name)...])
    }

    /// Where the last component of `name` starts: after its last "/" character. The list asks
    /// this of every entry each time a batch of summaries arrives, so the slash is found among the
    /// bytes; a search by characters (a "/" next to a combining mark is part of another character)
    /// only when a byte beside it is not ASCII.
    static func fileNameStart(in name: String) -> String.Index {
        let bytes = name.utf8
        let offset = bytes.withContiguousStorageIfAvailable { $0.lastIndex(of: UInt8(ascii: "/")) } ?? bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.distance(from: bytes.startIndex, to: $0) }
        guard let offset else {
            return name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        }
        let slash = bytes.index(bytes.startIndex, offsetBy: offset)
        let after = bytes.index(after: slash)
        let asciiAfter = after == bytes.endIndex || bytes[after] < 0x80
        let asciiBefore = slash == bytes.startIndex || bytes[bytes.index(before: slash)] < 0x80
        if asciiAfter && asciiBefore { return after }
        return name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
    }

    /// The bytes the list's name column needs for this entry (the file name without `.json`),
    /// counted without making the file name.
    var listNameBytes: Int {
        let name = name
        return name.utf8.distance(from: Self.fileNameStart(in: name), to: name.endIndex) - (name.hasSuffix(".json") ? 5 : 0)
    }

    /// The columns the list's name column needs for this entry (the name without `.json`, escaped
    /// as the row draws it): its bytes when they are all printable ASCII, as names mostly are,
    /// else measured (CJK takes two columns a character, an accent none of its own).
    var listNameColumns: Int {
        let name = name
        if name.utf8[Self.fileNameStart(in: name)...].allSatisfy(Self.isPrintableASCII) { return listNameBytes }
        return TerminalText.displayWidth(of: TerminalText.escaped(ExplorerState.listName(self)))
    }

    /// The columns `text` takes in the list once escaped: its length when it is printable ASCII,
    /// else measured.
    static func listColumns(of text: String) -> Int {
        if text.utf8.allSatisfy(isPrintableASCII) { return text.utf8.count }
        return TerminalText.displayWidth(of: TerminalText.escaped(text))
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }
}
