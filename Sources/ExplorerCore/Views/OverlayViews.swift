import TerminalText
/// What the help screen draws beyond its lines (`OverlayText.help`): where a search matches.
enum HelpView {
    /// The columns of every place `matcher`'s text occurs in a line (smartcase), in order.
    static func matchColumns(of matcher: TextMatcher, in line: String) -> [Range<Int>] {
        let needle = Array(matcher.needle)
        guard !needle.isEmpty else { return [] }
        let characters = Array(line)
        let folded = matcher.caseSensitive ? characters : characters.map { character -> Character in
            let lower = character.lowercased()
            return lower.count == 1 ? Character(lower) : character
        }
        var result: [Range<Int>] = []
        var column = 0
        var index = 0
        while index < characters.count {
            if index + needle.count <= characters.count && Array(folded[index..<index + needle.count]) == needle {
                let width = characters[index..<index + needle.count].reduce(0) { $0 + TerminalText.displayWidth(of: $1) }
                result.append(column..<column + width)
                column += width
                index += needle.count
            } else {
                column += TerminalText.displayWidth(of: characters[index])
                index += 1
            }
        }
        return result
    }
}

extension ExplorerState {
    func drawOverlay(_ grid: inout Grid, _ layout: Layout) {
        guard let overlay else { return }
        switch overlay {
        case .help(let help):
            drawHelp(help, &grid, layout)
        case .pager(let pager):
            drawPager(pager, &grid, layout)
        case .prompt(let prompt):
            drawPrompt(prompt, &grid, layout)
        case .picker(let picker):
            drawPicker(picker, &grid, layout)
        case .confirm(let confirm):
            drawConfirm(confirm, &grid, layout)
        case .recovery(let offer):
            drawRecovery(offer, &grid, layout)
        case .text(let viewer):
            viewer.draw(&grid, layout)
        case .triggerMap:
            break  // Drawn instead of the panes (see `render`).
        case .raw(let form):
            drawRawForm(form, &grid, layout)
        }
    }

    /// The help screen: the legend and the key tables, scrolled, search matches marked, and the search being typed in the bottom border.
    private func drawHelp(_ help: HelpState, _ grid: inout Grid, _ layout: Layout) {
        let box = layout.overlay
        let inner = layout.overlayInner
        let lines = OverlayText.help(width: inner.width)
        drawModalBox(&grid, box, title: TerminalText.truncate(helpTitle(help, lines: lines), width: max(0, box.width - 4)))
        let start = Viewport(rect: inner, scroll: help.scroll, count: lines.count).first
        let matcher = help.query.map(TextMatcher.init)
        for (offset, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            var x = inner.x
            for part in line.parts where x < inner.maxX {
                x += grid.put(part.text, x: x, y: inner.y + offset, style: part.style, maxWidth: inner.maxX - x)
            }
            if let matcher {
                let current = help.matchLine == start + offset
                for columns in HelpView.matchColumns(of: matcher, in: line.text) {
                    let rect = Rect(x: inner.x + columns.lowerBound, y: inner.y + offset,
                                    width: max(0, min(columns.count, inner.maxX - inner.x - columns.lowerBound)), height: 1)
                    grid.updateStyle(rect: rect) { _ in current ? Theme.match.bolded : Theme.match }
                }
            }
        }
        drawScrollNote(&grid, box, first: start, shown: inner.height, total: lines.count)
        if let editor = help.editor, box.width > 8 {
            // The search being typed sits in the bottom border, as less and vim show theirs.
            let y = box.maxY - 1
            let width = min(box.width - 4, max(20, box.width / 2))
            grid.put("/", x: box.x + 2, y: y, style: Theme.focusedTitle)
            grid.fill(rect: Rect(x: box.x + 3, y: y, width: width - 1, height: 1), style: .plain)
            editor.draw(into: &grid, x: box.x + 3, y: y, width: width - 1, style: Theme.key)
        }
    }

