import JSONDocument

/// The catalogue's fields of one trigger, prepared once for validation: the path of each field
/// built, and the fields grouped by the object that holds them (the top level, `request`,
/// `request.userAttributes`, ...), so validating an event passes over each object's members once
/// to find all the fields it holds, instead of once per field.
final class ValidationPlan: Sendable {
    /// One field to check, in catalogue order (common fields first).
    final class Entry: Sendable {
        let field: FieldSpec
        /// The field's path, for problems.
        let path: JSONPath
        /// The group of the object that holds it (0 for the top level), and its place in that
        /// group's keys. Unused when the path has a `*` step.
        let group: Int
        let slot: Int
        /// The path has a `*` step (elements of a list): found by `TriggerEvent.nodes(matching:)`.
        let hasWildcard: Bool

        init(field: FieldSpec, group: Int, slot: Int) {
            self.field = field
            self.path = field.path.map { .key($0) }
            self.group = group
            self.slot = slot
            self.hasWildcard = field.path.contains("*")
        }
    }

    /// The keys looked for in each object: group 0 is the top level, group `i + 1` the object
    /// `objects[i]`.
    let groups: [KeySet]
    /// Each object some field path goes through: the group it is found in and its place there.
    /// An object's parent group always comes before it.
    let objects: [(group: Int, slot: Int)]
    let entries: [Entry]
    /// The response's lists that Cognito reads as sets (for repeated values).
    let setLists: [FieldSpec]
    /// Whether the function can hand something back through `response`.
    let hasResponseFields: Bool

    init(trigger: Trigger) {
        let spec = Catalogue.spec(for: trigger)
        var keys: [[String]] = [[]]
        var objects: [(group: Int, slot: Int)] = []
        var groupOfPath: [[String]: Int] = [:]
        func slot(_ key: String, in group: Int) -> Int {
            if let known = keys[group].firstIndex(of: key) { return known }
            keys[group].append(key)
            return keys[group].count - 1
        }
        func group(_ path: ArraySlice<String>) -> Int {
            if path.isEmpty { return 0 }
            if let known = groupOfPath[Array(path)] { return known }
            let parent = group(path.dropLast())
            objects.append((parent, slot(path.last ?? "", in: parent)))
            keys.append([])
            groupOfPath[Array(path)] = keys.count - 1
            return keys.count - 1
        }
        var entries: [Entry] = []
        // triggerSource gets its own messages in validate().
        for field in Catalogue.commonFields + spec.fields where !(field.path.count == 1 && field.path[0] == "triggerSource") {
            if field.path.contains("*") {
                entries.append(Entry(field: field, group: 0, slot: 0))
            } else {
                let parent = group(field.path.dropLast())
                entries.append(Entry(field: field, group: parent, slot: slot(field.path.last ?? "", in: parent)))
            }
        }
        self.groups = keys.map(KeySet.init)
        self.objects = objects
        self.entries = entries
        setLists = spec.fields.filter { $0.section == .response && ($0.type == .stringList || $0.type == .enumerationList) }
        hasResponseFields = spec.hasResponseFields
    }

    /// The plan of every trigger, made on first use.
    private static let plans: [Trigger: ValidationPlan] = Dictionary(uniqueKeysWithValues: Trigger.allCases.map { ($0, ValidationPlan(trigger: $0)) })

    /// The plan of one trigger.
    static func of(_ trigger: Trigger) -> ValidationPlan {
        plans[trigger] ?? ValidationPlan(trigger: trigger)
    }

    /// The members of an event that the plan's fields name, found in one pass per object: for
    /// each group, the member at each of its keys, or nil for a group whose object is absent or
    /// not an object (the fields under it are then not looked for, as a walk from the top stops).
    func members(of root: JSONNode) -> [[JSONNode?]?] {
        var found: [[JSONNode?]?] = []
        found.reserveCapacity(groups.count)
        found.append(root.kind == .object ? root.members(named: groups[0]) : nil)
        for (index, object) in objects.enumerated() {
            if let holder = found[object.group], let node = holder[object.slot], node.kind == .object {
                found.append(node.members(named: groups[index + 1]))
            } else {
                found.append(nil)
            }
        }
        return found
    }
}
