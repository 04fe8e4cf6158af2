/// A rectangle of cells: origin at the top left, sizes never negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// Column of the left edge.
    public var x: Int
    /// Row of the top edge.
    public var y: Int
    /// Columns covered.
    public var width: Int
    /// Rows covered.
    public var height: Int

    /// Creates a rectangle; negative sizes become 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// True when the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The column just right of the rectangle (saturating at `Int.max`).
    public var maxX: Int { x.saturatingAdding(width) }
    /// The row just below the rectangle (saturating at `Int.max`).
    public var maxY: Int { y.saturatingAdding(height) }

    /// The part of this rectangle inside `other` (empty, at the clipped origin, if they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: left, y: top, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// The rectangle shrunk by `amount` cells on every side (never below zero size).
    public func inset(by amount: Int) -> Rect {
        Rect(
            x: x.saturatingAdding(amount), y: y.saturatingAdding(amount),
            width: width.saturatingAdding(-2 * max(-(Int.max / 4), min(Int.max / 4, amount))),
            height: height.saturatingAdding(-2 * max(-(Int.max / 4), min(Int.max / 4, amount)))
        )
    }

    /// True when the cell at (`column`, `row`) lies inside.
    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    public var description: String { "\(width)x\(height)@\(x),\(y)" }
}

extension Int {
    /// `self + other`, clamped to `Int.min...Int.max` instead of trapping.
    func saturatingAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? Int.max : Int.min
    }
}
