import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    // MARK: Search in the trees

    /// `/` in a tree: opens the search prompt; each key typed there moves the cursor.
    mutating func beginSearch() {
        guard let session = currentSession, let event = session.event else {
            message = StatusMessage("nothing to search: this file is not JSON the explorer can read", .warning)
            return
        }
        let start = SearchStart(focus: focus, view: session.savedView, order: cursorOrder(in: event), previous: session.search)
        let title = session.search.map { "Search both trees (Enter alone: \"\(TerminalText.escaped($0.query))\" again)" } ?? "Search both trees"
        overlay = .prompt(Prompt(title: title, editor: LineEditor(), purpose: .search(start), error: nil))
    }

    /// The tree order of the focused cursor's row; before every row from the list.
    func cursorOrder(in event: TriggerEvent) -> [Int] {
        guard focus != .list, let path = cursorPath else { return [] }
        return TreeSearch.order(of: path, pane: focus, in: event)
    }

    /// The search text changed: back to where the search began, then to the first match at or after it.
    mutating func searchAsYouType(_ text: String, from start: SearchStart) {
        guard let event = currentSession?.event else { return }
        withCurrentSession { $0.restore(start.view) }
        focus = start.focus
        guard !text.isEmpty else {
            withCurrentSession { $0.search = nil }
            message = nil
            keepCursorsVisible()
            return
        }
        // Text typed on after a query that matched nothing matches nothing either: no new search.
        if let live = currentSession?.search, live.matches.isEmpty, TreeSearch.narrows(live.query, to: text) {
            withCurrentSession { $0.search?.query = text }
        } else {
            let search = TreeSearch(query: text, in: event)
            withCurrentSession { $0.search = search }
        }
        showFirstMatch(from: start.order, query: text)
    }

    /// Puts the cursor on the first match at or after `order`, wrapping to the top; says when none.
    private mutating func showFirstMatch(from order: [Int], query: String) {
        guard let search = currentSession?.search else { return }
        guard !search.matches.isEmpty else {
            message = StatusMessage("no match for \"\(TerminalText.escaped(query))\"\(Self.caseNote(query))", .warning)
            keepCursorsVisible()
            return
        }
        if let index = search.firstIndex(after: order, strictly: false) {
            reveal(index)
            message = nil
        } else {
            reveal(0)
            message = StatusMessage("search wrapped to the top")
        }
    }

    /// A note for a query with a capital letter, which makes the search match case.
    static func caseNote(_ query: String) -> String {
        TextMatcher(query).caseSensitive ? " (case counts: the query has a capital letter)" : ""
    }

    /// Enter in the search prompt: keep the search (an empty prompt repeats the last one).
    mutating func acceptSearch(_ text: String, from start: SearchStart) {
        if text.isEmpty {
            guard let previous = start.previous else {
                withCurrentSession { $0.search = nil }
                message = StatusMessage("search cleared")
                return
            }
            searchAsYouType(previous.query, from: start)
        }
    }

    /// Esc in the search prompt: the trees, the focus and the search as they were before it.
    mutating func cancelSearch(from start: SearchStart) {
        withCurrentSession {
            $0.restore(start.view)
            $0.search = start.previous
        }
        focus = start.focus
        keepCursorsVisible()
        message = StatusMessage("search cancelled")
    }

    /// `n` and `N`: the next or previous match after the cursor, in either tree, wrapping with a note.
    mutating func stepMatch(forward: Bool) {
        guard let session = currentSession, let event = session.event, let search = session.search else {
            message = StatusMessage("no search yet: press / to search")
            return
        }
        guard !search.matches.isEmpty else {
            message = StatusMessage("no match for \"\(TerminalText.escaped(search.query))\"\(Self.caseNote(search.query))", .warning)
            return
        }
        let here = cursorOrder(in: event)
        if forward {
            if let index = search.firstIndex(after: here, strictly: true) {
                reveal(index)
            } else {
                reveal(0)
                message = StatusMessage("search wrapped to the top")
            }
        } else {
            if let index = search.lastIndex(before: here) {
                reveal(index)
            } else {
                reveal(search.matches.count - 1)
                message = StatusMessage("search wrapped to the bottom")
            }
        }
    }

    /// Focuses the tree of match `index`, expands what hides it and puts the cursor on it.
    mutating func reveal(_ index: Int) {
        guard let search = currentSession?.search, search.matches.indices.contains(index) else { return }
        let match = search.matches[index]
        focus = match.pane
        for length in 1..<max(1, match.path.count) {
            let prefix = JSONPath(match.path.prefix(length))
            let expanded = withCurrentSession { session -> Bool in
                var tree = match.pane == .response ? session.response : session.request
                guard let position = tree.index(of: prefix, in: session.document),
                      let row = tree.row(position, in: session.document),
                      row.isExpandable && !row.isExpanded else { return false }
                tree.expansion.flip(prefix)
                if match.pane == .response { session.response = tree } else { session.request = tree }
                return true
            } ?? false
            if expanded { withCurrentSession { $0.rebuildRows() } }
        }
        withCurrentSession { session in
            session.search?.index = index
            var tree = match.pane == .response ? session.response : session.request
            if let position = tree.index(of: match.path, in: session.document) { tree.cursor = position }
            if match.pane == .response { session.response = tree } else { session.request = tree }
        }
        keepCursorsVisible()
    }

    /// The search's part of the status bar: `/query match 3/17`, `/query 17 matches`, or nil.
    var searchStatus: String? {
        guard let session = currentSession, let search = session.search else { return nil }
        let query = "/" + TerminalText.escaped(search.query)
        if search.matches.isEmpty { return query + " no match" }
        if let index = search.index, search.matches.indices.contains(index),
           search.matches[index].pane == focus, search.matches[index].path == cursorPath {
            return query + " match \(TerminalText.count(index + 1))/\(search.countText)"
        }
        return query + " \(search.countText) match\(search.matches.count == 1 && !search.isCapped ? "" : "es")"
    }

    /// The paths in one tree whose key or value contains `query` (smartcase), in tree order.
    static func search(_ query: String, in event: TriggerEvent, pane: Pane, limit: Int = TreeSearch.limit) -> [JSONPath] {
        TreeSearch.find(query, in: event, limit: limit).matches.filter { $0.pane == pane }.map(\.path)
    }
}

