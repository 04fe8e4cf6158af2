import JSONDocument

/// Where validation rules come from; each rule's test names its source.
public enum RuleSource {
    static let catalogue = "JSON types and values of the field catalogue"
    static let customMessage = "AWS Cognito Developer Guide: Custom message Lambda trigger"
    static let preSignUp = "AWS Cognito Developer Guide: Pre sign-up Lambda trigger"
    static let migrateUser = "AWS Cognito Developer Guide: Migrate user Lambda trigger"
    static let preToken = "AWS Cognito Developer Guide: Pre token generation Lambda trigger"
    static let defineAuth = "AWS Cognito Developer Guide: Define auth challenge Lambda trigger"
    static let customSender = "AWS Cognito Developer Guide: Custom sender Lambda triggers"
    static let eventShape = "AWS Cognito Developer Guide: Lambda trigger common parameters"
    static let json = "RFC 8259: names within an object should be unique"
}

extension TriggerEvent {
    /// Claims Cognito does not let a pre token generation function add, change or remove.
    public static let protectedClaims: Set<String> = [
        "acr", "amr", "aud", "at_hash", "auth_time", "azp", "cognito:username", "exp", "iat",
        "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "sub", "token_use",
    ]
    /// Further claims of the access token that only have their own response fields or cannot change.
    public static let protectedAccessTokenClaims: Set<String> = ["client_id", "scope"]
    /// ID token claims whose values must stay simple: no lists or objects.
    public static let scalarOnlyIDTokenClaims: Set<String> = ["phone_number_verified", "email_verified", "updated_at", "address"]

    /// Checks the event against the catalogue and Cognito's rules: wrong types, missing fields,
    /// values Cognito rejects, and settings Cognito ignores. Never throws; problems are values.
    public func validate() -> [Problem] {
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
        if case .unknown = TriggerSource(rawValue: sourceName) {
            problems.append(Problem(.warning, ["triggerSource"], "\"\(sourceName)\" is not a trigger source Cognito sends; read as \(Catalogue.spec(for: trigger).title) from its prefix", source: RuleSource.eventShape))
        }
        problems += checkFields(of: trigger)
        problems += checkRepeatedListValues(of: trigger)
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
        problems += checkUnknownResponseKeys(of: trigger).filter { !explained.contains($0.path) }
        return Self.sortedForReading(problems)
    }

    /// Errors first, then by the dotted path as printed, problems of the same path in the order the
    /// rules found them. Each path is written out once, not once per comparison.
    static func sortedForReading(_ problems: [Problem]) -> [Problem] {
        guard problems.count > 1 else { return problems }
        let keyed = problems.enumerated().map { (index: $0.offset, severity: $0.element.severity, path: $0.element.path.dottedString) }
        return keyed.sorted { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            if a.path != b.path { return a.path < b.path }
            return a.index < b.index
        }.map { problems[$0.index] }
    }

    /// Whether any problem is an error.
    public static func hasErrors(_ problems: [Problem]) -> Bool { problems.contains { $0.severity == .error } }

    // MARK: Catalogue-driven checks

    func checkFields(of trigger: Trigger) -> [Problem] {
        var problems: [Problem] = []
        let plan = ValidationPlan.of(trigger)
        if plan.hasResponseFields {
            // A null response is as good as none: a function that writes into it fails.
            if let response = document.node(at: ["response"]) {
                if response.isNull {
                    problems.append(Problem(.warning, ["response"], "is null, not an object; Cognito always sends one (with null or default values)", source: RuleSource.eventShape))
                }
            } else {
                problems.append(Problem(.warning, ["response"], "there is no response object; Cognito always sends one (with null or default values)", source: RuleSource.eventShape))
            }
        }
        // The objects on the way to the fields, each passed over once for all the fields it holds.
        let found = plan.members(of: document.root)
        // (entry.field is read in place: a copy of the spec retains its strings and lists.)
        for entry in plan.entries {
            guard !entry.hasWildcard else {
                problems += checkFieldAtEveryElement(entry.field)
                continue
            }
            guard let members = found[entry.group] else { continue }
            guard let node = members[entry.slot] else {
                if entry.field.isRequired && entry.field.section != .response && !isExplainedAbsence(entry.field) {
                    problems.append(Problem(.error, entry.path, "required field is missing", source: RuleSource.catalogue))
                }
                continue
            }
            problems += checkType(of: node, at: entry.path, against: entry.field)
        }
        return problems
    }

