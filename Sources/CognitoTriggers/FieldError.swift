import JSONDocument

/// A field of an event that is missing or holds the wrong kind of JSON value.
public struct FieldError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A required field is absent (or `null`).
        case missing
        /// The field holds another kind of value; `expected` says what was wanted ("a string").
        case wrongType(expected: String, found: JSONKind)
    }

    /// The path of the field.
    public let path: JSONPath
    public let kind: Kind

    public init(path: JSONPath, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// `request.userAttributes: expected a map of strings, found an array`.
    public var description: String {
        switch kind {
        case .missing: return "\(path.dottedString): required field is missing"
        case .wrongType(let expected, let found): return "\(path.dottedString): expected \(expected), found \(found.phrase)"
        }
    }
}

extension JSONKind {
    /// "a string", "an object", "null": how messages name a kind.
    public var phrase: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}
