import CognitoTriggers
import JSONDocument
import TerminalText

/// Moving between the problems of the current event, reading a field whole, and copying it.
extension ExplorerState {
    /// A problem's place: the pane that shows its field, and where in the document it is.
    struct ProblemPlace: Hashable {
        let pane: Pane
        let path: JSONPath
        /// The byte offset of the field, or of its nearest ancestor present (an absent field).
        let offset: Int
        /// Order within the same offset: an absent field comes after its present ancestor.
        let depth: Int

        func isBefore(_ other: ProblemPlace) -> Bool {
            let rank = pane == .request ? 0 : 1, otherRank = other.pane == .request ? 0 : 1
            if rank != otherRank { return rank < otherRank }
            if offset != other.offset { return offset < other.offset }
            return depth < other.depth
        }
    }

    /// The places of the current event's problems in the order the panes show them: the request
    /// tree top to bottom, then the response editor; one place per field.
    var problemPlaces: [ProblemPlace] {
        guard let session = currentSession, let event = session.event else { return [] }
        var seen = Set<JSONPath>()
        var places: [ProblemPlace] = []
        for problem in session.problems where seen.insert(problem.path).inserted {
            places.append(place(of: problem.path, in: event))
        }
        return places.sorted { $0.isBefore($1) }
    }

    func place(of path: JSONPath, in event: TriggerEvent) -> ProblemPlace {
        let pane: Pane = event.trigger != nil && path.first == .key("response") ? .response : .request
        var length = path.count
        while length > 0 {
            if let node = event.document.node(at: JSONPath(path.prefix(length))) {
                return ProblemPlace(pane: pane, path: path, offset: node.span.lowerBound, depth: path.count - length)
            }
            length -= 1
        }
        return ProblemPlace(pane: pane, path: path, offset: 0, depth: path.count)
    }

    /// `p` and `P`: the cursor to the next (or previous) problem of the event, in either tree,
    /// expanding what hides it; past the last it wraps to the first, and says so.
    mutating func stepProblem(forward: Bool) {
        guard let session = currentSession, let event = session.event else {
            message = StatusMessage(currentSession == nil ? "no event is open" : "this file is not JSON: its problem is shown in the request pane", .warning)
            return
        }
        let places = problemPlaces
        guard !places.isEmpty else {
            message = StatusMessage("no problems in this event", .success)
            return
        }
        // Where the cursor is now; from the list, before the first problem (or after the last).
        var here: ProblemPlace?
        if focus != .list, let path = focusedRow?.path {
            let current = place(of: path, in: event)
            here = ProblemPlace(pane: focus, path: path, offset: current.offset, depth: current.depth)
        }
        var index: Int
        var wrapped = false
        if forward {
            if let here, let next = places.firstIndex(where: { here.isBefore($0) && $0.path != here.path }) {
                index = next
            } else {
                index = 0
                wrapped = here != nil
            }
        } else {
            if let here, let previous = places.lastIndex(where: { $0.isBefore(here) && $0.path != here.path }) {
                index = previous
            } else {
                index = places.count - 1
                wrapped = here != nil
            }
        }
        let target = places[index]
        focus = target.pane
        reveal(target.path)
        let problems = session.problemsByPath[target.path.dottedString] ?? []
        let worst = problems.min { $0.severity < $1.severity }
        let mark = worst?.severity == .error ? "✗" : "!"
        var text = "problem \(index + 1) of \(places.count)"
        if wrapped { text += forward ? " (wrapped to the first)" : " (wrapped to the last)" }
        text += ": \(mark) " + (target.path.isEmpty ? "the event" : target.path.dottedString) + ": " + (worst?.message ?? "")
        message = StatusMessage(text, worst?.severity == .error ? .error : .warning)
    }

    /// Expands the ancestors of `path` in the focused tree and puts the cursor on it (or on the
    /// nearest ancestor shown, for a path that has no row).
    mutating func reveal(_ path: JSONPath) {
        for length in 1..<max(1, path.count) {
            let prefix = JSONPath(path.prefix(length))
            guard let row = focusedPaneRow(at: prefix) else { continue }
            if row.isExpandable && !row.isExpanded {
                withFocusedPane { pane, _ in pane.expansion.flip(prefix) }
                withCurrentSession { $0.rebuildRows() }
            }
        }
        withFocusedPane { pane, session in
            var length = path.count
            while length > 0 {
                if let position = pane.index(of: JSONPath(path.prefix(length)), in: session.document) {
                    pane.cursor = position
                    return
                }
                length -= 1
            }
        }
        keepCursorsVisible()
    }

    /// `i`: the field under the cursor in a viewer: every problem at it in full, its path, type
    /// and the catalogue's whole description.
    mutating func showFieldDetails() {
        guard let session = currentSession, let row = focusedRow else {
            message = StatusMessage("no field under the cursor")
            return
        }
        var parts: [String] = []
        let problems = (session.problemsByPath[row.path.dottedString] ?? []).sorted { $0.severity < $1.severity }
        for problem in problems {
            parts.append((problem.severity == .error ? "✗ error: " : "! warning: ") + problem.message)
            if !problem.source.isEmpty { parts.append("  (rule: \(problem.source))") }
        }
        if !problems.isEmpty { parts.append("") }
        if let spec = row.spec {
            parts.append("\(spec.name): \(spec.type.label)" + (spec.allowedValues.isEmpty ? "" : ", one of " + spec.allowedValues.joined(separator: ", ")))
            parts.append(spec.summary)
        } else {
            let description = fieldDescription(row, session: session)
            parts.append(description.isEmpty ? "The catalogue has no description of this field." : description)
        }
        let title = (row.path.isEmpty ? "(root)" : row.path.dottedString) + " · details"
        overlay = .pager(Pager(title: title, text: parts.joined(separator: "\n"), scroll: 0))
    }

    /// The most the clipboard is given at once: terminals and tmux drop longer OSC 52 sequences.
    static let clipboardLimit = 100_000

    /// `y` and `Y`: the value (a string as it is, anything else as JSON text) or the path of the
    /// row under the cursor, to the terminal's clipboard; the status bar says what was copied.
    mutating func copyFocused(path copyPath: Bool) -> [Effect] {
        guard let row = focusedRow else {
            message = StatusMessage("nothing under the cursor to copy")
            return []
        }
        let name = row.path.isEmpty ? "(root)" : row.path.dottedString
        let text: String
        if copyPath {
            text = name
        } else if let node = node(of: row) {
            if node.span.count > Self.clipboardLimit * 2 {
                message = StatusMessage("not copied: the value is \(TerminalText.count(node.span.count)) bytes, over the \(TerminalText.count(Self.clipboardLimit)) a terminal clipboard takes (v shows it)", .warning)
                return []
            }
            text = node.stringValue ?? (node.kind == .object || node.kind == .array ? node.value.prettyText(unit: viewerIndentUnit) : node.rawText)
        } else {
            message = StatusMessage("this field is absent: there is no value to copy")
            return []
        }
        guard text.utf8.count <= Self.clipboardLimit else {
            message = StatusMessage("not copied: \(TerminalText.count(text.utf8.count)) bytes, over the \(TerminalText.count(Self.clipboardLimit)) a terminal clipboard takes", .warning)
            return []
        }
        let what = copyPath ? "the path \(TerminalText.escaped(name))" : "the value of \(TerminalText.escaped(name)) (\(TerminalText.count(text.count)) characters)"
        message = StatusMessage("copied \(what) to the clipboard", .success)
        return [.copyToClipboard(text: text)]
    }
}