    /// A field under the elements of a list (`request.session.*.challengeName`): each element's.
    private func checkFieldAtEveryElement(_ field: FieldSpec) -> [Problem] {
        var problems: [Problem] = []
        for (path, node) in nodes(matching: field.path) {
            guard let node else {
                if field.isRequired && field.section != .response && !isExplainedAbsence(field) {
                    problems.append(Problem(.error, path, "required field is missing", source: RuleSource.catalogue))
                }
                continue
            }
            problems += checkType(of: node, at: path, against: field)
        }
        return problems
    }

    /// A value given twice in a list of the response that Cognito reads as a set (claims to
    /// suppress, scopes to add or suppress, groups, roles, delivery media): the repeat does
    /// nothing, which usually means a slip, so each repeat gets a warning naming the first.
    func checkRepeatedListValues(of trigger: Trigger) -> [Problem] {
        var problems: [Problem] = []
        for field in ValidationPlan.of(trigger).setLists {
            for (path, node) in nodes(matching: field.path) {
                guard let node, node.kind == .array, node.count > 1 else { continue }
                // By a hash of each value, not the value: on a list of 70,000 scopes a table of
                // decoded strings took 8 MB at the explorer's peak. A value is decoded only when
                // its hash was seen before, to compare it with the earlier one.
                var firstByHash: [Int: Int] = [:]
                var collided: [String: Int] = [:]  // values whose hash an earlier, other value has
                let marks = node.childMarks()
                for (index, element) in node.children.enumerated() where element.kind == .string {
                    let hash = Self.hashOfString(element)
                    guard let candidate = firstByHash[hash] else {
                        firstByHash[hash] = index
                        continue
                    }
                    let value = element.stringValue ?? ""
                    let earlier: Int
                    if node.child(atPosition: candidate, marks: marks)?.stringValue == value {
                        earlier = candidate
                    } else if let other = collided[value] {
                        earlier = other
                    } else {
                        collided[value] = index
                        continue
                    }
                    let shown = element.displayString ?? value
                    let cut = shown.count > 60 ? String(shown.prefix(60)) + "…" : shown
                    problems.append(Problem(.warning, path + [.index(index)],
                        "\"\(cut)\" is already in \(field.name) at [\(earlier)]; the repeat changes nothing",
                        source: RuleSource.catalogue))
                }
            }
        }
        return problems
    }

