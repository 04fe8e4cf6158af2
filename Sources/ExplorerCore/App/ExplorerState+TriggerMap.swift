import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    // MARK: The trigger map

    /// Opens the map with the cursor on the current event's trigger, when there is one.
    mutating func openTriggerMap() {
        let event = currentSession?.event
        var map = TriggerMapState(near: event?.triggerSource, trigger: event?.trigger)
        scrollMap(&map)
        overlay = .triggerMap(map)
    }

    /// The rows the map's left column shows at the current size.
    var mapPageHeight: Int {
        max(1, TriggerMapLayout(Layout(width: width, height: height, options: options)).flows.height)
    }

    mutating func handleTriggerMapKey(_ key: Key) -> [Effect] {
        guard case .triggerMap(var map)? = overlay else { return [] }
        guard let command = Keymap.command(for: key, in: .triggerMap) else {
            if case .character(let character) = key {
                message = StatusMessage("\(TerminalText.escaped(String(character))) does nothing in the trigger map; Esc closes it")
            }
            return []
        }
        message = nil
        let triggerRows = TriggerMapContent.triggerRows
        let page = mapPageHeight
        func select(_ index: Int) {
            let clamped = max(0, min(index, triggerRows.count - 1))
            guard clamped != map.selection else { return }
            map.selection = clamped
            map.sourceIndex = 0
            map.version = nil
        }
        switch command {
        case .close:
            overlay = nil
            return []
        case .moveUp: select(map.selection - 1)
        case .moveDown: select(map.selection + 1)
        case .top: select(0)
        case .bottom: select(triggerRows.count - 1)
        case .pageDown:
            let target = map.row + page
            select(triggerRows.firstIndex { $0 >= target } ?? triggerRows.count - 1)
        case .pageUp:
            let target = map.row - page
            select(triggerRows.lastIndex { $0 <= target } ?? 0)
        case .nextJourney, .previousJourney:
            let flow = map.selected?.flowIndex ?? 0
            let wanted = command == .nextJourney ? flow + 1 : max(0, flow - 1)
            if let index = triggerRows.firstIndex(where: { TriggerMapContent.step(at: $0)?.flowIndex == wanted }) { select(index) }
        case .nextSource, .previousSource:
            let count = map.allSources.count
            if count > 0 { map.sourceIndex = (map.sourceIndex + (command == .nextSource ? 1 : count - 1)) % count }
        case .nextVersion:
            let versions = map.versions
            guard versions.count > 1, let position = versions.firstIndex(of: map.eventVersion) else {
                message = StatusMessage("only pre token generation events come in versions; this one is version \(map.eventVersion)")
                break
            }
            let source = map.selectedSource
            map.version = versions[(position + 1) % versions.count]
            map.sourceIndex = source.flatMap { map.allSources.firstIndex(of: $0) } ?? 0
        case .activate:
            overlay = nil
            return openTemplate(map)
        default:
            break
        }
        scrollMap(&map)
        overlay = .triggerMap(map)
        return []
    }

    /// Scrolls the map so the selected step shows, with its journey's heading and, when it fits, the whole journey.
    func scrollMap(_ map: inout TriggerMapState) {
        let count = TriggerMapContent.rows.count
        let height = mapPageHeight
        var scroll = map.scroll
        if let selected = map.selected {
            let heading = map.row - selected.stepIndex - 1
            let last = heading + selected.flow.steps.count
            scroll = Viewport.first(keeping: last, from: scroll, height: height, count: count)
            scroll = Viewport.first(keeping: heading, from: scroll, height: height, count: count)
        }
        map.scroll = Viewport.first(keeping: map.row, from: scroll, height: height, count: count)
    }

    /// Makes a fresh template event of the map's selected trigger source into a new, unsaved list entry.
    mutating func openTemplate(_ map: TriggerMapState) -> [Effect] {
        guard let source = map.selectedSource else { return [] }
        let document: JSONDocument
        do {
            document = try Templates.event(for: source, version: map.eventVersion)
        } catch {
            message = StatusMessage(error.description, .error)
            return []
        }
        // The name is free among new events, and unlike any file's path, so no two rows read the same.
        var name = source.rawValue
        var number = 2
        while indexByEvent[.new(name: name)] != nil || indexByEvent[.file(path: EventSource.new(name: name).name)] != nil {
            name = "\(source.rawValue) (\(number))"
            number += 1
        }
        let session = EventSession(newEvent: TriggerEvent(document: document), name: name)
        let key = session.source
        sessions[key] = session
        entries.append(session.summary)
        indexByEvent[key] = entries.count - 1
        loadedCount += 1
        if !filter.isEmpty && !Self.matches(session.summary, filter.lowercased()) { filter = "" }
        currentEvent = key
        recomputeVisible()
        selectListEntry(key)
        dropIdleSessions()
        focus = .list
        let version = source.triggers.count > 1 ? " (version \(map.eventVersion))" : ""
        message = StatusMessage("new \(source.rawValue)\(version) event from the template; w saves it to a file", .success)
        return []
    }

    /// Puts the list cursor on `event`, when the list shows it.
    mutating func selectListEntry(_ event: EventSource) {
        guard let index = indexByEvent[event], let position = visible.firstIndex(of: index) else { return }
        listCursor = position
        keepCursorsVisible()
    }

    // MARK: Saving new events

    /// Asks where to write a new event, or one from a log, which has no file yet.
    mutating func beginSavingNew(_ key: EventSource, name: String? = nil, error: String? = nil) {
        let title = key.isFromLog ? "Save the event as a new file (the log is not changed)" : "Save the new event as (a new file)"
        overlay = .prompt(Prompt(title: title, editor: LineEditor(name ?? suggestedFileName(for: key)),
                                 purpose: .saveNew(key: key), error: error))
    }

    /// `FOLDER/TriggerSource.json` in the folder the listed files share, avoiding names the list holds.
    func suggestedFileName(for key: EventSource) -> String {
        let source = sessions[key]?.event?.document.node(at: ["triggerSource"])?.stringValue ?? "event"
        let folder = commonFolder
        var name = folder + source + ".json"
        var number = 2
        while indexByEvent[.file(path: name)] != nil {
            name = folder + source + "-\(number).json"
            number += 1
        }
        return name
    }

    /// Writes a new event to `target` after the save-as prompt.
    mutating func saveNew(_ key: EventSource, to target: String) -> Result<[Effect], PromptError> {
        guard let event = sessions[key]?.event else { return .success([]) }
        if let other = sessions[.file(path: target)], other.hasUnsavedEdits {
            return .failure(PromptError("\(displayName(target)) has unsaved edits of its own; choose another name"))
        }
        var purpose = SavePurpose.firstFile(of: key)
        if case .savingFirst(var saving, let toName) = quitting {
            saving.insert(key)
            quitting = .savingFirst(saving: saving, toName: toName)
            purpose = .beforeQuitting(purpose)
        }
        return .success([.create(path: target, bytes: event.document.bytes, purpose: purpose)])
    }

    /// A new event, or one from a log, now has a file: its identity becomes the file, and its
    /// session, list entry and the list's selection move with it.
    mutating func adoptFile(_ key: EventSource, path: String, bytes: [UInt8]) {
        guard var session = sessions.removeValue(forKey: key) else { return }
        let file = EventSource.file(path: path)
        captured[key] = nil
        session.adopt(path: path, bytes: bytes)
        if indexByEvent[file] != nil {
            // The file was in the list already: its entry shows the saved event; the new entry goes.
            removeEntry(key)
        } else if let index = indexByEvent.removeValue(forKey: key) {
            entries[index] = session.summary
            indexByEvent[file] = index
        }
        sessions[file] = session
        refreshEntry(file)
        if currentEvent == key { currentEvent = file }
        recomputeVisible()
        if currentEvent == file { selectListEntry(file) }
    }

    /// Removes a list entry (a new event that now lives in a listed file).
    mutating func removeEntry(_ key: EventSource) {
        guard let index = indexByEvent[key] else { return }
        if entries[index].status != .pending { loadedCount -= 1 }
        entries.remove(at: index)
        indexByEvent = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($0.element.source, $0.offset) })
    }

    /// After a save while quitting: asks for the next new event's file name, or quits when all is saved.
    mutating func continueQuitting() -> [Effect] {
        guard case .savingFirst(let saving, let toName) = quitting, saving.isEmpty else { return [] }
        if let next = toName.first {
            if overlay == nil {
                let effects = showEntry(next)
                selectListEntry(next)
                beginSavingNew(next)
                return effects
            }
            return []
        }
        return quitNow(status: 0)
    }
}
