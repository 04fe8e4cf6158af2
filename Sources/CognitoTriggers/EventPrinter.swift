import JSONDocument
import TerminalText

/// Turns an event into text for people (a typed tree with the catalogue's explanations) and into
/// JSON for programs. Event strings are untrusted: everything taken from an event is escaped so that
/// control characters, terminal escape sequences and bidirectional overrides show as `\u001b` and
/// the like instead of reaching the terminal.
public enum EventPrinter {
    /// How the text form is laid out.
    public struct Options: Sendable, Hashable {
        /// The line width descriptions are wrapped to (at least 40 is used).
        public var width: Int
        /// Whether descriptions are dimmed with ANSI escapes (for a terminal that allows colour).
        public var color: Bool

        /// Options for a width and with or without dimming.
        public init(width: Int = 80, color: Bool = false) {
            self.width = width
            self.color = color
        }
    }

    /// One value of an event, as `show` lists it: the root's members and everything below, in file order.
    public struct Field: Sendable, Hashable {
        /// Where the value is.
        public let path: JSONPath
        /// How deep it is: 0 for members of the root.
        public let depth: Int
        /// The catalogue's type label ("string", "map", "enum", ...); for values the catalogue does not
        /// describe, the JSON kind ("object", "list", "number", ...).
        public let typeLabel: String
        /// The part of the event the value belongs to; nil for unknown top-level members.
        public let section: FieldSection?
        /// The value, with everything below it.
        public let value: JSONValue
        /// True when the catalogue describes the value: a field with its own spec, an entry of a
        /// known map or list, or anything inside a claim value.
        public let isKnown: Bool
        /// The catalogue's summary, for fields with their own spec.
        public let description: String?
        /// For a string with an escaped lone surrogate (which `value` holds as U+FFFD), the string
        /// as the file writes it, quotes included.
        var writtenString: String? = nil
        /// For a key with an escaped lone surrogate, the key as the file writes it, quotes included.
        var writtenKey: String? = nil

        /// The last step of the path.
        public var key: PathComponent? { path.last }
    }

    // MARK: Fields

    /// Every value of the event below the root, in file order, with what the catalogue says about it.
    public static func fields(of event: TriggerEvent) -> [Field] {
        let trigger = event.trigger
        var result: [Field] = []
        // Children are pushed in reverse so they come off the stack in file order.
        var pending: [(node: JSONNode, path: JSONPath, context: Context)] = []
        func pushChildren(of node: JSONNode, path: JSONPath, context: Context) {
            var children: [(JSONNode, JSONPath, Context)] = []
            switch node.kind {
            case .object:
                for member in node.members {
                    let childPath = path + [.key(member.key)]
                    children.append((member.value, childPath, context.child(childPath, trigger: trigger)))
                }
            case .array:
                for (index, element) in node.elements.enumerated() {
                    let childPath = path + [.index(index)]
                    children.append((element, childPath, context.child(childPath, trigger: trigger)))
                }
            default:
                break
            }
            pending += children.reversed().map { (node: $0.0, path: $0.1, context: $0.2) }
        }
        pushChildren(of: event.document.root, path: [], context: .root)
        while let (node, path, context) = pending.popLast() {
            let value = node.value
            var field: Field
            switch context {
            case .spec(let spec):
                field = Field(path: path, depth: path.count - 1, typeLabel: spec.type.label, section: spec.section,
                              value: value, isKnown: true, description: spec.summary)
            case .entry(let label, let section):
                field = Field(path: path, depth: path.count - 1, typeLabel: label ?? value.kind.label, section: section,
                              value: value, isKnown: true, description: nil)
            case .freeForm(let section):
                field = Field(path: path, depth: path.count - 1, typeLabel: value.kind.label, section: section,
                              value: value, isKnown: true, description: nil)
            case .unknown, .root:
                field = Field(path: path, depth: path.count - 1, typeLabel: value.kind.label, section: Self.section(of: path),
                              value: value, isKnown: false, description: nil)
            }
            if node.kind == .string, let shown = node.displayString, shown != value.stringValue {
                field.writtenString = node.rawText
            }
            if let key = node.key, key.contains("\u{FFFD}"), node.displayKey != key, let written = node.rawKeyBytes {
                field.writtenKey = String(decoding: written, as: UTF8.self)
            }
            result.append(field)
            pushChildren(of: node, path: path, context: context)
        }
        return result
    }

