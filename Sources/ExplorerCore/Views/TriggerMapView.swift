import CognitoTriggers
import TerminalText

/// Draws the trigger map: every journey with its triggers in the order Cognito calls them.
enum TriggerMapView {
    static let required = Style(foreground: .green, bold: true)
    static let optional = Style(foreground: .indexed(245))
    static let between = Theme.border
    static let loop = Style(foreground: .magenta, bold: true)
    static let branch = Style(foreground: .cyan)

    static func draw(_ grid: inout Grid, _ layout: Layout, map: TriggerMapState) {
        let parts = TriggerMapLayout(layout)
        grid.fill(rect: parts.box, style: .plain)
        grid.drawBox(rect: parts.box, style: Theme.focusedBorder, lines: .heavy,
                     title: "Trigger map · which function Cognito calls when", titleStyle: Theme.focusedTitle)
        guard parts.flows.width > 0, parts.flows.height > 0 else { return }
        grid.drawVerticalLine(x: parts.separatorX, y: parts.flows.y, length: parts.flows.height, style: Theme.border)
        drawFlows(&grid, parts.flows, map: map, separatorX: parts.separatorX)
        drawDetails(&grid, parts.details, map: map)
    }

    // MARK: Journeys

    private static func drawFlows(_ grid: inout Grid, _ rect: Rect, map: TriggerMapState, separatorX: Int) {
        let rows = TriggerMapContent.rows
        let scroll = Viewport.first(keeping: map.row, from: map.scroll, height: rect.height, count: rows.count)
        for offset in 0..<rect.height {
            let index = scroll + offset
            guard index < rows.count else { break }
            let y = rect.y + offset
            switch rows[index] {
            case .gap:
                break
            case .journey(let flowIndex):
                grid.put(TriggerFlow.all[flowIndex].title, x: rect.x + 1, y: y, style: Theme.heading, maxWidth: rect.width - 1)
            case .step(let flowIndex, let stepIndex):
                let flow = TriggerFlow.all[flowIndex]
                let step = flow.steps[stepIndex]
                var x = rect.x + 1
                switch TriggerMapContent.loopPart(flow: flow, step: stepIndex) {
                case .first?: x += grid.put("╭▶", x: x, y: y, style: loop)
                case .middle?: x += grid.put("│ ", x: x, y: y, style: loop)
                case .last?: x += grid.put("╰─", x: x, y: y, style: loop)
                case nil: x += 2
                }
                if let trigger = step.trigger {
                    x += grid.put(step.isOptional ? "○ " : "● ", x: x, y: y, style: step.isOptional ? optional : required)
                    let title = TriggerMapContent.title(of: trigger, inFlow: true)
                    grid.put(TerminalText.truncate(title, width: rect.maxX - x), x: x, y: y, style: step.isOptional ? Theme.key : Theme.key.bolded)
                } else if step.isBranch {
                    x += grid.put("├ ", x: x, y: y, style: branch)
                    grid.put(TerminalText.truncate(step.note, width: rect.maxX - x), x: x, y: y, style: branch)
                } else {
                    x += grid.put("┆ ", x: x, y: y, style: between)
                    grid.put(TerminalText.truncate(step.note, width: rect.maxX - x), x: x, y: y, style: Theme.absent)
                }
                if index == map.row {
                    grid.updateStyle(rect: Rect(x: rect.x, y: y, width: rect.width, height: 1)) { Theme.selected($0, focused: true) }
                }
            }
        }
        if rows.count > rect.height {
            let position = rect.y + (rect.height - 1) * scroll / max(1, rows.count - rect.height)
            grid.put("█", x: separatorX, y: position, style: Theme.border)
        }
    }

    // MARK: The selected trigger

    /// One line of the details column: styled pieces, and whether it belongs to the selected source.
    struct DetailLine {
        var pieces: [(text: String, style: Style)]
        var isSelection = false

        init(_ text: String, _ style: Style, isSelection: Bool = false) {
            pieces = [(text, style)]
            self.isSelection = isSelection
        }

        init(pieces: [(text: String, style: Style)]) {
            self.pieces = pieces
        }
    }