    /// A hash of a string node's decoded value, from its bytes as written when it has no escapes
    /// (they are then its UTF-8), so that most values are hashed without making a String.
    static func hashOfString(_ node: JSONNode) -> Int {
        var hasher = Hasher()
        let raw = node.rawBytes
        let inner = raw.dropFirst().dropLast()
        if inner.contains(UInt8(ascii: "\\")) {
            var value = node.stringValue ?? ""
            value.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        } else {
            inner.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        return hasher.finalize()
    }

    /// Keys in the response (and in its fixed-shape objects) that this trigger does not have: Cognito
    /// ignores them, which usually means a typo or a field of another trigger.
    func checkUnknownResponseKeys(of trigger: Trigger) -> [Problem] {
        var problems: [Problem] = []
        // Custom senders have no response at all; their own rule says so once.
        guard ValidationPlan.of(trigger).hasResponseFields else { return [] }
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
    private func isExplainedAbsence(_ field: FieldSpec) -> Bool {
        field.path == ["callerContext", "awsSdkVersion"] && document.node(at: ["callerContext", "awsSdk"]) != nil
    }

    /// The nodes a spec path names, expanding `*` over array elements; nil nodes where the field is
    /// absent but its parent exists (so missing fields are reported once, at the right depth).
    func nodes(matching pattern: [String]) -> [(JSONPath, JSONNode?)] {
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

    func checkType(of node: JSONNode, at path: JSONPath, against field: FieldSpec) -> [Problem] {
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
            return checkAllowed(value, at: path, field: field)
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
                if field.type == .enumerationList { problems += checkAllowed(value, at: path + [.index(index)], field: field) }
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

    private func checkAllowed(_ value: String, at path: JSONPath, field: FieldSpec) -> [Problem] {
        guard !field.allowedValues.isEmpty, !field.allowedValues.contains(value) else { return [] }
        let severity: Problem.Severity = field.section == .response ? .error : .warning
        return [Problem(severity, path, "\"\(value)\" is not one of \(field.allowedValues.joined(separator: ", "))", source: RuleSource.catalogue)]
    }

    // MARK: Oddities of captured events

    func checkCommonOddities(_ trigger: Trigger) -> [Problem] {
        var problems: [Problem] = []
        if document.node(at: ["callerContext", "awsSdkVersion"]) == nil, document.node(at: ["callerContext", "awsSdk"]) != nil {
            problems.append(Problem(.warning, ["callerContext", "awsSdk"], "named awsSdk; Cognito sends awsSdkVersion (read as that)", source: RuleSource.eventShape))
        }
        if let node = document.node(at: ["version"]), let version = node.stringValue, !["1", "2", "3"].contains(version) {
            problems.append(Problem(.warning, ["version"], "\"\(node.displayString ?? version)\" is not a version Cognito sends (\"1\", \"2\" or \"3\")", source: RuleSource.eventShape))
        }
        return problems
    }

    // MARK: Trigger rules

    func checkCustomMessage() -> [Problem] {
        var problems: [Problem] = []
        let code = document.node(at: ["request", "codeParameter"])?.stringValue
        let username = document.node(at: ["request", "usernameParameter"])?.stringValue
        let isInvitation = triggerSource == .customMessageAdminCreateUser
        let limits: [(String, Int)] = [("smsMessage", 140), ("emailMessage", 20_000), ("emailSubject", 140)]
        for (key, limit) in limits {
            guard let text = document.node(at: ["response", .key(key)])?.stringValue else { continue }
            let path: JSONPath = ["response", .key(key)]
            if text.count > limit {
                problems.append(Problem(.error, path, "is \(text.count) characters long; Cognito allows at most \(limit)", source: RuleSource.customMessage))
            }
            guard key != "emailSubject" else { continue }
            if let code, !text.contains(code) {
                problems.append(Problem(.error, path, "does not contain the code placeholder \(code); Cognito rejects the message", source: RuleSource.customMessage))
            }
            if isInvitation, let username, !text.contains(username) {
                problems.append(Problem(.error, path, "does not contain the user name placeholder \(username), which invitations need", source: RuleSource.customMessage))
            }
        }
        return problems
    }

    func checkPreSignUp() -> [Problem] {
        var problems: [Problem] = []
        let attributes = document.node(at: ["request", "userAttributes"])
        let checks: [(String, String)] = [("autoVerifyEmail", "email"), ("autoVerifyPhone", "phone_number")]
        for (flag, attribute) in checks where document.node(at: ["response", .key(flag)])?.boolValue == true {
            if attributes?[attribute] == nil {
                problems.append(Problem(.error, ["response", .key(flag)], "is true but the user has no \(attribute) attribute to verify", source: RuleSource.preSignUp))
            }
        }
        if triggerSource == .preSignUpAdminCreateUser {
            for flag in ["autoConfirmUser", "autoVerifyEmail", "autoVerifyPhone"] where document.node(at: ["response", .key(flag)])?.boolValue == true {
                problems.append(Problem(.warning, ["response", .key(flag)], "is ignored for AdminCreateUser: administrators create users with their own settings", source: RuleSource.preSignUp))
            }
        }
        return problems
    }

    func checkUserMigration() -> [Problem] {
        guard document.node(at: ["response", "enableSMSMFA"])?.boolValue == true else { return [] }
        if document.node(at: ["response", "userAttributes", "phone_number"]) == nil {
            return [Problem(.error, ["response", "enableSMSMFA"], "is true but response.userAttributes has no phone_number for the SMS codes", source: RuleSource.migrateUser)]
        }
        return []
    }

    func checkTokenGeneration(_ trigger: Trigger) -> [Problem] {
        var problems: [Problem] = []
        let version = document.node(at: ["version"])?.stringValue
        let expectedVersion = trigger == .preTokenGenerationV1 ? "1" : trigger == .preTokenGenerationV2 ? "2" : "3"
        if let version, ["1", "2", "3"].contains(version), version != expectedVersion {
            problems.append(Problem(.warning, ["version"], "says \"\(version)\" but the request has the V\(expectedVersion) shape; read as V\(expectedVersion)", source: RuleSource.preToken))
        }
        if trigger == .preTokenGenerationV1 {
            if let node = document.node(at: ["response", "claimsAndScopeOverrideDetails"]), !node.isNull {
                problems.append(Problem(.error, ["response", "claimsAndScopeOverrideDetails"], "is a V2/V3 response key; a V1 trigger ignores it (use claimsOverrideDetails)", source: RuleSource.preToken))
            }
            problems += checkClaims(at: ["response", "claimsOverrideDetails"], protected: Self.protectedClaims)
        } else {
            if let node = document.node(at: ["response", "claimsOverrideDetails"]), !node.isNull {
                problems.append(Problem(.warning, ["response", "claimsOverrideDetails"], "is the V1 response key; V\(expectedVersion) reads claimsAndScopeOverrideDetails", source: RuleSource.preToken))
            }
            let base: JSONPath = ["response", "claimsAndScopeOverrideDetails"]
            problems += checkClaims(at: base + ["idTokenGeneration"], protected: Self.protectedClaims)
            // Only keys as long as one of these names are decoded.
            for value in document.node(at: base + ["idTokenGeneration", "claimsToAddOrOverride"])?.members(withKeyIn: Self.scalarOnlyIDTokenClaims) ?? []
            where value.kind == .object || value.kind == .array {
                guard let key = value.key else { continue }
                problems.append(Problem(.error, base + ["idTokenGeneration", "claimsToAddOrOverride", .key(key)], "\(key) cannot hold \(value.kind.phrase) in the ID token", source: RuleSource.preToken))
            }
            problems += checkClaims(at: base + ["accessTokenGeneration"], protected: Self.protectedClaims.union(Self.protectedAccessTokenClaims))
            if triggerSource == .tokenGenerationClientCredentials,
               let id = document.node(at: base + ["idTokenGeneration"]), id.kind == .object, id.count > 0 {
                problems.append(Problem(.warning, base + ["idTokenGeneration"], "machine-to-machine requests get no ID token; only accessTokenGeneration applies", source: RuleSource.preToken))
            }
            if let scopes = document.node(at: base + ["idTokenGeneration", "scopesToAdd"]), !scopes.isNull {
                problems.append(Problem(.warning, base + ["idTokenGeneration", "scopesToAdd"], "ID tokens carry no scopes; use accessTokenGeneration.scopesToAdd", source: RuleSource.preToken))
            }
        }
        return problems
    }

    private func checkClaims(at base: JSONPath, protected: Set<String>) -> [Problem] {
        var problems: [Problem] = []
        let added = document.node(at: base + ["claimsToAddOrOverride"])
        let suppressed = document.node(at: base + ["claimsToSuppress"])
        let names = (suppressed?.elements ?? []).map(\.stringValue)
        // One pass over a large map finds both the protected claims and the suppressed ones; only
        // keys as long as one of those names are decoded.
        let found = added?.members(withKeyIn: protected.union(names.compactMap { $0 })) ?? []
        for member in found {
            guard let key = member.key, protected.contains(key) else { continue }
            problems.append(Problem(.error, base + ["claimsToAddOrOverride", .key(key)], "\(key) is a claim Cognito does not let the function change", source: RuleSource.preToken))
        }
        for (index, name) in names.enumerated() {
            guard let name else { continue }
            if protected.contains(name) {
                problems.append(Problem(.error, base + ["claimsToSuppress", .index(index)], "\(name) is a claim Cognito does not let the function remove", source: RuleSource.preToken))
            }
            // As `added[name]` reads: the key's bytes, not a canonically equivalent spelling.
            if found.contains(where: { $0.hasKey(name) }) {
                problems.append(Problem(.warning, base + ["claimsToSuppress", .index(index)], "\(name) is both overridden and suppressed; suppression wins and the claim is left out", source: RuleSource.preToken))
            }
        }
        return problems
    }

    func checkDefineAuthChallenge() -> [Problem] {
        if document.node(at: ["response", "issueTokens"])?.boolValue == true,
           document.node(at: ["response", "failAuthentication"])?.boolValue == true {
            return [Problem(.error, ["response", "failAuthentication"], "issueTokens and failAuthentication are both true; choose one", source: RuleSource.defineAuth)]
        }
        return []
    }

    func checkCustomSender(_ trigger: Trigger) -> [Problem] {
        var problems: [Problem] = []
        if let response = document.node(at: ["response"]), !response.isNull, !(response.kind == .object && response.count == 0) {
            problems.append(Problem(.warning, ["response"], "custom sender triggers have no response; Cognito ignores it", source: RuleSource.customSender))
        }
        let expected = trigger == .customEmailSender ? "customEmailSenderRequestV1" : "customSMSSenderRequestV1"
        if let type = document.node(at: ["request", "type"])?.stringValue, type != expected {
            problems.append(Problem(.warning, ["request", "type"], "is \"\(type)\" in a \(trigger == .customEmailSender ? "custom email" : "custom SMS") sender event; expected \"\(expected)\"", source: RuleSource.customSender))
        }
        return problems
    }
}

extension FieldType {
    /// "a string", "a map": how validation messages name a type.
    public var phrase: String {
        switch self {
        case .string: return "a string"
        case .boolean: return "a boolean"
        case .integer: return "a whole number"
        case .number: return "a number"
        case .enumeration: return "one of the allowed values"
        case .stringMap, .attributeMap: return "a map of strings"
        case .claimMap: return "a map of claims"
        case .stringList, .enumerationList: return "a list of strings"
        case .object: return "an object"
        case .objectList: return "a list of objects"
        case .any: return "a value"
        }
    }
}
