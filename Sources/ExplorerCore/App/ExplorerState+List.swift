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
            indexes.sort { Self.isInTriggerOrder($0, $1, in: entries) }
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

    /// Whether the entry at `left` comes before the one at `right` when the list is sorted by
    /// trigger: by label, files not read yet last, then by raw trigger source, then in the order found.
    static func isInTriggerOrder(_ left: Int, _ right: Int, in entries: [FileSummary]) -> Bool {
        let aKey = entries[left].status == .pending ? "\u{10FFFF}" : entries[left].triggerLabel
        let bKey = entries[right].status == .pending ? "\u{10FFFF}" : entries[right].triggerLabel
        if aKey != bKey { return aKey < bKey }
        if entries[left].triggerSource != entries[right].triggerSource {
            return entries[left].triggerSource < entries[right].triggerSource
        }
        return left < right
    }

    /// Brings the list up to date after the entries at `changed` were replaced or appended, by
    /// taking those out and merging back the ones the filter keeps: the same list, cursor and
    /// widths as `recomputeVisible()`, without filtering, sorting and measuring every entry again.
    ///
    /// A batch of 250 summaries on a list of 10,000 costs a pass over the visible indexes (a
    /// mark each) and the batch's own filtering and sorting, where recomputing cost a filter,
    /// a sort and a width of all 10,000. `previousWidths[i]` is what the user and problem count
    /// columns needed for `changed[i]` before (zeros for an appended entry), so a column narrows
    /// when its widest entry leaves or gets narrower.
    mutating func mergeIntoVisible(changed: [Int], previousWidths: [(user: Int, counts: Int)]) {
        guard !changed.isEmpty else { return }
        let selected = visible.indices.contains(listCursor) ? visible[listCursor] : currentEvent.flatMap { indexByEvent[$0] }
        // 1: changed, 2: changed and listed before this call, 3: merged back already.
        var marks = [UInt8](repeating: 0, count: entries.count)
        for index in changed where entries.indices.contains(index) { marks[index] = 1 }
        var kept: [Int] = []
        kept.reserveCapacity(visible.count)
        for index in visible {
            if index < marks.count && marks[index] != 0 {
                marks[index] = 2
            } else {
                kept.append(index)
            }
        }
        let needle = filter.lowercased()
        var added: [Int] = []
        var narrows = false
        for (position, index) in changed.enumerated() where index < marks.count && marks[index] != 3 {
            let wasListed = marks[index] == 2
            let isListed = needle.isEmpty || Self.matches(entries[index], needle)
            marks[index] = 3
            if isListed { added.append(index) }
            guard wasListed else { continue }
            // Only the column's widest entry leaving (or getting narrower) can narrow it.
            let before = previousWidths.indices.contains(position) ? previousWidths[position] : (user: 0, counts: 0)
            let userNow = FileSummary.listColumns(of: entries[index].user)
            if before.user > 0 && before.user == listUserWidth && (!isListed || userNow < before.user) { narrows = true }
            let countsNow = entries[index].problemCountsWidth
            if before.counts > 0 && before.counts == listCountsWidth && (!isListed || countsNow < before.counts) { narrows = true }
            if !isListed && entries[index].listNameColumns == listNameWidth && listNameWidth > 0 { narrows = true }
        }
        let sortByTrigger = self.sortByTrigger
        func precedes(_ left: Int, _ right: Int) -> Bool {
            sortByTrigger ? Self.isInTriggerOrder(left, right, in: entries) : left < right
        }
        added.sort(by: precedes)
        var merged: [Int] = []
        merged.reserveCapacity(kept.count + added.count)
        var position: Int?
        var next = 0
        for index in kept {
            while next < added.count && precedes(added[next], index) {
                if added[next] == selected { position = merged.count }
                merged.append(added[next])
                next += 1
            }
            if index == selected { position = merged.count }
            merged.append(index)
        }
        while next < added.count {
            if added[next] == selected { position = merged.count }
            merged.append(added[next])
            next += 1
        }
        visible = merged
        if narrows {
            (listNameWidth, listUserWidth, listCountsWidth) = Self.listWidths(of: entries, at: visible)
        } else {
            let (name, user, counts) = Self.listWidths(of: entries, at: added)
            listNameWidth = max(listNameWidth, name)
            listUserWidth = max(listUserWidth, user)
            listCountsWidth = max(listCountsWidth, counts)
        }
        if let position {
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
