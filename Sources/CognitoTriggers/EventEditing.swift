import JSONDocument
import TerminalText

/// One edit asked for by a person: set the value at a path, or remove it.
public struct FieldAssignment: Sendable, Hashable {
    /// Where to edit.
    public let path: JSONPath
    /// The new value; nil removes the member.
    public let value: JSONValue?

    /// An edit of `path`: set it to `value`, or remove it when `value` is nil.
    public init(path: JSONPath, value: JSONValue?) {
        self.path = path
        self.value = value
    }

    /// Reads `FIELD=VALUE`: a dotted path (`response.claimsOverrideDetails.claimsToSuppress`) and a
    /// value read by `EventEditing.parseValue(_:at:in:)` for what the catalogue expects there.
    public static func parse(_ argument: String, in trigger: Trigger?) throws(EditError) -> FieldAssignment {
        guard let (field, text) = split(argument) else {
            throw EditError(kind: .malformedAssignment, path: nil,
                            message: "\(TerminalText.quoted(argument)) is not FIELD=VALUE (for example response.autoConfirmUser=true)")
        }
        let path = try parsePath(field)
        return FieldAssignment(path: path, value: try EventEditing.parseValue(text, at: path, in: trigger))
    }

    /// Reads a field to remove: a dotted path.
    public static func removal(_ field: String) throws(EditError) -> FieldAssignment {
        FieldAssignment(path: try parsePath(field), value: nil)
    }

    /// Reads a dotted path such as `response.userAttributes["custom:tier"]`, `request.session[0]` or,
    /// as jq writes it, `.response.userAttributes."custom:tier"`. A key with a quote in it must be
    /// quoted: `response.a"b` is refused, never read as a key with quotes in its name.
    public static func parsePath(_ field: String) throws(EditError) -> JSONPath {
        guard let path = JSONPath(dotted: field), !path.isEmpty, !path.contains(.key("")) else {
            throw EditError(kind: .malformedPath, path: nil, message: """
                \(TerminalText.quoted(field)) is not a field path; write keys with dots and indexes in brackets, \
                and quote keys that are not plain words as JSON strings: response.claimsOverrideDetails.claimsToSuppress[0], \
                request.userAttributes["custom:tier"] or .request.userAttributes."custom:tier"
                """)
        }
        return path
    }

    /// Splits at the first `=` outside a quoted key in brackets (`a["x=y"]=1` is `a["x=y"]` and `1`).
    static func split(_ argument: String) -> (String, String)? {
        var inQuotes = false
        var escaping = false
        var index = argument.startIndex
        while index < argument.endIndex {
            let character = argument[index]
            if escaping {
                escaping = false
            } else if inQuotes && character == "\\" {
                escaping = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == "=" && !inQuotes {
                return (String(argument[..<index]), String(argument[argument.index(after: index)...]))
            }
            index = argument.index(after: index)
        }
        return nil
    }
}

/// Why an edit was refused; the document is unchanged.
public struct EditError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: Hashable, Sendable {
        /// The argument is not `FIELD=VALUE`.
        case malformedAssignment
        /// The field is not a valid dotted path.
        case malformedPath
        /// The value is not JSON (and the field is not a string, where bare words are allowed).
        case notJSON
        /// The value has the wrong type for the field, or is not one of its allowed values.
        case wrongType
        /// The field is outside `response`: it holds what Cognito sent.
        case outsideResponse
        /// A response path this trigger does not have; Cognito would ignore it.
        case unknownField
        /// The document cannot hold the value there (a scalar in the way, an index out of range).
        case cannotEdit(JSONEditError)
    }

    /// What went wrong.
    public let kind: Kind
    /// The field concerned, when known.
    public let path: JSONPath?
    /// What went wrong and what to do, without the path.
    public let message: String

