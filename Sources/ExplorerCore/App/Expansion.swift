import JSONDocument

/// Which rows of a tree are open: a default rule, changed by expand all / collapse all and by single toggles.
struct Expansion: Hashable, Sendable {
    enum Baseline: Hashable, Sendable { case defaults, all, none }
    var baseline: Baseline = .defaults
    /// Paths whose state differs from the baseline.
    var toggled: Set<JSONPath> = []

    func isExpanded(_ path: JSONPath, byDefault: Bool) -> Bool {
        let base: Bool
        switch baseline {
        case .defaults: base = byDefault
        case .all: base = true
        case .none: base = false
        }
        return base != toggled.contains(path)
    }

    mutating func flip(_ path: JSONPath) {
        if toggled.contains(path) { toggled.remove(path) } else { toggled.insert(path) }
    }

    mutating func reset(to baseline: Baseline) {
        self.baseline = baseline
        toggled = []
    }
}
