import TerminalText
import CognitoTriggers

/// The trigger map's content: every journey of `TriggerFlow.all` as rows, in Cognito's order.
///
/// The rows are computed once; the map's state is only a selection over them.
enum TriggerMapContent {
    /// One row of the map's left column.
    enum Row: Hashable, Sendable {
        /// The heading of a journey.
        case journey(flow: Int)
        /// A step of a journey: a trigger call, or (without a trigger) something between calls.
        case step(flow: Int, step: Int)
        /// Space between journeys.
        case gap
    }

    static let rows: [Row] = {
        var rows: [Row] = []
        for (flowIndex, flow) in TriggerFlow.all.enumerated() {
            if flowIndex > 0 { rows.append(.gap) }
            rows.append(.journey(flow: flowIndex))
            for stepIndex in flow.steps.indices { rows.append(.step(flow: flowIndex, step: stepIndex)) }
        }
        return rows
    }()

    /// The row indexes of the steps that call a trigger: the places the cursor can be.
    static let triggerRows: [Int] = rows.indices.filter { index in
        guard case .step(let flow, let step) = rows[index] else { return false }
        return TriggerFlow.all[flow].steps[step].trigger != nil
    }

    static func step(at row: Int) -> (flow: TriggerFlow, step: TriggerFlow.Step, flowIndex: Int, stepIndex: Int)? {
        guard rows.indices.contains(row), case .step(let flowIndex, let stepIndex) = rows[row] else { return nil }
        let flow = TriggerFlow.all[flowIndex]
        return (flow, flow.steps[stepIndex], flowIndex, stepIndex)
    }

    /// The name a step shows: pre token generation steps run as whichever version the pool uses.
    static func title(of trigger: Trigger, inFlow: Bool) -> String {
        if inFlow && trigger == .preTokenGenerationV1 { return "Pre token generation" }
        return Catalogue.spec(for: trigger).title
    }

    /// The columns the longest row of the left column needs (marks and margin included).
    static let widestRow: Int = rows.compactMap { row -> Int? in
        guard case .step(let flowIndex, let stepIndex) = row else { return nil }
        let step = TriggerFlow.all[flowIndex].steps[stepIndex]
        let text = step.trigger.map { title(of: $0, inFlow: true) } ?? step.note
        return 1 + 2 + 2 + TerminalText.displayWidth(of: text) + 1
    }.max() ?? 38

    /// The branch a step belongs to: the note of the last branch row before it, unless a
    /// non-trigger, non-loop step closed it.
    static func branch(of index: Int, in flow: TriggerFlow) -> String? {
        var cursor = index - 1
        while cursor >= 0 {
            let step = flow.steps[cursor]
            if step.isBranch { return step.note }
            if step.trigger == nil { return nil }
            cursor -= 1
        }
        return nil
    }

    /// The notes of the non-trigger steps right after a step (events and branches, until the next trigger).
    static func eventsAfter(_ index: Int, in flow: TriggerFlow) -> [String] {
        var notes: [String] = []
        var cursor = index + 1
        while cursor < flow.steps.count, flow.steps[cursor].trigger == nil {
            notes.append(flow.steps[cursor].note)
            cursor += 1
        }
        return notes
    }

    /// Where a step sits in a run of repeating steps (the custom challenge loop), if it repeats.
    enum LoopPart { case first, middle, last }

    static func loopPart(flow: TriggerFlow, step index: Int) -> LoopPart? {
        guard flow.steps[index].repeats else { return nil }
        let previous = index > 0 && flow.steps[index - 1].repeats
        let next = index + 1 < flow.steps.count && flow.steps[index + 1].repeats
        switch (previous, next) {
        case (false, _): return .first
        case (true, true): return .middle
        case (true, false): return .last
        }
    }
}

/// What the trigger map shows and where its cursor is.
struct TriggerMapState: Hashable, Sendable {
    /// Index into `TriggerMapContent.triggerRows`.
    var selection = 0
    /// Index into `sources` of the selected step.
    var sourceIndex = 0
    /// The pre token generation version picked with `v`; nil for the step's own.
    var version: Int?
    /// First row shown in the left column.
    var scroll = 0

    /// The row of the selected step.
    var row: Int { TriggerMapContent.triggerRows.indices.contains(selection) ? TriggerMapContent.triggerRows[selection] : 0 }

    /// The selected step, with its journey.
    var selected: (flow: TriggerFlow, step: TriggerFlow.Step, flowIndex: Int, stepIndex: Int)? { TriggerMapContent.step(at: row) }

    /// The event versions the selected step's usual trigger source exists in (`[1, 2, 3]` for pre token generation).
    var versions: [Int] {
        guard let source = selected?.step.sources.first else { return [] }
        return Templates.versions(of: source)
    }

    /// The trigger whose template and description are shown: the step's, or another version of it.
    var trigger: Trigger? {
        guard let step = selected?.step, let trigger = step.trigger else { return nil }
        guard let version, let source = step.sources.first else { return trigger }
        return source.triggers.first { $0.eventVersion == version } ?? trigger
    }

    /// The event version of the template Enter makes.
    var eventVersion: Int { version ?? trigger?.eventVersion ?? 1 }

    /// The trigger sources to choose from: the ones this step sends first, then the trigger's others.
    var sources: (inJourney: [TriggerSource], others: [TriggerSource]) {
        guard let step = selected?.step, let trigger else { return ([], []) }
        let all = Catalogue.spec(for: trigger).sources.map(\.source)
        let inJourney = step.sources.filter { all.contains($0) }
        return (inJourney, all.filter { !inJourney.contains($0) })
    }

    /// Every choosable source in order.
    var allSources: [TriggerSource] {
        let sources = self.sources
        return sources.inJourney + sources.others
    }

    /// The source Enter makes an event from.
    var selectedSource: TriggerSource? {
        let all = allSources
        return all.indices.contains(sourceIndex) ? all[sourceIndex] : all.first
    }

    /// A map with the cursor on the first step that sends `source` (as `trigger`, for the version), or on the first step.
    init(near source: TriggerSource? = nil, trigger: Trigger? = nil) {
        guard let source else { return }
        for (index, row) in TriggerMapContent.triggerRows.enumerated() {
            guard let found = TriggerMapContent.step(at: row), let stepTrigger = found.step.trigger,
                  found.step.sources.contains(source) else { continue }
            selection = index
            if let trigger, trigger != stepTrigger, source.triggers.contains(trigger) {
                version = trigger.eventVersion
            }
            sourceIndex = allSources.firstIndex(of: source) ?? 0
            return
        }
    }
}