    /// What the catalogue knows about a value, which decides what it knows about the value's children.
    private enum Context {
        case root
        /// A field with its own spec.
        case spec(FieldSpec)
        /// An entry of a known map or list; `label` is the entry type, or nil for "whatever it holds".
        case entry(label: String?, section: FieldSection)
        /// Inside a value of any shape (a claim value): known, typed by its JSON kind.
        case freeForm(FieldSection)
        /// Not described by the catalogue.
        case unknown

        func child(_ path: JSONPath, trigger: Trigger?) -> Context {
            if let spec = Catalogue.field(at: path, in: trigger) { return .spec(spec) }
            switch self {
            case .spec(let parent):
                guard let step = path.last, let entry = parent.type.entryType(at: step) else { return .unknown }
                if parent.type == .any { return .freeForm(parent.section) }
                return .entry(label: entry == .any ? nil : entry.label, section: parent.section)
            case .entry(_, let section), .freeForm(let section):
                return .freeForm(section)
            case .unknown, .root:
                return .unknown
            }
        }
    }

    private static func section(of path: JSONPath) -> FieldSection? {
        switch path.first {
        case .key("request")?: return .request
        case .key("response")?: return .response
        default: return nil
        }
    }

    // MARK: Text

    /// The header, the typed tree with descriptions, and the validation problems, as lines of text.
    public static func text(of event: TriggerEvent, options: Options = Options()) -> String {
        var lines = header(of: event, options: options)
        lines.append("")
        let width = max(options.width, 40)
        for field in fields(of: event) {
            let indent = String(repeating: "  ", count: field.depth)
            var line = indent + (field.writtenKey.map(TerminalText.escaped) ?? keyText(field.key)) + " (" + field.typeLabel + "):"
            if let shown = field.writtenString.map(TerminalText.escaped) ?? valueText(field.value) { line += " " + shown }
            if !field.isKnown { line += "  (not in the catalogue)" }
            lines.append(line)
            if let description = field.description {
                let descriptionIndent = indent + "    "
                for wrapped in wrap(description, width: width - descriptionIndent.count) {
                    lines.append(descriptionIndent + dimmed(wrapped, options))
                }
            }
        }
        lines.append("")
        lines += problemLines(event.validate())
        return lines.joined(separator: "\n") + "\n"
    }

    /// The header lines: trigger title and source, and what the source means.
    public static func header(of event: TriggerEvent, options: Options = Options()) -> [String] {
        let width = max(options.width, 40)
        let sourceName = event.document.node(at: ["triggerSource"])?.stringValue
        let title: String
        let explanation: String
        switch (event.trigger, event.triggerSource, sourceName) {
        case (let trigger?, let source?, _):
            let spec = Catalogue.spec(for: trigger)
            title = "\(spec.title): \(TerminalText.escaped(source.rawValue))"
            explanation = Catalogue.source(source)?.summary
                ?? "Not a trigger source Cognito sends; read as \(spec.title) from its prefix."
        case (nil, _, let name?):
            title = "Unknown trigger: \(TerminalText.quoted(name))"
            explanation = "This tool does not know this trigger source; the event is shown as a plain document."
        default:
            title = "Not a trigger event"
            explanation = "There is no triggerSource string, so the JSON is shown as a plain document."
        }
        return [title] + wrap(explanation, width: width - 2).map { "  " + $0 }
    }

    /// `Problems (2):` and one indented line per problem, or `No problems.`
    public static func problemLines(_ problems: [Problem]) -> [String] {
        guard !problems.isEmpty else { return ["No problems."] }
        return ["Problems (\(problems.count)):"] + problems.map { "  " + TerminalText.escaped($0.description) }
    }

