@testable import CognitoTriggers
import JSONDocument

// The validation as it was before it was planned per trigger and run as one pass (issue 16),
// kept word for word (only renamed, `reference...`) so that ValidationEquivalenceTests can show
// the new validation gives the same problems, in the same order, with the same text. The rule
// sources and claim sets are the library's own, and so are the per-trigger rules (custom message,
// pre sign-up, token generation, ...): issue 16 left them as they were, so a copy of them here would
// compare them with themselves. What it changed (the catalogue walk, repeated list values, unknown
// response keys and the sorting) is kept here as it was.

extension TriggerEvent {
    /// Checks the event against the catalogue and Cognito's rules: wrong types, missing fields,
    /// values Cognito rejects, and settings Cognito ignores. Never throws; problems are values.
    func referenceValidate() -> [Problem] {
        var problems: [Problem] = []
        for duplicate in document.duplicateKeys {
            problems.append(Problem(.warning, duplicate.path,
                "the key \"\(duplicate.key)\" appears \(duplicate.offsets.count) times; Cognito and this tool read the last one",
                source: RuleSource.json))
        }
        guard document.root.kind == .object else {
            problems.append(Problem(.error, [], "not a Cognito trigger event: the top level is \(document.root.kind.phrase), not an object", source: RuleSource.eventShape))
            return problems
        }
        guard let sourceNode = document.node(at: ["triggerSource"]) else {
            problems.append(Problem(.error, ["triggerSource"], "not a Cognito trigger event: there is no triggerSource", source: RuleSource.eventShape))
            return problems
        }
        guard let sourceName = sourceNode.stringValue else {
            problems.append(Problem(.error, ["triggerSource"], "expected a string, found \(sourceNode.kind.phrase)", source: RuleSource.eventShape))
            return problems
        }
        guard let trigger else {
            problems.append(Problem(.warning, ["triggerSource"], "unknown trigger source \"\(sourceNode.displayString ?? sourceName)\"; the event is shown as a plain document", source: RuleSource.eventShape))
            return problems
        }
        if case .unknown = triggerSource {
            problems.append(Problem(.warning, ["triggerSource"], "\"\(sourceName)\" is not a trigger source Cognito sends; read as \(Catalogue.spec(for: trigger).title) from its prefix", source: RuleSource.eventShape))
        }
        problems += referenceCheckFields(of: trigger)
        problems += referenceCheckRepeatedListValues(of: trigger)
        problems += checkCommonOddities(trigger)
        switch trigger {
        case .customMessage: problems += checkCustomMessage()
        case .preSignUp: problems += checkPreSignUp()
        case .userMigration: problems += checkUserMigration()
        case .preTokenGenerationV1, .preTokenGenerationV2, .preTokenGenerationV3: problems += checkTokenGeneration(trigger)
        case .defineAuthChallenge: problems += checkDefineAuthChallenge()
        case .customEmailSender, .customSMSSender: problems += checkCustomSender(trigger)
        default: break
        }
        // Last: a key a rule above already explains (say, a V1 key in a V2 event) needs no
        // "unknown key" warning too.
        let explained = Set(problems.map(\.path))
        problems += referenceCheckUnknownResponseKeys(of: trigger).filter { !explained.contains($0.path) }
        return problems.sorted { ($0.severity, $0.path.dottedString) < ($1.severity, $1.path.dottedString) }
    }

    // MARK: Catalogue-driven checks

    func referenceCheckFields(of trigger: Trigger) -> [Problem] {
        var problems: [Problem] = []
        let spec = Catalogue.spec(for: trigger)
        if spec.hasResponseFields {
            // A null response is as good as none: a function that writes into it fails.
            if let response = document.node(at: ["response"]) {
                if response.isNull {
                    problems.append(Problem(.warning, ["response"], "is null, not an object; Cognito always sends one (with null or default values)", source: RuleSource.eventShape))
                }
            } else {
                problems.append(Problem(.warning, ["response"], "there is no response object; Cognito always sends one (with null or default values)", source: RuleSource.eventShape))
            }
        }
        // triggerSource gets its own messages in referenceValidate(). (joined() walks both lists without
        // copying every spec into a new array.)
        for field in [Catalogue.commonFields, spec.fields].joined() where !(field.path.count == 1 && field.path[0] == "triggerSource") {
            for (path, node) in referenceNodes(matching: field.path) {
                guard let node else {
                    if field.isRequired && field.section != .response && !referenceIsExplainedAbsence(field) {
                        problems.append(Problem(.error, path, "required field is missing", source: RuleSource.catalogue))
                    }
                    continue
                }
                problems += referenceCheckType(of: node, at: path, against: field)
            }
        }
        return problems
    }

