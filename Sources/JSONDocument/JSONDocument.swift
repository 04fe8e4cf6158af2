import Foundation
/// A JSON text parsed so that it can be read by path and edited without touching anything else.
///
/// The document keeps the original bytes. Every node knows its byte span, numbers keep their spelling,
/// strings their escapes, objects their key order and the file its whitespace, line endings and BOM.
/// Serializing an unedited document gives back the same bytes; an edit rewrites only the bytes of the
/// value it changes, and can be undone back to the exact previous bytes.
public struct JSONDocument: Sendable {
    /// The default limit on nesting of arrays and objects.
    public static let defaultMaxDepth = 512

    var storage: Storage
    /// The deepest nesting the parser accepts; deeper text fails with `tooDeep`.
    public let maxDepth: Int
    var undoStack: [Splice] = []
    var redoStack: [Splice] = []
    /// Undo-stack height of the saved text (as of the last `markSaved()` or load), or, once edits
    /// were undone past it and a new edit dropped them from the redo stack, of the text they branched from.
    var savedHeight = 0
    /// The edits that lead from the text at `savedHeight` to the saved text after a new edit dropped
    /// them from the redo stack, in redo-stack order (the last one first); empty while the saved
    /// text is on the undo or redo stack.
    var savedDetour: [Splice] = []

    /// Parses bytes of JSON (RFC 8259, UTF-8, optionally starting with a byte-order mark).
    public init(bytes: [UInt8], maxDepth: Int = JSONDocument.defaultMaxDepth) throws(JSONParseError) {
        self.maxDepth = maxDepth
        self.storage = try Storage(bytes: bytes, maxDepth: maxDepth)
    }

    /// Parses a string of JSON.
    public init(text: String, maxDepth: Int = JSONDocument.defaultMaxDepth) throws(JSONParseError) {
        try self.init(bytes: Array(text.utf8), maxDepth: maxDepth)
    }

    /// The document's bytes: the original ones, with every edit applied.
    public var bytes: [UInt8] { storage.text }

    /// Makes `bytes` cheap on a large edited document: edits leave a gap in the stored text (so
    /// that the next edit at the same place moves nothing), and while it is there `bytes` returns
    /// a copy. This moves the text after the gap into it, in place; call it before saving. Does
    /// nothing when another copy of the document shares the text (closing it would copy it too).
    public mutating func closeGap() {
        guard storage.gapLength > 0, isKnownUniquelyReferenced(&storage) else { return }
        storage.closeGap()
    }

    /// The identity of the stored text and tape, for tests that check an edit patched the storage
    /// in place: a copy made because something else still held the storage has another identity.
    @_spi(Testing) public var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

    /// The document as text.
    public var text: String { String(decoding: storage.text, as: UTF8.self) }

    /// The top-level value.
    public var root: JSONNode { JSONNode(storage: storage, index: 0) }

    /// The node at a path, or nil when some step does not exist.
    public func node(at path: JSONPath) -> JSONNode? {
        var node = root
        for component in path {
            guard let next = node.child(component) else { return nil }
            node = next
        }
        return node
    }

    /// The value at a path, or nil when some step does not exist.
    public subscript(path: JSONPath) -> JSONValue? { node(at: path)?.value }

    /// Whether the text starts with a UTF-8 byte-order mark (kept on save).
    public var hasByteOrderMark: Bool { storage.textView.starts(with: [0xEF, 0xBB, 0xBF]) }

    /// The whitespace style the document is written in, which new text follows.
    public var whitespaceStyle: WhitespaceStyle { storage.whitespaceStyle }

    /// The 1-based line and column (in code points) of a byte offset.
    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        TextPosition.lineAndColumn(of: offset, in: storage.textView)
    }

    /// The path from the root to the node at a tape index.
    func path(ofNode target: Int) -> JSONPath {
        var path: JSONPath = []
        var current = 0
        let nodes = storage.nodes
        while current != target {
            var position = 0
            var child = current + 1
            while child < Int(nodes[current].subtreeEnd) {
                if target < Int(nodes[child].subtreeEnd) { break }
                child = Int(nodes[child].subtreeEnd)
                position += 1
            }
            let node = JSONNode(storage: storage, index: child)
            path.append(nodes[current].kind == .object ? .key(node.key ?? "") : .index(position))
            current = child
        }
        return path
    }
}
