#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CognitoTriggers
import JSONDocument

/// Reads one source (a file, standard input, gzip data, bytes in memory) and hands out the Cognito
/// events found in it, one at a time, with where each came from.
///
/// The source is read in chunks, so a log of any size takes bounded memory: at most the longest
/// record (limited by `Options.maxRecordBytes`) plus a window kept for looking back at the start of
/// a pretty-printed record. A line is looked at closely only when it contains the bytes
/// `triggerSource`; every other line is counted and skipped. Events are delivered as soon as their
/// text is complete, so a pipe that stays open (`tail -f`) yields events as they arrive.
public final class EventReader {
    /// Limits of a reader.
    public struct Options: Sendable {
        /// The longest line or record looked at; longer ones are reported and skipped.
        public var maxRecordBytes = 64 << 20
        /// How far back (in bytes) the start of a pretty-printed record may be from the line that
        /// names its `triggerSource`.
        public var lookbackBytes = 1 << 20
        /// How many levels of JSON text held in JSON strings are opened.
        public var maxStringLevels = 4
        /// How many bytes are read at once while lines are short (more while one record grows
        /// long). Small sizes put chunk boundaries everywhere, for tests and fuzzing; at least 1.
        public var readBytes = 1 << 20

        /// The default limits.
        public init() {}
    }

    /// The source as the user named it (`stdin` for `-`).
    public let name: String
    /// Totals so far.
    public private(set) var counts = SourceCounts()
    /// True when the source turned out to be gzip data.
    public private(set) var isCompressed = false
    /// Called after each chunk is read, with the totals so far (for progress reports).
    public var onRead: ((SourceCounts) -> Void)?

    private var input: ByteInput
    private let window = ByteWindow()
    private let options: Options
    private let isPlainFile: Bool
    private let level: Int
    private var started = false
    private var atEnd = false
    private var finished = false
    /// Start of the first line not yet counted (always a line start).
    private var cursor = 0
    /// 1-based number of the line at `cursor`.
    private var cursorLine = 1
    /// 1 when the line at `cursor` was already counted (a record ended inside it).
    private var cursorLineCounted = 0
    /// Where the search for the next `triggerSource` resumes.
    private var scanFrom = 0
    /// The start of the earliest line a pretty-printed record may begin at.
    private var floor = 0
    /// True when `floor` is where a record ended inside a line: that line was counted with the record.
    private var floorInCountedLine = false
    /// Inside a line longer than the limit: its bytes are skipped up to its end.
    private var discarding = false
    private var queue: [SourceItem] = []
    private var queueHead = 0

