import EventSources
import FuzzSupport
import JSONDocument

// Event-source extraction on arbitrary bytes (a log, gzip data, a Python repr, anything). The input
// is read in memory twice: in one piece, and in small chunks (1 to 64 bytes, picked from the
// input's length and first byte) so chunk boundaries fall everywhere. Both reads must agree: the
// same events (origin and bytes), the same problems, the same error and the same counts. Within a
// read: every event's byte range lies inside the (decompressed) input, a JSON event is exactly the
// input's bytes at its range and they parse to the event, the counts add up with the items and the
// lines of the input. A third read with a 300-byte record limit must keep the same bounds and counts.
// Last, `PythonLiteral` on the input: when it converts, its output parses as JSON.

/// Everything a read gave, in a form that can be compared.
struct Reading {
    var items: [SourceItem] = []
    var error: SourceError?
    var counts = SourceCounts()
    var compressed = false

    var events: [FoundEvent] { items.compactMap { if case .event(let found) = $0 { found } else { nil } } }
    var problems: [SourceProblem] { items.compactMap { if case .problem(let problem) = $0 { problem } else { nil } } }

    /// One line per item, for comparing two reads.
    var summary: [String] {
        items.map { item in
            switch item {
            case .event(let found):
                let origin = found.origin
                return "event \(origin.name) \(origin.line):\(origin.column) \(origin.byteRange) \(origin.encoding) "
                    + "\(origin.pathDescription) whole=\(origin.isWholeFile) \(found.bytes)"
            case .problem(let problem):
                return "problem \(problem)"
            }
        }
    }
}

func read(_ bytes: [UInt8], readBytes: Int, maxRecordBytes: Int = 64 << 20) -> Reading {
    var options = EventReader.Options()
    options.readBytes = readBytes
    options.maxRecordBytes = maxRecordBytes
    options.lookbackBytes = min(options.lookbackBytes, maxRecordBytes)
    let reader = EventReader(bytes: bytes, name: "input", options: options)
    var reading = Reading()
    do {
        while let item = try reader.next() { reading.items.append(item) }
    } catch {
        reading.error = error
    }
    reading.counts = reader.counts
    reading.compressed = reader.isCompressed
    return reading
}

/// Lines in `bytes`, the last one counted even without a line break.
func lineCount(_ bytes: [UInt8]) -> Int {
    let breaks = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    return breaks + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
}

/// The checks every read must pass on its own.
func checkReading(_ reading: Reading, input: [UInt8], label: String) {
    let counts = reading.counts
    check(counts.events == reading.events.count, "\(label): counts.events \(counts.events) but \(reading.events.count) events")
    check(counts.problems == reading.problems.count, "\(label): counts.problems \(counts.problems) but \(reading.problems.count) problems")
    check(counts.linesWithoutEvent >= 0 && counts.linesWithoutEvent <= counts.lines,
          "\(label): \(counts.linesWithoutEvent) lines without an event of \(counts.lines) lines")
    if !reading.compressed {
        check(counts.bytes <= input.count, "\(label): \(counts.bytes) bytes read from an input of \(input.count)")
    }
    var itemLines = Set<Int>()
    for item in reading.items {
        switch item {
        case .event(let found): itemLines.insert(found.origin.line)
        case .problem(let problem): itemLines.insert(problem.line)
        }
    }
    if reading.error == nil {
        if !reading.compressed {
            check(counts.bytes == input.count, "\(label): \(counts.bytes) bytes read of \(input.count)")
            check(counts.lines == lineCount(input), "\(label): \(counts.lines) lines counted, the input has \(lineCount(input))")
        }
        check(itemLines.allSatisfy { $0 >= 1 && $0 <= counts.lines }, "\(label): an item's line outside 1...\(counts.lines): \(itemLines.sorted())")
        check(itemLines.count <= counts.lines - counts.linesWithoutEvent,
              "\(label): items on \(itemLines.count) lines but only \(counts.lines - counts.linesWithoutEvent) lines with an event")
        check(itemLines.isEmpty == (counts.linesWithoutEvent == counts.lines),
              "\(label): \(reading.items.count) items but \(counts.linesWithoutEvent) of \(counts.lines) lines without an event")
    }
    for found in reading.events {
        let origin = found.origin
        let range = origin.byteRange
        check(range.lowerBound >= 0 && range.upperBound <= counts.bytes && !range.isEmpty,
              "\(label): event range \(range) outside the \(counts.bytes) bytes read")
        guard let again = try? JSONDocument(bytes: found.bytes) else {
            check(false, "\(label): the bytes of the event at \(origin.name) do not parse")
            continue
        }
        check(again.root.value == found.event.document.root.value, "\(label): the bytes of the event at \(origin.name) parse to another value")
        guard !reading.compressed, range.upperBound <= input.count else { continue }
        let text = Array(input[range])
        switch origin.encoding {
        case .json:
            if !origin.isWholeFile {
                check(text == found.bytes, "\(label): a JSON event's bytes differ from the input at \(range)")
            }
            let parsed = try? JSONDocument(bytes: text)
            check(parsed?.root.value == found.event.document.root.value,
                  "\(label): the input at \(range) does not parse to the JSON event found there")
        case .jsonString:
            check((try? JSONDocument(bytes: text))?.root.kind == .string,
                  "\(label): the input at \(range) of an event in a JSON string is not a JSON string")
        case .pythonRepr:
            let converts = (try? PythonLiteral.json(from: text)).flatMap { try? JSONDocument(bytes: $0) } != nil
            let isString = (try? JSONDocument(bytes: text))?.root.kind == .string
            check(converts || isString, "\(label): the input at \(range) of a Python event is neither a literal that converts nor a JSON string")
        }
    }
}

runFuzzer { data, size in
    let input = inputBytes(data, size)
    let whole = read(input, readBytes: 1 << 20)
    checkReading(whole, input: input, label: "in one piece")
    let chunk = 1 + (input.count + Int(input.first ?? 0)) % 64
    let chunked = read(input, readBytes: chunk)
    checkReading(chunked, input: input, label: "in \(chunk)-byte chunks")
    check(chunked.error == whole.error, "in \(chunk)-byte chunks the error is \(String(describing: chunked.error)), in one piece \(String(describing: whole.error))")
    if whole.error == nil && chunked.error == nil {
        let (a, b) = (whole.summary, chunked.summary)
        if a != b {
            let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            check(false, "in \(chunk)-byte chunks item \(first) differs: \(first < b.count ? String(b[first].prefix(300)) : "none"); "
                + "in one piece: \(first < a.count ? String(a[first].prefix(300)) : "none")")
        }
        check(chunked.counts == whole.counts, "counts differ: \(chunked.counts) in \(chunk)-byte chunks, \(whole.counts) in one piece")
    }
    let limited = read(input, readBytes: chunk, maxRecordBytes: 300)
    checkReading(limited, input: input, label: "with a 300-byte limit")

    if let json = try? PythonLiteral.json(from: input) {
        check((try? JSONDocument(bytes: json)) != nil, "PythonLiteral's output does not parse as JSON: \(String(decoding: json.prefix(300), as: UTF8.self))")
    }
    return 0
}
