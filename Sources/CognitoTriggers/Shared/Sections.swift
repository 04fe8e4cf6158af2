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

/// How a response member is read and written: leniently read (nil when absent, `null` or of the
/// wrong type, which `validate()` reports), and written as the JSON its value becomes.
struct MemberFormat<T>: Sendable {
    let reader: FieldReader<T>
    let encode: @Sendable (T) -> JSONValue
}

extension MemberFormat where T == String {
    static let string = MemberFormat(reader: .string, encode: JSONValue.string)
}

extension MemberFormat where T == Bool {
    static let bool = MemberFormat(reader: .bool, encode: JSONValue.bool)
}

extension MemberFormat where T == [String] {
    static let stringList = MemberFormat(reader: .stringList, encode: JSONValue.stringArray)
}

extension MemberFormat where T == [String: String] {
    static let stringMap = MemberFormat(reader: .stringMap, encode: JSONValue.stringObject)
}

extension MemberFormat where T == [String: JSONValue] {
    static let valueMap = MemberFormat(reader: .valueMap, encode: JSONValue.valueObject)
}

extension EventView {
    /// A response member as `format` reads it; setting nil writes `null`, which Cognito reads as
    /// "not set". Each response field of the wrappers is one line through this.
    subscript<T>(_ key: String, _ format: MemberFormat<T>) -> T? {
        get {
            guard let node = document.node(at: path(key)), !node.isNull else { return nil }
            return format.reader.read(node)
        }
        set { write(key, newValue.map(format.encode) ?? .null) }
    }
}
