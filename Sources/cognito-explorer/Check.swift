import ArgumentParser
import CognitoTriggers
import Foundation
import JSONDocument
import TerminalText

/// `cognito-explorer check PATH...`: one line per file, exit status by the worst outcome.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that files are valid JSON and valid Cognito trigger events.",
        discussion: """
            Folders are searched recursively for *.json files. For each file one line says `ok`, \
            or `FILE:LINE:COLUMN: message` for JSON that does not parse; event problems are listed \
            as `FILE: PATH: severity: message`.
            Exit status: 0 when every file is a valid event (warnings allowed), 1 when some file is \
            valid JSON with errors as an event, 2 when some file is not JSON or cannot be read.
            """
    )

    @Argument(help: "Files and folders to check.")
    var paths: [String]

    @Flag(name: .shortAndLong, help: "Print only problems.")
    var quiet = false

    func run() throws {
        var report = CheckReport()
        let (files, pathProblems) = EventFiles.expand(paths)
        for problem in pathProblems {
            report.notReadable(TerminalText.escaped(problem.description))
        }
        report.append(Self.check(files))
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
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count / 64))
        guard workers > 1 else {
            var report = CheckReport()
            for file in files { report.add(file: file, EventFiles.open(file)) }
            return report
        }
        let shares = Shares(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var report = CheckReport()
            let range = (files.count * worker / workers)..<(files.count * (worker + 1) / workers)
            for file in files[range] { report.add(file: file, EventFiles.open(file)) }
            shares.set(worker, report)
        }
        var report = CheckReport()
        for share in shares.reports { report.append(share) }
        return report
    }

    /// The workers' reports, each written once by its worker.
    private final class Shares: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [CheckReport]

        init(count: Int) { slots = Array(repeating: CheckReport(), count: count) }

        func set(_ index: Int, _ report: CheckReport) {
            lock.lock()
            slots[index] = report
            lock.unlock()
        }

        var reports: [CheckReport] {
            lock.lock()
            defer { lock.unlock() }
            return slots
        }
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

    mutating func add(file: String, _ opened: EventFiles.Opened) {
        guard case .document(let event) = opened.outcome else {
            notReadable(opened.problemLine ?? TerminalText.escaped(file))
            return
        }
        let shown = TerminalText.escaped(file)
        let problems = event.validate()
        if problems.isEmpty {
            lines.append(Line(text: "\(shown): ok", isOK: true))
        }
        for problem in problems {
            lines.append(Line(text: "\(shown): \(TerminalText.escaped(problem.description))", isOK: false))
        }
        if TriggerEvent.hasErrors(problems) { exitCode = max(exitCode, 1) }
    }
}