    /// A value given twice in a list of the response that Cognito reads as a set (claims to
    /// suppress, scopes to add or suppress, groups, roles, delivery media): the repeat does
    /// nothing, which usually means a slip, so each repeat gets a warning naming the first.
    func referenceCheckRepeatedListValues(of trigger: Trigger) -> [Problem] {
        var problems: [Problem] = []
        for field in Catalogue.spec(for: trigger).responseFields where field.type == .stringList || field.type == .enumerationList {
            for (path, node) in referenceNodes(matching: field.path) {
                guard let node, node.kind == .array, node.count > 1 else { continue }
                var first: [String: Int] = [:]
                for (index, element) in node.elements.enumerated() {
                    guard let value = element.stringValue else { continue }
                    if let earlier = first[value] {
                        let shown = element.displayString ?? value
                        let cut = shown.count > 60 ? String(shown.prefix(60)) + "…" : shown
                        problems.append(Problem(.warning, path + [.index(index)],
                            "\"\(cut)\" is already in \(field.name) at [\(earlier)]; the repeat changes nothing",
                            source: RuleSource.catalogue))
                    } else {
                        first[value] = index
                    }
                }
            }
        }
        return problems
    }

    /// Keys in the response (and in its fixed-shape objects) that this trigger does not have: Cognito
    /// ignores them, which usually means a typo or a field of another trigger.
    func referenceCheckUnknownResponseKeys(of trigger: Trigger) -> [Problem] {
        var problems: [Problem] = []
        // Custom senders have no response at all; their own rule says so once.
        guard Catalogue.spec(for: trigger).hasResponseFields else { return [] }
        var pending: [JSONPath] = [["response"]]
        while let path = pending.popLast() {
            guard let node = document.node(at: path), node.kind == .object else { continue }
            for (key, value) in node.members where !value.isNull {
                let child = path + [.key(key)]
                if let spec = Catalogue.field(at: child, in: trigger) {
                    if spec.type == .object { pending.append(child) }
                } else {
                    problems.append(Problem(.warning, child, "\(Catalogue.spec(for: trigger).title) has no response field \(key); Cognito ignores it", source: RuleSource.catalogue))
                }
            }
        }
        return problems
    }

    /// Absences real events have, which get their own warning instead.
    func referenceIsExplainedAbsence(_ field: FieldSpec) -> Bool {
        field.path == ["callerContext", "awsSdkVersion"] && document.node(at: ["callerContext", "awsSdk"]) != nil
    }

    /// The nodes a spec path names, expanding `*` over array elements; nil nodes where the field is
    /// absent but its parent exists (so missing fields are reported once, at the right depth).
    func referenceNodes(matching pattern: [String]) -> [(JSONPath, JSONNode?)] {
        if !pattern.contains("*") {
            // One node at most: walk the keys without building a path per step.
            var node = document.root
            for (depth, component) in pattern.enumerated() {
                guard node.kind == .object else { return [] }
                guard let child = node[component] else {
                    return depth == pattern.count - 1 ? [(pattern.map { .key($0) }, nil)] : []
                }
                node = child
            }
            return [(pattern.map { .key($0) }, node)]
        }
        var current: [(JSONPath, JSONNode)] = [([], document.root)]
        var missing: [JSONPath] = []
        for (depth, component) in pattern.enumerated() {
            var next: [(JSONPath, JSONNode)] = []
            for (path, node) in current {
                if component == "*" {
                    guard node.kind == .array else { continue }
                    for (index, element) in node.elements.enumerated() { next.append((path + [.index(index)], element)) }
                } else if node.kind == .object {
                    if let child = node[component] {
                        next.append((path + [.key(component)], child))
                    } else if depth == pattern.count - 1 {
                        missing.append(path + [.key(component)])
                    }
                }
            }
            current = next
        }
        return current.map { ($0.0, Optional($0.1)) } + missing.map { ($0, nil) }
    }