extension ExplorerState {
    // MARK: Search in the help screen

    /// The help's lines at the current size.
    var helpLines: [HelpLine] {
        OverlayText.help(width: Layout(width: width, height: height, options: options, sizes: paneSizes).overlayInner.width)
    }

    /// Keys on the help screen: scrolling, `/` to search it as you type, `n` and `N`.
    mutating func handleHelpKey(_ key: Key) -> [Effect] {
        guard case .help(var help)? = overlay else { return [] }
        message = nil
        if var editor = help.editor {
            guard let command = Keymap.command(for: key, in: .textInput) else {
                guard case .character(let character) = key else { return [] }
                editor.insert(String(character))
                help.editor = editor
                overlay = .help(searchHelp(help))
                return []
            }
            switch command {
            case .submit:
                help.editor = nil
                if editor.text.isEmpty {
                    // Enter alone repeats the search before, as in less.
                    help.query = help.previousQuery
                    if help.query != nil { help = searchHelp(help) }
                }
                overlay = .help(help)
                if let query = help.query {
                    let count = Self.helpMatches(query, in: helpLines).count
                    if count > 0 { message = StatusMessage("\(count) line\(count == 1 ? "" : "s") of help match \"\(TerminalText.escaped(query))\": n and N move between them") }
                }
            case .cancel:
                help.editor = nil
                help.scroll = help.startScroll
                help.query = help.previousQuery
                help.matchLine = help.previousMatchLine
                overlay = .help(help)
                message = StatusMessage("search cancelled")
            default:
                _ = editor.perform(command)
                help.editor = editor
                overlay = .help(searchHelp(help))
            }
            return []
        }
        switch Keymap.command(for: key, in: .help) {
        case .search?:
            help.editor = LineEditor()
            help.startScroll = help.scroll
            help.previousQuery = help.query
            help.previousMatchLine = help.matchLine
            overlay = .help(help)
            return []
        case .nextMatch?, .previousMatch?:
            overlay = .help(stepHelpMatch(help, forward: Keymap.command(for: key, in: .help) == .nextMatch))
            return []
        default:
            return handleScrollingOverlay(key)
        }
    }

