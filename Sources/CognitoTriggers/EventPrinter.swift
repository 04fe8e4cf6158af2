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
