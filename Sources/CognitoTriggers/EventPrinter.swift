import JSONDocument

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
            let field: Field
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
            if let spec = Catalogue.spec(at: path, in: trigger) { return .spec(spec) }
            switch self {
            case .spec(let parent):
                switch (parent.type, path.last) {
                case (.stringMap, .key?), (.attributeMap, .key?): return .entry(label: "string", section: parent.section)
                case (.claimMap, .key?): return .entry(label: nil, section: parent.section)
                case (.stringList, .index?): return .entry(label: "string", section: parent.section)
                case (.enumerationList, .index?): return .entry(label: "enum", section: parent.section)
                case (.any, _): return .freeForm(parent.section)
                default: return .unknown
                }
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
            var line = indent + keyText(field.key) + " (" + field.typeLabel + "):"
            if let shown = valueText(field.value) { line += " " + shown }
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
            title = "\(spec.title): \(escaped(source.rawValue))"
            explanation = Catalogue.source(source)?.summary
                ?? "Not a trigger source Cognito sends; read as \(spec.title) from its prefix."
        case (nil, _, let name?):
            title = "Unknown trigger: \(quoted(name))"
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
        return ["Problems (\(problems.count)):"] + problems.map { "  " + escaped($0.description) }
    }

    /// How a key is shown: `[2]` for indexes, the key itself when it is plain, quoted otherwise.
    static func keyText(_ key: PathComponent?) -> String {
        switch key {
        case .index(let index)?: return "[\(index)]"
        case .key(let key)?:
            let plain = !key.isEmpty && key.unicodeScalars.allSatisfy {
                !isUnsafe($0) && !$0.properties.isWhitespace && $0 != "\"" && $0 != "(" && $0 != ")"
            }
            return plain ? key : quoted(key)
        case nil: return "(root)"
        }
    }

    /// The value part of a tree line: scalars as JSON with strings escaped; `{}` or `[]` for empty
    /// containers; nil for containers with children (the children follow on their own lines).
    static func valueText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return quoted(text)
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
    /// terminal written as a `\u` escape (still valid JSON, since such characters only occur in strings).
    public static func jsonText(_ value: JSONValue) -> String {
        let text = value.prettyText(unit: "  ")
        // Line breaks between members are layout; inside strings the writer has escaped them already.
        let needsEscape = { (scalar: Unicode.Scalar) in scalar != "\n" && isUnsafe(scalar) }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text + "\n" }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result.append(contentsOf: unicodeEscape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result) + "\n"
    }

    // MARK: Parse errors

    /// `FILE:LINE:COLUMN: message`, then the line of text around the error with a caret under it.
    public static func parseError(_ error: JSONParseError, in bytes: [UInt8], file: String) -> String {
        var lines = ["\(escaped(file)):\(error.line):\(error.column): \(escaped(error.reason))"]
        let text = lineText(bytes, line: error.line)
        let scalars = Array(text.unicodeScalars)
        let caretIndex = min(max(error.column - 1, 0), scalars.count)
        // Long lines (minified events) are cut to a window around the error.
        let before = 40, after = 40
        let start = max(0, caretIndex - before)
        let end = min(scalars.count, caretIndex + after)
        let head = (start > 0 ? "…" : "") + escaped(String(String.UnicodeScalarView(scalars[start..<caretIndex])))
        let tail = escaped(String(String.UnicodeScalarView(scalars[caretIndex..<end]))) + (end < scalars.count ? "…" : "")
        let number = String(error.line)
        let gutter = String(repeating: " ", count: number.count)
        lines.append(" \(number) | " + head + tail)
        lines.append(" \(gutter) | " + String(repeating: " ", count: displayWidth(head)) + "^")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text of a 1-based line, without its line break; invalid UTF-8 reads as U+FFFD.
    static func lineText(_ bytes: [UInt8], line: Int) -> String {
        var current = 1
        var start = 0
        var index = 0
        while index < bytes.count && current < line {
            if bytes[index] == 0x0A {
                current += 1
                start = index + 1
            }
            index += 1
        }
        guard current == line else { return "" }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        // Skip a byte-order mark, which the parser does not count as a column.
        if start == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = min(3, end) }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    // MARK: Escaping and layout

    /// The text with every character that could steer a terminal made visible: `\n`, `\t`, `\r`,
    /// `\u001b` for other C0 controls, DEL and C1 controls, and `\u202e` for line separators and
    /// bidirectional controls. Everything else, backslashes included, stays as it is.
    ///
    /// `escaped(_:keepingLayout:)` does the same for JSON text, keeping its whitespace.
    public static func escaped(_ text: String) -> String { escaped(text, keepingLayout: false) }

    /// The text escaped as `escaped(_:)` does; with `keepingLayout`, line breaks, tabs and carriage
    /// returns stay: for JSON text, where they can only be whitespace between values (inside
    /// strings JSON escapes them), so the result is the same JSON.
    public static func escaped(_ text: String, keepingLayout: Bool) -> String {
        let layout: Set<Unicode.Scalar> = keepingLayout ? ["\n", "\t", "\r"] : []
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && !layout.contains($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) && !layout.contains(scalar) {
                result.append(contentsOf: visibleEscape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A string in double quotes, as JSON writes it (`\"` and `\\` escaped), with every unsafe
    /// character escaped as in `escaped(_:)`: what is printed can be pasted back as a JSON string.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if isUnsafe(scalar) { result += visibleEscape(scalar) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// True for the characters `escaped(_:)` replaces.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        // A byte of a file name that is not UTF-8, as PathBytes carries it.
        case 0xF700...0xF7FF: return true
        default: return false
        }
    }

    private static func visibleEscape(_ scalar: Unicode.Scalar) -> String {
        if PathBytes.isRawByte(scalar) { return PathBytes.showingRawBytes(String(scalar)) }
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        default: return unicodeEscape(scalar)
        }
    }

    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Splits text into lines of at most `width` characters at spaces; a longer word gets its own line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 10)
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The number of terminal columns a text takes: wide East Asian characters and emoji count two,
    /// combining marks and joiners none. An approximation that keeps carets under the right character.
    static func displayWidth(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
            width += wide ? 2 : 1
        }
        return width
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
