/// Where the trigger map's parts go: the journeys on the left, the selected trigger on the right.
struct TriggerMapLayout {
    let box: Rect
    /// The journeys and their steps, one row each.
    let flows: Rect
    /// The column of the line between the two parts.
    let separatorX: Int
    /// The selected trigger: what it does, its trigger sources, what Enter makes.
    let details: Rect

    init(_ layout: Layout) {
        box = layout.map
        let inner = box.inset(by: 1)
        // As wide as the longest text needs where the screen allows; what is cut shows whole on the right.
        let flowsWidth = min(inner.width, min(TriggerMapContent.widestRow, max(32, inner.width * 2 / 5)))
        flows = Rect(x: inner.x, y: inner.y, width: flowsWidth, height: inner.height)
        separatorX = inner.x + flowsWidth
        details = Rect(x: separatorX + 2, y: inner.y, width: inner.maxX - separatorX - 3, height: inner.height)
    }
}
