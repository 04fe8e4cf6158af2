import ArgumentParser
import CognitoTriggers
import JSONDocument
import TerminalText

/// `cognito-explorer set FILE FIELD=VALUE...`: change response fields, keeping every other byte.
struct SetFields: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set or remove fields of an event, changing nothing else in the file.",
        discussion: """
            FIELD is a dotted path such as response.autoConfirmUser, \
            response.claimsOverrideDetails.claimsToSuppress[0] or response.userAttributes["custom:tier"]; \
            jq's spelling works too (.response.userAttributes."custom:tier"). \
            VALUE is read as the explorer reads typed values: for string and enumeration fields a plain \
            word is the string (response.finalUserStatus=CONFIRMED) and "x" is the string x; for claim \
            values and fields the catalogue does not describe, JSON is JSON and other text a string; \
            other fields take JSON: true, ["email"], {"a":"b"} or null. \
            Values must have the field's type. Missing objects on the way are created. Only response \
            fields may change unless --force is given: the request is what Cognito sent.
            The file is saved atomically, and not at all when it changed on disk meanwhile. One line \
            per change is printed, then the problems of the result.
            Exit status: 0 when saved and the event has no errors (warnings allowed), 1 when a change \
            is refused or the file cannot be saved (the file is then untouched) or when the saved \
            event has errors (as check would say), 2 when the file cannot be read or is not JSON.
            """
    )

    @Argument(help: "The event file.")
    var file: String

    @Argument(help: "Changes, as FIELD=VALUE.")
    var assignments: [String] = []

    @Option(name: .customLong("unset"), help: ArgumentHelp("Remove a field (repeatable).", valueName: "FIELD"))
    var removals: [String] = []

    @Option(name: .shortAndLong, help: "Write the result to this file and leave FILE as it is (- for standard output, the change lines then go to standard error).")
    var output: String?

    @Flag(help: "Allow changes outside response (request and common fields).")
    var force = false

    func validate() throws {
        if assignments.isEmpty && removals.isEmpty {
            throw ValidationError("Give at least one FIELD=VALUE or --unset FIELD.")
        }
    }

    /// Reads and parses the event, and the fingerprint of what was read (hashed on another core
    /// while the event is parsed). Only the fingerprint is kept: holding the bytes would make the
    /// first edit copy them (the document shares them), which on a large event costs more than the edit.
    /// With `copyingEarly`, the bytes are also written to an unnamed file beside it while they are
    /// parsed, for the save to finish (`FileStore.EarlyCopy`): most of the writing then overlaps the parse.
    private static func load(_ file: String, copyingEarly: Bool) throws -> (Fingerprint, TriggerEvent, EarlyCopy?) {
        let bytes: [UInt8]
        do { bytes = try FileStore.read(file) } catch {
            CLIOutput.error(TerminalText.escaped(error.description))
            throw ExitCode(2)
        }
        let hashing = Background { Fingerprint(bytes) }
        let early = copyingEarly ? FileStore.startEarlyCopy(of: bytes, for: file) : nil
        switch openEvent(EventFiles.Opened(path: file, bytes: bytes, outcome: EventFiles.classify(bytes))) {
        case .failure(let failure):
            CLIOutput.error(failure.message)
            throw ExitCode(failure.status)
        case .success(let opened):
            // The edits come next: neither the hashing nor the early copy may hold the bytes then.
            let fingerprint = hashing.value
            early?.waitUntilWritten()
            return (fingerprint, opened.event, early)
        }
    }

    func run() throws {
        var (disk, event, early) = try Self.load(file, copyingEarly: output == nil)
        let trigger = event.trigger
        var edits: [FieldAssignment] = []
        let changes: [FieldChange]
        do {
            for argument in assignments { edits.append(try FieldAssignment.parse(argument, in: trigger)) }
            for field in removals { edits.append(try FieldAssignment.removal(field)) }
            changes = try EventEditing.apply(edits, to: &event, force: force)
        } catch {
            var message = "error: \(error.description)"
            if error.kind == .outsideResponse { message += " (use --force to change it anyway)" }
            CLIOutput.error(message + "; \(TerminalText.escaped(file)) is unchanged")
            throw ExitCode(1)
        }
        // Saved without a copy of the text (edits leave a gap in it).
        event.document.closeGap()
        // The problems printed below are found on another core while the file is written (on a
        // large event the checks read all of it).
        let edited = event
        let checking = Background { edited.validate() }
        defer { _ = checking.value }
        var method = SaveMethod.replaced
        do {
            if output == "-" {
                CLIOutput.writeBytes(event.document.bytes)
            } else if let output {
                method = try FileStore.write(event.document.bytes, to: output)
            } else if event.document.hasUnsavedEdits {
                method = try FileStore.write(event.document.bytes, to: file, expecting: disk, earlyCopy: early,
                                             unchangedPrefix: event.document.unchangedPrefixSinceSave)
            }
        } catch {
            var message = "error: \(TerminalText.escaped(error.description))"
            if output != nil, case .notRegularFile = error.kind { message += " (--output - writes to standard output)" }
            CLIOutput.error(message)
            throw ExitCode(1)
        }
        let problems = checking.value
        var lines = changes.map(\.description)
        if let note = method.note { lines.append("\(TerminalText.escaped(output ?? file)): \(note)") }
        lines.append("")
        lines += EventPrinter.problemLines(problems)
        let text = lines.joined(separator: "\n") + "\n"
        // With the event on standard output, the report goes to standard error.
        if output == "-" { CLIOutput.error(text) } else { CLIOutput.write(text) }
        if TriggerEvent.hasErrors(problems) { throw ExitCode(1) }
    }
}
