import JSONDocument

/// A plain view at a path; the building block of request and response views.
public struct Section: EventView {
    public var document: JSONDocument
    public let basePath: JSONPath

    public init(document: JSONDocument, basePath: JSONPath) {
        self.document = document
        self.basePath = basePath
    }
}

extension EventView {
    /// A lenient read for response fields: nil when absent, `null` or of the wrong type
    /// (`validate()` reports wrong types).
    func lenient<T>(_ key: String, _ reader: FieldReader<T>) -> T? {
        guard let node = document.node(at: path(key)), !node.isNull else { return nil }
        return reader.read(node)
    }

    /// Writes an optional value: nil writes `null`, which Cognito reads as "not set".
    mutating func write<T>(_ key: String, _ value: T?, _ encode: (T) -> JSONValue) {
        write(key, value.map(encode) ?? .null)
    }
}
