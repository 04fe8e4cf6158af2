import CognitoTriggers
import JSONDocument

/// One line of a tree pane: a field, map entry or list element, at a depth, maybe expandable.
public struct TreeRow: Sendable {
    /// How the row relates to the catalogue.
    public enum Role: Hashable, Sendable {
        /// A field the catalogue describes.
        case field
        /// An entry of a map or list field the catalogue describes (a user attribute, a scope).
        case entry
        /// A key the catalogue does not know, where it knows the object around it.
        case unknown
        /// A value inside an entry or an unknown field, or any value of JSON that is no event.
        case plain
    }

    /// Where the value is (or would be, for an absent field).
    public var path: JSONPath
    /// Nesting level from 0.
    public var depth: Int
    /// The key, `[index]`, or the field name.
    public var label: String
    /// The value, or nil when the field is absent.
    public var node: JSONNode?
    /// The catalogue's description of the field, when there is one.
    public var spec: FieldSpec?
    public var role: Role
    /// True when the row has children to show (a non-empty container, or a catalogue object).
    public var isExpandable: Bool
    public var isExpanded: Bool

    /// True for a catalogue field the event does not hold.
    public var isAbsent: Bool { node == nil }
}