    /// Makes an error about a field (or about the argument as a whole, with a nil path).
    public init(kind: Kind, path: JSONPath?, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// `response.autoConfirmUser: expected a boolean (true or false), found a string`
    public var description: String {
        guard let path else { return message }
        return "\(TerminalText.escaped(path.dottedString)): \(message)"
    }
}

/// One change made by `EventEditing.apply`, for the report line `response.autoConfirmUser: false -> true`.
public struct FieldChange: Sendable, Hashable, CustomStringConvertible {
    /// The field that was edited.
    public let path: JSONPath
    /// The value before; nil when the field was absent.
    public let old: JSONValue?
    /// The value after; nil when the field was removed (or was absent and stays so).
    public let new: JSONValue?

    /// Records a change of `path` from `old` to `new`.
    public init(path: JSONPath, old: JSONValue?, new: JSONValue?) {
        self.path = path
        self.old = old
        self.new = new
    }

    /// `response.autoConfirmUser: false -> true`, with `(absent)`, `(removed)` and `(unchanged)` where they apply.
    public var description: String {
        let field = TerminalText.escaped(path.dottedString)
        switch (old, new) {
        case (nil, nil): return "\(field): (absent), nothing to remove"
        case (let old?, nil): return "\(field): \(Self.show(old)) -> (removed)"
        case (nil, let new?): return "\(field): (absent) -> \(Self.show(new))"
        case (let old?, let new?):
            return old == new ? "\(field): \(Self.show(new)) (unchanged)" : "\(field): \(Self.show(old)) -> \(Self.show(new))"
        }
    }

    static func show(_ value: JSONValue) -> String { TerminalText.escaped(value.compactText) }
}

/// Setting event fields from text, checked against the catalogue.
public enum EventEditing {
    /// What the catalogue expects at a path.
    public struct Expectation: Sendable, Hashable {
        /// The expected shape; `.any` where the catalogue says nothing.
        public let type: FieldType
        /// For enumerations, the documented values.
        public let allowedValues: [String]
        /// Whether `null` is a fine value (nullable fields, and response fields, which Cognito reads as "not set").
        public let allowsNull: Bool
        /// The section of the field; nil for paths the catalogue does not describe.
        public let section: FieldSection?
        /// True when the catalogue describes the path (a field, or an entry of a known map or list).
        public let isKnown: Bool

        /// True where a string is expected, so plain text is read as the string itself.
        public var takesPlainText: Bool { type == .string || type == .enumeration }
    }

    /// What the catalogue expects at `path` in an event of `trigger`: the field's own spec, the
    /// entry type of a known map or list, or anything for unknown paths and claim values.
    public static func expectation(at path: JSONPath, in trigger: Trigger?) -> Expectation {
        if let spec = Catalogue.field(at: path, in: trigger) {
            return Expectation(type: spec.type, allowedValues: spec.allowedValues,
                               allowsNull: spec.isNullable || spec.section == .response, section: spec.section, isKnown: true)
        }
        // Walk up to the nearest described ancestor.
        var ancestor = path
        while !ancestor.isEmpty {
            let child = ancestor.removeLast()
            guard let spec = Catalogue.field(at: ancestor, in: trigger) else { continue }
            let entry = spec.type.entryType(at: child)
            // Claim values take anything, at any depth below the claim.
            if entry == .any {
                return Expectation(type: .any, allowedValues: [], allowsNull: true, section: spec.section, isKnown: true)
            }
            guard let entry, ancestor.count == path.count - 1 else {
                return Expectation(type: .any, allowedValues: [], allowsNull: true, section: spec.section, isKnown: false)
            }
            // A map's entry may be null in the response (Cognito reads it as not set); a list's may not.
            return Expectation(type: entry, allowedValues: entry == .enumeration ? spec.allowedValues : [],
                               allowsNull: spec.type.isObjectLike && spec.section == .response, section: spec.section, isKnown: true)
        }
        return Expectation(type: .any, allowedValues: [], allowsNull: true, section: nil, isKnown: false)
    }

