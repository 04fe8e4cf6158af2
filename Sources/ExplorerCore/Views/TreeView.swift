import CognitoTriggers
import JSONDocument
import TerminalText

/// Draws the visible rows of a tree pane: only the rows that fit are formatted.
enum TreeView {
    /// How both trees of an event looked, to go back to (a search cancelled with Esc).
    struct Saved: Hashable, Sendable {
        var requestExpansion: Expansion
        var responseExpansion: Expansion
        var requestCursor: JSONPath?
        var responseCursor: JSONPath?
        var requestScroll: Int
        var responseScroll: Int
    }

    /// Draws the rows `viewport` shows (see `ExplorerState.viewport(of:in:)`), the cursor's row
    /// highlighted, and a scroll mark on the right edge when not every row fits.
    static func draw(_ grid: inout Grid, _ viewport: Viewport, pane: TreePane, session: EventSession, focused: Bool, isResponse: Bool) {
        let rect = viewport.rect
        guard rect.width > 0, rect.height > 0 else { return }
        let rows = pane.rows
        let scroll = viewport.first
        let matches = session.search?.paths(of: isResponse ? .response : .request) ?? []
        // Where the text differs from the file on disk (also after undoing past a save), to mark those rows.
        let edited = session.hasUnsavedEdits ? (session.event?.document.editedRangesSinceSave ?? []) : []
        // Each visible row with its value, read from the document the rows were made from.
        let shown = session.document.map { document in
            rows.rows(viewport.shown, in: document).map { (row: $0, node: $0.node(in: document)) }
        } ?? []
        // The label column fits the widest visible label, up to two fifths of the pane.
        let widest = shown.map { $0.row.depth * TreeRowGeometry.indent + 2 + TerminalText.displayWidth(of: shownLabel($0.row, node: $0.node)) }.max() ?? 0
        let labelColumn = min(widest, max(12, rect.width * (isResponse ? 1 : 2) / (isResponse ? 2 : 5)))
        let typeWidth = rect.width >= 44 ? 9 : 0
        for (offset, (row, node)) in shown.enumerated() {
            let y = rect.y + offset
            drawRow(&grid, row, node: node, x: rect.x, y: y, width: rect.width, labelColumn: labelColumn, typeWidth: typeWidth, edited: edited,
                    session: session, isMatch: matches.contains(row.path), isResponse: isResponse)
            if scroll + offset == pane.cursor {
                grid.updateStyle(rect: Rect(x: rect.x, y: y, width: rect.width, height: 1)) { Theme.selected($0, focused: focused) }
            }
        }
        // A scroll position mark on the right edge when rows do not fit.
        if rows.count > rect.height {
            let position = rect.y + (rect.height - 1) * scroll / max(1, rows.count - rect.height)
            grid.put("█", x: rect.maxX, y: position, style: Theme.border)
        }
    }

    /// How a row stands to the edits since the last save.
    enum EditMark { case none, edited, containsEdits }

    /// `edited` when an edit wrote the row's whole value, `containsEdits` when an edit lies inside it.
    static func editMark(of node: JSONNode?, edited: [Range<Int>]) -> EditMark {
        guard !edited.isEmpty, let span = node?.span else { return .none }
        var inside = false
        for range in edited {
            if !range.isEmpty && range.lowerBound <= span.lowerBound && span.upperBound <= range.upperBound { return .edited }
            if range.isEmpty ? (span.lowerBound < range.lowerBound && range.lowerBound < span.upperBound) : range.overlaps(span) {
                inside = true
            }
        }
        return inside ? .containsEdits : .none
    }

    private static func drawRow(_ grid: inout Grid, _ row: TreeRow, node: JSONNode?, x: Int, y: Int, width: Int, labelColumn: Int, typeWidth: Int, edited: [Range<Int>],
                                session: EventSession, isMatch: Bool, isResponse: Bool) {
        let right = x + width
        var column = x + TreeRowGeometry.marker(depth: row.depth).lowerBound
        let mark = editMark(of: node, edited: edited)
        let marker = row.isExpandable ? (row.isExpanded ? "▾ " : "▸ ") : (mark == .none ? "  " : "● ")
        column += grid.put(marker, x: column, y: y, style: mark == .none ? Theme.border : Theme.modified, maxWidth: max(0, right - column))
        let labelRoom = max(1, x + labelColumn - column)
        let labelStyle: Style
        if isMatch {
            labelStyle = Theme.match
        } else if row.isAbsent {
            labelStyle = Theme.absent
        } else if row.role == .unknown {
            labelStyle = Theme.unknown
        } else if row.role == .field {
            labelStyle = Theme.key.bolded
        } else {
            labelStyle = Theme.key
        }
        grid.put(TerminalText.truncate(shownLabel(row, node: node), width: labelRoom), x: column, y: y, style: labelStyle, maxWidth: max(0, right - column))
        column = max(column + 1, x + labelColumn + 1)
        guard column < right else { return }
        if typeWidth > 0 {
            let typeText = typeLabel(row, node: node)
            grid.put(TerminalText.pad(typeText, width: typeWidth), x: column, y: y, style: Theme.typeLabel, maxWidth: max(0, right - column))
            column += typeWidth + 1
        }
        guard column < right else { return }
        let (valueText, valueStyle) = value(row, node: node)
        var parts: [(String, Style)] = [(valueText, valueStyle)]
        if isResponse, let spec = row.spec, spec.type == .enumeration || spec.type == .enumerationList, !spec.allowedValues.isEmpty {
            parts.append((" [" + spec.allowedValues.joined(separator: "|") + "]", Theme.typeLabel))
        }
        if row.role == .unknown { parts.append((" (unknown)", Theme.unknown)) }
        if let problem = session.problem(at: row.path) {
            let isError = problem.severity == .error
            parts.append(((isError ? "  ✗ " : "  ! ") + problem.message, isError ? Theme.error : Theme.warning))
        }
        // The value yields room to what follows it (allowed values, markers, problems), down to half.
        let extras = parts.dropFirst().reduce(0) { $0 + TerminalText.displayWidth(of: $1.0) }
        let available = right - column
        let valueRoom = extras == 0 ? available : max(min(TerminalText.displayWidth(of: valueText), available / 2), available - extras)
        for (index, (text, style)) in parts.enumerated() {
            let room = index == 0 ? min(valueRoom, right - column) : right - column
            guard room > 0 else { break }
            column += grid.put(TerminalText.truncate(text, width: room), x: column, y: y, style: style, maxWidth: room)
        }
    }

