import Synchronization

/// Where a node is in one version of a document, held without holding the document.
///
/// A `JSONNode` keeps the document's storage alive, and an edit of a document whose storage is
/// still held elsewhere copies all of it (52 MB of text and 15 MB of tape for a large event).
/// Values that outlive an edit, such as the rows of a tree view, hold a reference instead and ask
/// the document for the node when they need it: `document.node(reference)`. A reference names a
/// tape index in the version of the text it was taken from; after any edit, undo or redo of that
/// document it resolves to nil, never to another node.
public struct NodeReference: Hashable, Sendable {
    let index: Int
    let version: UInt64
}

extension JSONNode {
    /// A reference to this node that does not keep the document alive.
    public var reference: NodeReference { NodeReference(index: index, version: storage.version) }
}

extension JSONDocument {
    /// The node a reference names, or nil when this document is not the version it was taken
    /// from (it was edited since, or it is another document).
    public func node(_ reference: NodeReference) -> JSONNode? {
        guard reference.version == storage.version, reference.index < storage.nodes.count else { return nil }
        return JSONNode(storage: storage, index: reference.index)
    }
}

extension Storage {
    /// The source of versions: each parse and each change of a tape takes the next number, so two
    /// storages share a version only when one is an unchanged copy of the other.
    private static let versions = Atomic<UInt64>(0)

    /// A version no storage has had before.
    static func newVersion() -> UInt64 {
        versions.add(1, ordering: .relaxed).newValue
    }
}
