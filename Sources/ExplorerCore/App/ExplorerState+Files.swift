import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    // MARK: Loading

    mutating func didExpand(files: [String], problems: [InputProblem], sources names: [String] = []) -> [Effect] {
        isExpanding = false
        var named = Set<String>()
        sources = names.filter { named.insert($0).inserted }.map(SourceState.init(path:))
        let reads = sources.map { Effect.readSource(path: $0.path) }
        pathProblems = problems
        var seen = Set<String>()
        entries = []
        for file in files where seen.insert(file).inserted {
            entries.append(.pending(file))
        }
        indexByEvent = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($0.element.source, $0.offset) })
        requestedCount = 0
        isSummarizing = false
        loadedCount = 0
        recomputeVisible()
        if entries.isEmpty {
            if !problems.isEmpty || sources.isEmpty {
                message = StatusMessage(problems.first?.description ?? "no event files found", .warning)
            }
            return reads
        }
        if problems.count > 0 {
            message = StatusMessage(problems.map(\.description).joined(separator: "; "), .warning)
        }
        // The first file opens before any batch, so the first frame has an event to show;
        // summarizing starts when it has arrived and skips it.
        guard let first = visible.first.flatMap({ entries[$0].source.file }) else { return nextBatch() + reads }
        currentEvent = .file(path: first)
        return [.open(path: first)] + reads
    }

    /// The next `.load` effect, if files remain that no open file has summarized yet.
    mutating func nextBatch() -> [Effect] {
        isSummarizing = true
        var paths: [String] = []
        while requestedCount < entries.count && paths.count < options.batchSize {
            if entries[requestedCount].status == .pending, let file = entries[requestedCount].source.file { paths.append(file) }
            requestedCount += 1
        }
        return paths.isEmpty ? [] : [.load(paths: paths)]
    }

    mutating func didLoad(_ summaries: [FileSummary]) -> [Effect] {
        var changed: [Int] = []
        var previousWidths: [(user: Int, counts: Int)] = []
        changed.reserveCapacity(summaries.count)
        previousWidths.reserveCapacity(summaries.count)
        for summary in summaries {
            guard let index = indexByEvent[summary.source] else { continue }
            if entries[index].status == .pending { loadedCount += 1 }
            changed.append(index)
            previousWidths.append((FileSummary.listColumns(of: entries[index].user), entries[index].problemCountsWidth))
            // An open session knows better (it may hold edits).
            entries[index] = sessions[summary.source]?.summary ?? summary
        }
        // Only the batch's entries are placed: recomputing the whole list at every batch made
        // summarizing 10,000 files quadratic.
        mergeIntoVisible(changed: changed, previousWidths: previousWidths)
        return nextBatch()
    }

    mutating func didOpen(_ opened: EventFiles.Opened) -> [Effect] {
        let key = EventSource.file(path: opened.path)
        // Never replace a session that holds edits.
        if let existing = sessions[key], existing.hasUnsavedEdits {
            return []
        }
        let session = EventSession(opened)
        sessions[key] = session
        if let index = indexByEvent[key] {
            if entries[index].status == .pending { loadedCount += 1 }
            entries[index] = session.summary
            noteListWidths(of: entries[index])
        }
        if currentEvent == key && focus == .response && !session.hasResponsePane {
            focus = .request
        }
        dropIdleSessions()
        var effects = isSummarizing ? [] : nextBatch()
        if !recoveryOffered.contains(opened.path) && session.event != nil {
            effects.append(.findRecovery(path: opened.path))
        }
        return effects
    }

    /// Forgets opened files that are neither shown nor edited, so memory follows what matters.
    mutating func dropIdleSessions() {
        for key in Array(sessions.keys) where key != currentEvent {
            if let session = sessions[key], !session.hasUnsavedEdits { sessions[key] = nil }
        }
    }

    /// Refreshes the list entry of a session after an edit, undo or save.
    mutating func refreshEntry(_ key: EventSource) {
        guard let index = indexByEvent[key], let session = sessions[key] else { return }
        entries[index] = session.summary
        noteListWidths(of: entries[index])
    }

    // MARK: Saving

    /// `w`: saves the current event to its own file (a new event, or one from a log, is asked a name).
    mutating func saveCurrent() -> [Effect] {
        guard let key = currentEvent, sessions[key] != nil else {
            message = StatusMessage("no event is open", .warning)
            return []
        }
        return saveOwnFile(key)
    }

    /// Saves the event listed as `key` to its own file, when it has one and edits to save.
    mutating func saveOwnFile(_ key: EventSource) -> [Effect] {
        // No copy of the session is held here: the save hands over the document's own text.
        guard let source = sessions[key]?.source else { return [] }
        guard source.file != nil else {
            // New events and events from logs have no file of their own: w asks for a new one.
            beginSavingNew(key)
            return []
        }
        guard let unsaved = sessions[key]?.event?.document.hasUnsavedEdits else {
            message = StatusMessage("this file is not JSON; there is nothing to save", .warning)
            return []
        }
        guard unsaved else {
            message = StatusMessage("no unsaved edits in \(displayName(key))")
            return []
        }
        return ownFileSave(key, purpose: .ownFile(key))
    }

    /// The effect that saves a session's document to its own file, checked against what was read.
    /// No copy of the session is held meanwhile, so the document's text is handed over without a
    /// copy (`EventSession.bytesToSave`).
    private mutating func ownFileSave(_ key: EventSource, purpose: SavePurpose) -> [Effect] {
        guard let file = sessions[key]?.source.file, let bytes = sessions[key]?.bytesToSave() else { return [] }
        return [.save(path: file, bytes: bytes, expected: sessions[key]?.disk, purpose: purpose)]
    }

    mutating func beginSaveAs() -> [Effect] {
        guard let session = currentSession, session.event != nil else {
            message = StatusMessage("no JSON event is open", .warning)
            return []
        }
        guard let file = session.source.file else {
            beginSavingNew(session.source)
            return []
        }
        overlay = .prompt(Prompt(title: "Save a copy as", editor: LineEditor(file), purpose: .saveAs, error: nil))
        return []
    }

    mutating func saveAs(to target: String, replacing: Bool = false) -> [Effect] {
        guard let key = currentEvent, let file = key.file, sessions[key] != nil else { return [] }
        // The file's own name is a plain save (checked against what was read).
        if target == file { return saveOwnFile(key) }
        guard let bytes = sessions[key]?.bytesToSave() else { return [] }
        return [.saveCopy(path: target, bytes: bytes, original: file, replacing: replacing, purpose: .copy(of: key))]
    }

    /// A save answered: act on what it was for.
    mutating func didSave(_ purpose: SavePurpose, path: String, bytes: [UInt8], method: SaveMethod) -> [Effect] {
        let how = method.note.map { " (\($0))" } ?? ""
        switch purpose {
        case .copy(let key):
            message = StatusMessage("wrote a copy to \(TerminalText.escaped(path))\(how); \(displayName(key)) keeps its unsaved edits", .success)
            // A copy inside the list's files refreshes that entry.
            let copy = EventSource.file(path: path)
            if indexByEvent[copy] != nil && sessions[copy]?.hasUnsavedEdits != true {
                sessions[copy] = nil
                return [.load(paths: [path])]
            }
            return []
        case .firstFile(let key):
            let wasFromLog = key.isFromLog
            adoptFile(key, path: path, bytes: bytes)
            message = StatusMessage(wasFromLog ? "wrote \(displayName(key)) to the new file \(TerminalText.escaped(path))"
                                               : "saved the new event as \(TerminalText.escaped(path))", .success)
            dropIdleSessions()
            return []
        case .ownFile(let key):
            markSaved(key, bytes: bytes)
            message = StatusMessage("saved \(displayName(path))\(how)", .success)
            dropIdleSessions()
            return []
        case .beforeQuitting(let inner):
            switch inner {
            case .firstFile(let key): adoptFile(key, path: path, bytes: bytes)
            default: markSaved(inner.event, bytes: bytes)
            }
            if case .savingFirst(var saving, var toName) = quitting {
                saving.remove(inner.event)
                toName.removeAll { $0 == inner.event }
                quitting = .savingFirst(saving: saving, toName: toName)
            }
            return continueQuitting()
        }
    }

    /// Records that the event listed as `key` is now on disk as `bytes` in its own file.
    private mutating func markSaved(_ key: EventSource, bytes: [UInt8]) {
        guard var session = sessions[key] else { return }
        session.didSave(bytes)
        sessions[key] = session
        refreshEntry(key)
    }

    /// A save wrote nothing: say why, keep the edits, and stop quitting when it was part of it.
    mutating func didFailSaving(_ purpose: SavePurpose, path: String, error: FileError) -> [Effect] {
        switch purpose {
        case .copy:
            if error.kind == .alreadyExists {
                // A file is at the name given to `W`: ask before replacing it.
                overlay = .confirm(Confirm(question: Self.failureText(error, of: purpose), purpose: .replaceFile(path)))
            } else {
                message = StatusMessage(Self.failureText(error, of: purpose), .error)
            }
            return []
        case .firstFile(let key):
            // Ask again, with the reason.
            beginSavingNew(key, name: path, error: Self.failureText(error, of: purpose))
            return []
        case .ownFile(let key):
            if error.kind == .changedOnDisk { sessions[key]?.changedOnDisk = true }
            message = StatusMessage(Self.failureText(error, of: purpose), .error)
            return []
        case .beforeQuitting(let inner):
            if case .savingFirst(var saving, let toName) = quitting {
                saving.remove(inner.event)
                quitting = .savingFirst(saving: saving, toName: toName)
            }
            if case .firstFile = inner {
                // Ask again, with the reason; the quit waits for the answer.
                return didFailSaving(inner, path: path, error: error)
            }
            if error.kind == .changedOnDisk { sessions[inner.event]?.changedOnDisk = true }
            quitting = .no
            message = StatusMessage(Self.failureText(error, of: purpose), .error)
            return []
        }
    }

    /// The words for a save that wrote nothing, made from the error for what the save was for:
    /// the one place these messages are written.
    static func failureText(_ error: FileError, of purpose: SavePurpose) -> String {
        switch (purpose, error.kind) {
        case (.copy, .alreadyExists):
            return "\(TerminalText.escaped(error.path)) already exists. Replace it with this event?"
        case (.copy, _):
            // A copy's name is shown whole: it is not the file in the list.
            return "\(TerminalText.escaped(error.description)); your edits are kept"
        case (.firstFile, .alreadyExists):
            return "\(TerminalText.escaped(error.path)) already exists; type another name"
        case (.firstFile, _):
            return TerminalText.escaped(error.description)
        case (.ownFile, .changedOnDisk):
            return "not saved: the file changed on disk since it was read (R reloads it, dropping your edits; W saves a copy); your edits are kept"
        case (.ownFile, _):
            // The status bar names the file beside its mark: the reason goes without the path.
            return "\(TerminalText.escaped(error.reason)); your edits are kept"
        case (.beforeQuitting(let inner), _):
            return "not quitting: " + failureText(error, of: inner)
        }
    }

    // MARK: Quitting

    /// Quits at once when nothing is unsaved, else asks save / discard / cancel. `interrupted`
    /// (Ctrl-C) quits with status 130, and the question says a second Ctrl-C quits without saving.
    mutating func requestQuit(interrupted: Bool = false) -> [Effect] {
        let unsaved = unsavedEvents
        guard !unsaved.isEmpty else {
            return quitNow(status: interrupted ? 130 : 0)
        }
        let what: String
        if unsaved.count > 1 {
            what = "\(unsaved.count) events have unsaved edits"
        } else if case .new(let name) = unsaved[0] {
            what = "The new event \(TerminalText.escaped(name)) has no file yet"
        } else {
            what = "\(displayName(unsaved[0])) has unsaved edits"
        }
        let again = interrupted ? " (Ctrl-C again quits without saving)" : ""
        overlay = .confirm(Confirm(question: "\(what). Save before quitting?\(again)", purpose: .quit))
        return []
    }

    mutating func handleConfirmKey(_ key: Key) -> [Effect] {
        guard case .confirm(let confirm)? = overlay, let command = Keymap.command(for: key, in: mode) else { return [] }
        overlay = nil
        switch (confirm.purpose, command) {
        case (.replaceFile(let target), .answerReplace):
            return saveAs(to: target, replacing: true)
        case (.reload(let path), .answerReload):
            message = StatusMessage("dropped the edits; reloaded \(displayName(path)) from disk")
            return reload(path)
        case (.reload, _):
            message = StatusMessage("reload cancelled; your edits are kept")
            return []
        case (.replaceFile(let target), _):
            // Back to the name, to type another one.
            overlay = .prompt(Prompt(title: "Save a copy as", editor: LineEditor(target), purpose: .saveAs,
                                     error: "\(TerminalText.escaped(target)) is kept as it is; type another name"))
            return []
        case (.quit, .answerSave):
            return saveBeforeQuitting()
        case (.quit, .answerDiscard):
            return quitNow(status: 0)
        case (.quit, .interrupt):
            return quitNow(status: 130)
        default:
            message = StatusMessage("quit cancelled")
            return []
        }
    }

    /// Saves every event with a file of its own and edits, then asks a name for each event that
    /// has none (new ones, and those from logs), one after the other; quits when all is written.
    mutating func saveBeforeQuitting() -> [Effect] {
        var effects: [Effect] = []
        var saving = Set<EventSource>()
        var toName: [EventSource] = []
        for key in unsavedEvents where sessions[key]?.event != nil {
            if key.file == nil {
                toName.append(key)
                continue
            }
            saving.insert(key)
            effects += ownFileSave(key, purpose: .beforeQuitting(.ownFile(key)))
        }
        quitting = .savingFirst(saving: saving, toName: toName)
        if saving.isEmpty { return continueQuitting() }
        message = StatusMessage("saving \(saving.count) file\(saving.count == 1 ? "" : "s") before quitting")
        if let first = toName.first {
            effects += showEntry(first)
            selectListEntry(first)
            beginSavingNew(first)
        }
        return effects
    }

    /// Quits with `status` at once.
    mutating func quitNow(status: Int32) -> [Effect] {
        quitting = .now(status: status)
        return [.quit(status: status)]
    }

    // MARK: Outside changes

    mutating func fileChanged(path: String) -> [Effect] {
        // Only files are watched: a new event, or one from a log, has nothing on disk.
        let key = EventSource.file(path: path)
        if let session = sessions[key], session.hasUnsavedEdits {
            sessions[key]?.changedOnDisk = true
            // The status bar names the current file beside its mark; another file is named here.
            let name = key == currentEvent ? "" : displayName(path) + " "
            message = StatusMessage("\(name)changed on disk; your edits are kept, w will not overwrite it (W saves a copy, R reloads)", .warning)
            return []
        }
        message = StatusMessage("\(displayName(path)) changed on disk; reloaded")
        return reload(path)
    }

    /// Forgets the session of the file at `path` and reads the file again (the list entry too).
    mutating func reload(_ path: String) -> [Effect] {
        let key = EventSource.file(path: path)
        sessions[key] = nil
        var effects: [Effect] = [.load(paths: [path])]
        if currentEvent == key { effects.insert(.open(path: path), at: 0) }
        return effects
    }

    /// Reads again every file that changed on disk while it had edits, once it has none left
    /// (undone to the file as it was read): what is shown is then the file as it is now.
    mutating func reloadFilesChangedOnDisk() -> [Effect] {
        var effects: [Effect] = []
        for (key, session) in sessions where session.changedOnDisk && !session.hasUnsavedEdits {
            guard let path = key.file else { continue }
            message = StatusMessage("\(displayName(path)) changed on disk while it had edits; with none left, it is reloaded")
            effects += reload(path)
        }
        return effects
    }

    /// `R`: reads the current file again, asking first when that drops unsaved edits.
    mutating func requestReload() -> [Effect] {
        guard let key = currentEvent, let session = sessions[key] else {
            message = StatusMessage("no file is open", .warning)
            return []
        }
        let path: String
        switch key {
        case .file(let file): path = file
        case .new(let name):
            message = StatusMessage("the new event \(TerminalText.escaped(name)) has no file to reload", .warning)
            return []
        case .log:
            message = StatusMessage("\(displayName(key)) is an event from a log; it has no file of its own to reload", .warning)
            return []
        }
        guard session.hasUnsavedEdits else {
            message = StatusMessage("reloaded \(displayName(path)) from disk")
            return reload(path)
        }
        let why = session.changedOnDisk ? " (it changed on disk since it was read)" : ""
        overlay = .confirm(Confirm(question: "\(displayName(path)) has unsaved edits. Reload it from disk\(why) and drop them?", purpose: .reload(path)))
        return []
    }

    /// A short name for messages: the file name, made safe for the terminal.
    func displayName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return TerminalText.escaped(name)
    }

    /// A short name of an event for messages: its file name (or `new: NAME`, or its log key
    /// without the folder), made safe for the terminal.
    func displayName(_ event: EventSource) -> String {
        displayName(event.name)
    }
}