    /// Reads the text of a value for the field at `path`: the one grammar of `set FIELD=VALUE` and
    /// of the explorer's prompts.
    ///
    /// - Where the catalogue expects a string (string and enumeration fields, entries of string
    ///   maps and lists) the text is the string itself, unless it is a JSON string, `null`, an
    ///   object or an array: `CONFIRMED`, `42` and `Your code is {####}` are strings; `"x"` is the
    ///   string x (write `"\"x\""` for one with quotes); `null` is null.
    /// - Where any value fits (claim values, fields the catalogue does not describe) JSON text is
    ///   that JSON (`3`, `true`, `["a"]`, `"3"`), and other text is a string: `gold` is "gold".
    /// - Everywhere else (booleans, numbers, objects, maps and lists) the text must be JSON.
    ///
    /// Text that starts with `"` but is no JSON string is refused, as is text that starts with `{`
    /// or `[` but is no JSON where any value fits: such text was meant as JSON. The value is then
    /// checked against the field's type.
    public static func parseValue(_ text: String, at path: JSONPath, in trigger: Trigger?) throws(EditError) -> JSONValue {
        let expected = expectation(at: path, in: trigger)
        let value = try read(text, as: expected, at: path)
        try check(value, against: expected, at: path)
        return value
    }

    /// How text reads where `expected` applies, before the type check (see `parseValue`).
    private static func read(_ text: String, as expected: Expectation, at path: JSONPath) throws(EditError) -> JSONValue {
        let parsed: JSONValue?
        let parseError: JSONParseError?
        do { (parsed, parseError) = (try JSONValue(parsing: text), nil) } catch {
            // Too deep is not a matter of spelling: say so, with the limit, and without the value.
            if case .tooDeep(let limit) = error.kind {
                throw EditError(kind: .notJSON, path: path, message: """
                    the value (\(text.utf8.count) bytes) nests deeper than \(limit) levels, the limit of a JSON \
                    document here; no Cognito field needs that
                    """)
            }
            (parsed, parseError) = (nil, error)
        }
        switch (expected.takesPlainText, parsed) {
        case (true, .string(let string)?): return .string(string)
        case (true, .null?): return .null
        case (true, let container?) where container.kind == .object || container.kind == .array: return container
        case (false, let value?): return value
        default: break
        }
        let start = text.first { !$0.isWhitespace }
        if start == "\"" {
            throw EditError(kind: .notJSON, path: path, message: "\(echo(text)) starts with a quote but is not a JSON string; close the quotes or leave them out")
        }
        if expected.type == .any, start == "{" || start == "[", let parseError {
            throw EditError(kind: .notJSON, path: path, message: "\(echo(text)) starts like JSON but is not JSON (\(parseError.message)); fix it, or quote it as a string")
        }
        if expected.takesPlainText || expected.type == .any { return .string(text) }
        let hint = expected.type == .boolean ? phrase(for: expected) : "\(phrase(for: expected)), such as \(example(for: expected.type))"
        throw EditError(kind: .notJSON, path: path, message: "\(echo(text)) is not a JSON value; write \(hint)")
    }

    /// The text that `parseValue` reads back as `value` at `path`: what a prompt starts with.
    ///
    /// A string is itself where the field takes plain text and reading it gives it back (`gold`),
    /// else its JSON literal (`"42"` in a claim value, `"null"`, `"\"quoted\""`); other values are
    /// their JSON text.
    public static func text(for value: JSONValue, at path: JSONPath, in trigger: Trigger?) -> String {
        guard case .string(let string) = value else { return value.compactText }
        let expected = expectation(at: path, in: trigger)
        if expected.takesPlainText || expected.type == .any, (try? read(string, as: expected, at: path)) == value {
            return string
        }
        return value.compactText
    }

