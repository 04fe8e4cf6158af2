import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    /// Draws the whole screen at the size last reported by `.resize`.
    public func render() -> Grid { render(width: width, height: height) }

    /// Draws the whole screen at any size; below the minimum it says the terminal is too small.
    public func render(width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        let layout = Layout(width: width, height: height, options: options, sizes: paneSizes)
        if layout.isTooSmall {
            drawTooSmall(&grid)
        } else if case .triggerMap(let map)? = overlay {
            TriggerMapView.draw(&grid, layout, map: map)
            TriggerMapView.drawLegend(&grid, layout.fieldHelp)
            drawStatus(&grid, layout)
            drawHints(&grid, layout)
        } else {
            drawList(&grid, layout)
            drawRequestPane(&grid, layout)
            drawResponsePane(&grid, layout)
            drawFieldHelp(&grid, layout)
            drawStatus(&grid, layout)
            drawHints(&grid, layout)
            drawOverlay(&grid, layout)
        }
        if options.colorMode != .full {
            let mode = options.colorMode
            grid.updateStyle(rect: grid.bounds) { Theme.adapt($0, to: mode) }
        }
        return grid
    }

    private func drawTooSmall(_ grid: inout Grid) {
        let text = "terminal too small (need \(options.minimumWidth)×\(options.minimumHeight))"
        let lines = TerminalText.wrap(text, width: max(1, grid.width))
        let top = max(0, (grid.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (grid.width - TerminalText.displayWidth(of: line)) / 2)
            grid.put(line, x: x, y: top + offset, style: Theme.warning)
        }
    }

    static func drawPane(_ grid: inout Grid, _ rect: Rect, title: String, focused: Bool) {
        grid.drawBox(rect: rect, style: focused ? Theme.focusedBorder : Theme.border, lines: focused ? .heavy : .light,
                     title: title, titleStyle: focused ? Theme.focusedTitle : Theme.title)
    }

    // MARK: Event list

    private func drawList(_ grid: inout Grid, _ layout: Layout) {
        Self.drawPane(&grid, layout.list, title: listTitle(), focused: focus == .list && overlay == nil)
        let inner = listRows(layout)
        guard inner.width > 0, inner.height > 0 else { return }
        if let summary = sourceSummary, layout.listInner.height > 1 {
            grid.put(TerminalText.truncate(summary, width: inner.width - 1), x: inner.x + 1, y: inner.maxY, style: Theme.absent, maxWidth: inner.width - 1)
        }
        if visible.isEmpty {
            let text = isExpanding ? "finding files…"
                : entries.isEmpty ? (sources.contains { !$0.isFinished } ? "waiting for events…" : sources.isEmpty ? "no event files" : "no events found")
                : "no event matches the filter"
            grid.put(text, x: inner.x + 1, y: inner.y, style: Theme.absent, maxWidth: inner.width - 1)
            return
        }
        guard let viewport = viewport(of: .list, in: layout) else { return }
        let columns = listColumns(width: inner.width)
        for position in viewport.shown {
            let y = viewport.rect.y + (position - viewport.first)
            drawListRow(entries[visible[position]], &grid, x: inner.x, y: y, maxX: inner.maxX, columns: columns)
            if position == listCursor {
                let focused = focus == .list && overlay == nil
                grid.updateStyle(rect: Rect(x: inner.x, y: y, width: inner.width, height: 1)) { Theme.selected($0, focused: focused) }
            }
        }
    }

    /// The list's title: how many events (or how far loading is), the filter, the order, and how
    /// many files have each mark that calls for a look.
    private func listTitle() -> String {
        var title = "Events"
        if isExpanding {
            title += " · finding files…"
        } else if loadedCount < entries.count {
            title += " · loading \(TerminalText.count(loadedCount)) / \(TerminalText.count(entries.count))"
        } else if filter.isEmpty {
            title += " \(TerminalText.count(entries.count))"
        } else {
            title += " \(TerminalText.count(visible.count))/\(TerminalText.count(entries.count))"
        }
        if !filter.isEmpty { title += " · /\(filter)" }
        if sortByTrigger { title += " · by trigger" }
        // How many files have each mark that calls for a look (a scan of a few bytes per file);
        // last, as the title may be cut.
        var counts: [FileStatus: Int] = [:]
        for entry in entries where entry.status == .errors || entry.status == .warnings || entry.status == .unreadable {
            counts[entry.status, default: 0] += 1
        }
        for status in [FileStatus.errors, .warnings, .unreadable] {
            if let count = counts[status] { title += " · \(TerminalText.count(count)) \(status.mark)" }
        }
        return title
    }

    /// The widths of the list's name and user columns, and of the problem counts with the space
    /// before them (0 when they are left out), for rows `width` columns wide.
    private func listColumns(width: Int) -> (name: Int, user: Int, counts: Int) {
        // Columns: marks (2), space, name, space, trigger (10), space, user, then (when a row has
        // problems) a space and the problem counts, right-aligned.
        let rest = width - 3 - 11
        var countsColumn = listCountsWidth > 0 ? listCountsWidth + 1 : 0
        let nameWidth: Int
        let userWidth: Int
        if listNameWidth > 0 && listNameWidth + 1 + min(listUserWidth, 36) + countsColumn <= rest {
            // Everything fits: the names whole, the users in what is left.
            nameWidth = listNameWidth
            userWidth = rest - countsColumn - nameWidth - 1
        } else if rest - countsColumn >= 30 {
            nameWidth = (rest - countsColumn) * 3 / 5
            userWidth = rest - countsColumn - nameWidth - 1
        } else {
            // Narrow: the users go first, then the counts, before the names get too short to read.
            if rest - countsColumn < min(listNameWidth, Self.listNameMinimum) { countsColumn = 0 }
            nameWidth = max(1, rest - countsColumn)
            userWidth = 0
        }
        return (nameWidth, userWidth, countsColumn)
    }

    /// One row of the list: marks, name, trigger, user and problem counts, from `x` to `maxX`.
    private func drawListRow(_ entry: FileSummary, _ grid: inout Grid, x start: Int, y: Int, maxX: Int,
                             columns: (name: Int, user: Int, counts: Int)) {
        let nameWidth = columns.name, userWidth = columns.user
        var x = start
        x += grid.put(entry.status.mark, x: x, y: y, style: Self.statusStyle(entry.status))
        let modified = sessions[entry.source]?.hasUnsavedEdits == true
        // The space of an unmodified row is plain, so a selected row is not marked in orange.
        if sessions[entry.source]?.changedOnDisk == true {
            x += grid.put(Self.changedOnDiskMark, x: x, y: y, style: Theme.error)
        } else {
            x += grid.put(modified ? "●" : " ", x: x, y: y, style: modified ? Theme.modified : .plain)
        }
        x += 1
        let escapedName = TerminalText.escaped(Self.listName(entry))
        // An event from a log keeps its line number in view: its name loses its start instead.
        let name = entry.source.isFromLog ? Self.truncateStart(escapedName, width: nameWidth) : TerminalText.truncate(escapedName, width: nameWidth)
        grid.put(name, x: x, y: y, style: entry.status == .pending ? Theme.pending : Theme.key, maxWidth: nameWidth)
        x += nameWidth + 1
        grid.put(TerminalText.truncate(entry.triggerLabel, width: 10), x: x, y: y, style: entry.status == .unreadable ? Theme.error : Theme.typeLabel,
                 maxWidth: max(0, maxX - x))
        x += 11
        if userWidth > 0 {
            grid.put(TerminalText.truncate(TerminalText.escaped(entry.user), width: userWidth), x: x, y: y, style: Theme.string, maxWidth: userWidth)
        }
        if columns.counts > 0 {
            var countX = maxX - entry.problemCountsWidth
            for part in entry.problemCounts {
                countX += grid.put(part.text, x: countX, y: y, style: Self.statusStyle(part.status)) + 1
            }
        }
    }

    /// The columns a name keeps before the list drops the problem counts to make room for it.
    static let listNameMinimum = 12

    /// The list's mark for a file with unsaved edits that another program changed on disk.
    static let changedOnDiskMark = "≠"

    static func statusStyle(_ status: FileStatus) -> Style {
        switch status {
        case .pending: return Theme.pending
        case .valid: return Theme.success
        case .warnings: return Theme.warning
        case .errors: return Theme.error
        case .unreadable: return Theme.error
        }
    }

    /// `text` cut to `width` columns by dropping characters from its start (marked `…`).
    static func truncateStart(_ text: String, width: Int) -> String {
        guard TerminalText.displayWidth(of: text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var tail = Substring(text)
        while !tail.isEmpty, TerminalText.displayWidth(of: String(tail)) > width - 1 {
            tail = tail.dropFirst()
        }
        return "…" + tail
    }

    /// The name a list row shows: the file name without `.json`; the folder shows in the status bar.
    static func listName(_ entry: FileSummary) -> String {
        let name = entry.fileName
        return name.hasSuffix(".json") ? String(name.dropLast(5)) : name
    }

    /// The path relative to the folder all files share, made safe for the terminal.
    func relativeName(_ path: String) -> String {
        let prefix = commonFolder
        return TerminalText.escaped(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
    }

    /// The name of an event relative to the folder all files share, made safe for the terminal.
    func relativeName(_ event: EventSource) -> String {
        relativeName(event.name)
    }

    /// The longest folder prefix (ending in `/`) of every file's path (new events have none).
    var commonFolder: String {
        // New events have no folder; events from standard input (`stdin:12`) neither.
        let names = entries.lazy.compactMap { entry -> String? in
            switch entry.source {
            case .file(let path): return path
            case .new: return nil
            case .log(let key): return key.contains("/") ? key : nil
            }
        }
        guard var prefix = names.first else { return "" }
        if let slash = prefix.lastIndex(of: "/") { prefix = String(prefix[...slash]) } else { return "" }
        for name in names.dropFirst() where !name.hasPrefix(prefix) {
            while !prefix.isEmpty && !name.hasPrefix(prefix) {
                prefix.removeLast()
                if let slash = prefix.lastIndex(of: "/") { prefix = String(prefix[...slash]) } else { prefix = "" }
            }
        }
        return prefix
    }

    // MARK: Request pane

    private func drawRequestPane(_ grid: inout Grid, _ layout: Layout) {
        let focused = focus == .request && overlay == nil
        let inner = layout.requestInner
        guard let current = currentEvent else {
            Self.drawPane(&grid, layout.request, title: "Request", focused: focused)
            return
        }
        guard let session = sessions[current] else {
            Self.drawPane(&grid, layout.request, title: "Request", focused: focused)
            grid.put("opening \(displayName(current))…", x: inner.x + 1, y: inner.y, style: Theme.absent, maxWidth: inner.width - 1)
            return
        }
        switch session.content {
        case .event(let event):
            var title = "Request"
            if let spec = event.spec {
                title += " · \(spec.title)"
                if let source = event.document.node(at: ["triggerSource"])?.stringValue { title += " · \(TerminalText.escaped(source))" }
            } else {
                title = "JSON · not a known trigger event"
            }
            Self.drawPane(&grid, layout.request, title: title, focused: focused)
            if let viewport = viewport(of: .request, in: layout) {
                TreeView.draw(&grid, viewport, pane: session.request, session: session, focused: focused, isResponse: false)
            } else if inner.width > 0 && inner.height > 0 {
                grid.put("(empty)", x: inner.x, y: inner.y, style: Theme.absent, maxWidth: inner.width)
            }
        case .notEvent(let outcome, let bytes):
            Self.drawPane(&grid, layout.request, title: outcome.title ?? "", focused: focused)
            if case .notJSON(let error) = outcome {
                ParseErrorView.draw(&grid, inner, error: error, bytes: bytes)
            } else {
                for (offset, line) in TerminalText.wrap("✗ " + TerminalText.escaped(outcome.message ?? ""), width: inner.width, maxLines: inner.height).enumerated() {
                    grid.put(line, x: inner.x, y: inner.y + offset, style: Theme.error)
                }
            }
        }
    }

    // MARK: Response pane

    private func drawResponsePane(_ grid: inout Grid, _ layout: Layout) {
        let focused = focus == .response && overlay == nil
        let inner = layout.responseInner
        guard let current = currentEvent, let session = sessions[current] else {
            Self.drawPane(&grid, layout.response, title: "Response", focused: focused)
            return
        }
        guard let event = session.event else {
            Self.drawPane(&grid, layout.response, title: "Response", focused: focused)
            let note = "The explorer edits valid JSON only: fix this file in a text editor first."
            for (offset, line) in TerminalText.wrap(note, width: inner.width, maxLines: inner.height).enumerated() {
                grid.put(line, x: inner.x, y: inner.y + offset, style: Theme.absent)
            }
            return
        }
        guard let spec = event.spec else {
            Self.drawPane(&grid, layout.response, title: "Response", focused: focused)
            let reason = session.problems.first { $0.path.isEmpty || $0.path == ["triggerSource"] }?.message ?? "no triggerSource"
            let what = reason.hasPrefix("not a Cognito trigger event") ? reason : "not a Cognito trigger event: " + reason
            let note = "This JSON is \(TerminalText.escaped(what)). Browse it in the tree above; r sets any path to any JSON value."
            for (offset, line) in TerminalText.wrap(note, width: inner.width, maxLines: inner.height).enumerated() {
                grid.put(line, x: inner.x, y: inner.y + offset, style: Theme.absent)
            }
            return
        }
        let errors = session.problems.filter { $0.severity == .error }.count
        let warnings = session.problems.count - errors
        var title = "Response"
        if errors > 0 { title += " · \(errors) error\(errors == 1 ? "" : "s")" }
        if warnings > 0 { title += " · \(warnings) warning\(warnings == 1 ? "" : "s")" }
        if errors == 0 && warnings == 0 { title += " · valid" }
        if session.hasUnsavedEdits { title += " · ● unsaved" }
        if session.changedOnDisk { title += " · \(Self.changedOnDiskMark) changed on disk" }
        Self.drawPane(&grid, layout.response, title: title, focused: focused)
        if !spec.hasResponseFields {
            for (offset, line) in Self.responseNoteLines(spec, in: inner).enumerated() {
                grid.put(line, x: inner.x, y: inner.y + offset, style: Theme.absent)
            }
        }
        if let viewport = viewport(of: .response, in: layout) {
            TreeView.draw(&grid, viewport, pane: session.response, session: session, focused: focused, isResponse: true)
        } else if spec.hasResponseFields && inner.width > 0 && inner.height > 0 {
            grid.put("(empty)", x: inner.x, y: inner.y, style: Theme.absent, maxWidth: inner.width)
        }
    }

    // MARK: Field help, status and hints

    private func drawFieldHelp(_ grid: inout Grid, _ layout: Layout) {
        let rect = layout.fieldHelp
        var parts: [(String, Style)] = []
        if focus == .list {
            if let current = currentEvent, let session = sessions[current] {
                switch session.content {
                case .event(let event):
                    if let trigger = event.spec {
                        var text = trigger.title + ": "
                        if let source = event.triggerSource, let sourceSpec = Catalogue.source(source) {
                            text += "\(source.rawValue): " + sourceSpec.summary
                        } else {
                            text += trigger.summary
                        }
                        parts.append((text, Theme.fieldHelp))
                    } else if let problem = session.problems.first {
                        parts.append((problem.message, Theme.warning))
                    }
                case .notEvent(let outcome, _):
                    parts.append((outcome.message ?? "", Theme.error))
                }
            } else if isLoading {
                parts.append(("Loading…", Theme.absent))
            }
        } else if let row = focusedRow, let session = currentSession {
            if let problem = session.problem(at: row.path) {
                parts.append(((problem.severity == .error ? "✗ " : "! ") + problem.message, problem.severity == .error ? Theme.error : Theme.warning))
            }
            parts.append((fieldDescription(row, session: session), Theme.fieldHelp))
        }
        let text = parts.map(\.0).filter { !$0.isEmpty }.joined(separator: " — ")
        let lines = TerminalText.wrap(TerminalText.escaped(text), width: rect.width - 2, maxLines: rect.height)
        // The first part keeps its own colour (a problem in red); the rest is help text.
        let firstLength = parts.first.map { TerminalText.displayWidth(of: TerminalText.escaped($0.0)) } ?? 0
        var consumed = 0
        let firstStyle = parts.first?.1 ?? Theme.fieldHelp
        for (offset, line) in lines.enumerated() {
            // A line where the first part ends is split there, so only the problem is in its colour.
            let firstColumns = max(0, min(TerminalText.displayWidth(of: line), firstLength - consumed))
            var head = "", tail = Substring(line), used = 0
            while let character = tail.first, used + TerminalText.displayWidth(of: character) <= firstColumns {
                head.append(character)
                used += TerminalText.displayWidth(of: character)
                tail = tail.dropFirst()
            }
            let x = rect.x + 1 + grid.put(head, x: rect.x + 1, y: rect.y + offset, style: firstStyle)
            grid.put(String(tail), x: x, y: rect.y + offset, style: Theme.fieldHelp)
            consumed += TerminalText.displayWidth(of: line) + 1
        }
    }

    /// The catalogue's words about a row.
    func fieldDescription(_ row: TreeRow, session: EventSession) -> String {
        if let spec = row.spec { return spec.summary }
        switch row.role {
        case .entry:
            let parent = JSONPath(row.path.dropLast())
            if let spec = Catalogue.field(at: parent, in: session.trigger) {
                return "An entry of \(spec.name): " + spec.summary
            }
            return ""
        case .unknown:
            return row.path.first == .key("response")
                ? "Not in the catalogue: Cognito ignores response keys it does not know."
                : "Not in the catalogue for this trigger."
        case .plain, .field:
            return ""
        }
    }

    private func drawStatus(_ grid: inout Grid, _ layout: Layout) {
        let rect = layout.status
        grid.fill(rect: rect, style: Theme.statusBar)
        var x = rect.x + 1
        if let current = currentEvent {
            // A long name is cut at its start, with an ellipsis, so the file's own name stays.
            x += grid.put(TerminalText.truncateLeft(relativeName(current), width: max(0, rect.width / 2)), x: x, y: rect.y,
                          style: Theme.statusFile, maxWidth: max(0, rect.width / 2))
            if sessions[current]?.changedOnDisk == true {
                // Shown beside a message too: it holds until the file is read again.
                x += grid.put("  \(Self.changedOnDiskMark) changed on disk", x: x, y: rect.y,
                              style: Theme.statusBar.foreground(.brightRed).bolded, maxWidth: max(0, rect.maxX - x))
            }
            // The search's count stays beside the path (and beside a message) while a search is active.
            let search = searchStatus.map { "  " + $0 }
            let searchWidth = search.map { min(TerminalText.displayWidth(of: $0), max(0, rect.width / 3)) } ?? 0
            if message == nil, let cursorPath {
                let room = max(0, rect.maxX - x - 12 - searchWidth)
                x += grid.put(TerminalText.truncate("  " + TerminalText.escaped(cursorPath.isEmpty ? "(root)" : cursorPath.dottedString), width: room),
                              x: x, y: rect.y, style: Theme.statusBar, maxWidth: room)
            }
            if let search {
                x += grid.put(TerminalText.truncate(search, width: searchWidth), x: x, y: rect.y,
                              style: Theme.statusBar.foreground(.brightYellow), maxWidth: max(0, rect.maxX - x))
            }
            if message == nil, sessions[current]?.hasUnsavedEdits == true {
                x += grid.put("  ● unsaved", x: x, y: rect.y, style: Theme.modified.background(Theme.statusBar.background))
            }

        }
        if runningFunction != nil {
            x += grid.put("  [running your function; Esc or Ctrl-C stops it]", x: x, y: rect.y,
                          style: Theme.statusBar.foreground(.brightYellow), maxWidth: max(0, rect.maxX - x - 1))
        }
        if let message {
            let style: Style
            switch message.severity {
            case .info: style = Theme.statusBar
            case .success: style = Theme.statusBar.foreground(.brightGreen)
            case .warning: style = Theme.statusBar.foreground(.brightYellow)
            case .error: style = Theme.statusBar.foreground(.brightRed).bolded
            }
            x += grid.put("  ", x: x, y: rect.y, style: Theme.statusBar)
            grid.put(TerminalText.truncate(TerminalText.escaped(message.text), width: max(0, rect.maxX - x - 1)), x: x, y: rect.y, style: style)
        }
    }

    private func drawHints(_ grid: inout Grid, _ layout: Layout) {
        let rect = layout.hints
        var x = rect.x + 1
        for hint in Keymap.hints(for: mode) {
            let width = TerminalText.displayWidth(of: hint.key) + 1 + TerminalText.displayWidth(of: hint.help) + 2
            guard x + width <= rect.maxX else { break }
            x += grid.put(hint.key, x: x, y: rect.y, style: Theme.hintKey)
            x += grid.put(" " + hint.help + "  ", x: x, y: rect.y, style: Theme.fieldHelp)
        }
    }
}
