import ArgumentParser
import CognitoTriggers
import EventSources
import Foundation
import JSONDocument
import TerminalText

/// `cognito-explorer check PATH...`: one line per file, exit status by the worst outcome.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that files are valid JSON and valid Cognito trigger events.",
        discussion: """
            Folders are searched recursively for *.json files. For each file one line says `ok`, \
            or `FILE:LINE:COLUMN: message` for JSON that does not parse; event problems are listed \
            as `FILE: PATH: severity: message`.
            `-` reads standard input. Logs, JSON lines, gzip files and records that wrap events are \
            searched for events: each event found is named by its line (`app.log:412: ok`), a \
            broken event line is reported as `FILE:LINE:COLUMN: message`, and a last line counts \
            the events and the lines without one.
            Exit status: 0 when every file is a valid event (warnings allowed), 1 when some file is \
            valid JSON with errors as an event, 2 when some file is not JSON or cannot be read.
            """
    )

    @Argument(help: "Files, folders and logs to check; - for standard input.")
    var paths: [String]

    @Flag(name: .shortAndLong, help: "Print only problems.")
    var quiet = false

    func run() throws {
        var report = CheckReport()
        // Standard input is read where it is named; the paths around it keep their order.
        var pending: [String] = []
        func checkPending() {
            let (files, pathProblems) = EventFiles.expand(pending)
            for problem in pathProblems {
                report.notReadable(TerminalText.escaped(problem.description))
            }
            report.append(Self.check(files))
            pending = []
        }
        for path in paths {
            if path == "-" {
                checkPending()
                report.check("-")
            } else {
                pending.append(path)
            }
        }
        checkPending()
        let shown = report.lines.filter { !(quiet && $0.isOK) }.map(\.text)
        if !shown.isEmpty { CLIOutput.write(shown.joined(separator: "\n") + "\n") }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// The lines and exit status of a check run; separate from printing so tests can read it.
extension Check {
    /// Checks files on every core: each worker takes a contiguous share of the files, and the
    /// shares' lines are joined in file order, so the output is the same as one worker's.
    static func check(_ files: [String]) -> CheckReport {
        let shares = ParallelShares.map(count: files.count, minimumShare: 64) { range in
            var report = CheckReport()
            for file in files[range] { report.check(file) }
            return report
        }
        var report = CheckReport()
        for share in shares { report.append(share) }
        return report
    }

}

struct CheckReport {
    struct Line {
        let text: String
        let isOK: Bool
    }

    private(set) var lines: [Line] = []
    private(set) var exitCode: Int32 = 0

    /// Adds another report's lines after these.
    mutating func append(_ other: CheckReport) {
        lines += other.lines
        exitCode = max(exitCode, other.exitCode)
    }

    mutating func notReadable(_ text: String) {
        lines.append(Line(text: text, isOK: false))
        exitCode = 2
    }

    /// Checks one path: a plain event file as always, a log or standard input event by event.
    mutating func check(_ path: String) {
        switch EventInputs.classify(path) {
        case .plainFile(let opened): add(file: path, opened)
        case .source(let reader): add(source: reader)
        case .unreadable(let error): notReadable(TerminalText.escaped(error.description))
        }
    }

    /// One line per event found in a source (named `SOURCE:LINE`), one per broken event, and a
    /// last line with the counts.
    mutating func add(source reader: EventReader) {
        do {
            while let item = try reader.next() {
                switch item {
                case .event(let found): add(event: found.event, named: TerminalText.escaped(found.origin.name))
                case .problem(let problem): notReadable(TerminalText.escaped(problem.description))
                }
            }
        } catch {
            notReadable(TerminalText.escaped(error.description))
        }
        let counts = reader.counts
        let name = TerminalText.escaped(reader.name)
        if counts.events == 0 && counts.problems == 0 {
            notReadable("\(name): no Cognito event found in \(counts.lines) \(counts.lines == 1 ? "line" : "lines")")
        } else {
            let events = counts.events == 1 ? "1 event" : "\(counts.events) events"
            let read = counts.lines == 1 ? "1 line" : "\(counts.lines) lines"
            lines.append(Line(text: "\(name): \(events) in \(read), \(counts.linesWithoutEvent) without an event", isOK: true))
        }
    }

    /// `NAME: ok`, or a line per problem; `name` is already escaped.
    mutating func add(event: TriggerEvent, named name: String) {
        let problems = event.validate()
        if problems.isEmpty {
            lines.append(Line(text: "\(name): ok", isOK: true))
        }
        for problem in problems {
            lines.append(Line(text: "\(name): \(TerminalText.escaped(problem.description))", isOK: false))
        }
        if TriggerEvent.hasErrors(problems) { exitCode = max(exitCode, 1) }
    }

    mutating func add(file: String, _ opened: EventFiles.Opened) {
        guard case .document(let event) = opened.outcome else {
            notReadable(opened.problemLine ?? TerminalText.escaped(file))
            return
        }
        add(event: event, named: TerminalText.escaped(file))
    }
}

extension Check: TakesManyPaths {
    static let pathOptions = ManyPaths.Options(valued: [], flags: ["-q", "--quiet"])
}