    /// The indexes of the help lines that contain `query` (smartcase).
    static func helpMatches(_ query: String, in lines: [HelpLine]) -> [Int] {
        guard !query.isEmpty else { return [] }
        let matcher = TextMatcher(query)
        return lines.indices.filter { matcher.matches(text: lines[$0].text) }
    }

    /// The help scrolled so that `line` shows near the top (with a line above it for context).
    private func scrolled(_ help: HelpState, to line: Int, lines: Int) -> HelpState {
        var help = help
        let page = max(1, Layout(width: width, height: height, options: options, sizes: paneSizes).overlayInner.height)
        help.scroll = max(0, min(line - 1, lines - page))
        help.matchLine = line
        return help
    }

    /// The search text changed: from where it began, to the first line at or after it that matches.
    private mutating func searchHelp(_ help: HelpState) -> HelpState {
        var help = help
        let text = help.editor?.text ?? help.query ?? ""
        help.query = text.isEmpty ? nil : text
        help.scroll = help.startScroll
        help.matchLine = nil
        message = nil
        guard !text.isEmpty else { return help }
        let lines = helpLines
        let matches = Self.helpMatches(text, in: lines)
        guard let first = matches.first else {
            message = StatusMessage("no match for \"\(TerminalText.escaped(text))\" in the help\(Self.caseNote(text))", .warning)
            return help
        }
        if let line = matches.first(where: { $0 >= help.startScroll }) { return scrolled(help, to: line, lines: lines.count) }
        message = StatusMessage("search wrapped to the top")
        return scrolled(help, to: first, lines: lines.count)
    }

    /// `n` and `N` in the help: the next or previous matching line, wrapping with a note.
    private mutating func stepHelpMatch(_ help: HelpState, forward: Bool) -> HelpState {
        guard let query = help.query else {
            message = StatusMessage("no search yet: press / to search the help")
            return help
        }
        let lines = helpLines
        let matches = Self.helpMatches(query, in: lines)
        guard let first = matches.first, let last = matches.last else {
            message = StatusMessage("no match for \"\(TerminalText.escaped(query))\" in the help\(Self.caseNote(query))", .warning)
            return help
        }
        // From the match last shown, else from the top of the view.
        let here = help.matchLine ?? (forward ? help.scroll - 1 : help.scroll)
        if forward {
            if let line = matches.first(where: { $0 > here }) { return scrolled(help, to: line, lines: lines.count) }
            message = StatusMessage("search wrapped to the top")
            return scrolled(help, to: first, lines: lines.count)
        }
        if let line = matches.last(where: { $0 < here }) { return scrolled(help, to: line, lines: lines.count) }
        message = StatusMessage("search wrapped to the bottom")
        return scrolled(help, to: last, lines: lines.count)
    }

    /// The help box's title: with the search and its count while one is active.
    func helpTitle(_ help: HelpState, lines: [HelpLine]) -> String {
        guard let query = help.query else { return help.editor == nil ? "Help · keys · / searches" : "Help · keys" }
        let matches = Self.helpMatches(query, in: lines)
        let shown = help.matchLine.flatMap { matches.firstIndex(of: $0) }
        let count = shown.map { "match \($0 + 1)/\(matches.count)" } ?? (matches.isEmpty ? "no match" : "\(matches.count) matches")
        return "Help · /\(TerminalText.escaped(query)) · \(count)"
    }
}
