import JSONDocument

/// The JSON shape the catalogue expects at a path of an event.
public enum FieldType: Sendable, Hashable {
    /// A JSON string.
    case string
    /// A JSON `true` or `false`.
    case boolean
    /// A JSON number without a fraction.
    case integer
    /// Any JSON number.
    case number
    /// A string taken from `FieldSpec.allowedValues`.
    case enumeration
    /// An object whose values are all strings (`clientMetadata`, V1 `claimsToAddOrOverride`).
    case stringMap
    /// An object whose values may be any JSON value (V2 and V3 claims to add).
    case claimMap
    /// An object of string values in principle, but real events also carry booleans: read leniently.
    case attributeMap
    /// An array of strings (`claimsToSuppress`, `scopesToAdd`, `groupsToOverride`).
    case stringList
    /// An array of strings taken from `FieldSpec.allowedValues` (`desiredDeliveryMediums`).
    case enumerationList
    /// An object whose members have their own specs (`callerContext`, `groupConfiguration`).
    case object
    /// An array of objects whose members have their own specs under `"*"` (`session`).
    case objectList
    /// Any JSON value.
    case any

    /// A short label for the user interface, such as "string", "map" or "enum".
    public var label: String {
        switch self {
        case .string: "string"
        case .boolean: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .enumeration: "enum"
        case .stringMap: "map"
        case .claimMap: "map"
        case .attributeMap: "map"
        case .stringList: "list"
        case .enumerationList: "enum list"
        case .object: "object"
        case .objectList: "list"
        case .any: "any"
        }
    }

    /// True for the types whose values are JSON objects.
    public var isObjectLike: Bool {
        switch self {
        case .stringMap, .claimMap, .attributeMap, .object: true
        default: false
        }
    }

    /// True for the types whose values are JSON arrays.
    public var isArrayLike: Bool {
        switch self {
        case .stringList, .enumerationList, .objectList: true
        default: false
        }
    }

    /// The type of a direct entry of a value of this type, reached by `step`: a string under a key
    /// of a string or attribute map and at an index of a string list, an enumeration in an
    /// enumeration list, anything under a claim's name or inside a value of any type. Nil for other
    /// steps (the members of objects and object lists have specs of their own).
    public func entryType(at step: PathComponent) -> FieldType? {
        switch (self, step) {
        case (.stringMap, .key), (.attributeMap, .key), (.stringList, .index): .string
        case (.enumerationList, .index): .enumeration
        case (.claimMap, .key), (.any, _): .any
        default: nil
        }
    }
}

/// Where a field lives in an event, which also decides whether a function may change it.
public enum FieldSection: String, Sendable {
    /// The top-level fields every trigger event carries (`version`, `triggerSource`, `callerContext`).
    case common
    /// Fields under `request`: what Cognito tells the function.
    case request
    /// Fields under `response`: what the function tells Cognito.
    case response
}

/// The description of one field of a trigger event: where it is, its type, and what it means.
public struct FieldSpec: Sendable, Hashable {
    /// The path from the event root, such as `["request", "userAttributes"]`; `"*"` stands for any array element.
    public let path: [String]
    /// The JSON shape expected at the path.
    public let type: FieldType
    /// The part of the event the field belongs to.
    public let section: FieldSection
    /// True for response fields, which the function may set; request and common fields are read-only.
    public let isEditable: Bool
    /// True when Cognito always includes the field in the events it sends.
    ///
    /// For request and common fields a missing key means a malformed event. For response fields it
    /// means Cognito sends the key, often as null or false, before the function fills it in; a
    /// function's output may still leave it out.
    public let isRequired: Bool
    /// True when the field may hold `null`, for example before the function fills it in.
    public let isNullable: Bool
    /// The values Cognito documents for enumerations, in a useful order; empty for other types.
    ///
    /// Cognito adds values over time, so treat a value outside this list as worth a warning, not as an error.
    public let allowedValues: [String]
    /// One to three sentences explaining the field to someone reading a captured event.
    public let summary: String
    /// Whether the field holds personal data, and of which kind: what redaction replaces.
    public let personal: PersonalData

    /// The last component of the path, which is the JSON key (or `"*"` for an array element).
    public var name: String { path.last ?? "" }

    /// The path of the enclosing field, or nil for a top-level field.
    public var parentPath: [String]? { path.isEmpty ? nil : Array(path.dropLast()) }

    /// The path written with dots, as in `request.session.*.challengeName`.
    public var dottedPath: String { path.joined(separator: ".") }

    /// Creates a field description.
    public init(
        path: [String],
        type: FieldType,
        section: FieldSection,
        isEditable: Bool,
        isRequired: Bool,
        isNullable: Bool = false,
        allowedValues: [String] = [],
        personal: PersonalData = .none,
        summary: String
    ) {
        self.path = path
        self.type = type
        self.section = section
        self.isEditable = isEditable
        self.isRequired = isRequired
        self.isNullable = isNullable
        self.allowedValues = allowedValues
        self.summary = summary
        self.personal = personal
    }
}

extension FieldSpec {
    /// A catalogue field in `section`: its path is relative to the section (`request` and `response`
    /// add their key), only response fields are editable, and `required`/`nullable` default to what the
    /// section usually holds (request and common fields: always present, never null; response fields:
    /// possibly missing or null until the function fills them in).
    static func field(
        _ section: FieldSection,
        _ path: [String],
        _ type: FieldType,
        required: Bool? = nil,
        nullable: Bool? = nil,
        allowed: [String] = [],
        personal: PersonalData = .none,
        _ summary: String
    ) -> FieldSpec {
        let isResponse = section == .response
        return FieldSpec(
            path: (section == .common ? [] : [section.rawValue]) + path, type: type, section: section,
            isEditable: isResponse, isRequired: required ?? !isResponse, isNullable: nullable ?? isResponse,
            allowedValues: allowed, personal: personal, summary: summary
        )
    }
}
