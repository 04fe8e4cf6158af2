extension ExplorerState {
    /// Rows one wheel notch scrolls.
    static let wheelStep = 3

    /// Clicks and the wheel, mapped to panes and rows through the same viewports the screen is
    /// drawn with (`viewport(of:in:)`), so a click lands on the row drawn under the pointer.
    ///
    /// - A click on a list row selects that event (and the list); on a tree row it focuses that
    ///   pane and moves its cursor there; on a row's `▸`/`▾` marker it also expands or collapses it.
    ///   A click anywhere else (borders, titles, empty lines, the status bar) does nothing.
    /// - The wheel scrolls the pane under the pointer by three rows, whichever pane has the focus;
    ///   the cursor stays on its row unless that row would leave the screen, and then moves onto
    ///   the nearest row shown (in the list, that shows its event).
    /// - Over the help screen and the text viewer the wheel scrolls them; clicks there, and any
    ///   mouse event over the other overlays (prompts, pickers, questions, the trigger map), do nothing.
    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        guard options.mouse else { return [] }
        let layout = self.layout
        guard !layout.isTooSmall else { return [] }
        if let overlay {
            switch overlay {
            case .help, .pager:
                guard event.kind != .click else { return [] }
                let step = event.kind == .wheelUp ? -Self.wheelStep : Self.wheelStep
                scrollViewer { scroll, _, _ in scroll + step }
            case .text(var viewer):
                guard event.kind != .click else { return [] }
                viewer.scroll(rows: event.kind == .wheelUp ? -Self.wheelStep : Self.wheelStep, layout: layout)
                self.overlay = .text(viewer)
            default:
                break
            }
            return []
        }
        switch event.kind {
        case .click:
            return click(x: event.x, y: event.y, in: layout)
        case .wheelUp, .wheelDown:
            guard let pane = pane(at: event.x, event.y, in: layout) else { return [] }
            return scroll(pane, by: event.kind == .wheelUp ? -Self.wheelStep : Self.wheelStep, in: layout)
        }
    }

    /// The pane whose box (border included) holds the cell, if any.
    func pane(at x: Int, _ y: Int, in layout: Layout) -> Pane? {
        if layout.list.contains(x: x, y: y) { return .list }
        if layout.request.contains(x: x, y: y) { return .request }
        if layout.response.contains(x: x, y: y) { return .response }
        return nil
    }

    /// Selects the pane and the row drawn at the cell; nothing when no row is drawn there.
    private mutating func click(x: Int, y: Int, in layout: Layout) -> [Effect] {
        for pane in [Pane.list, .request, .response] {
            guard let viewport = viewport(of: pane, in: layout), viewport.rect.contains(x: x, y: y),
                  let row = viewport.row(atY: y) else { continue }
            message = nil
            focus = pane
            if pane == .list { return moveListCursor(to: row) }
            moveTreeCursor { _ in row }
            if let target = focusedRow, target.isExpandable,
               TreeRowGeometry.marker(depth: target.depth).contains(x - viewport.rect.x) {
                setExpanded(target, !target.isExpanded)
            }
            return []
        }
        return []
    }

    /// Scrolls `pane` by `delta` rows, keeping its cursor on screen.
    private mutating func scroll(_ pane: Pane, by delta: Int, in layout: Layout) -> [Effect] {
        guard let viewport = viewport(of: pane, in: layout) else { return [] }
        let height = viewport.rect.height
        let first = Viewport.clamped(viewport.first + delta, height: height, count: viewport.count)
        let last = min(viewport.count, first + height) - 1
        switch pane {
        case .list:
            listScroll = first
            let cursor = max(first, min(listCursor, last))
            if cursor != listCursor { return moveListCursor(to: cursor) }
            keepCursorsVisible()
        case .request, .response:
            withCurrentSession { session in
                var tree = pane == .response ? session.response : session.request
                tree.scroll = first
                tree.cursor = max(first, min(tree.cursor, last))
                if pane == .response { session.response = tree } else { session.request = tree }
            }
            keepCursorsVisible()
        }
        return []
    }
}
