#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CognitoTriggers
import EventSources
import TerminalText
import Foundation

/// `cognito-explorer import SOURCE... --into DIR`: every event found in logs, written one per file.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Find the events in logs, JSON lines, gzip files or standard input and write one file per event.",
        discussion: """
            Every source is searched for Cognito events (see the README for the formats read). Each \
            distinct event is written pretty-printed to DIR/TRIGGER/TRIGGERSOURCE.USER.json, as \
            fixtures/ is laid out; a short content hash is added when that name holds another event. \
            Identical events are written once, and an existing file is never replaced. Broken event \
            lines are reported on standard error as SOURCE:LINE:COLUMN. A summary follows.
            With --redact every event's personal data is replaced with fakes before it is written, \
            as the redact command does (the file names then carry the fake user names); the same \
            original gets the same fake in every event of the run, or of every run with the same \
            --salt. An event that cannot be redacted is reported and not written.
            Exit status: 0 when everything found was read, 1 when some event line was broken, 2 when \
            a source could not be read or a file could not be written.
            """
    )

    @Argument(help: "Logs, event files, gzip files; - for standard input.")
    var sources: [String]

    @Option(name: .customLong("into"), help: "The folder to write into (created when missing).")
    var folder: String

    @Flag(help: "List what would be written, without writing anything.")
    var dryRun = false

    @Flag(help: "List every file written.")
    var verbose = false

    @Flag(help: "Report progress on standard error even when it is not a terminal.")
    var progress = false

    @Flag(help: "Replace personal data with realistic fakes before writing (see the redact command).")
    var redact = false

    @Option(help: "With --redact: key the fakes with this text, so another run gives the same fakes (default: random).")
    var salt: String?

    @Flag(help: "With --redact: replace group names and the role names of their IAM roles too.")
    var redactGroups = false

    func validate() throws {
        if !redact && (salt != nil || redactGroups) {
            throw ValidationError("--salt and --redact-groups go with --redact.")
        }
    }

    func run() throws {
        let importer = EventImporter(folder: folder, dryRun: dryRun)
        var summary = ImportSummary()
        let meter = ProgressMeter(forced: progress)
        var redactor = redact ? Redactor(salt: salt, redactGroups: redactGroups) : nil
        var status: Int32 = 0
        for source in sources {
            guard let reader = openReader(source, summary: &summary, status: &status) else { continue }
            summary.sources += 1
            let name = reader.name
            reader.onRead = { counts in meter.update(source: name, counts: counts) }
            let stopped = importEvents(from: reader, into: importer, redactor: &redactor, summary: &summary, status: &status, meter: meter)
            if stopped { break }
            summary.lines += reader.counts.lines
            summary.withoutEvent += reader.counts.linesWithoutEvent
            summary.problems += reader.counts.problems
        }
        do { reportRenamed(try importer.finish(), meter: meter) } catch {
            CLIOutput.error("error: " + TerminalText.escaped(error.description))
            status = 2
        }
        meter.clear()
        CLIOutput.write(summary.text(folder: folder, dryRun: dryRun))
        if redactor?.saltIsRandom == true && summary.events > 0 {
            CLIOutput.error("note: the fakes were keyed with a random salt; give --salt to get the same fakes in another run")
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The reader of one source (a log, a file of events, standard input), or of a plain event
    /// file; nil, with the reason said and the status set, when it holds no event to read.
    private func openReader(_ source: String, summary: inout ImportSummary, status: inout Int32) -> EventReader? {
        switch EventInputs.classify(source) {
        case .unreadable(let error):
            CLIOutput.error(TerminalText.escaped(error.description))
            status = 2
            return nil
        case .plainFile(let opened):
            guard opened.event?.document.root["triggerSource"] != nil else {
                // No event anywhere in it: say why, as check does.
                CLIOutput.error(plainFileMessage(opened))
                summary.sources += 1
                status = 2
                return nil
            }
            return EventReader(bytes: opened.bytes, name: source)
        case .source(let found):
            return found
        }
    }

    /// Imports every event a reader finds (redacted first with `--redact`), saying each problem;
    /// true when an error of the importer ends the whole import, with the reader's lines counted.
    private func importEvents(from reader: EventReader, into importer: EventImporter, redactor: inout Redactor?,
                              summary: inout ImportSummary, status: inout Int32, meter: ProgressMeter) -> Bool {
        do {
            while let item = try reader.next() {
                switch item {
                case .problem(let problem):
                    meter.clear()
                    CLIOutput.error(TerminalText.escaped(problem.description))
                    status = max(status, 1)
                case .event(var found):
                    if redactor != nil {
                        // Never written unredacted: an event that cannot be redacted is skipped.
                        guard let redacted = Self.redacted(found, with: &redactor, into: &summary) else {
                            meter.clear()
                            CLIOutput.error("\(TerminalText.escaped(found.origin.name)): not a Cognito trigger event that can be redacted; not written")
                            summary.notRedacted += 1
                            status = max(status, 1)
                            continue
                        }
                        found = redacted
                    }
                    summary.events += 1
                    summary.perTrigger[EventImporter.folderName(for: found.event.trigger), default: 0] += 1
                    let outcome: EventImporter.Outcome
                    do {
                        outcome = try importer.add(found)
                        reportRenamed(try importer.flushIfFull(), meter: meter)
                    } catch {
                        meter.clear()
                        CLIOutput.error("error: " + TerminalText.escaped(error.description))
                        status = 2
                        summary.lines += reader.counts.lines
                        summary.withoutEvent += reader.counts.linesWithoutEvent
                        return true
                    }
                    report(outcome, origin: found.origin, into: &summary, meter: meter)
                }
            }
        } catch {
            meter.clear()
            CLIOutput.error(TerminalText.escaped(error.description))
            status = 2
        }
        return false
    }

    private func report(_ outcome: EventImporter.Outcome, origin: EventOrigin, into summary: inout ImportSummary, meter: ProgressMeter) {
        var from: String { TerminalText.escaped(origin.name) }
        switch outcome {
        case .written(let path):
            summary.written += 1
            if verbose { meter.clear(); print("wrote \(TerminalText.escaped(path)) (from \(from))") }
        case .wouldWrite(let path):
            summary.written += 1
            meter.clear()
            print("would write \(TerminalText.escaped(path)) (from \(from))")
        case .duplicate(let path):
            summary.duplicates += 1
            if verbose { meter.clear(); print("same as \(TerminalText.escaped(path)): \(from)") }
        case .alreadyPresent(let path):
            summary.alreadyPresent += 1
            if verbose { meter.clear(); print("already there: \(TerminalText.escaped(path)) (from \(from))") }
        }
    }

    /// Files whose name another program took between planning and writing (never overwritten).
    private func reportRenamed(_ renamed: [EventImporter.Renamed], meter: ProgressMeter) {
        for entry in renamed {
            meter.clear()
            let planned = TerminalText.escaped(entry.planned)
            if let actual = entry.actual {
                CLIOutput.error("note: \(planned) appeared meanwhile (another program?); the event went to \(TerminalText.escaped(actual))")
            } else {
                CLIOutput.error("note: \(planned) appeared meanwhile with the same event; nothing more written")
            }
        }
    }

    /// The event with its personal data replaced (the source text kept, for finding repeats),
    /// or nil when it cannot be redacted.
    private static func redacted(_ found: FoundEvent, with redactor: inout Redactor?, into summary: inout ImportSummary) -> FoundEvent? {
        var event = found.event
        guard let report = try? redactor?.redact(&event) else { return nil }
        for (kind, count) in report.counts { summary.redacted[kind, default: 0] += count }
        return FoundEvent(bytes: found.bytes, event: event, origin: found.origin)
    }

    private func plainFileMessage(_ opened: EventFiles.Opened) -> String {
        switch opened.outcome {
        case .document, .notJSON: return "\(TerminalText.escaped(opened.path)): no Cognito event found in it"
        default: return opened.problemLine ?? "\(TerminalText.escaped(opened.path)): no Cognito event found in it"
        }
    }
}

/// What an import did, for the summary.
struct ImportSummary {
    var sources = 0
    var lines = 0
    var withoutEvent = 0
    var events = 0
    var perTrigger: [String: Int] = [:]
    var written = 0
    var duplicates = 0
    var alreadyPresent = 0
    var problems = 0
    /// Replaced values by kind, with --redact.
    var redacted: [PersonalKind: Int] = [:]
    /// Events left unwritten because they could not be redacted.
    var notRedacted = 0

    func text(folder: String, dryRun: Bool) -> String {
        var lines = [
            "sources read: \(sources)",
            "lines read: \(self.lines)",
            "events found: \(events)",
        ]
        for (trigger, count) in perTrigger.sorted(by: { $0.key < $1.key }) { lines.append("  \(trigger): \(count)") }
        lines.append((dryRun ? "files to write: " : "files written: ") + "\(written) (into \(TerminalText.escaped(folder)))")
        lines.append("duplicates: \(duplicates) (same as an event met before)")
        if alreadyPresent > 0 { lines.append("already there: \(alreadyPresent) (an identical file exists)") }
        lines.append("lines without an event: \(withoutEvent)")
        lines.append("problems: \(problems)")
        if !redacted.isEmpty || notRedacted > 0 {
            let kinds = redacted.keys.sorted().map { "\(redacted[$0] ?? 0) \($0.plural)" }
            lines.append("values redacted: \(redacted.values.reduce(0, +))" + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))"))
            if notRedacted > 0 { lines.append("events not redacted, so not written: \(notRedacted)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Progress on standard error for a long import: one line rewritten in place on a terminal (or a
/// line every second with `--progress`), starting only after the first second.
final class ProgressMeter {
    private let start = Date()
    private var last = Date.distantPast
    private var shown = false
    private let terminal = isatty(STDERR_FILENO) == 1
    private let forced: Bool

    init(forced: Bool) { self.forced = forced }

    func update(source: String, counts: SourceCounts) {
        guard terminal || forced else { return }
        let now = Date()
        guard now.timeIntervalSince(start) >= 1, now.timeIntervalSince(last) >= (terminal ? 0.25 : 1) else { return }
        last = now
        let megabytes = Double(counts.bytes) / 1_000_000
        let rate = megabytes / max(now.timeIntervalSince(start), 0.001)
        let text = "reading \(TerminalText.escaped(source)): \(String(format: "%.0f", megabytes)) MB, \(counts.lines) lines, \(counts.events) events (\(String(format: "%.0f", rate)) MB/s)"
        if terminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            shown = true
        } else {
            CLIOutput.error(text)
        }
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