    /// A few words on what to type at `path`, for a prompt's title: `text`, `a whole number`,
    /// `true or false`, `JSON, or plain text for a string`, `JSON: a list of strings`.
    public static func inputHint(at path: JSONPath, in trigger: Trigger?) -> String {
        let expected = expectation(at: path, in: trigger)
        switch expected.type {
        case .string: return "text"
        case .enumeration: return expected.allowedValues.isEmpty ? "text" : "one of \(expected.allowedValues.joined(separator: ", "))"
        case .boolean: return "true or false"
        case .integer: return "a whole number"
        case .number: return "a number"
        case .any: return "JSON, or plain text for a string"
        default: return "JSON: \(expected.type.phrase)"
        }
    }

    /// A value as messages repeat it: quoted and escaped, and cut after 60 characters (a pasted value
    /// can be megabytes long).
    static func echo(_ text: String) -> String {
        let limit = 60
        guard text.count > limit else { return TerminalText.quoted(text) }
        return TerminalText.quoted(String(text.prefix(limit))) + "… (\(text.utf8.count) bytes)"
    }

    /// Checks a value against what the catalogue expects at `path`.
    public static func check(_ value: JSONValue, at path: JSONPath, in trigger: Trigger?) throws(EditError) {
        try check(value, against: expectation(at: path, in: trigger), at: path)
    }

    static func check(_ value: JSONValue, against expected: Expectation, at path: JSONPath) throws(EditError) {
        func wrong(_ found: JSONValue, at where_: JSONPath = path, expected phrase: String) -> EditError {
            var message = "expected \(phrase), found \(found.kind.phrase)"
            if let text = found.stringValue, expected.type == .boolean, ["true", "false"].contains(text.lowercased()) {
                message += " (write \(text.lowercased()) without quotes)"
            }
            return EditError(kind: .wrongType, path: where_, message: message)
        }
        if value.isNull {
            guard expected.allowsNull else { throw wrong(value, expected: phrase(for: expected)) }
            return
        }
        switch expected.type {
        case .any: return
        case .string: guard value.kind == .string else { throw wrong(value, expected: "a string") }
        case .boolean: guard value.kind == .bool else { throw wrong(value, expected: "a boolean (true or false)") }
        case .integer: guard value.numberValue?.int != nil else { throw wrong(value, expected: "a whole number") }
        case .number: guard value.kind == .number else { throw wrong(value, expected: "a number") }
        case .enumeration:
            guard let text = value.stringValue else { throw wrong(value, expected: "a string") }
            try checkAllowed(text, expected, at: path)
        case .object, .claimMap: guard value.kind == .object else { throw wrong(value, expected: "an object") }
        case .stringMap, .attributeMap:
            guard let members = value.objectValue else { throw wrong(value, expected: "a map of strings") }
            for member in members where member.value.kind != .string {
                throw wrong(member.value, at: path + [.key(member.key)], expected: "a string")
            }
        case .stringList, .enumerationList:
            guard let elements = value.arrayValue else { throw wrong(value, expected: "a list of strings") }
            for (index, element) in elements.enumerated() {
                guard let text = element.stringValue else { throw wrong(element, at: path + [.index(index)], expected: "a string") }
                if expected.type == .enumerationList { try checkAllowed(text, expected, at: path + [.index(index)]) }
            }
        case .objectList:
            guard let elements = value.arrayValue else { throw wrong(value, expected: "a list of objects") }
            for (index, element) in elements.enumerated() where element.kind != .object {
                throw wrong(element, at: path + [.index(index)], expected: "an object")
            }
        }
    }

    /// Response enumerations must hold a documented value (Cognito rejects others); request ones may not.
    private static func checkAllowed(_ text: String, _ expected: Expectation, at path: JSONPath) throws(EditError) {
        guard expected.section == .response, !expected.allowedValues.isEmpty, !expected.allowedValues.contains(text) else { return }
        throw EditError(kind: .wrongType, path: path,
                        message: "\(TerminalText.quoted(text)) is not one of \(expected.allowedValues.joined(separator: ", "))")
    }