    func referenceCheckType(of node: JSONNode, at path: JSONPath, against field: FieldSpec) -> [Problem] {
        let inResponse = field.section == .response
        if node.isNull {
            if field.isNullable || inResponse { return [] }
            return [Problem(.warning, path, "is null; Cognito normally sends \(field.type.phrase) here", source: RuleSource.catalogue)]
        }
        func wrong(_ expected: String) -> [Problem] {
            var message = "expected \(expected), found \(node.kind.phrase)"
            if field.type == .boolean, let text = node.stringValue, ["true", "false"].contains(text.lowercased()) {
                message += " (the string \"\(text)\" is not a boolean: write \(text.lowercased()) without quotes)"
            }
            return [Problem(.error, path, message, source: RuleSource.catalogue)]
        }
        switch field.type {
        case .string: return node.kind == .string ? [] : wrong("a string")
        case .boolean: return node.kind == .bool ? [] : wrong("a boolean")
        case .integer: return node.numberValue?.int != nil ? [] : wrong("a whole number")
        case .number: return node.kind == .number ? [] : wrong("a number")
        case .any: return []
        case .object, .claimMap: return node.kind == .object ? [] : wrong("an object")
        case .objectList:
            // The elements have their own spec (`path.*`), which checks that they are objects.
            return node.kind == .array ? [] : wrong("a list")
        case .enumeration:
            guard let value = node.stringValue else { return wrong("a string") }
            return referenceCheckAllowed(value, at: path, field: field)
        case .stringList, .enumerationList:
            guard node.kind == .array else { return wrong("a list of strings") }
            var problems: [Problem] = []
            // Plain string lists (thousands of scopes) need no node per element.
            if field.type == .stringList && node.children(notOfKind: .string).isEmpty { return [] }
            for (index, element) in node.elements.enumerated() {
                guard let value = element.stringValue else {
                    problems.append(Problem(.error, path + [.index(index)], "expected a string, found \(element.kind.phrase)", source: RuleSource.catalogue))
                    continue
                }
                if field.type == .enumerationList { problems += referenceCheckAllowed(value, at: path + [.index(index)], field: field) }
            }
            return problems
        case .stringMap, .attributeMap:
            guard node.kind == .object else { return wrong("a map of strings") }
            var problems: [Problem] = []
            // Nodes are made, and keys decoded, only for the members that get a problem.
            for value in node.children(notOfKind: .string) {
                let memberPath = path + [.key(value.key ?? "")]
                switch value.kind {
                case .bool where !inResponse || field.type == .attributeMap, .number where !inResponse || field.type == .attributeMap:
                    problems.append(Problem(.warning, memberPath, "\(value.kind.phrase) where Cognito sends strings; read as \"\(value.rawText)\"", source: RuleSource.catalogue))
                case .null where !inResponse:
                    problems.append(Problem(.warning, memberPath, "is null where Cognito sends strings", source: RuleSource.catalogue))
                default:
                    problems.append(Problem(.error, memberPath, "expected a string, found \(value.kind.phrase)", source: RuleSource.catalogue))
                }
            }
            return problems
        }
    }

    func referenceCheckAllowed(_ value: String, at path: JSONPath, field: FieldSpec) -> [Problem] {
        guard !field.allowedValues.isEmpty, !field.allowedValues.contains(value) else { return [] }
        let severity: Problem.Severity = field.section == .response ? .error : .warning
        return [Problem(severity, path, "\"\(value)\" is not one of \(field.allowedValues.joined(separator: ", "))", source: RuleSource.catalogue)]
    }
}