    /// How a key is shown: `[2]` for indexes, the key itself when it is plain, quoted otherwise.
    static func keyText(_ key: PathComponent?) -> String {
        switch key {
        case .index(let index)?: return "[\(index)]"
        case .key(let key)?:
            let plain = !key.isEmpty && key.unicodeScalars.allSatisfy {
                !TerminalText.isUnsafe($0) && !$0.properties.isWhitespace && $0 != "\"" && $0 != "(" && $0 != ")"
            }
            return plain ? key : TerminalText.quoted(key)
        case nil: return "(root)"
        }
    }

    /// The value part of a tree line: scalars as JSON with strings escaped; `{}` or `[]` for empty
    /// containers; nil for containers with children (the children follow on their own lines).
    static func valueText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return TerminalText.quoted(text)
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .object(let members): return members.isEmpty ? "{}" : nil
        case .array(let elements): return elements.isEmpty ? "[]" : nil
        }
    }

    // MARK: JSON

    /// The machine-readable form: file, trigger, source, every field and every problem.
    public static func json(of event: TriggerEvent, file: String) -> String {
        let trigger = event.trigger
        let source = event.triggerSource
        let fieldValues: [JSONValue] = fields(of: event).map { field in
            .object([
                .init("path", .string(field.path.dottedString)),
                .init("type", .string(field.typeLabel)),
                .init("section", field.section.map { .string($0.rawValue) } ?? .null),
                .init("value", field.value),
                .init("known", .bool(field.isKnown)),
                .init("description", field.description.map(JSONValue.string) ?? .null),
            ])
        }
        let problemValues: [JSONValue] = event.validate().map { problem in
            .object([
                .init("severity", .string(problem.severity.rawValue)),
                .init("path", .string(problem.path.dottedString)),
                .init("message", .string(problem.message)),
                .init("source", .string(problem.source)),
            ])
        }
        let root: JSONValue = .object([
            .init("file", .string(file)),
            .init("trigger", trigger.map { .string($0.rawValue) } ?? .null),
            .init("title", trigger.map { .string(Catalogue.spec(for: $0).title) } ?? .null),
            .init("triggerSource", source.map { .string($0.rawValue) } ?? .null),
            .init("triggerSourceDescription", source.flatMap(Catalogue.source).map { .string($0.summary) } ?? .null),
            .init("fields", .array(fieldValues)),
            .init("problems", .array(problemValues)),
        ])
        return jsonText(root)
    }

    /// A value as indented JSON with a final line break, with every character that could steer a
    /// terminal written as an escape (`\u001b`, `\n`): still valid JSON, since the writer puts such
    /// characters only inside strings, and between members it writes only line breaks and spaces.
    public static func jsonText(_ value: JSONValue) -> String {
        TerminalText.printableJSON(value.prettyText(unit: "  ")) + "\n"
    }

    // MARK: Parse errors

    /// `FILE:LINE:COLUMN: message`, then the line of text around the error with a caret under it.
    public static func parseError(_ error: JSONParseError, in bytes: [UInt8], file: String) -> String {
        var lines = ["\(TerminalText.escaped(file)):\(error.line):\(error.column): \(TerminalText.escaped(error.reason))"]
        let number = String(error.line)
        let gutter = String(repeating: " ", count: number.count)
        for line in TerminalText.excerpt(of: bytes, line: error.line, column: error.column, width: 80) {
            lines.append(" \(line.isCaret ? gutter : number) | " + line.text)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Layout

    /// Text wrapped to `width` columns (at least 10), for the lines of `show` and `triggers`.
    static func wrap(_ text: String, width: Int) -> [String] {
        TerminalText.wrap(text, width: max(width, 10))
    }
}

extension JSONKind {
    /// How `show` names a JSON kind for values the catalogue does not type.
    public var label: String {
        switch self {
        case .object: return "object"
        case .array: return "list"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "boolean"
        case .null: return "null"
        }
    }
}
