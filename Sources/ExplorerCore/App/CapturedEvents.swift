#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CognitoTriggers
import EventSources
import JSONDocument

/// An event found in a log, JSON lines, gzip data or standard input: listed under its origin's
/// name (`app.log:412`), edited in memory, and written only to a new file.
public struct CapturedEvent: Sendable {
    /// The list's summary; its source's key is the origin's name until the list makes it unique.
    public var summary: FileSummary
    /// The event's JSON text (kept instead of the parsed document, so a long log costs its bytes).
    public let bytes: [UInt8]

    /// Summarizes a found event (validation included), so the list has nothing left to compute.
    public init(_ found: FoundEvent) {
        summary = FileSummary(source: .log(key: found.origin.name), event: found.event, problems: found.event.validate())
        bytes = found.bytes
    }
}

/// What one source gave since its last report: events, broken event lines, the running counts,
/// and whether it has ended (and why, when reading failed).
public struct SourceReport: Sendable {
    /// The source as the user named it (`-` for standard input).
    public let source: String
    /// Events found, in order.
    public var events: [CapturedEvent] = []
    /// Text that looked like an event but could not be read.
    public var problems: [SourceProblem] = []
    /// The source's totals so far.
    public var counts = SourceCounts()
    /// True when the source has ended (or failed).
    public var isFinished = false
    /// Why reading stopped early, when it did.
    public var error: SourceError?

    /// An empty report for `source`.
    public init(source: String) {
        self.source = source
    }

    /// Adds one item a reader gave.
    public mutating func add(_ item: SourceItem) {
        switch item {
        case .event(let found): events.append(CapturedEvent(found))
        case .problem(let problem): problems.append(problem)
        }
    }
}

/// A path named to the explorer that gave neither an event file nor a source of events.
public enum InputProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// A name that is not there or cannot be opened, or a folder with no `.json` files or that
    /// cannot be listed.
    case path(EventFiles.PathProblem)
    /// A file that could not be read to tell whether it holds an event or is a log.
    case unreadable(SourceError)

    /// The path and what is wrong with it, for the status bar.
    public var description: String {
        switch self {
        case .path(let problem): return problem.description
        case .unreadable(let error): return error.description
        }
    }
}

/// How the explorer treats the paths it is given: folders and plain event files as always, logs
/// and standard input as sources of events.
public enum ExplorerInputs {
    /// The event files (folders searched for `*.json`), the sources to read events from, and the
    /// problem of each path that gave neither.
    public static func expand(_ paths: [String]) -> (files: [String], sources: [String], problems: [InputProblem]) {
        var files: [String] = []
        var sources: [String] = []
        var problems: [InputProblem] = []
        var folders: [String] = []
        func flushFolders() {
            guard !folders.isEmpty else { return }
            let (found, folderProblems) = EventFiles.expand(folders)
            files += found
            problems += folderProblems.map(InputProblem.path)
            folders = []
        }
        for path in paths {
            if path == "-" {
                sources.append(path)
                continue
            }
            var info = stat()
            guard PathCalls.fileStatus(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else {
                // Folders, and names that are not there, get the messages they always had.
                folders.append(path)
                continue
            }
            flushFolders()
            switch EventInputs.classify(path) {
            case .plainFile: files.append(path)
            case .source: sources.append(path)
            case .unreadable(let error): problems.append(.unreadable(error))
            }
        }
        flushFolders()
        return (files, sources, problems)
    }

    /// Opens a source for reading: `-` is standard input (or, when given, the descriptor that
    /// holds what was piped in), any other path a log. Call it on the thread that will read.
    public static func openSource(_ path: String, standardInput: Int32? = nil) -> Result<EventReader, SourceError> {
        if path == "-" {
            if let standardInput { return .success(EventReader.reading(descriptor: standardInput, name: "stdin")) }
            do { return .success(try EventReader.open("-")) } catch { return .failure(error) }
        }
        switch EventInputs.classify(path) {
        case .source(let reader): return .success(reader)
        case .unreadable(let error): return .failure(error)
        case .plainFile(let opened):
            // The file changed since it was listed and is now one plain event: read it as a source.
            return .success(EventReader(bytes: opened.bytes, name: path))
        }
    }

    /// Reads a source to its end (for headless runs and tests) and reports everything at once.
    public static func readAll(_ path: String) -> SourceReport {
        var report = SourceReport(source: path)
        switch openSource(path) {
        case .success(let reader):
            read(reader, into: &report)
        case .failure(let error):
            report.error = error
            report.isFinished = true
        }
        return report
    }

    /// Reads `reader` to its end into `report`, with the final counts and any error.
    public static func read(_ reader: EventReader, into report: inout SourceReport) {
        do {
            while let item = try reader.next() { report.add(item) }
        } catch {
            report.error = error
        }
        report.counts = reader.counts
        report.isFinished = true
    }
}
