import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    // MARK: Loading

    mutating func didExpand(files: [String], problems: [String], sources names: [String] = []) -> [Effect] {
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
        indexByPath = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($0.element.path, $0.offset) })
        requestedCount = 0
        isSummarizing = false
        loadedCount = 0
        recomputeVisible()
        if entries.isEmpty {
            if !problems.isEmpty || sources.isEmpty {
                message = StatusMessage(problems.first ?? "no event files found", .warning)
            }
            return reads
        }
        if problems.count > 0 {
            message = StatusMessage(problems.joined(separator: "; "), .warning)
        }
        // The first file opens before any batch, so the first frame has an event to show;
        // summarizing starts when it has arrived and skips it.
        guard let first = visible.first.map({ entries[$0].path }) else { return nextBatch() + reads }
        currentPath = first
        return [.open(path: first)] + reads
    }

    /// The next `.load` effect, if files remain that no open file has summarized yet.
    mutating func nextBatch() -> [Effect] {
        isSummarizing = true
        var paths: [String] = []
        while requestedCount < entries.count && paths.count < options.batchSize {
            if entries[requestedCount].status == .pending { paths.append(entries[requestedCount].path) }
            requestedCount += 1
        }
        return paths.isEmpty ? [] : [.load(paths: paths)]
    }

    mutating func didLoad(_ summaries: [FileSummary]) -> [Effect] {
        for summary in summaries {
            guard let index = indexByPath[summary.path] else { continue }
            if entries[index].status == .pending { loadedCount += 1 }
            // An open session knows better (it may hold edits).
            entries[index] = sessions[summary.path]?.summary ?? summary
        }
        recomputeVisible()
        return nextBatch()
    }

    mutating func didOpen(_ opened: EventFiles.Opened) -> [Effect] {
        // Never replace a session that holds edits.
        if let existing = sessions[opened.path], existing.hasUnsavedEdits {
            return []
        }
        let session = EventSession(opened)
        sessions[opened.path] = session
        if let index = indexByPath[opened.path] {
            if entries[index].status == .pending { loadedCount += 1 }
            entries[index] = session.summary
            noteListWidths(of: entries[index])
        }
        if currentPath == opened.path && focus == .response && !session.hasResponsePane {
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
        for path in Array(sessions.keys) where path != currentPath {
            if let session = sessions[path], !session.hasUnsavedEdits { sessions[path] = nil }
        }
    }

    /// Refreshes the list entry of a session after an edit, undo or save.
    mutating func refreshEntry(_ path: String) {
        guard let index = indexByPath[path], let session = sessions[path] else { return }
        entries[index] = session.summary
        noteListWidths(of: entries[index])
    }

    // MARK: Saving

    mutating func saveCurrent() -> [Effect] {
        guard let path = currentPath, sessions[path] != nil else {
            message = StatusMessage("no event is open", .warning)
            return []
        }
        if sessions[path]?.hasFile == false {
            // New events and events from logs have no file of their own: w asks for a new one.
            beginSavingNew(path)
            return []
        }
        guard let unsaved = sessions[path]?.event?.document.hasUnsavedEdits else {
            message = StatusMessage("this file is not JSON; there is nothing to save", .warning)
            return []
        }
        guard unsaved else {
            message = StatusMessage("no unsaved edits in \(displayName(path))")
            return []
        }
        return saveEffect(path, to: path)
    }

    /// The effect that saves a session's document to `target` (checked against what was read
    /// when it is the session's own file). No copy of the session is held meanwhile, so the
    /// document's text is handed over without a copy (`EventSession.bytesToSave`).
    private mutating func saveEffect(_ path: String, to target: String) -> [Effect] {
        guard let bytes = sessions[path]?.bytesToSave() else { return [] }
        return [.save(path: target, bytes: bytes, expected: target == path ? sessions[path]?.disk : nil)]
    }

    mutating func beginSaveAs() -> [Effect] {
        guard let session = currentSession, session.event != nil else {
            message = StatusMessage("no JSON event is open", .warning)
            return []
        }
        if !session.hasFile {
            beginSavingNew(session.path)
            return []
        }
        overlay = .prompt(Prompt(title: "Save a copy as", editor: LineEditor(session.path), purpose: .saveAs, error: nil))
        return []
    }

    mutating func saveAs(to target: String, replacing: Bool = false) -> [Effect] {
        guard let path = currentPath, sessions[path]?.event != nil else { return [] }
        // The file's own name is a plain save (checked against what was read).
        if target == path { return saveCurrent() }
        guard let bytes = sessions[path]?.bytesToSave() else { return [] }
        copyTargets.insert(target)
        return [.saveCopy(path: target, bytes: bytes, original: path, replacing: replacing)]
    }

    /// A file is at the name given to `W`: ask before replacing it.
    mutating func askBeforeReplacing(_ target: String) -> [Effect] {
        copyTargets.remove(target)
        overlay = .confirm(Confirm(question: "\(TerminalText.escaped(target)) already exists. Replace it with this event?", purpose: .replaceFile(target)))
        return []
    }

    mutating func didSave(path: String, bytes: [UInt8], note: String? = nil) -> [Effect] {
        if let key = newSaveTargets.removeValue(forKey: path) {
            return didSaveNew(key: key, path: path, bytes: bytes)
        }
        if copyTargets.remove(path) != nil {
            message = StatusMessage("wrote a copy to \(TerminalText.escaped(path))\(note.map { " (\($0))" } ?? ""); \(currentPath.map(displayName) ?? "the original") keeps its unsaved edits", .success)
            // A copy inside the list's files refreshes that entry.
            if indexByPath[path] != nil && sessions[path]?.hasUnsavedEdits != true {
                sessions[path] = nil
                return [.load(paths: [path])]
            }
            return []
        }
        if var session = sessions[path] {
            session.didSave(bytes)
            sessions[path] = session
            refreshEntry(path)
        }
        if quitAfterSaving != nil {
            quitAfterSaving?.remove(path)
            return continueQuitting()
        }
        message = StatusMessage("saved \(displayName(path))\(note.map { " (\($0))" } ?? "")", .success)
        dropIdleSessions()
        return []
    }

    mutating func didFailSaving(path: String, message original: String, changedOnDisk: Bool = false) -> [Effect] {
        if copyTargets.remove(path) != nil {
            // A copy's name is shown whole: it is not the file in the list.
            message = StatusMessage("\(TerminalText.escaped(original)); your edits are kept", .error)
            return []
        }
        if let key = newSaveTargets.removeValue(forKey: path) {
            // Ask again, with the reason; a quit in progress waits for the answer.
            quitAfterSaving?.remove(path)
            beginSavingNew(key, name: path, error: TerminalText.escaped(original))
            return []
        }
        // The message names the full path; the status bar has room for the file name only.
        var text = original.replacingOccurrences(of: path, with: displayName(path))
        if text.hasPrefix(displayName(path) + ": ") { text = String(text.dropFirst(displayName(path).count + 2)) }
        if changedOnDisk, sessions[path] != nil {
            sessions[path]?.changedOnDisk = true
            text = "not saved: the file changed on disk since it was read (R reloads it, dropping your edits; W saves a copy)"
        }
        if quitAfterSaving != nil {
            quitAfterSaving = nil
            newEventsToName = []
            message = StatusMessage("not quitting: \(TerminalText.escaped(text)); your edits are kept", .error)
        } else {
            message = StatusMessage("\(TerminalText.escaped(text)); your edits are kept", .error)
        }
        return []
    }

    // MARK: Quitting

    /// Quits at once when nothing is unsaved, else asks save / discard / cancel. `interrupted`
    /// (Ctrl-C) quits with status 130, and the question says a second Ctrl-C quits without saving.
    mutating func requestQuit(interrupted: Bool = false) -> [Effect] {
        let unsaved = unsavedPaths
        guard !unsaved.isEmpty else {
            hasQuit = true
            return [.quit(status: interrupted ? 130 : 0)]
        }
        let what: String
        if unsaved.count > 1 {
            what = "\(unsaved.count) events have unsaved edits"
        } else if sessions[unsaved[0]]?.isNew == true {
            what = "The new event \(displayName(unsaved[0]).dropFirst(5)) has no file yet"
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
            var effects: [Effect] = []
            var pending = Set<String>()
            newEventsToName = []
            for path in unsavedPaths where sessions[path]?.event != nil {
                if sessions[path]?.hasFile == false {
                    newEventsToName.append(path)
                    continue
                }
                pending.insert(path)
                effects += saveEffect(path, to: path)
            }
            quitAfterSaving = pending
            if pending.isEmpty { return continueQuitting() }
            message = StatusMessage("saving \(pending.count) file\(pending.count == 1 ? "" : "s") before quitting")
            if let first = newEventsToName.first {
                effects += showEntry(first)
                selectListEntry(first)
                beginSavingNew(first)
            }
            return effects
        case (.quit, .answerDiscard):
            hasQuit = true
            return [.quit(status: 0)]
        case (.quit, .interrupt):
            hasQuit = true
            return [.quit(status: 130)]
        default:
            message = StatusMessage("quit cancelled")
            return []
        }
    }

    // MARK: Outside changes

    mutating func fileChanged(path: String) -> [Effect] {
        // A new event, or one from a log, has no file: nothing on disk belongs to it.
        if sessions[path]?.hasFile == false { return [] }
        if let session = sessions[path], session.hasUnsavedEdits {
            sessions[path]?.changedOnDisk = true
            // The status bar names the current file beside its mark; another file is named here.
            let name = path == currentPath ? "" : displayName(path) + " "
            message = StatusMessage("\(name)changed on disk; your edits are kept, w will not overwrite it (W saves a copy, R reloads)", .warning)
            return []
        }
        message = StatusMessage("\(displayName(path)) changed on disk; reloaded")
        return reload(path)
    }

    /// Forgets the session of `path` and reads the file again (the list entry too).
    mutating func reload(_ path: String) -> [Effect] {
        sessions[path] = nil
        var effects: [Effect] = [.load(paths: [path])]
        if currentPath == path { effects.insert(.open(path: path), at: 0) }
        return effects
    }

    /// Reads again every file that changed on disk while it had edits, once it has none left
    /// (undone to the file as it was read): what is shown is then the file as it is now.
    mutating func reloadFilesChangedOnDisk() -> [Effect] {
        var effects: [Effect] = []
        for (path, session) in sessions where session.changedOnDisk && !session.hasUnsavedEdits && session.hasFile {
            message = StatusMessage("\(displayName(path)) changed on disk while it had edits; with none left, it is reloaded")
            effects += reload(path)
        }
        return effects
    }

    /// `R`: reads the current file again, asking first when that drops unsaved edits.
    mutating func requestReload() -> [Effect] {
        guard let path = currentPath, let session = sessions[path] else {
            message = StatusMessage("no file is open", .warning)
            return []
        }
        if !session.hasFile {
            message = StatusMessage(session.isNew ? "the new event \(displayName(path).dropFirst(5)) has no file to reload"
                                                  : "\(displayName(path)) is an event from a log; it has no file of its own to reload", .warning)
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
}