    /// The text viewer: its lines from the scroll position on, and where they are in the whole.
    private func drawPager(_ pager: Pager, _ grid: inout Grid, _ layout: Layout) {
        let box = layout.overlay
        drawModalBox(&grid, box, title: TerminalText.escaped(pager.title))
        let inner = layout.overlayInner
        let lines = OverlayText.pager(pager.text, width: inner.width)
        let start = Viewport(rect: inner, scroll: pager.scroll, count: lines.count).first
        for (offset, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            grid.put(line, x: inner.x, y: inner.y + offset, style: Theme.string, maxWidth: inner.width)
        }
        drawScrollNote(&grid, box, first: start, shown: inner.height, total: lines.count)
    }

    /// A prompt: the search on the bottom line, any other in a box with its error under the text.
    private func drawPrompt(_ prompt: Prompt, _ grid: inout Grid, _ layout: Layout) {
        if case .search = prompt.purpose {
            // The search is typed on the bottom line, as in less and vim, so no match is hidden under it.
            let rect = layout.hints
            grid.fill(rect: rect, style: .plain)
            let hint = "  Enter keep · Esc back"
            let x = rect.x + 1 + grid.put("/", x: rect.x + 1, y: rect.y, style: Theme.focusedTitle)
            let room = max(1, rect.width - 2 - TerminalText.displayWidth(of: hint))
            prompt.editor.draw(into: &grid, x: x, y: rect.y, width: room - 1, style: Theme.key)
            grid.put(hint, x: x + room - 1, y: rect.y, style: Theme.fieldHelp, maxWidth: max(0, rect.maxX - x - room + 1))
            return
        }
        let width = min(layout.width - 4, max(50, layout.width * 3 / 5))
        let height = prompt.error == nil ? 3 : 4 + max(0, min(2, TerminalText.wrap(prompt.error ?? "", width: width - 2).count - 1))
        let box = Rect(x: (layout.width - width) / 2, y: max(0, layout.height / 2 - height), width: width, height: height)
        // Long titles are field paths: keep their end, which names the field.
        drawModalBox(&grid, box, title: TerminalText.truncateLeft(TerminalText.escaped(prompt.title), width: box.width - 4))
        prompt.editor.draw(into: &grid, x: box.x + 1, y: box.y + 1, width: box.width - 2, style: Theme.key)
        if let error = prompt.error {
            for (offset, line) in TerminalText.wrap(TerminalText.escaped(error), width: box.width - 2, maxLines: box.height - 3).enumerated() {
                grid.put(line, x: box.x + 1, y: box.y + 2 + offset, style: Theme.error)
            }
        }
    }

    /// A picker: its options in a box, the chosen one marked and kept in view.
    private func drawPicker(_ picker: Picker, _ grid: inout Grid, _ layout: Layout) {
        let widest = picker.options.map { TerminalText.displayWidth(of: TerminalText.escaped($0)) }.max() ?? 0
        let width = min(layout.width - 4, max(TerminalText.displayWidth(of: picker.title) + 6, widest + 6, 30))
        let height = min(layout.height - 2, picker.options.count + 2)
        let box = Rect(x: (layout.width - width) / 2, y: max(0, (layout.height - height) / 2), width: width, height: height)
        drawModalBox(&grid, box, title: TerminalText.escaped(picker.title))
        let inner = box.inset(by: 1)
        let scroll = Viewport.first(keeping: picker.cursor, from: 0, height: inner.height, count: picker.options.count)
        for row in 0..<inner.height where scroll + row < picker.options.count {
            let index = scroll + row
            let selected = index == picker.cursor
            let text = (selected ? "› " : "  ") + TerminalText.escaped(picker.options[index])
            grid.put(TerminalText.pad(text, width: inner.width), x: inner.x, y: inner.y + row,
                     style: selected ? Theme.string.reversed : Theme.string)
        }
    }

    /// A question to confirm, with the keys that answer it.
    private func drawConfirm(_ confirm: Confirm, _ grid: inout Grid, _ layout: Layout) {
        let width = min(layout.width - 4, 64)
        let question = TerminalText.wrap(TerminalText.escaped(confirm.question), width: width - 4)
        let height = question.count + 4
        let box = Rect(x: (layout.width - width) / 2, y: max(0, (layout.height - height) / 2), width: width, height: height)
        let title: String
        switch confirm.purpose {
        case .quit: title = "Unsaved edits"
        case .replaceFile: title = "File exists"
        case .reload: title = "Reload from disk"
        }
        drawModalBox(&grid, box, title: title)
        for (offset, line) in question.enumerated() {
            grid.put(line, x: box.x + 2, y: box.y + 1 + offset, style: Theme.key)
        }
        var x = box.x + 2
        let y = box.y + question.count + 2
        for binding in Keymap.bindings(for: mode) {
            x += grid.put(binding.keys.first?.displayName ?? "", x: x, y: y, style: Theme.hintKey)
            x += grid.put(" " + (binding.hint ?? binding.help), x: x, y: y, style: Theme.key)
            x += 3
        }
    }