    /// The details of the selected step, as lines `width` columns wide.
    ///
    /// With a `height`, small screens get a shorter form: without the journey's summary and the
    /// loop's explanation (the legend has it), and with the trigger's description cut to fit.
    static func detailLines(_ map: TriggerMapState, width: Int, height: Int? = nil) -> [DetailLine] {
        let full = detailLines(map, width: width, compact: false, summaryLines: nil)
        guard let height, full.count > height else { return full }
        let compact = detailLines(map, width: width, compact: true, summaryLines: nil)
        guard compact.count > height, let trigger = map.trigger else { return compact }
        let summaryCount = TerminalText.wrap(Catalogue.spec(for: trigger).summary, width: max(1, width)).count
        let room = max(2, summaryCount - (compact.count - height))
        return detailLines(map, width: width, compact: true, summaryLines: room)
    }

    private static func detailLines(_ map: TriggerMapState, width: Int, compact: Bool, summaryLines: Int?) -> [DetailLine] {
        guard let selected = map.selected, let trigger = map.trigger, width > 0 else { return [] }
        var writer = DetailWriter(width: width)
        writeStep(selected.step, at: selected.stepIndex, of: selected.flow, trigger: trigger,
                  compact: compact, summaryLines: summaryLines, into: &writer)
        writeVersions(map, into: &writer)
        writer.lines.append(DetailLine("", Theme.key))
        writeSources(map, into: &writer)
        return writer.lines
    }

    /// The lines of the details pane as they are written, wrapped to its width.
    private struct DetailWriter {
        let width: Int
        var lines: [DetailLine] = []

        mutating func paragraph(_ text: String, _ style: Style, indent: Int = 0, isSelection: Bool = false, maxLines: Int? = nil) {
            let pad = String(repeating: " ", count: indent)
            let wrapped = maxLines.map { TerminalText.wrap(text, width: max(1, width - indent), maxLines: $0) }
                ?? TerminalText.wrap(text, width: max(1, width - indent))
            for line in wrapped {
                lines.append(DetailLine(pad + line, style, isSelection: isSelection))
            }
        }
    }

    /// The selected step: its journey, the trigger with whether it always runs, its branch, what
    /// steers it and what follows, and the trigger's summary.
    private static func writeStep(_ step: TriggerFlow.Step, at stepIndex: Int, of flow: TriggerFlow, trigger: Trigger,
                                  compact: Bool, summaryLines: Int?, into writer: inout DetailWriter) {
        let calls = flow.steps.filter { $0.trigger != nil }
        let number = flow.steps[...stepIndex].filter { $0.trigger != nil }.count
        writer.paragraph("\(flow.title) · trigger \(number) of \(calls.count)", Theme.typeLabel)
        if !compact {
            writer.paragraph(flow.summary, Theme.fieldHelp)
            writer.lines.append(DetailLine("", Theme.key))
        }
        let spec = Catalogue.spec(for: trigger)
        writer.lines.append(DetailLine(pieces: [(spec.title, Theme.heading)]
            + [(step.isOptional ? "  ○ only in some cases" : "  ● every time", step.isOptional ? optional : required)]))
        // The branch this step is in, and what happens right after it: the left column may cut them.
        if let branch = TriggerMapContent.branch(of: stepIndex, in: flow) {
            writer.paragraph("In the branch: " + branch, TriggerMapView.branch)
        }
        if !step.note.isEmpty {
            writer.paragraph("Here: " + step.note + ".", Theme.key)
        }
        if !step.steers.isEmpty {
            writer.paragraph("Steered by " + step.steers.joined(separator: ", "), Theme.string)
        }
        for note in TriggerMapContent.eventsAfter(stepIndex, in: flow) {
            writer.paragraph("Then: " + note + ".", Theme.absent)
        }
        if step.repeats && !compact {
            writer.paragraph("A loop: define, create and verify run in turn until define sets issueTokens (signed in) or failAuthentication (refused).", loop)
        }
        writer.paragraph(spec.summary, Theme.fieldHelp, maxLines: summaryLines)
    }

