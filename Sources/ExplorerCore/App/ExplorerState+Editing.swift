import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    // MARK: Applying edits

    /// Runs an edit on the document of `file` (default: the current one); validation and rows follow.
    @discardableResult
    mutating func applyEdit(_ description: String, file: String? = nil,
                            _ body: (inout JSONDocument) throws(JSONEditError) -> Void) -> Bool {
        guard let path = file ?? currentPath, var session = sessions[path], session.event != nil else {
            message = StatusMessage("no JSON event is open", .warning)
            return false
        }
        sessions[path] = nil
        let failure = session.edit(body)
        sessions[path] = session
        if let failure {
            message = StatusMessage("not changed: \(TerminalText.escaped(failure.description))", .error)
            return false
        }
        refreshEntry(path)
        leaveVanishedPane()
        keepCursorsVisible()
        message = StatusMessage(description, .success)
        return true
    }

    mutating func undoRedo(redo: Bool) {
        guard let path = currentPath, sessions[path]?.event != nil else {
            message = StatusMessage("no JSON event is open", .warning)
            return
        }
        let done = withCurrentSession { $0.undoRedo(redo: redo) } ?? false
        if done {
            refreshEntry(path)
            leaveVanishedPane()
            keepCursorsVisible()
            message = StatusMessage(redo ? "redone" : "undone")
        } else {
            message = StatusMessage(redo ? "nothing to redo" : "nothing to undo")
        }
    }

    /// Moves the focus off the response editor when an edit made the document no known event.
    mutating func leaveVanishedPane() {
        if focus == .response, currentSession?.hasResponsePane != true { focus = .request }
    }

    // MARK: Response rows

    /// The catalogue field of the map or list a row belongs to (the row itself, or its parent for entries).
    func collection(for row: TreeRow) -> (path: JSONPath, spec: FieldSpec)? {
        if row.role == .field, let spec = row.spec, spec.type.isObjectLike || spec.type.isArrayLike, spec.type != .object {
            return (row.path, spec)
        }
        if row.role == .entry, let trigger = currentSession?.trigger {
            let parent = JSONPath(row.path.dropLast())
            if let spec = Catalogue.field(at: parent, in: trigger) { return (parent, spec) }
        }
        return nil
    }

    mutating func activateResponseRow() -> [Effect] {
        guard let row = focusedRow else { return [] }
        if row.role == .field, let spec = row.spec {
            switch spec.type {
            case .boolean:
                toggleBoolean()
            case .enumeration:
                openPicker(title: "\(spec.name): choose a value", options: spec.allowedValues,
                           current: node(of: row)?.stringValue, purpose: .setValue(row.path))
            case .string, .integer, .number, .any:
                promptValue(row)
            case .object:
                setExpanded(row, !row.isExpanded)
            case .stringMap, .claimMap, .attributeMap, .stringList, .enumerationList, .objectList:
                if row.isExpandable {
                    setExpanded(row, !row.isExpanded)
                } else {
                    beginAddEntry()
                }
            }
            return []
        }
        if row.isExpandable {
            setExpanded(row, !row.isExpanded)
            return []
        }
        if row.role == .entry, let (_, spec) = collection(for: row) {
            switch spec.type {
            case .enumerationList:
                openPicker(title: "\(row.path.dottedString): choose a value", options: spec.allowedValues,
                           current: node(of: row)?.stringValue, purpose: .setValue(row.path))
                return []
            case .stringMap, .attributeMap, .stringList:
                promptValue(row)
                return []
            default:
                break
            }
        }
        // Booleans flip; any other value is typed anew.
        if node(of: row)?.kind == .bool { toggleBoolean() } else { promptValue(row) }
        return []
    }

    /// Opens a prompt to type a new value for a row, filled with the current one as the editing
    /// grammar (`EventEditing`) reads it back.
    mutating func promptValue(_ row: TreeRow) {
        let trigger = currentSession?.trigger
        var text = ""
        if let node = node(of: row), !node.isNull {
            switch node.kind {
            case .string: text = EventEditing.text(for: .string(node.stringValue ?? ""), at: row.path, in: trigger)
            case .object, .array: text = node.value.compactText
            default: text = node.rawText
            }
        }
        overlay = .prompt(Prompt(title: "\(row.path.dottedString) (\(EventEditing.inputHint(at: row.path, in: trigger)))", editor: LineEditor(text),
                                 purpose: .editValue(path: row.path), error: nil))
    }

    /// The value typed for `path`, read by the editing grammar; the message is the prompt's error.
    func typedValue(_ text: String, at path: JSONPath) -> Result<JSONValue, PromptError> {
        do {
            return .success(try EventEditing.parseValue(text, at: path, in: currentSession?.trigger))
        } catch {
            // The prompt's title names the field; a deeper path (a map's member) is named here.
            return .failure(PromptError(error.path == path ? error.message : error.description))
        }
    }

    mutating func openPicker(title: String, options: [String], current: String?, purpose: PickerPurpose) {
        guard !options.isEmpty else {
            message = StatusMessage("the catalogue lists no values here; use r to type any value", .warning)
            return
        }
        let cursor = current.flatMap { options.firstIndex(of: $0) } ?? 0
        overlay = .picker(Picker(title: title, options: options, cursor: cursor, purpose: purpose))
    }

    // The three edits below read what they need from the focused row in a function of its own
    // and edit by path: a row holds a node, and a node alive during the edit keeps the document's
    // storage shared, so the edit would copy it instead of patching it in place.

    mutating func toggleBoolean() {
        guard let (path, newValue) = plannedToggle() else { return }
        applyEdit("\(path.dottedString) = \(newValue)") { document throws(JSONEditError) in
            try document.setValue(.bool(newValue), at: path, createMissing: true)
        }
    }

    private mutating func plannedToggle() -> (JSONPath, Bool)? {
        guard focus == .response, let row = focusedRow else { return nil }
        let node = node(of: row)
        let isBooleanField = row.spec?.type == .boolean || node?.kind == .bool
        guard isBooleanField, !(node.map { $0.kind == .object || $0.kind == .array } ?? false) else {
            message = StatusMessage("Space flips booleans; press Enter to edit this value", .warning)
            return nil
        }
        if let current = node?.boolValue { return (row.path, !current) }
        return (row.path, node?.stringValue != "false")
    }

    mutating func unsetFocused() {
        guard let path = focusedPath(unless: { $0 == nil }, "is already absent") else { return }
        applyEdit("removed \(path.dottedString)") { document throws(JSONEditError) in
            try document.removeValue(at: path)
        }
    }

    mutating func setFocusedToNull() {
        guard let path = focusedPath(unless: { $0?.isNull == true }, "is already null") else { return }
        applyEdit("\(path.dottedString) = null") { document throws(JSONEditError) in
            try document.setValue(.null, at: path, createMissing: true)
        }
    }

    /// The focused row's path, or nil (with `note` after the path as the message) when its node
    /// makes the edit pointless.
    private mutating func focusedPath(unless pointless: (JSONNode?) -> Bool, _ note: String) -> JSONPath? {
        guard let row = focusedRow else { return nil }
        if pointless(node(of: row)) {
            message = StatusMessage("\(row.path.dottedString) \(note)")
            return nil
        }
        return row.path
    }

    mutating func beginAddEntry() {
        guard let row = focusedRow else { return }
        guard let (path, spec) = collection(for: row) else {
            message = StatusMessage("a adds entries to maps and lists; use r to set any other value", .warning)
            return
        }
        switch spec.type {
        case .stringMap, .attributeMap:
            overlay = .prompt(Prompt(title: "\(path.dottedString): key of the new entry", editor: LineEditor(),
                                     purpose: .addKey(map: path), error: nil))
        case .claimMap:
            overlay = .prompt(Prompt(title: "\(path.dottedString): name of the new claim", editor: LineEditor(),
                                     purpose: .addKey(map: path), error: nil))
        case .stringList:
            overlay = .prompt(Prompt(title: "\(path.dottedString): value to add", editor: LineEditor(),
                                     purpose: .addValue(collection: path, key: nil), error: nil))
        case .enumerationList:
            openPicker(title: "\(path.dottedString): value to add", options: spec.allowedValues, current: nil, purpose: .appendValue(path))
        default:
            message = StatusMessage("entries of \(path.dottedString) cannot be added here; use r", .warning)
        }
    }

    /// Adds a map entry (with `key`) or a list element, creating the collection when it is absent or null.
    mutating func addEntry(to collection: JSONPath, key: String?, value: JSONValue) {
        // Only facts about the node, not the node: it would keep the storage shared during the edit.
        let (kind, count) = currentSession?.event?.document.node(at: collection).map { ($0.kind, $0.count) } ?? (nil, 0)
        let entryPath: JSONPath
        let done: Bool
        if let key {
            entryPath = collection + [.key(key)]
            let replacing = kind == .object && currentSession?.event?.document.node(at: entryPath) != nil
            done = applyEdit(replacing ? "replaced \(entryPath.dottedString)" : "added \(entryPath.dottedString)") { document throws(JSONEditError) in
                if kind == .object {
                    try document.setValue(value, at: entryPath)
                } else {
                    try document.setValue(.object([.init(key, value)]), at: collection, createMissing: true)
                }
            }
        } else {
            entryPath = collection + [.index(kind == .array ? count : 0)]
            done = applyEdit("added \(entryPath.dottedString)") { document throws(JSONEditError) in
                if kind == .array {
                    try document.appendValue(value, to: collection)
                } else {
                    try document.setValue(.array([value]), at: collection, createMissing: true)
                }
            }
        }
        guard done else { return }
        // Show the new entry.
        if let session = currentSession, let index = session.response.index(of: collection, in: session.document),
           let row = session.response.row(index, in: session.document), row.isExpandable, !row.isExpanded {
            withCurrentSession { session in
                session.response.expansion.flip(collection)
                session.rebuildRows()
            }
        }
        withCurrentSession { session in
            if let index = session.response.index(of: entryPath, in: session.document) { session.response.cursor = index }
        }
        keepCursorsVisible()
    }

    mutating func openFocusedInEditor() -> [Effect] {
        guard let row = focusedRow, let path = currentPath else { return [] }
        let node = node(of: row)
        let isString = row.spec?.type == .string || node?.kind == .string
            || (row.role == .entry && collection(for: row).map { $0.spec.type != .claimMap } == true)
        guard isString, node.map({ $0.kind == .string || $0.isNull }) ?? true else {
            message = StatusMessage("o edits text values; use r for other values", .warning)
            return []
        }
        let text = node?.stringValue ?? ""
        let target = EditorTarget(event: path, field: row.path)
        let lowered = text.lowercased()
        let looksLikeHTML = lowered.contains("<html") || lowered.contains("<body") || lowered.contains("<p>") || lowered.contains("<br")
        return [.openEditor(text: text, fileExtension: looksLikeHTML ? "html" : "txt", target: target)]
    }

    mutating func editorFinished(_ target: EditorTarget, text: String?, note: String?) -> [Effect] {
        guard var text else {
            message = StatusMessage(note ?? "the editor made no change", note == nil ? .info : .warning)
            return []
        }
        let original = sessions[target.event]?.event?.document.node(at: target.field)?.stringValue ?? ""
        // Editors add a final newline; drop it unless the value had one.
        if text.hasSuffix("\n") && !original.hasSuffix("\n") { text.removeLast() }
        if text.hasSuffix("\r") && !original.hasSuffix("\r") { text.removeLast() }
        guard text != original else {
            message = StatusMessage("no change to \(target.field.dottedString)")
            return []
        }
        let value = text
        applyEdit("\(target.field.dottedString) set from the editor", file: target.event) { document throws(JSONEditError) in
            try document.setValue(.string(value), at: target.field, createMissing: true)
        }
        return []
    }

    // MARK: Raw edit

    mutating func beginRawEdit() {
        guard let session = currentSession, session.event != nil else {
            message = StatusMessage("raw edit needs a JSON document; this file is not one", .warning)
            return
        }
        var pathText = "response."
        var valueText = ""
        if let row = focusedRow {
            pathText = row.path.dottedString
            if let node = node(of: row), node.span.count <= 100_000 {
                valueText = node.rawText
                if valueText.contains("\n") || valueText.contains("\r") { valueText = node.value.compactText }
            }
        }
        overlay = .raw(RawForm(path: LineEditor(pathText), value: LineEditor(valueText), isEditingValue: focusedRow != nil, error: nil))
    }

    mutating func handleRawKey(_ key: Key) -> [Effect] {
        guard case .raw(var form)? = overlay else { return [] }
        if let command = Keymap.command(for: key, in: .rawEdit) {
            switch command {
            case .cancel:
                overlay = nil
                message = StatusMessage("raw edit cancelled")
                return []
            case .switchField:
                form.isEditingValue.toggle()
            case .submit:
                overlay = nil
                switch Self.parseRaw(path: form.path.text, value: form.value.text) {
                case .failure(let error):
                    form.error = error.message
                    overlay = .raw(form)
                case .success(let (path, value)):
                    let ok = applyEdit("\(path.isEmpty ? "the whole document" : path.dottedString) = \(Self.short(value.compactText))") { document throws(JSONEditError) in
                        try document.setValue(value, at: path, createMissing: true)
                    }
                    if !ok {
                        form.error = message?.text
                        overlay = .raw(form)
                    }
                }
                return []
            default:
                if form.isEditingValue { _ = form.value.perform(command) } else { _ = form.path.perform(command) }
            }
        } else if case .character(let character) = key {
            if form.isEditingValue { form.value.insert(String(character)) } else { form.path.insert(String(character)) }
        }
        form.error = nil
        overlay = .raw(form)
        return []
    }

    /// Reads the raw editor's fields: a dotted path and a JSON value.
    static func parseRaw(path pathText: String, value valueText: String) -> Result<(JSONPath, JSONValue), PromptError> {
        let trimmed = pathText.trimmingCharacters(in: .whitespaces)
        let path: JSONPath
        do { path = trimmed.isEmpty ? [] : try FieldAssignment.parsePath(trimmed) } catch {
            return .failure(PromptError("path: \(error.message)"))
        }
        do {
            return .success((path, try JSONValue(parsing: valueText)))
        } catch {
            return .failure(PromptError("value: \(error.message) (strings need double quotes)"))
        }
    }

    static func short(_ text: String, limit: Int = 40) -> String {
        TerminalText.truncate(TerminalText.escaped(text), width: limit)
    }

    // MARK: Prompts and pickers

    mutating func handlePromptKey(_ key: Key) -> [Effect] {
        guard case .prompt(var prompt)? = overlay else { return [] }
        if let command = Keymap.command(for: key, in: .textInput) {
            switch command {
            case .submit:
                overlay = nil
                return submit(prompt)
            case .cancel:
                overlay = nil
                if case .filter(let previous) = prompt.purpose { return setFilter(previous) }
                if case .search(let start) = prompt.purpose {
                    cancelSearch(from: start)
                    return []
                }
                if case .saveNew = prompt.purpose, case .savingFirst = quitting {
                    quitting = .no
                    message = StatusMessage("quit cancelled: the new event has no file yet (q, then d, discards it)", .warning)
                    return []
                }
                message = StatusMessage("cancelled")
                return []
            default:
                _ = prompt.editor.perform(command)
            }
        } else if case .character(let character) = key {
            prompt.editor.insert(String(character))
        } else {
            return []
        }
        prompt.error = nil
        overlay = .prompt(prompt)
        return promptTextChanged(prompt)
    }

    /// Live prompts follow their text: the list filter, and the search in the trees.
    mutating func promptTextChanged(_ prompt: Prompt) -> [Effect] {
        switch prompt.purpose {
        case .filter: return setFilter(prompt.editor.text)
        case .search(let start): searchAsYouType(prompt.editor.text, from: start)
        default: break
        }
        return []
    }

    mutating func submit(_ prompt: Prompt) -> [Effect] {
        let text = prompt.editor.text
        func reopen(_ error: String) {
            var again = prompt
            again.error = error
            overlay = .prompt(again)
        }
        switch prompt.purpose {
        case .filter:
            message = StatusMessage(filter.isEmpty ? "filter cleared" : "\(visible.count) of \(entries.count) events match")
            return []
        case .search(let start):
            // Enter on an empty prompt repeats the last search, as in vim and less.
            acceptSearch(text, from: start)
            return []
        case .editValue(let path):
            switch typedValue(text, at: path) {
            case .failure(let error):
                reopen(error.message)
            case .success(let value):
                if !applyEdit("\(path.dottedString) = \(Self.short(value.compactText))", { document throws(JSONEditError) in
                    try document.setValue(value, at: path, createMissing: true)
                }) {
                    reopen(message?.text ?? "could not set the value")
                }
            }
            return []
        case .addKey(let map):
            guard !text.isEmpty else {
                reopen("the key cannot be empty")
                return []
            }
            overlay = .prompt(Prompt(title: "\(JSONPath(map + [.key(text)]).dottedString): value", editor: LineEditor(),
                                     purpose: .addValue(collection: map, key: text), error: nil))
            return []
        case .addValue(let collection, let key):
            // The new entry's path, so the grammar knows what the collection holds.
            let count = currentSession?.event?.document.node(at: collection).map { $0.kind == .array ? $0.count : 0 } ?? 0
            let entry = key.map { collection + [.key($0)] } ?? collection + [.index(count)]
            switch typedValue(text, at: entry) {
            case .failure(let error): reopen(error.message)
            case .success(let value): addEntry(to: collection, key: key, value: value)
            }
            return []
        case .saveAs:
            let target = text.trimmingCharacters(in: .whitespaces)
            guard !target.isEmpty else {
                reopen("type a file name")
                return []
            }
            return saveAs(to: target)
        case .saveNew(let key):
            let target = text.trimmingCharacters(in: .whitespaces)
            guard !target.isEmpty else {
                reopen("type a file name")
                return []
            }
            switch saveNew(key, to: target) {
            case .success(let effects): return effects
            case .failure(let error):
                reopen(error.message)
                return []
            }
        }
    }

    mutating func handlePickerKey(_ key: Key) -> [Effect] {
        guard case .picker(var picker)? = overlay, let command = Keymap.command(for: key, in: .enumPicker) else { return [] }
        switch command {
        case .moveUp: picker.cursor = max(0, picker.cursor - 1)
        case .moveDown: picker.cursor = min(picker.options.count - 1, picker.cursor + 1)
        case .top: picker.cursor = 0
        case .bottom: picker.cursor = max(0, picker.options.count - 1)
        case .cancel:
            overlay = nil
            message = StatusMessage("cancelled")
            return []
        case .choose:
            overlay = nil
            guard picker.options.indices.contains(picker.cursor) else { return [] }
            let value = picker.options[picker.cursor]
            switch picker.purpose {
            case .setValue(let path):
                applyEdit("\(path.dottedString) = \"\(TerminalText.escaped(value))\"") { document throws(JSONEditError) in
                    try document.setValue(.string(value), at: path, createMissing: true)
                }
            case .appendValue(let path):
                addEntry(to: path, key: nil, value: .string(value))
            }
            return []
        default:
            break
        }
        overlay = .picker(picker)
        return []
    }

    // MARK: Help and viewer

    mutating func handleScrollingOverlay(_ key: Key) -> [Effect] {
        let mode = self.mode
        guard let command = Keymap.command(for: key, in: mode) else { return [] }
        if command == .close {
            overlay = nil
            return []
        }
        if command == .applyResult, case .pager(let pager)? = overlay, let report = pager.result {
            applyFunctionResult(report)
            return []
        }
        if case .text(var viewer)? = overlay {
            viewer.scroll(command, layout: layout)
            overlay = .text(viewer)
            return []
        }
        scrollViewer { scroll, page, last in
            switch command {
            case .moveUp: return scroll - 1
            case .moveDown: return scroll + 1
            case .pageUp: return scroll - page
            case .pageDown: return scroll + page
            case .top: return 0
            case .bottom: return last
            default: return scroll
            }
        }
        return []
    }

    /// Scrolls the help screen or the text viewer to the line `move` picks from the current
    /// first line, the page height and the last first line, kept in range by the viewer's viewport.
    mutating func scrollViewer(_ move: (_ scroll: Int, _ page: Int, _ last: Int) -> Int) {
        let inner = layout.overlayInner
        let total: Int
        let scroll: Int
        switch overlay {
        case .help(let help)?:
            total = OverlayText.help(width: inner.width).count
            scroll = help.scroll
        case .pager(let pager)?:
            total = OverlayText.pager(pager.text, width: inner.width).count
            scroll = pager.scroll
        default:
            return
        }
        let last = Viewport(rect: inner, scroll: Int.max, count: total).first
        let target = Viewport(rect: inner, scroll: move(scroll, max(1, inner.height), last), count: total).first
        switch overlay {
        case .help(var help)?:
            help.scroll = target
            overlay = .help(help)
        case .pager(var pager)?:
            pager.scroll = target
            overlay = .pager(pager)
        default: break
        }
    }
}
