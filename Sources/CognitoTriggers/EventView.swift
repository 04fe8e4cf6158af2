import JSONDocument

/// A typed view of one part of an event (the event itself, its `request`, its `response`, ...).
///
/// Views hold the event's document and the path of the part they show. Getters read through the
/// document; setters write through it, so unknown fields and formatting survive. Conforming types
/// only name their fields; the reading and writing rules live here, once.
public protocol EventView: Sendable {
    /// The whole event's document.
    var document: JSONDocument { get set }
    /// Where this view's object sits in the document.
    var basePath: JSONPath { get }
}

extension EventView {
    /// The node of this view's object, when it exists.
    public var node: JSONNode? { document.node(at: basePath) }

    /// The raw value of a member of this view's object (nil when absent).
    public func rawValue(_ key: String) -> JSONValue? { document.node(at: basePath + [.key(key)])?.value }

    func path(_ key: String) -> JSONPath { basePath + [.key(key)] }

    /// Reads an optional member: nil when absent or `null`, an error when it holds another kind of value.
    func optional<T>(_ key: String, _ reader: FieldReader<T>) throws(FieldError) -> T? {
        guard let node = document.node(at: path(key)), !node.isNull else { return nil }
        guard let value = reader.read(node) else {
            throw FieldError(path: path(key), kind: .wrongType(expected: reader.expected, found: node.kind))
        }
        return value
    }

    /// Reads a required member: an error when absent, `null` or of another kind.
    func required<T>(_ key: String, _ reader: FieldReader<T>) throws(FieldError) -> T {
        guard let value = try optional(key, reader) else { throw FieldError(path: path(key), kind: .missing) }
        return value
    }

    /// Reads a map member, giving an empty map when it is absent or `null` (as the seed's getters do).
    func map(_ key: String, _ reader: FieldReader<[String: String]> = .stringMap) throws(FieldError) -> [String: String] {
        try optional(key, reader) ?? [:]
    }

    /// Writes a member, creating this view's object (and its parents) when missing or `null`.
    ///
    /// A setter cannot fail: where the event holds a scalar on the way (say `"response": "oops"`),
    /// it is replaced by an object. Use `JSONDocument.setValue(_:at:)` directly to get an error instead.
    mutating func write(_ key: String, _ value: JSONValue?) {
        document.writeThrough(value, at: path(key))
    }

    /// The view `make` builds of the object member `key`, after making sure the member is an
    /// object (an empty one replaces `null` or a missing member), so fields set through it land.
    mutating func objectMember<View: EventView>(_ key: String, _ make: (JSONDocument, JSONPath) -> View) -> View {
        let memberPath = path(key)
        if document.node(at: memberPath)?.kind != .object { document.writeThrough(.object([]), at: memberPath) }
        return make(document, memberPath)
    }
}

extension JSONDocument {
    /// Sets (or with nil, removes) a value, creating missing objects and replacing scalars in the way.
    mutating func writeThrough(_ value: JSONValue?, at path: JSONPath) {
        guard let value else {
            try? removeValue(at: path)
            return
        }
        for _ in 0...path.count {
            do {
                try setValue(value, at: path, createMissing: true)
                return
            } catch {
                // Replace the value that blocks the path with an empty object (or array for an index), then retry.
                // The root itself cannot be replaced this way.
                guard case .notAContainer = error.kind, error.depth > 0, error.depth < path.count else { return }
                let blocker = JSONPath(path.prefix(error.depth))
                let replacement: JSONValue = path[error.depth].index != nil ? .array([]) : .object([])
                do { try setValue(replacement, at: blocker) } catch { return }
            }
        }
    }
}

/// How to read one kind of field from a node; nil means "wrong type".
public struct FieldReader<T>: Sendable {
    /// What the field should hold, for messages: "a string", "a boolean", "a map of strings".
    public let expected: String
    let read: @Sendable (JSONNode) -> T?
}

extension FieldReader where T == String {
    /// A JSON string.
    public static let string = FieldReader(expected: "a string") { $0.stringValue }
}

extension FieldReader where T == Bool {
    /// A JSON boolean; the string "true" is a type problem, not true.
    public static let bool = FieldReader(expected: "a boolean") { $0.boolValue }
}

extension FieldReader where T == Int {
    /// A JSON number that is a whole number.
    public static let int = FieldReader(expected: "a whole number") { $0.numberValue?.int }
}

extension FieldReader where T == JSONValue {
    /// Any JSON value.
    public static let any = FieldReader(expected: "a value") { $0.value }
}

extension FieldReader where T == [String: String] {
    /// An object of strings. Scalars that are not strings (booleans, numbers) are read as their JSON
    /// text, since real events carry `"email_verified": true`; `validate()` reports them as warnings.
    public static let stringMap = FieldReader(expected: "a map of strings") { node in
        guard node.kind == .object else { return nil }
        var result: [String: String] = [:]
        for (key, value) in node.members {
            switch value.kind {
            case .string: result[key] = value.stringValue
            case .bool, .number: result[key] = value.rawText
            case .null: continue
            case .object, .array: return nil
            }
        }
        return result
    }

    /// An object whose values may be of any kind, each given as its text (strings decoded).
    public static let looseMap = FieldReader(expected: "an object") { node in
        guard node.kind == .object else { return nil }
        var result: [String: String] = [:]
        for (key, value) in node.members { result[key] = value.stringValue ?? value.rawText }
        return result
    }
}

extension FieldReader where T == [String] {
    /// An array of strings.
    public static let stringList = FieldReader(expected: "a list of strings") { node in
        guard node.kind == .array else { return nil }
        var result: [String] = []
        for element in node.elements {
            guard let string = element.stringValue else { return nil }
            result.append(string)
        }
        return result
    }
}

extension FieldReader where T == [String: JSONValue] {
    /// An object of any JSON values (V2 and V3 claims).
    public static let valueMap = FieldReader(expected: "an object") { node in
        guard node.kind == .object else { return nil }
        var result: [String: JSONValue] = [:]
        for (key, value) in node.members { result[key] = value.value }
        return result
    }
}

extension JSONValue {
    /// An object from a dictionary, keys sorted so the text is stable.
    static func stringObject(_ map: [String: String]) -> JSONValue {
        .object(map.sorted { $0.key < $1.key }.map { .init($0.key, .string($0.value)) })
    }

    static func valueObject(_ map: [String: JSONValue]) -> JSONValue {
        .object(map.sorted { $0.key < $1.key }.map { .init($0.key, $0.value) })
    }

    static func stringArray(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }
}
