#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CognitoTriggers
import JSONDocument
import TerminalText

/// `cognito-explorer redact FILE...`: replace personal data with fakes, so events can be shared.
struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Replace the personal data in events with realistic fakes of the same shape.",
        discussion: """
            Which values are personal comes from the field catalogue: user names, email addresses, \
            phone numbers, names, addresses, subs, IP addresses, tokens, passwords, codes, client \
            metadata and validation data values, and the personal values inside message texts. The \
            same original gets the same fake in every file of one run; give --salt to get the same \
            fakes in another run. Trigger sources, versions, attribute names, placeholders, the pool \
            and app client IDs and (unless --redact-groups) group names stay.
            With one FILE (or -, standard input) the redacted event goes to standard output (on a terminal with what could \
            steer it escaped, still the same JSON) and the report to standard error. --output OUT writes \
            it to a file instead (for several FILEs, OUT is a folder and each file keeps its name); \
            an existing file is never replaced, and an input never written over unless --in-place \
            is given, which saves each file atomically, changing only the replaced values.
            Exit status: 0 when every file was redacted, 1 when a result could not be written, 2 \
            when a file cannot be read, is not JSON or is not a Cognito trigger event (nothing is \
            written for it).
            """
    )

    @Argument(help: "The event files; - for standard input.")
    var files: [String]

    @Option(help: "Key the fakes with this text, so another run with the same salt gives the same fakes (default: a random salt for this run).")
    var salt: String?

    @Flag(help: "Replace group names and the role names of their IAM roles too.")
    var redactGroups = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (or folder, for several files); - for standard output.", valueName: "OUT"))
    var output: String?

    @Flag(help: "Replace each FILE with its redacted version.")
    var inPlace = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one event file.") }
        if inPlace && output != nil { throw ValidationError("Give either --in-place or --output, not both.") }
        if files.count > 1 && !inPlace && (output == nil || output == "-") {
            throw ValidationError("For several files give --output FOLDER or --in-place.")
        }
        if files.contains("-") && (files.count > 1 || inPlace) {
            throw ValidationError("Standard input (-) is read alone, and cannot be redacted in place.")
        }
    }

    func run() throws {
        var redactor = Redactor(salt: salt, redactGroups: redactGroups)
        var status: Int32 = 0
        var total = 0
        var redacted = 0
        for file in files {
            do {
                total += try redact(file, with: &redactor)
                redacted += 1
            } catch let failure as CommandFailure {
                CLIOutput.error(failure.message)
                status = max(status, failure.status)
            }
        }
        if files.count > 1 {
            // Several files are never written to standard output, so the reports went there too.
            CLIOutput.write("\(total) values replaced in \(redacted) of \(files.count) files\n")
        }
        if redactor.saltIsRandom && redacted > 0 {
            CLIOutput.error("note: the fakes were keyed with a random salt; give --salt to get the same fakes in another run")
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Redacts one file and writes the result where the options say; returns the number of replaced values.
    private func redact(_ file: String, with redactor: inout Redactor) throws -> Int {
        let name = TerminalText.escaped(file)
        let bytes: [UInt8]
        if file == "-" {
            bytes = try Self.readStandardInput()
        } else {
            do { bytes = try FileStore.read(file) } catch {
                throw CommandFailure(TerminalText.escaped(error.description), status: 2)
            }
        }
        var event: TriggerEvent
        switch openEvent(EventFiles.Opened(path: file, bytes: bytes, outcome: EventFiles.classify(bytes))) {
        case .failure(let failure): throw failure
        case .success(let opened): event = opened.event
        }
        let report: Redactor.Report
        do { report = try redactor.redact(&event) } catch {
            throw CommandFailure("\(name): \(TerminalText.escaped(error.description)); nothing written", status: 2)
        }
        event.document.closeGap()
        let result = event.document.bytes
        let destination = try destination(for: file)
        var note: String?
        switch destination {
        case .standardOutput:
            // The bytes as they are for a pipe or a file; on a terminal, characters that could steer
            // it are escaped (JSON escapes inside strings, so still the same JSON).
            CLIOutput.writeBytes(result)
        case .file(let path):
            note = try Self.create(path, with: result, input: name).note.map { "\(TerminalText.escaped(path)): \($0)" }
        case .inPlace:
            do { note = try FileStore.write(result, to: file, expected: bytes).note.map { "\(name): \($0)" } } catch {
                throw CommandFailure("error: \(TerminalText.escaped(error.description)); \(name) is unchanged", status: 1)
            }
        }
        var lines = ["\(name): \(report.summary)"]
        if let note { lines.append("  " + note) }
        if !report.keptUnknown.isEmpty {
            let paths = report.keptUnknown.map { TerminalText.escaped($0.dottedString) }
            lines.append("  kept \(paths.count) value\(paths.count == 1 ? "" : "s") of fields the catalogue does not describe (no personal value found in them): \(paths.joined(separator: ", "))")
        }
        if event.trigger == nil {
            lines.append("  warning: unknown trigger source; only the common fields and values shaped like personal data were replaced")
        }
        let text = lines.joined(separator: "\n") + "\n"
        if destination == .standardOutput { CLIOutput.error(text) } else { CLIOutput.write(text) }
        return report.replacements.count
    }

    private enum Destination: Equatable {
        case standardOutput
        case file(String)
        case inPlace
    }

    private func destination(for file: String) throws -> Destination {
        if inPlace { return .inPlace }
        guard let output, output != "-" else { return .standardOutput }
        let target: String
        if files.count > 1 {
            let base = file.split(separator: "/").last.map(String.init) ?? file
            target = output.hasSuffix("/") ? output + base : output + "/" + base
        } else {
            target = output
        }
        if files.contains(where: { Self.sameFile($0, target) }) {
            throw CommandFailure("error: \(TerminalText.escaped(target)) is one of the input files; use --in-place to replace it", status: 1)
        }
        return .file(target)
    }

    /// Whether two paths name the same file on disk.
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard PathCalls.fileStatus(a, &first) == 0, PathCalls.fileStatus(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Reads the whole of standard input, up to the size limit of event files.
    private static func readStandardInput() throws(CommandFailure) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CommandFailure("-: cannot read standard input: \(String(cString: strerror(errno)))", status: 2)
            }
            if count == 0 { return result }
            result += chunk[0..<count]
            if result.count > FileStore.sizeLimit {
                throw CommandFailure("-: standard input holds more than the \(FileStore.sizeLimit >> 30) GiB limit for an event; nothing written", status: 2)
            }
        }
    }

    /// Writes a new file, refusing when the name exists: the name is claimed with an exclusive
    /// create, then filled by an atomic save (a failed save removes the claim).
    private static func create(_ path: String, with bytes: [UInt8], input name: String) throws(CommandFailure) -> SaveMethod {
        let fd = PathCalls.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(0o644))
        guard fd >= 0 else {
            if errno == EEXIST {
                throw CommandFailure("error: \(TerminalText.escaped(path)) exists; redact never replaces a file (remove it or choose another name); \(name) is unchanged", status: 1)
            }
            let reason = String(cString: strerror(errno))
            throw CommandFailure("error: \(TerminalText.escaped(path)): cannot create it: \(reason); \(name) is unchanged", status: 1)
        }
        close(fd)
        do { return try FileStore.write(bytes, to: path) } catch {
            PathCalls.unlink(path)
            throw CommandFailure("error: \(TerminalText.escaped(error.description)); \(name) is unchanged", status: 1)
        }
    }
}