    /// The event versions of the trigger, when it has more than one, the chosen one marked.
    private static func writeVersions(_ map: TriggerMapState, into writer: inout DetailWriter) {
        let versions = map.versions
        if versions.count > 1 {
            var pieces: [(text: String, style: Style)] = [("Event version ", Theme.typeLabel)]
            for version in versions {
                pieces.append((" \(version) ", version == map.eventVersion ? Theme.string.reversed : Theme.string))
                pieces.append((" ", Theme.key))
            }
            pieces.append((" v switches", Theme.typeLabel))
            writer.lines.append(DetailLine(pieces: pieces))
        }
    }

    /// The trigger sources, this journey's first, and what Enter makes from the selected one.
    private static func writeSources(_ map: TriggerMapState, into writer: inout DetailWriter) {
        let sources = map.sources
        let selectedSource = map.selectedSource
        // The sources of this journey come with their descriptions; the others show theirs when chosen.
        func list(_ heading: String, _ items: [TriggerSource], describeAll: Bool) {
            guard !items.isEmpty else { return }
            writer.lines.append(DetailLine(heading, Theme.title))
            for source in items {
                let isSelected = source == selectedSource
                writer.lines.append(DetailLine((isSelected ? "› " : "  ") + source.rawValue,
                                               isSelected ? Theme.string.reversed : Theme.string, isSelection: isSelected))
                if isSelected || describeAll, let description = Catalogue.source(source)?.summary {
                    writer.paragraph(description, Theme.fieldHelp, indent: 4, isSelection: isSelected)
                }
            }
        }
        list("Trigger sources in this journey  ← →", sources.inJourney, describeAll: true)
        list("Other trigger sources of this trigger", sources.others, describeAll: false)
        if let selectedSource {
            writer.lines.append(DetailLine("", Theme.key))
            let version = selectedSource.triggers.count > 1 ? " version \(map.eventVersion)" : ""
            let text = "new \(selectedSource.rawValue)\(version) event from the template"
            for (offset, line) in TerminalText.wrap(text, width: max(1, writer.width - 6)).enumerated() {
                writer.lines.append(DetailLine(pieces: [(offset == 0 ? "Enter " : "      ", Theme.hintKey), (line, Theme.fieldHelp)]))
            }
        }
    }

    private static func drawDetails(_ grid: inout Grid, _ rect: Rect, map: TriggerMapState) {
        guard rect.width > 0, rect.height > 0 else { return }
        let lines = detailLines(map, width: rect.width, height: rect.height)
        // Show from the top, unless the selected source and its description would be cut.
        var scroll = 0
        if let last = lines.lastIndex(where: \.isSelection), last >= rect.height {
            scroll = last - rect.height + 1
            if let first = lines.firstIndex(where: \.isSelection) { scroll = min(scroll, first) }
        }
        for (offset, line) in lines.dropFirst(scroll).prefix(rect.height).enumerated() {
            var x = rect.x
            for piece in line.pieces {
                x += grid.put(piece.text, x: x, y: rect.y + offset, style: piece.style, maxWidth: max(0, rect.maxX - x))
            }
        }
        if scroll > 0 {
            grid.put(" ▲ more ", x: rect.maxX - 8, y: rect.y, style: Theme.typeLabel)
        }
        if lines.count - scroll > rect.height {
            grid.put(" ▼ more ", x: rect.maxX - 8, y: rect.maxY - 1, style: Theme.typeLabel)
        }
    }

    /// The legend under the map, in the field help rows.
    static func drawLegend(_ grid: inout Grid, _ rect: Rect) {
        let items: [(mark: String, style: Style, text: String)] = [
            ("●", required, "every time"), ("○", optional, "in some cases (see note)"),
            ("├", branch, "branch"), ("┆", between, "between triggers"), ("╭▶╰─", loop, "loop"),
            ("", Theme.fieldHelp, "A trigger runs only if a function is attached."),
        ]
        var x = rect.x + 1
        var y = rect.y
        for item in items {
            let width = TerminalText.displayWidth(of: item.mark) + 1 + TerminalText.displayWidth(of: item.text) + 3
            if x + width > rect.maxX && x > rect.x + 1 {
                y += 1
                x = rect.x + 1
            }
            guard y < rect.maxY else { return }
            x += grid.put(item.mark, x: x, y: y, style: item.style)
            x += grid.put((item.mark.isEmpty ? "" : " ") + item.text + "   ", x: x, y: y, style: Theme.fieldHelp)
        }
    }
}
