/// Which rows of a scrolling pane are on screen: the rectangle they are drawn in and the first
/// row shown there.
///
/// The one place where a scroll offset is worked out: the state stores `first` after each change
/// (`ExplorerState.keepCursorsVisible`), the views draw `shown` at `rect`, and a mouse click is
/// mapped back to a row with `row(atY:)`, so a click always lands on the row drawn under it.
public struct Viewport: Hashable, Sendable {
    /// Where the rows are drawn, one per line from `rect.y`.
    public let rect: Rect
    /// The index of the row drawn on the first line.
    public let first: Int
    /// How many rows the pane has in all.
    public let count: Int

    /// The viewport of `count` rows in `rect` that keeps `cursor` in view, scrolling as little
    /// as possible from `previous` (the first row shown before).
    public init(rect: Rect, cursor: Int, previous: Int, count: Int) {
        self.rect = rect
        self.count = max(0, count)
        first = Self.first(keeping: cursor, from: previous, height: rect.height, count: count)
    }

    /// The viewport of `count` rows in `rect` with no cursor (a text viewer), starting at
    /// `scroll` or as near it as the rows allow (the last page shows no empty lines).
    public init(rect: Rect, scroll: Int, count: Int) {
        self.rect = rect
        self.count = max(0, count)
        first = Self.clamped(scroll, height: rect.height, count: count)
    }

    /// The indexes of the rows on screen, top to bottom.
    public var shown: Range<Int> { first..<max(first, min(count, first + rect.height)) }

    /// The first row that may be shown at all: the one that puts the last row on the last line.
    public var lastFirst: Int { max(0, count - rect.height) }

    /// The row drawn on screen line `y`, or nil when that line holds no row.
    public func row(atY y: Int) -> Int? {
        guard y >= rect.y, y < rect.maxY, rect.width > 0 else { return nil }
        let index = first + (y - rect.y)
        return index < count ? index : nil
    }

    /// The screen line row `index` is drawn on, or nil when it is not on screen.
    public func y(ofRow index: Int) -> Int? {
        shown.contains(index) ? rect.y + (index - first) : nil
    }

    /// The first row to show so that `cursor` is in a window of `height` rows over `count`,
    /// moving as little as possible from `previous`.
    public static func first(keeping cursor: Int, from previous: Int, height: Int, count: Int) -> Int {
        guard height > 0, count > 0 else { return 0 }
        var offset = clamped(previous, height: height, count: count)
        if cursor < offset { offset = cursor }
        if cursor >= offset + height { offset = cursor - height + 1 }
        return clamped(offset, height: height, count: count)
    }

    /// `scroll` kept between the top and the last full page.
    public static func clamped(_ scroll: Int, height: Int, count: Int) -> Int {
        max(0, min(scroll, count - max(0, height)))
    }
}

/// Where the parts of a tree row are, in columns from the pane's left edge: what the tree view
/// draws and what a mouse click is matched against.
public enum TreeRowGeometry {
    /// Columns each level of nesting indents a row by.
    public static let indent = 2
    /// The columns of the disclosure marker (`▸ `, `▾ `) of a row at `depth`.
    public static func marker(depth: Int) -> Range<Int> {
        let start = depth * indent
        return start..<(start + 2)
    }
}