    /// Opens a path, or standard input for `-`; gzip data is recognized by its first bytes.
    public static func open(_ path: String, options: Options = Options()) throws(SourceError) -> EventReader {
        if path == "-" {
            return EventReader(input: DescriptorInput(descriptor: STDIN_FILENO, name: "stdin", closesDescriptor: false), name: "stdin", isPlainFile: false, options: options, level: 0)
        }
        // Names that are not UTF-8 arrive as PathBytes strings; PathCalls opens their bytes.
        let descriptor = PathCalls.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case EACCES, EPERM: throw SourceError(source: path, kind: .permissionDenied)
            case ENOENT, ENOTDIR: throw SourceError(source: path, kind: .notFound)
            default: throw SourceError(source: path, kind: .readFailed(errno: errno))
            }
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw SourceError(source: path, kind: .isFolder)
        }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        return EventReader(input: DescriptorInput(descriptor: descriptor, name: path, closesDescriptor: true), name: path, isPlainFile: isRegular, options: options, level: 0)
    }

    /// A reader over an open descriptor (a pipe, a terminal, a copy of standard input), which the
    /// caller keeps open and closes; `name` is used in origins and messages.
    public static func reading(descriptor: Int32, name: String, options: Options = Options()) -> EventReader {
        EventReader(input: DescriptorInput(descriptor: descriptor, name: name, closesDescriptor: false), name: name, isPlainFile: false,
                    options: options, level: 0)
    }

    /// A reader over bytes in memory (`name` is used in origins and messages).
    public convenience init(bytes: [UInt8], name: String, options: Options = Options()) {
        self.init(input: MemoryInput(bytes), name: name, isPlainFile: true, options: options, level: 0)
    }

    init(input: ByteInput, name: String, isPlainFile: Bool, options: Options, level: Int) {
        self.input = input
        self.name = name
        self.isPlainFile = isPlainFile
        self.options = options
        self.level = level
    }

    /// Reads everything (for sources known to be small) and returns the items in order.
    public func readAll() throws(SourceError) -> [SourceItem] {
        var items: [SourceItem] = []
        while let item = try next() { items.append(item) }
        return items
    }

    /// The next event or problem, or nil at the end of the input. Blocks while a pipe has nothing
    /// new. After an error, the items found before it have been returned.
    public func next() throws(SourceError) -> SourceItem? {
        while true {
            if queueHead < queue.count {
                let item = queue[queueHead]
                queueHead += 1
                if queueHead == queue.count {
                    queue.removeAll(keepingCapacity: true)
                    queueHead = 0
                }
                return item
            }
            if finished { return nil }
            if !started {
                try start()
                continue
            }
            try step()
        }
    }

    // MARK: Reading

    private func start() throws(SourceError) {
        started = true
        guard try fillHead() else { finished = true; return }
        let bytes = window.buffer
        if level == 0, bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
            let prefix = Array(bytes)
            window.reset()
            counts.bytes = 0
            isCompressed = true
            input = GzipInput(compressed: input, name: name, prefix: prefix)
            atEnd = false
            guard try fillHead() else { finished = true; return }
        }
        guard level == 0 else { return }
        let head = window.buffer
        if head.count >= 2, (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) {
            throw SourceError(source: name, kind: .utf16)
        }
        if head.prefix(8192).contains(0) { throw SourceError(source: name, kind: .binary) }
    }

    /// Reads until the bytes the first checks look at are in hand, whatever the read size: 2 (the
    /// gzip and UTF-16 marks), and 8 KiB (the NUL check) from plain files and memory, where reading
    /// never waits. False when the input is empty.
    private func fillHead() throws(SourceError) -> Bool {
        guard try fill() else { return false }
        let wanted = isPlainFile ? 8192 : 2
        while window.count < wanted, try fill() {}
        return true
    }

    /// Reads more bytes, first dropping what no longer needs keeping. False at the end.
    @discardableResult
    private func fill() throws(SourceError) -> Bool {
        guard !atEnd else { return false }
        var keepFrom = min(cursor, max(floor, cursor - options.lookbackBytes))
        if keepFrom > 0 && keepFrom > floor {
            // Keep whole lines only, so looking back never starts in the middle of one.
            let bytes = window.buffer
            var index = keepFrom
            while index < cursor && bytes[index - 1] != 0x0A { index += 1 }
            keepFrom = index
        }
        if keepFrom > 0 {
            window.drop(before: keepFrom)
            cursor -= keepFrom
            scanFrom -= keepFrom
            if keepFrom > floor { floorInCountedLine = false }
            floor = max(0, floor - keepFrom)
        }
        if window.count < (1 << 20) { window.shrinkIfIdle(to: 1 << 21) }
        // Read more at once only while one line or record grows long, and never much past the limit.
        let pending = window.count - cursor
        let chunk = max(1, options.readBytes)
        let size = max(min(1 << 16, chunk), min(max(chunk, pending), options.maxRecordBytes + 1 - pending))
        let got = try input.read(into: window, maximum: size)
        if got == 0 { atEnd = true; return false }
        counts.bytes += got
        onRead?(counts)
        return true
    }

    /// One step: skip lines without the needle, or handle the next occurrence.
    private func step() throws(SourceError) {
        let bytes = window.buffer
        if discarding {
            try skipDiscardedLine(bytes)
            return
        }
        guard let hit = Bytes.find(EventShape.needle, in: bytes, from: scanFrom) else {
            try readOnWithoutEvent(bytes)
            return
        }
        try handleOccurrence(at: hit, bytes)
    }

    /// Skips the rest of a line that is being discarded (an over-long one), reading on when its end
    /// is not in hand yet.
    private func skipDiscardedLine(_ bytes: UnsafeBufferPointer<UInt8>) throws(SourceError) {
        if let newline = Bytes.index(of: 0x0A, in: bytes, from: cursor) {
            cursor = newline + 1
            cursorLine += 1
            cursorLineCounted = 0
            scanFrom = cursor
            floor = cursor
            floorInCountedLine = false
            discarding = false
        } else if atEnd {
            cursor = bytes.count
            finished = true
        } else {
            cursor = bytes.count
            scanFrom = cursor
            floor = cursor
            floorInCountedLine = false
            try fill()
        }
    }

    /// No event in what is in hand: count the complete lines and read on.
    private func readOnWithoutEvent(_ bytes: UnsafeBufferPointer<UInt8>) throws(SourceError) {
        let last = Bytes.lastIndex(of: 0x0A, in: bytes, from: cursor)
        if let last { advance(to: last + 1) }
        scanFrom = max(cursor, bytes.count - EventShape.needle.count + 1)
        if atEnd {
            if cursor < bytes.count { countLines(1) }
            cursor = bytes.count
            finished = true
            return
        }
        if bytes.count - cursor > options.maxRecordBytes {
            overLongLine()
            return
        }
        try fill()
    }

    /// Looks at the line around an occurrence of the needle: a record found in it is committed;
    /// a line not yet in hand is read on.
    private func handleOccurrence(at hit: Int, _ bytes: UnsafeBufferPointer<UInt8>) throws(SourceError) {
        let lineStart = Bytes.lastIndex(of: 0x0A, in: bytes, from: cursor, before: hit).map { $0 + 1 } ?? cursor
        advance(to: lineStart)
        if hit - lineStart > options.maxRecordBytes {
            // The line holding the occurrence is longer than the limit before it even gets there.
            overLongLine()
            return
        }
        guard let lineEnd = Bytes.index(of: 0x0A, in: bytes, from: hit) ?? (atEnd ? bytes.count : nil) else {
            if bytes.count - cursor > options.maxRecordBytes { overLongLine(); return }
            try fill()
            return
        }
        switch examine(hit: hit, lineStart: lineStart, lineEnd: lineEnd, bytes: bytes) {
        case .needMore:
            if !atEnd { try fill() } else { scanFrom = hit + EventShape.needle.count }
        case .nothing:
            scanFrom = hit + EventShape.needle.count
        case .record(let start, let end, let items):
            // A record always ends after the occurrence, so the search moves on.
            commit(start: start, end: max(end, hit + EventShape.needle.count), items: items, bytes: bytes)
        }
    }

    private func overLongLine() {
        queue.append(.problem(SourceProblem(source: name, line: cursorLine, column: 1,
            message: "line longer than \(Self.size(options.maxRecordBytes)); skipped without looking for events in it")))
        counts.problems += 1
        counts.lines += 1 - cursorLineCounted
        cursorLineCounted = 0
        if let newline = Bytes.index(of: 0x0A, in: window.buffer, from: cursor) {
            cursor = newline + 1
            cursorLine += 1
        } else {
            // The rest of the line is skipped as it is read.
            discarding = true
            cursor = window.count
        }
        scanFrom = cursor
        floor = cursor
        floorInCountedLine = false
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }

    /// Counts the lines from `cursor` to `index` (a line start) as lines without an event.
    private func advance(to index: Int) {
        guard index > cursor else { return }
        let lines = Bytes.count(0x0A, in: window.buffer, from: cursor, to: index)
        countLines(lines)
        cursorLine += lines
        cursor = index
        if scanFrom < cursor { scanFrom = cursor }
    }

    private func countLines(_ lines: Int) {
        let fresh = lines - cursorLineCounted
        cursorLineCounted = 0
        counts.lines += fresh
        counts.linesWithoutEvent += fresh
    }

    /// Records the lines of a record that held events or problems, and queues the items.
    private func commit(start: Int, end: Int, items: [SourceItem], bytes: UnsafeBufferPointer<UInt8>) {
        // Lines before `cursor` that belong to the record were counted as lines without an event.
        if start < cursor {
            var earlier = Bytes.count(0x0A, in: bytes, from: start, to: cursor)
            // Except the line where the previous record ended, when this one starts after it there.
            if floorInCountedLine, let floorLineEnd = Bytes.index(of: 0x0A, in: bytes, from: floor), start <= floorLineEnd {
                earlier -= 1
            }
            counts.linesWithoutEvent -= earlier
        }
        let lastLineStart = Bytes.lastIndex(of: 0x0A, in: bytes, from: cursor, before: max(cursor, end - 1)).map { $0 + 1 } ?? cursor
        let lines = Bytes.count(0x0A, in: bytes, from: cursor, to: lastLineStart) + 1 - cursorLineCounted
        counts.lines += lines
        cursorLine += Bytes.count(0x0A, in: bytes, from: cursor, to: lastLineStart)
        cursor = lastLineStart
        cursorLineCounted = 1
        scanFrom = end
        floor = end
        floorInCountedLine = true
        for item in items {
            switch item {
            case .event(let found):
                counts.events += 1
                if found.origin.line == lastEventLine && level == 0 {
                    queue.append(.event(FoundEvent(bytes: found.bytes, event: found.event, origin: found.origin.sharingLine())))
                } else {
                    queue.append(item)
                }
                lastEventLine = found.origin.line
            case .problem:
                counts.problems += 1
                queue.append(item)
            }
        }
    }

    /// The line of the last event queued, to name a second event on the same line apart.
    private var lastEventLine = 0

    // MARK: Finding the record around an occurrence

    private enum Finding {
        case needMore
        case nothing
        case record(start: Int, end: Int, items: [SourceItem])
    }

    private func examine(hit: Int, lineStart: Int, lineEnd: Int, bytes: UnsafeBufferPointer<UInt8>) -> Finding {
        let indented = lineStart < bytes.count && (bytes[lineStart] == 0x20 || bytes[lineStart] == 0x09)
        if indented, let opener = openingLine(before: lineStart, bytes: bytes) {
            let openerEnd = Bytes.index(of: 0x0A, in: bytes, from: opener) ?? bytes.count
            let found = candidates(lineStart: opener, limit: openerEnd, hit: hit, lineEnd: lineEnd, allowStringStart: false, bytes: bytes)
            if case .nothing = found {} else { return found }
        }
        return candidates(lineStart: lineStart, limit: min(hit, lineEnd), hit: hit, lineEnd: lineEnd, allowStringStart: !indented, bytes: bytes)
    }

    /// The nearest earlier line that starts at column 0 (a pretty-printed record's first line, or
    /// a line that ends any record), when every line between starts with a space or a tab.
    private func openingLine(before lineStart: Int, bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = lineStart
        while start > floor && lineStart - start < options.lookbackBytes {
            let previous = Bytes.lastIndex(of: 0x0A, in: bytes, from: floor, before: start - 1).map { $0 + 1 } ?? floor
            guard previous < start - 1 else { return nil }  // an empty line ends the search
            let first = bytes[previous]
            if first != 0x20 && first != 0x09 { return previous }
            start = previous
        }
        return nil
    }

    /// Tries each bracket (and, for unindented lines, each quote) before `limit` as the start of a
    /// value that covers `hit`, left to right; the first that yields events wins, and otherwise the
    /// first problem found is reported.
    private func candidates(lineStart: Int, limit: Int, hit: Int, lineEnd: Int, allowStringStart: Bool, bytes: UnsafeBufferPointer<UInt8>) -> Finding {
        let pythonQuoted = hit > 0 && bytes[hit - 1] == 0x27
            && hit + EventShape.needle.count < bytes.count && bytes[hit + EventShape.needle.count] == 0x27
        var skipUntil = lineStart
        var firstProblem: (start: Int, end: Int, problem: SourceProblem)?
        var tried = 0
        var index = lineStart
        while index < limit && tried < 64 {
            let byte = bytes[index]
            guard index >= skipUntil, byte == 0x7B || byte == 0x5B || (byte == 0x22 && allowStringStart) else {
                index += 1
                continue
            }
            tried += 1
            let start = index
            index += 1
            let extent = ValueExtent.scan(bytes, from: start, hit: hit, python: false, atEnd: atEnd, limit: options.maxRecordBytes)
            switch extent {
            case .needMore:
                return .needMore
            case .tooLong:
                if firstProblem == nil {
                    firstProblem = (start, lineEnd, problem(at: start, bytes: bytes,
                        "the JSON value starting here is longer than \(Self.size(options.maxRecordBytes)); skipped"))
                }
            case .closed(let end, let hitInString), .broken(let end, let hitInString):
                let closed: Bool
                if case .closed = extent { closed = true } else { closed = false }
                if end <= hit {
                    if closed { skipUntil = end }
                    continue
                }
                var attempts: [Bool] = []  // true: Python
                if pythonQuoted && !hitInString { attempts = [true, false] } else { attempts = pythonQuoted ? [false, true] : [false] }
                for python in attempts {
                    let outcome = python ? readPython(from: start, bytes: bytes)
                        : readJSON(from: start, end: end, closed: closed, hitOutsideStrings: !hitInString, bytes: bytes)
                    switch outcome {
                    case .needMore: return .needMore
                    case .items(let end, let items) where !items.isEmpty:
                        if case .event = items[0] { return .record(start: start, end: end, items: items) }
                        if items.contains(where: { if case .event = $0 { return true } else { return false } }) {
                            return .record(start: start, end: end, items: items)
                        }
                        if firstProblem == nil, case .problem(let problem) = items[0] { firstProblem = (start, end, problem) }
                    case .items: break
                    case .failed(let end, let problem):
                        if firstProblem == nil { firstProblem = (start, end, problem) }
                    }
                }
            }
        }
        if let firstProblem {
            return .record(start: firstProblem.start, end: max(firstProblem.end, firstProblem.start + 1), items: [.problem(firstProblem.problem)])
        }
        return .nothing
    }

    private enum Outcome {
        case needMore
        case items(end: Int, [SourceItem])
        case failed(end: Int, SourceProblem)
    }

    /// Parses the JSON value at `start..<end` and finds the events in it.
    private func readJSON(from start: Int, end: Int, closed: Bool, hitOutsideStrings: Bool, bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let text = Array(bytes[start..<end])
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: text)
        } catch {
            let offset = start + min(error.offset, text.count)
            var message = closed ? error.reason : "\(error.reason) (the JSON value is cut off: the next line does not continue it)"
            if hitOutsideStrings {
                // `triggerSource:` without quotes: Node's console.log(event) prints JavaScript, not JSON.
                message += " (an object printed as JavaScript, as console.log(event) does, is not JSON: log JSON.stringify(event))"
            }
            return .failed(end: end, problem(at: offset, bytes: bytes, message))
        }
        let wholeFile = isWholeFile(start: start, end: end, bytes: bytes)
        if wholeFile == nil { return .needMore }
        return .items(end: end, events(in: document, recordStart: start, encoding: .json, wholeFile: wholeFile == true, bytes: bytes))
    }

    /// Converts the Python literal at `start` to JSON and finds the events in it.
    private func readPython(from start: Int, bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let extent = ValueExtent.scan(bytes, from: start, hit: start, python: true, atEnd: atEnd, limit: options.maxRecordBytes)
        let end: Int
        switch extent {
        case .needMore: return .needMore
        case .tooLong: return .failed(end: start + 1, problem(at: start, bytes: bytes, "the Python literal starting here is too long"))
        case .closed(let closedEnd, _): end = closedEnd
        case .broken(let at, _):
            return .failed(end: at, problem(at: at, bytes: bytes, "the Python literal is not complete"))
        }
        let json: [UInt8]
        do {
            json = try PythonLiteral.json(from: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        } catch {
            return .failed(end: end, problem(at: start + error.offset, bytes: bytes, "Python literal: \(error.message)"))
        }
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: json)
        } catch {
            return .failed(end: end, problem(at: start, bytes: bytes, "the Python literal converted to JSON does not parse: \(error.reason)"))
        }
        return .items(end: end, events(in: document, recordStart: start, encoding: .pythonRepr, wholeFile: false, bytes: bytes, span: start..<end))
    }

    /// True when the record is the whole of a plain file (only a byte-order mark and white space
    /// around it); nil when that cannot be known before reading further.
    private func isWholeFile(start: Int, end: Int, bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard isPlainFile, !isCompressed, level == 0, window.base == 0 else { return false }
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < start {
            guard Bytes.isSpace(bytes[index]) else { return false }
            index += 1
        }
        var after = end
        while after < bytes.count {
            guard Bytes.isSpace(bytes[after]) else { return false }
            after += 1
        }
        return atEnd ? true : nil
    }

    /// The events (and problems inside strings) of a parsed record, in text order.
    private func events(in document: JSONDocument, recordStart: Int, encoding: EventEncoding, wholeFile: Bool,
                        bytes: UnsafeBufferPointer<UInt8>, span: Range<Int>? = nil) -> [SourceItem] {
        var items: [SourceItem] = []
        var stack: [(JSONNode, JSONPath)] = [(document.root, [])]
        while let (node, path) = stack.popLast() {
            switch node.kind {
            case .object:
                if EventShape.isEvent(node) {
                    let nodeSpan = node.span
                    let eventBytes = wholeFile && path.isEmpty ? Array(bytes) : Array(node.rawBytes)
                    // A record that is the event itself is already parsed (its text is the event's).
                    let reuse = path.isEmpty && !wholeFile && encoding == .json
                    guard let event = reuse ? TriggerEvent(document: document) : try? TriggerEvent(bytes: eventBytes) else { continue }
                    let located = span ?? (recordStart + nodeSpan.lowerBound)..<(recordStart + nodeSpan.upperBound)
                    let position = lineAndColumn(of: located.lowerBound, bytes: bytes)
                    let origin = EventOrigin(source: name, line: position.line, column: position.column,
                        byteRange: (window.base + located.lowerBound)..<(window.base + located.upperBound),
                        paths: path.isEmpty ? [] : [path], encoding: encoding, isWholeFile: wholeFile && path.isEmpty)
                    items.append(.event(FoundEvent(bytes: eventBytes, event: event, origin: origin)))
                } else {
                    for (key, value) in node.members.reversed() { stack.append((value, path + [.key(key)])) }
                }
            case .array:
                for (offset, element) in node.elements.enumerated().reversed() { stack.append((element, path + [.index(offset)])) }
            case .string:
                guard level + 1 < options.maxStringLevels,
                      Bytes.find(EventShape.needle, in: node.rawBytes) != nil,
                      let text = node.stringValue else { continue }
                let literal = span ?? (recordStart + node.span.lowerBound)..<(recordStart + node.span.upperBound)
                items += inner(text: text, literal: literal, path: path, encoding: encoding, bytes: bytes)
            default:
                continue
            }
        }
        return items
    }

    /// The events of JSON text held in a string, placed at the string's position in this source.
    private func inner(text: String, literal: Range<Int>, path: JSONPath, encoding: EventEncoding, bytes: UnsafeBufferPointer<UInt8>) -> [SourceItem] {
        let reader = EventReader(input: MemoryInput(Array(text.utf8)), name: name, isPlainFile: false, options: options, level: level + 1)
        let position = lineAndColumn(of: literal.lowerBound, bytes: bytes)
        let range = (window.base + literal.lowerBound)..<(window.base + literal.upperBound)
        var items: [SourceItem] = []
        while let item = try? reader.next() {
            switch item {
            case .event(let found):
                let inner = found.origin
                let origin = EventOrigin(source: name, line: position.line, column: position.column, byteRange: range,
                    paths: [path] + inner.paths, encoding: inner.encoding == .pythonRepr || encoding == .pythonRepr ? .pythonRepr : .jsonString,
                    isWholeFile: false)
                items.append(.event(FoundEvent(bytes: found.bytes, event: found.event, origin: origin)))
            case .problem(let problem):
                let place = path.isEmpty ? "in the string" : "in the string at \(path.dottedString)"
                items.append(.problem(SourceProblem(source: name, line: position.line, column: position.column,
                    message: "\(place) (its line \(problem.line), column \(problem.column)): \(problem.message)")))
            }
        }
        return items
    }

    // MARK: Positions

    /// A problem at a byte of the window.
    private func problem(at offset: Int, bytes: UnsafeBufferPointer<UInt8>, _ message: String) -> SourceProblem {
        let position = lineAndColumn(of: offset, bytes: bytes)
        return SourceProblem(source: name, line: position.line, column: position.column, message: message)
    }

    /// The 1-based line and column (in code points) of a byte of the window, counted from `cursor`,
    /// whose line number is known.
    private func lineAndColumn(of offset: Int, bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let line: Int
        if offset >= cursor {
            line = cursorLine + Bytes.count(0x0A, in: bytes, from: cursor, to: min(offset, bytes.count))
        } else {
            line = cursorLine - Bytes.count(0x0A, in: bytes, from: offset, to: cursor)
        }
        let start = Bytes.lastIndex(of: 0x0A, in: bytes, from: 0, before: offset).map { $0 + 1 } ?? 0
        var column = 1
        var index = start
        if window.base == 0, start == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = min(3, offset) }
        while index < min(offset, bytes.count) {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (line, column)
    }
}
