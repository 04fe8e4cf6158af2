/// One terminal cell: a grapheme cluster, how many columns it takes, and its style.
///
/// A wide character occupies two cells: the first holds the grapheme with width 2, the second
/// is a continuation cell with an empty grapheme and width 0.
public struct Cell: Hashable, Sendable {
    /// The text shown in the cell (one grapheme cluster; empty in a continuation cell).
    public var grapheme: String
    /// Columns taken: 1 or 2, or 0 for the continuation cell of a wide character.
    public var width: Int
    /// Colours and attributes.
    public var style: Style

    /// Creates a cell as given; the grid keeps its cells consistent, so prefer `Grid.put`.
    public init(grapheme: String, width: Int, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A plain space.
    public static let blank = Cell(grapheme: " ", width: 1, style: .plain)

    /// A space in `style`.
    public static func blank(_ style: Style) -> Cell { Cell(grapheme: " ", width: 1, style: style) }

    /// True for the second cell of a wide character.
    public var isContinuation: Bool { width == 0 }
}
