import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    /// Runs `body` on the focused tree pane of the current session.
    @discardableResult
    mutating func withFocusedPane<T>(_ body: (inout TreePane, inout EventSession) -> T) -> T? {
        let pane = focus
        return withCurrentSession { session in
            var tree = pane == .response ? session.response : session.request
            let result = body(&tree, &session)
            if pane == .response { session.response = tree } else { session.request = tree }
            return result
        }
    }

    var focusedRow: TreeRow? {
        guard let session = currentSession else { return nil }
        switch focus {
        case .list: return nil
        case .request: return session.request.currentRow(in: session.document)
        case .response: return session.response.currentRow(in: session.document)
        }
    }

    /// The value of a row of the current session's panes, read from its document.
    func node(of row: TreeRow) -> JSONNode? { row.node(in: currentSession?.document) }

    /// The row at a path in the focused pane, or nil when no row shows it.
    func focusedPaneRow(at path: JSONPath) -> TreeRow? {
        guard let session = currentSession, focus != .list else { return nil }
        let pane = focus == .response ? session.response : session.request
        guard let index = pane.index(of: path, in: session.document) else { return nil }
        return pane.row(index, in: session.document)
    }

    var focusedPaneHeight: Int { pageHeight(of: focus) }

    mutating func runTreeCommand(_ command: Command) -> [Effect] {
        guard currentSession != nil else { return [] }
        let page = focusedPaneHeight
        switch command {
        case .moveUp: moveTreeCursor { $0 - 1 }
        case .moveDown: moveTreeCursor { $0 + 1 }
        case .pageUp: moveTreeCursor { $0 - page }
        case .pageDown: moveTreeCursor { $0 + page }
        case .top: moveTreeCursor { _ in 0 }
        case .bottom: moveTreeCursor { _ in Int.max / 2 }
        case .expand: expandOrEnter()
        case .collapse: collapseOrLeave()
        case .expandAll, .collapseAll:
            withFocusedPane { pane, _ in pane.expansion.reset(to: command == .expandAll ? .all : .none) }
            withCurrentSession { $0.rebuildRows() }
            keepCursorsVisible()
        case .search: beginSearch()
        case .nextMatch: stepMatch(forward: true)
        case .previousMatch: stepMatch(forward: false)
        case .activate:
            return focus == .response ? activateResponseRow() : activateRequestRow()
        case .view:
            if let row = focusedRow, let node = node(of: row) {
                showInPager(row: row, node: node)
            } else {
                message = StatusMessage("this field is absent: there is nothing to show")
            }
        case .rawView: openRawView()
        case .details: showFieldDetails()
        case .copyValue, .copyPath: return copyFocused(path: command == .copyPath)
        case .toggle: toggleBoolean()
        case .unset: unsetFocused()
        case .setNull: setFocusedToNull()
        case .addEntry: beginAddEntry()
        case .openEditor: return openFocusedInEditor()
        default: break
        }
        return []
    }

    mutating func moveTreeCursor(_ move: (Int) -> Int) {
        withFocusedPane { pane, _ in
            pane.cursor = max(0, min(move(pane.cursor), pane.rows.count - 1))
        }
        keepCursorsVisible()
    }

    mutating func expandOrEnter() {
        guard let row = focusedRow, row.isExpandable else { return }
        if row.isExpanded {
            moveTreeCursor { $0 + 1 }
            return
        }
        setExpanded(row, true)
    }

    mutating func collapseOrLeave() {
        guard let row = focusedRow else { return }
        if row.isExpandable && row.isExpanded {
            setExpanded(row, false)
            return
        }
        // Go to the parent row; from a top-level row of the request tree, back to the list.
        let moved = withFocusedPane { pane, _ -> Bool in
            guard let parent = pane.rows.parentIndex(of: pane.cursor) else { return false }
            pane.cursor = parent
            return true
        } ?? false
        if !moved && row.depth == 0 && focus == .request { focus = .list }
        keepCursorsVisible()
    }

    mutating func setExpanded(_ row: TreeRow, _ expanded: Bool) {
        guard row.isExpanded != expanded else { return }
        withFocusedPane { pane, _ in pane.expansion.flip(row.path) }
        withCurrentSession { $0.rebuildRows() }
        keepCursorsVisible()
    }

    mutating func activateRequestRow() -> [Effect] {
        guard let row = focusedRow else { return [] }
        if row.isExpandable {
            setExpanded(row, !row.isExpanded)
        } else if let node = node(of: row) {
            showInPager(row: row, node: node)
        }
        return []
    }

    /// Opens the raw view: the event's text as the file holds it, with the unsaved edits, scrolled
    /// to the value under the cursor, which is highlighted.
    mutating func openRawView() {
        guard let session = currentSession, let event = session.event else {
            message = StatusMessage("this file is not a JSON event: there is no text to show", .warning)
            return
        }
        let document = event.document
        let rows = TextRows(document.bytes[...])
        let name = TerminalText.escaped(relativeName(session.source))
        let node = focusedRow?.node(in: document)
        var title = "Raw · " + name + (session.hasUnsavedEdits ? " (with unsaved edits)" : "")
        if let row = focusedRow { title += " · " + TerminalText.escaped(row.path.dottedString) + (node == nil ? " (absent)" : "") }
        // The member's key too, so that the highlight names what it is.
        let highlight = node.map { ($0.keySpan?.lowerBound ?? $0.span.lowerBound)..<$0.span.upperBound }
        var viewer = TextViewer(title: title, rows: rows, document: document, highlight: highlight, top: rows.start)
        viewer.reveal(layout: Layout(width: width, height: height, options: options, sizes: paneSizes))
        overlay = .text(viewer)
    }

    /// How many characters the open raw view or long-text viewer has laid out so far, or nil when
    /// none is open: tests check with it that the work follows the screen, not the text.
    public var textViewerCharactersExamined: Int? {
        guard case .text(let viewer)? = overlay else { return nil }
        return viewer.rows.charactersExamined
    }

    /// Strings longer than this many bytes open in the viewer that lays out only the screen.
    static let longStringBytes = 16 * 1024

    /// Opens the viewer on a value: strings as they are, other values as JSON text.
    mutating func showInPager(row: TreeRow, node: JSONNode) {
        if node.kind == .string, node.span.count > Self.longStringBytes, let bytes = node.displayStringBytes {
            let title = row.path.dottedString + " (" + TerminalText.count(bytes.count) + " bytes)"
            let rows = TextRows(bytes)
            overlay = .text(TextViewer(title: TerminalText.escaped(title), rows: rows, document: nil, highlight: nil, top: rows.start))
            return
        }
        // The viewer wraps its text on every frame; beyond this many characters it shows the start.
        let limit = 200_000
        var text: String
        var title = row.path.dottedString
        if node.span.count > limit * 4 {
            text = String(node.rawText.prefix(limit))
        } else {
            text = node.stringValue ?? node.rawText
            if node.kind == .object || node.kind == .array {
                text = node.value.prettyText(unit: viewerIndentUnit)
            }
        }
        if text.count > limit {
            text = String(text.prefix(limit))
            title += " (the first \(TerminalText.count(limit)) characters of \(TerminalText.count(node.span.count)) bytes)"
        }
        overlay = .pager(Pager(title: title, text: text, scroll: 0))
    }

    /// The indentation the viewer shows nesting with: the file's own unit when it is spaces (up
    /// to eight), else two spaces (a file on one line, or indented with tabs, which have no fixed width).
    var viewerIndentUnit: String {
        if let unit = currentSession?.event?.document.whitespaceStyle.indentUnit,
           !unit.isEmpty, unit.count <= 8, unit.allSatisfy({ $0 == " " }) {
            return unit
        }
        return "  "
    }
}
