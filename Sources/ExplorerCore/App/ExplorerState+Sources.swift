import CognitoTriggers
import EventSources
import JSONDocument
import TerminalText

/// A log or standard input named on the command line, and what it gave so far.
struct SourceState: Sendable {
    /// The path as named (`-` for standard input).
    let path: String
    var counts = SourceCounts()
    var isFinished = false
    var error: SourceError?
    /// The first broken event lines, kept for the status bar.
    var problems: [SourceProblem] = []

    init(path: String) {
        self.path = path
    }

    /// The name shown: `stdin` for `-`, else the file name.
    var displayName: String {
        if path == "-" { return "stdin" }
        return path.split(separator: "/").last.map(String.init) ?? path
    }
}

extension ExplorerState {
    // MARK: Events from logs and standard input

    /// Adds the events a source gave to the list (each under its origin's name, made unique) and
    /// keeps its counts; the first event found becomes the current one when nothing is shown yet.
    mutating func didRead(_ report: SourceReport) -> [Effect] {
        guard let index = sources.firstIndex(where: { $0.path == report.source }) else { return [] }
        sources[index].counts = report.counts
        sources[index].isFinished = report.isFinished
        if let error = report.error { sources[index].error = error }
        for problem in report.problems where sources[index].problems.count < 100 {
            sources[index].problems.append(problem)
        }
        if let problem = report.problems.first {
            message = StatusMessage(problem.description, .error)
        }
        if let error = report.error {
            message = StatusMessage(error.description, .error)
        }
        guard !report.events.isEmpty else { return [] }
        let firstNew = entries.count
        for event in report.events {
            var summary = event.summary
            // The key is free among events from logs, and unlike any file's path, so no two rows read the same.
            let origin = summary.name
            var key = origin
            var number = 2
            while indexByEvent[.log(key: key)] != nil || indexByEvent[.file(path: key)] != nil {
                key = "\(origin) (\(number))"
                number += 1
            }
            summary.source = .log(key: key)
            captured[summary.source] = event.bytes
            entries.append(summary)
            indexByEvent[summary.source] = entries.count - 1
            loadedCount += 1
        }
        let added = Array(firstNew..<entries.count)
        mergeIntoVisible(changed: added, previousWidths: Array(repeating: (user: 0, counts: 0), count: added.count))
        if currentEvent == nil, let first = visible.first {
            listCursor = 0
            return showEntry(entries[first].source)
        }
        return []
    }

    /// The line under the list about the sources: how many lines held no event, broken event
    /// lines, and whether reading goes on; nil when no source was named.
    public var sourceSummary: String? {
        guard !sources.isEmpty else { return nil }
        let without = sources.reduce(0) { $0 + $1.counts.linesWithoutEvent }
        let broken = sources.reduce(0) { $0 + $1.counts.problems }
        // One source is named in every row; several are counted.
        var text = sources.count == 1 ? "" : "\(sources.count) sources: "
        text += "\(TerminalText.count(without)) \(without == 1 ? "line" : "lines") without an event"
        if broken > 0 { text += ", \(TerminalText.count(broken)) broken" }
        if sources.contains(where: { $0.error != nil }) {
            text += ", read failed"
        } else if sources.contains(where: { !$0.isFinished }) {
            text += ", reading…"
        }
        return text
    }
}