    private static func phrase(for expected: Expectation) -> String {
        switch expected.type {
        case .boolean: return "a boolean (true or false)"
        case .enumeration where !expected.allowedValues.isEmpty:
            return "one of \(expected.allowedValues.joined(separator: ", "))"
        default: return expected.type.phrase
        }
    }

    private static func example(for type: FieldType) -> String {
        switch type {
        case .string, .enumeration: return "\"text\""
        case .boolean: return "true"
        case .integer, .number: return "3"
        case .stringMap, .attributeMap: return "{\"name\":\"value\"}"
        case .claimMap, .object: return "{\"name\":\"value\"}"
        case .stringList, .enumerationList: return "[\"a\",\"b\"]"
        case .objectList: return "[{\"name\":\"value\"}]"
        case .any: return "true, 3, \"text\", [\"a\"] or {\"name\":\"value\"}"
        }
    }

    /// Applies assignments in order, all or nothing: on any error the event is left as it was.
    ///
    /// Fields outside `response` are refused unless `force` is true. Missing objects on the way are
    /// created and a `null` on the way becomes an object. A value equal to the current one is left
    /// alone, so its spelling survives. Values are not checked here: `parse` checks them.
    public static func apply(_ assignments: [FieldAssignment], to event: inout TriggerEvent, force: Bool = false) throws(EditError) -> [FieldChange] {
        let trigger = event.trigger
        // Edited in place (a copy to fall back on would cost more than the edits on a large event);
        // the transaction undoes them when one fails.
        return try event.document.transaction { (document: inout JSONDocument) throws(EditError) -> [FieldChange] in
            var changes: [FieldChange] = []
            for assignment in assignments {
                let path = assignment.path
                guard force || path.first == .key("response") else {
                    throw EditError(kind: .outsideResponse, path: path, message: """
                        is not a response field; request and common fields hold what Cognito sent, and a \
                        function's changes to them have no effect
                        """)
                }
                // Setting a key this trigger does not have is refused (removing a stray key is fine), at
                // any depth: each key on the way whose parent is an object of the catalogue must be one
                // of its fields (`response.foo.bar` is refused at `response.foo`). Below a map or a list
                // keys are free. Where the parent holds a value of another kind, the edit itself reports
                // that instead.
                if !force, assignment.value != nil, let trigger, path.count >= 2 {
                    for length in 2...path.count {
                        let parentIsObject = length == 2 || Catalogue.field(at: JSONPath(path.prefix(length - 1)), in: trigger)?.type == .object
                        guard parentIsObject else { break }
                        let prefix = JSONPath(path.prefix(length))
                        if !expectation(at: prefix, in: trigger).isKnown {
                            throw EditError(kind: .unknownField, path: prefix, message: """
                                is not a response field of \(Catalogue.spec(for: trigger).title); Cognito would ignore it \
                                (use --force to set it anyway)
                                """)
                        }
                    }
                }
                let old = document[path]
                do throws(JSONEditError) {
                    if let value = assignment.value {
                        if old != value { try document.setValue(value, at: path, createMissing: true) }
                    } else if old != nil {
                        try document.removeValue(at: path)
                    }
                } catch {
                    throw EditError(kind: .cannotEdit(error), path: path, message: editMessage(error))
                }
                changes.append(FieldChange(path: path, old: old, new: assignment.value))
            }
            return changes
        }
    }

    private static func editMessage(_ error: JSONEditError) -> String {
        if case .notAContainer(let kind) = error.kind, error.depth < error.path.count {
            let parent = error.depth == 0 ? "the event" : TerminalText.escaped(JSONPath(error.path.prefix(error.depth)).dottedString)
            let wanted = error.path[error.depth].index == nil ? "an object" : "a list"
            return "\(parent) is \(kind.phrase), not \(wanted); change or remove it first"
        }
        let full = error.description
        let prefix = error.path.dottedString + ": "
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }
}