    /// The row's label escaped; a member's key as the file writes an escaped lone surrogate in it.
    static func shownLabel(_ row: TreeRow, node: JSONNode?) -> String {
        TerminalText.escaped(node?.displayKey ?? row.label)
    }

    /// The type column: the catalogue's label for scalar fields.
    static func typeLabel(_ row: TreeRow, node: JSONNode?) -> String {
        guard let spec = row.spec else { return "" }
        if let node, node.kind == .object || node.kind == .array { return "" }
        return spec.type.label
    }

    /// The value as shown: coloured by type, strings quoted and cut, containers summarized.
    static func value(_ row: TreeRow, node: JSONNode?) -> (String, Style) {
        guard let node else { return ("absent", Theme.absent) }
        switch node.kind {
        case .null: return ("null", Theme.null)
        case .bool: return (node.boolValue == true ? "true" : "false", Theme.bool)
        case .number: return (TerminalText.escaped(node.rawText), Theme.number)
        case .string:
            // Only a prefix can show: decoding or escaping more would cost a long string's length on every frame.
            let (text, isCut) = node.displayStringPrefix(maxBytes: 1600) ?? ("", false)
            let prefix = text.count > 400 ? String(text.prefix(400)) + "…" : text + (isCut ? "…" : "")
            return ("\"" + TerminalText.escaped(prefix) + "\"", Theme.string)
        case .object, .array:
            return (summary(node, spec: row.spec), Theme.summary)
        }
    }

    /// `map, 5 entries`, `list, 2 items`, `object, 3 keys`, `empty map`.
    static func summary(_ node: JSONNode, spec: FieldSpec?) -> String {
        let count = node.count
        let noun: String
        let unit: String
        if let spec, node.kind == .object, spec.type.isObjectLike {
            noun = spec.type.label
            unit = spec.type == .object ? "field" : "entry"
        } else if let spec, node.kind == .array, spec.type.isArrayLike {
            noun = spec.type.label
            unit = "item"
        } else {
            noun = node.kind == .object ? "object" : "array"
            unit = node.kind == .object ? "key" : "item"
        }
        if count == 0 { return "empty \(noun)" }
        let plural = count == 1 ? unit : (unit == "entry" ? "entries" : unit + "s")
        return "\(noun), \(TerminalText.count(count)) \(plural)"
    }
}

/// Shows why a file is not JSON: the message, then the lines around the error with a caret under the column.
enum ParseErrorView {
    static func draw(_ grid: inout Grid, _ rect: Rect, error: JSONParseError, bytes: [UInt8]) {
        guard rect.width > 0, rect.height > 0 else { return }
        var y = rect.y
        grid.put("✗ Not valid JSON: line \(error.line), column \(error.column)", x: rect.x, y: y, style: Theme.error, maxWidth: rect.width)
        y += 1
        for line in TerminalText.wrap(error.reason, width: rect.width - 2, maxLines: 2) where y < rect.maxY {
            grid.put(line, x: rect.x + 2, y: y, style: Theme.error)
            y += 1
        }
        y += 1
        let context = TerminalText.excerpt(of: bytes, line: error.line, column: error.column, width: rect.width - 8,
                                           linesBefore: 2, linesAfter: 1)
        let numberWidth = String(error.line + 1).count
        for item in context where y < rect.maxY {
            let number = item.number.map { String($0) } ?? ""
            let gutter = String(repeating: " ", count: max(0, numberWidth - number.count)) + number + " │ "
            grid.put(gutter, x: rect.x, y: y, style: Theme.lineNumber)
            let textX = rect.x + TerminalText.displayWidth(of: gutter)
            grid.put(item.text, x: textX, y: y, style: item.isCaret ? Theme.caret : Theme.key, maxWidth: max(0, rect.maxX - textX))
            y += 1
        }
    }
}
