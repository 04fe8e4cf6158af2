import JSONDocument

/// The catalogue's fields of one trigger, prepared once for validation: the path of each field
/// built, and the objects on the way to them (`request`, `request.userAttributes`, ...) listed once,
/// so validating an event looks each object up once, not once per field under it.
final class ValidationPlan: Sendable {
    /// One field to check, in catalogue order (common fields first).
    final class Entry: Sendable {
        let field: FieldSpec
        /// The field's path, for problems.
        let path: JSONPath
        /// Its parent object among `ValidationPlan.objects`, or -1 for the top level.
        let parent: Int
        /// Its key in that parent.
        let key: String
        /// The path has a `*` step (elements of a list): found by `TriggerEvent.nodes(matching:)`.
        let hasWildcard: Bool

        init(field: FieldSpec, parent: Int) {
            self.field = field
            self.path = field.path.map { .key($0) }
            self.parent = parent
            self.key = field.path.last ?? ""
            self.hasWildcard = field.path.contains("*")
        }
    }

    /// Each object some plain field path goes through, with its parent (an earlier one, or -1 for
    /// the top level) and its key there.
    let objects: [(parent: Int, key: String)]
    let entries: [Entry]
    /// The response's lists that Cognito reads as sets (for repeated values).
    let setLists: [Entry]
    /// Whether the function can hand something back through `response`.
    let hasResponseFields: Bool

    init(trigger: Trigger) {
        let spec = Catalogue.spec(for: trigger)
        var objects: [(parent: Int, key: String)] = []
        var objectIndex: [[String]: Int] = [:]
        func object(_ path: ArraySlice<String>) -> Int {
            if path.isEmpty { return -1 }
            if let known = objectIndex[Array(path)] { return known }
            let parent = object(path.dropLast())
            objects.append((parent, path.last ?? ""))
            objectIndex[Array(path)] = objects.count - 1
            return objects.count - 1
        }
        var entries: [Entry] = []
        // triggerSource gets its own messages in validate().
        for field in Catalogue.commonFields + spec.fields where !(field.path.count == 1 && field.path[0] == "triggerSource") {
            let plain = !field.path.contains("*")
            entries.append(Entry(field: field, parent: plain ? object(field.path.dropLast()) : -1))
        }
        self.objects = objects
        self.entries = entries
        setLists = spec.fields.filter { $0.section == .response && ($0.type == .stringList || $0.type == .enumerationList) }
            .map { Entry(field: $0, parent: -1) }
        hasResponseFields = spec.hasResponseFields
    }

    /// The plan of every trigger, made on first use.
    private static let plans: [Trigger: ValidationPlan] = Dictionary(uniqueKeysWithValues: Trigger.allCases.map { ($0, ValidationPlan(trigger: $0)) })

    /// The plan of one trigger.
    static func of(_ trigger: Trigger) -> ValidationPlan {
        plans[trigger] ?? ValidationPlan(trigger: trigger)
    }
}
