import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    /// Recomputes the filtered, sorted list, keeping the cursor on the same file.
    mutating func recomputeVisible() {
        let selected = visible.indices.contains(listCursor) ? entries[visible[listCursor]].source : currentEvent
        let needle = filter.lowercased()
        var indexes: [Int] = []
        indexes.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            if needle.isEmpty || Self.matches(entry, needle) { indexes.append(index) }
        }
        if sortByTrigger {
            indexes.sort { left, right in
                let a = entries[left], b = entries[right]
                let aKey = a.status == .pending ? "\u{10FFFF}" : a.triggerLabel
                let bKey = b.status == .pending ? "\u{10FFFF}" : b.triggerLabel
                if aKey != bKey { return aKey < bKey }
                if a.triggerSource != b.triggerSource { return a.triggerSource < b.triggerSource }
                return left < right
            }
        }
        visible = indexes
        // Read in place: passing each entry to a mutating method copied it (its five strings).
        (listNameWidth, listUserWidth, listCountsWidth) = Self.listWidths(of: entries, at: indexes)
        if let selected, let position = visible.firstIndex(where: { entries[$0].source == selected }) {
            listCursor = position
        } else {
            listCursor = max(0, min(listCursor, visible.count - 1))
        }
        keepCursorsVisible()
    }

    /// Widens the list's idea of its widest name and user to hold `entry` (a file just summarized).
    mutating func noteListWidths(of entry: FileSummary) {
        // The name and the user as the row draws them (escaped), in the columns the terminal gives them.
        listNameWidth = max(listNameWidth, entry.listNameColumns)
        listUserWidth = max(listUserWidth, FileSummary.listColumns(of: entry.user))
        listCountsWidth = max(listCountsWidth, entry.problemCountsWidth)
    }

    /// The widest name (without `.json`), user and problem count among some entries, in the
    /// columns the row draws them in.
    static func listWidths(of entries: [FileSummary], at indexes: [Int]) -> (name: Int, user: Int, counts: Int) {
        var name = 0, user = 0, counts = 0
        for index in indexes {
            name = max(name, entries[index].listNameColumns)
            user = max(user, FileSummary.listColumns(of: entries[index].user))
            counts = max(counts, entries[index].problemCountsWidth)
        }
        return (name, user, counts)
    }

    static func matches(_ entry: FileSummary, _ needle: String) -> Bool {
        entry.name.lowercased().contains(needle) || entry.triggerLabel.lowercased().contains(needle)
            || entry.triggerSource.lowercased().contains(needle) || entry.user.lowercased().contains(needle)
            || entry.userName.lowercased().contains(needle)
    }

    mutating func runListCommand(_ command: Command) -> [Effect] {
        let page = pageHeight(of: .list)
        switch command {
        case .moveUp: return moveListCursor(to: listCursor - 1)
        case .moveDown: return moveListCursor(to: listCursor + 1)
        case .pageUp: return moveListCursor(to: listCursor - page)
        case .pageDown: return moveListCursor(to: listCursor + page)
        case .top: return moveListCursor(to: 0)
        case .bottom: return moveListCursor(to: visible.count - 1)
        case .activate:
            if currentSession != nil {
                focus = .request
            } else if currentEvent != nil {
                message = StatusMessage("still opening this file")
            }
            return []
        case .search:
            overlay = .prompt(Prompt(title: "Filter events", editor: LineEditor(filter), purpose: .filter(previous: filter), error: nil))
            return []
        case .toggleSort:
            sortByTrigger.toggle()
            recomputeVisible()
            message = StatusMessage(sortByTrigger ? "sorted by trigger" : "sorted by name")
            return []
        default:
            return []
        }
    }

    /// Moves the list cursor and shows that file, opening it when needed.
    mutating func moveListCursor(to position: Int) -> [Effect] {
        guard !visible.isEmpty else { return [] }
        listCursor = max(0, min(position, visible.count - 1))
        keepCursorsVisible()
        return showEntry(entries[visible[listCursor]].source)
    }

    /// Makes `event` the current one; returns the effect that opens its file when it is not in memory.
    mutating func showEntry(_ event: EventSource) -> [Effect] {
        // The current event is open or on its way.
        guard event != currentEvent else { return [] }
        currentEvent = event
        dropIdleSessions()
        if sessions[event] != nil { return [] }
        switch event {
        case .file(let path):
            return [.open(path: path)]
        case .log(let key):
            // An event from a log is in memory: its session is made here, without reading anything.
            if let bytes = captured[event] { sessions[event] = EventSession(captured: bytes, key: key) }
            return []
        case .new:
            // A new event lives only in its session, which is kept while it has no file.
            return []
        }
    }

    /// Sets the filter from the prompt as it is typed.
    mutating func setFilter(_ text: String) -> [Effect] {
        filter = text
        recomputeVisible()
        guard let index = visible.indices.contains(listCursor) ? visible[listCursor] : nil else { return [] }
        return showEntry(entries[index].source)
    }
}
