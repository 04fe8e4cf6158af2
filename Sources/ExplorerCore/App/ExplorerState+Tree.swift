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
        case .request: return session.request.currentRow
        case .response: return session.response.currentRow
        }
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
        case .search:
            let title = currentPaneQuery.map { "Search keys and values (Enter alone: \"\(TerminalText.escaped($0))\" again)" } ?? "Search keys and values"
            overlay = .prompt(Prompt(title: title, editor: LineEditor(), purpose: .search(focus), error: nil))
        case .nextMatch: stepMatch(by: 1)
        case .previousMatch: stepMatch(by: -1)
        case .activate:
            return focus == .response ? activateResponseRow() : activateRequestRow()
        case .view:
            if let row = focusedRow, let node = row.node {
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

    var currentPaneQuery: String? {
        guard let session = currentSession else { return nil }
        return focus == .response ? session.response.query : session.request.query
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
        } else if let node = row.node {
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
        let name = TerminalText.escaped(relativeName(session.path))
        let node = focusedRow?.node
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
        if let unit = currentSession?.event?.document.layout.indentUnit,
           !unit.isEmpty, unit.count <= 8, unit.allSatisfy({ $0 == " " }) {
            return unit
        }
        return "  "
    }

    // MARK: Search

    mutating func runSearch(_ query: String, in pane: Pane) {
        guard let session = currentSession, let event = session.event else { return }
        let matches = query.isEmpty ? [] : Self.search(query, in: event, pane: pane)
        withCurrentSession { session in
            var tree = pane == .response ? session.response : session.request
            tree.query = query.isEmpty ? nil : query
            tree.matches = matches
            tree.matchSet = Set(matches)
            tree.matchIndex = 0
            if pane == .response { session.response = tree } else { session.request = tree }
        }
        if query.isEmpty {
            message = StatusMessage("search cleared")
        } else if matches.isEmpty {
            message = StatusMessage("no match for \"\(TerminalText.escaped(query))\"", .warning)
        } else {
            revealMatch(0)
        }
    }

    mutating func stepMatch(by step: Int) {
        guard let session = currentSession else { return }
        let tree = focus == .response ? session.response : session.request
        guard !tree.matches.isEmpty else {
            message = StatusMessage(tree.query == nil ? "no search yet: press / to search" : "no matches")
            return
        }
        let count = tree.matches.count
        revealMatch(((tree.matchIndex + step) % count + count) % count)
    }

    /// Expands the ancestors of match `index` and puts the cursor on it.
    mutating func revealMatch(_ index: Int) {
        guard let session = currentSession else { return }
        let tree = focus == .response ? session.response : session.request
        guard tree.matches.indices.contains(index) else { return }
        let target = tree.matches[index]
        for length in 1..<max(1, target.count) {
            let prefix = JSONPath(target.prefix(length))
            guard let rows = (focus == .response ? currentSession?.response : currentSession?.request)?.rows,
                  let index = rows.index(of: prefix) else { continue }
            let row = rows[index]
            if row.isExpandable && !row.isExpanded {
                withFocusedPane { pane, _ in pane.expansion.flip(prefix) }
                withCurrentSession { $0.rebuildRows() }
            }
        }
        withFocusedPane { pane, _ in
            pane.matchIndex = index
            if let position = pane.rows.index(of: target) { pane.cursor = position }
        }
        keepCursorsVisible()
        message = StatusMessage("match \(index + 1) of \(tree.matches.count)")
    }

    /// Paths in a pane whose key or scalar value contains `query` (case-insensitive), in document order.
    static func search(_ query: String, in event: TriggerEvent, pane: Pane, limit: Int = 10_000) -> [JSONPath] {
        let matcher = TextMatcher(query)
        var results: [JSONPath] = []
        let document = event.document
        let root = document.root
        if pane == .response {
            guard let trigger = event.trigger else { return [] }
            // Catalogue fields match by name whether present or not.
            var seen = Set<JSONPath>()
            for field in Catalogue.spec(for: trigger).responseFields where field.path.count > 1 {
                if field.name.lowercased().contains(matcher.needle) {
                    let path = JSONPath(field.path.map { PathComponent.key($0) })
                    if seen.insert(path).inserted { results.append(path) }
                }
            }
            if let response = document.node(at: ["response"]) {
                var found: [JSONPath] = []
                walk(response, at: ["response"], in: document, matcher: matcher, into: &found, limit: limit)
                for path in found where seen.insert(path).inserted { results.append(path) }
            }
            return results
        }
        walk(root, at: [], in: document, matcher: matcher, into: &results, limit: limit,
             skipping: event.trigger != nil ? "response" : nil)
        return results
    }

    /// Adds the paths of the descendants of `container` that match, in document order, without
    /// recursion and without making a path (or decoding a key) for those that do not.
    private static func walk(_ container: JSONNode, at path: JSONPath, in document: JSONDocument, matcher: TextMatcher,
                             into results: inout [JSONPath], limit: Int, skipping skippedKey: String? = nil) {
        struct Frame {
            var children: ChildSequence.Iterator
            let isArray: Bool
            var position = 0
        }
        var path = path
        var frames = [Frame(children: container.children.makeIterator(), isArray: container.kind == .array)]
        while !frames.isEmpty, results.count < limit {
            guard let child = frames[frames.count - 1].children.next() else {
                frames.removeLast()
                if !frames.isEmpty { path.removeLast() }
                continue
            }
            let position = frames[frames.count - 1].position
            frames[frames.count - 1].position += 1
            let isArray = frames[frames.count - 1].isArray
            if frames.count == 1, let skippedKey, child.hasKey(skippedKey) { continue }
            var hit = false
            if let key = child.rawKeyBytes { hit = matcher.matches(key, decoded: { child.key ?? "" }) }
            switch child.kind {
            case .object, .array:
                if hit { results.append(path + [component(of: child, at: position, inArray: isArray)]) }
                guard child.count > 0 else { continue }
                path.append(component(of: child, at: position, inArray: isArray))
                frames.append(Frame(children: child.children.makeIterator(), isArray: child.kind == .array))
                continue
            case .string:
                if !hit { hit = matcher.matches(child.rawBytes, decoded: { child.stringValue ?? "" }) }
            default:
                if !hit { hit = matcher.matches(child.rawBytes, decoded: { child.rawText }) }
            }
            if hit { results.append(path + [component(of: child, at: position, inArray: isArray)]) }
        }
    }

    private static func component(of child: JSONNode, at position: Int, inArray: Bool) -> PathComponent {
        inArray ? .index(position) : .key(child.key ?? "")
    }
}