    /// The offer to restore the edits kept in a recovery file, with the keys that answer it.
    private func drawRecovery(_ offer: RecoveryOffer, _ grid: inout Grid, _ layout: Layout) {
        let width = min(layout.width - 4, 72)
        let name = TerminalText.escaped(offer.path.split(separator: "/").last.map(String.init) ?? offer.path)
        let question = TerminalText.wrap("\(name) has unsaved edits from a session that was ended by a signal, kept in \(TerminalText.escaped(RecoveryFile.path(for: name))). Restore them?", width: width - 4)
        let height = question.count + 4
        let box = Rect(x: (layout.width - width) / 2, y: max(0, (layout.height - height) / 2), width: width, height: height)
        drawModalBox(&grid, box, title: "Recovery file found")
        for (offset, line) in question.enumerated() {
            grid.put(line, x: box.x + 2, y: box.y + 1 + offset, style: Theme.key)
        }
        var x = box.x + 2
        let y = box.y + question.count + 2
        for binding in Keymap.recovery {
            x += grid.put(binding.keys.first?.displayName ?? "", x: x, y: y, style: Theme.hintKey)
            x += grid.put(" " + (binding.hint ?? ""), x: x, y: y, style: Theme.key)
            x += 3
        }
    }

    /// The raw edit form: a path and a JSON value, with the error under them.
    private func drawRawForm(_ form: RawForm, _ grid: inout Grid, _ layout: Layout) {
        let width = min(layout.width - 4, max(56, layout.width * 4 / 5))
        let errorLines = form.error.map { TerminalText.wrap(TerminalText.escaped($0), width: width - 2, maxLines: 3) } ?? []
        let height = 6 + errorLines.count
        let box = Rect(x: (layout.width - width) / 2, y: max(0, (layout.height - height) / 2), width: width, height: height)
        drawModalBox(&grid, box, title: "Raw edit · any path, any JSON value")
        let labelWidth = 7
        grid.put("path", x: box.x + 1, y: box.y + 1, style: form.isEditingValue ? Theme.typeLabel : Theme.focusedTitle)
        form.path.draw(into: &grid, x: box.x + 1 + labelWidth, y: box.y + 1, width: box.width - 2 - labelWidth,
                       style: Theme.key, focused: !form.isEditingValue)
        grid.put("value", x: box.x + 1, y: box.y + 2, style: form.isEditingValue ? Theme.focusedTitle : Theme.typeLabel)
        form.value.draw(into: &grid, x: box.x + 1 + labelWidth, y: box.y + 2, width: box.width - 2 - labelWidth,
                        style: Theme.key, focused: form.isEditingValue)
        grid.put("Paths look like response.claimsToSuppress[0]; values are JSON (\"text\", 42, true, null, [..], {..}).",
                 x: box.x + 1, y: box.y + 4, style: Theme.typeLabel, maxWidth: box.width - 2)
        for (offset, line) in errorLines.enumerated() {
            grid.put(line, x: box.x + 1, y: box.y + 5 + offset, style: Theme.error)
        }
    }
    private func drawModalBox(_ grid: inout Grid, _ box: Rect, title: String) {
        grid.fill(rect: box, style: .plain)
        grid.drawBox(rect: box, style: Theme.focusedBorder, lines: .double, title: title, titleStyle: Theme.focusedTitle)
    }

    private func drawScrollNote(_ grid: inout Grid, _ box: Rect, first: Int, shown: Int, total: Int) {
        guard total > shown else { return }
        let note = " \(first + 1)–\(min(total, first + shown)) of \(total) "
        grid.put(note, x: box.maxX - 1 - TerminalText.displayWidth(of: note), y: box.maxY - 1, style: Theme.focusedBorder)
    }
}
