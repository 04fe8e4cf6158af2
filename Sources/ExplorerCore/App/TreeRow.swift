import CognitoTriggers
import JSONDocument

/// One line of a tree pane: a field, map entry or list element, at a depth, maybe expandable.
///
/// A row names its value by a `NodeReference`, not a node: rows live in the explorer's state
/// across edits, and a node would keep the document's storage shared, so that every edit copied
/// the whole document. The value is read from the document when it is needed (`node(in:)`).
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
    /// Where the value is in the version of the document the row was made from, or nil when the
    /// field is absent.
    public var reference: NodeReference?
    /// The catalogue's description of the field, when there is one.
    public var spec: FieldSpec?
    public var role: Role
    /// True when the row has children to show (a non-empty container, or a catalogue object).
    public var isExpandable: Bool
    public var isExpanded: Bool

    /// True for a catalogue field the event does not hold.
    public var isAbsent: Bool { reference == nil }

    /// The row's value in `document`, or nil when the field is absent (or the document is not the
    /// version the row was made from).
    public func node(in document: JSONDocument?) -> JSONNode? {
        guard let reference else { return nil }
        return document?.node(reference)
    }
}