/// Case-insensitive "contains" over the raw bytes of keys and values.
///
/// For a needle of ASCII characters the bytes are compared as they are in the file, folding ASCII
/// case (a UTF-8 byte of a non-ASCII character never equals an ASCII one), so searching a 50 MB
/// event makes no string per key and value. Text written with escapes, and needles with other
/// characters, are compared as decoded, lowercased strings.
struct TextMatcher {
    /// The query, lowercased.
    let needle: String
    private let asciiNeedle: [UInt8]?

    init(_ query: String) {
        needle = query.lowercased()
        let utf8 = Array(needle.utf8)
        asciiNeedle = utf8.allSatisfy { $0 < 0x80 } ? utf8 : nil
    }

    /// Whether `bytes` (a JSON string with its quotes, or a number, true, false or null, as
    /// written) contains the needle; `decoded` gives the text when the bytes cannot be compared
    /// as they are.
    func matches(_ bytes: ArraySlice<UInt8>, decoded: () -> String) -> Bool {
        guard let wanted = asciiNeedle, !wanted.isEmpty else { return decoded().lowercased().contains(needle) }
        var lower = bytes.startIndex, upper = bytes.endIndex
        if upper - lower >= 2 && bytes[lower] == 0x22 { lower += 1; upper -= 1 }
        // Escapes: compare the decoded text.
        var index = lower
        while index < upper {
            if bytes[index] == 0x5C { return decoded().lowercased().contains(needle) }
            index += 1
        }
        let count = wanted.count
        guard upper - lower >= count else { return false }
        let first = wanted[0]
        var start = lower
        while start + count <= upper {
            if Self.folded(bytes[start]) == first {
                var k = 1
                while k < count && Self.folded(bytes[start + k]) == wanted[k] { k += 1 }
                if k == count { return true }
            }
            start += 1
        }
        return false
    }

    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
