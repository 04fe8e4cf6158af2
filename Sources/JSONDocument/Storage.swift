import Foundation

/// Parsed bytes and their node tape, shared by nodes.
///
/// Immutable once shared: an edit changes a storage in place only when the document holds the one
/// reference to it (`isKnownUniquelyReferenced`), and copies it otherwise. That is what makes the
/// unchecked `Sendable` safe, and why dynamic exclusivity checks (a quarter of the time of reads
/// by key) can be left out: no access can overlap a mutation.
final class Storage: @unchecked Sendable {
    /// The text with a gap in it, and the tape's offsets into it (see Storage+Gap.swift).
    @exclusivity(unchecked) var buffer: [UInt8]
    @exclusivity(unchecked) var gapStart: Int
    @exclusivity(unchecked) var gapLength = 0
    /// Tape indexes of the containers that strictly hold the gap's place in the text.
    @exclusivity(unchecked) var gapEnclosing: [Int] = []
    @exclusivity(unchecked) var nodes: [RawNode]
    @exclusivity(unchecked) var whitespaceStyle: WhitespaceStyle
    /// Where the bytes the whitespace style was read from end (see `WhitespaceStyle.detectWithExtent`).
    @exclusivity(unchecked) var whitespaceStyleExtent: Int
    /// Tape indexes, ascending, of the objects whose keys may repeat, once made (see
    /// Storage+RepeatedKeys.swift): made when first needed (listing duplicate keys), not by the
    /// parser, so reading a document does not pay for it; kept up to date by edits from then on.
    @exclusivity(unchecked) var knownRepeats: [Int]?
    /// Guards what reads fill in on a storage that may be shared between threads: `knownRepeats`
    /// and `queryCache`.
    let readCachesLock = NSLock()
    /// Kind and key length of each node, index for index with `nodes` (see Storage+Traits.swift).
    @exclusivity(unchecked) var traits: [UInt8]
    /// Answers to child queries on long containers, guarded by `readCachesLock` and kept up to date
    /// by edits (see Storage+QueryCache.swift); empty in a new storage.
    @exclusivity(unchecked) var queryCache = QueryCache()
    /// Which version of the tape this is: new for every parse and every patch, kept by a copy
    /// (see NodeReference.swift).
    @exclusivity(unchecked) var version = Storage.newVersion()

    init(bytes: [UInt8], maxDepth: Int) throws(JSONParseError) {
        let nodes = try Parser(maxDepth: maxDepth).parse(bytes)
        self.buffer = bytes
        self.gapStart = bytes.count
        self.nodes = nodes
        self.knownRepeats = nil
        self.traits = NodeTraits.make(nodes)
        (self.whitespaceStyle, self.whitespaceStyleExtent) = WhitespaceStyle.detectWithExtent(in: bytes, firstMember: nodes.first(where: { $0.hasKey }))
    }

    /// A copy to edit while other values still read this one.
    init(copying other: Storage) {
        self.buffer = other.buffer
        self.gapStart = other.gapStart
        self.gapLength = other.gapLength
        self.gapEnclosing = other.gapEnclosing
        self.nodes = other.nodes
        self.whitespaceStyle = other.whitespaceStyle
        self.whitespaceStyleExtent = other.whitespaceStyleExtent
        self.knownRepeats = other.listedRepeatsIfKnown
        self.traits = other.traits
        self.version = other.version
    }
}
