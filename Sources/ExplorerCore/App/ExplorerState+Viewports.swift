import CognitoTriggers
import TerminalText

extension ExplorerState {
    /// The layout of the screen at the size last reported, with the pane sizes the user chose.
    public var layout: Layout { Layout(width: width, height: height, options: options, sizes: paneSizes) }

    /// Which rows of `pane` are on screen in `layout`, or nil when the pane shows no rows (no
    /// event open, a file that is not an event, a trigger without a response tree, a pane hidden
    /// or zoomed away).
    ///
    /// Used by the update, which stores the first row after each change, by the views, which draw
    /// exactly these rows, and by mouse clicks, which are mapped back to rows with it. Drawing at a
    /// size other than the state's gives the viewport at that size.
    public func viewport(of pane: Pane, in layout: Layout) -> Viewport? {
        guard !layout.isTooSmall else { return nil }
        switch pane {
        case .list:
            let rect = listRows(layout)
            guard !visible.isEmpty, rect.width > 0, rect.height > 0 else { return nil }
            return Viewport(rect: rect, cursor: listCursor, previous: listScroll, count: visible.count)
        case .request:
            guard let session = currentSession, case .event = session.content else { return nil }
            let rect = layout.requestInner
            guard rect.width > 0, rect.height > 0, !session.request.rows.isEmpty else { return nil }
            return Viewport(rect: rect, cursor: session.request.cursor, previous: session.request.scroll, count: session.request.rows.count)
        case .response:
            guard let session = currentSession, let spec = session.event?.spec else { return nil }
            let inner = layout.responseInner
            var rect = inner
            if !spec.hasResponseFields {
                let lines = Self.responseNoteLines(spec, in: inner).count
                rect = Rect(x: inner.x, y: inner.y + lines + 1, width: inner.width, height: inner.height - lines - 1)
            }
            guard rect.width > 0, rect.height > 0, !session.response.rows.isEmpty else { return nil }
            return Viewport(rect: rect, cursor: session.response.cursor, previous: session.response.scroll, count: session.response.rows.count)
        }
    }

    /// Which rows of `pane` are on screen at the size last reported (see `viewport(of:in:)`).
    public func viewport(of pane: Pane) -> Viewport? { viewport(of: pane, in: layout) }

    /// The note a trigger without response fields shows above its response rows, wrapped to the
    /// pane's inner rectangle `inner`.
    static func responseNoteLines(_ spec: TriggerSpec, in inner: Rect) -> [String] {
        TerminalText.wrap(spec.responseNote ?? "This trigger has no response fields.", width: inner.width, maxLines: max(1, inner.height))
    }

    /// The part of the list pane that holds rows: all of it, less the last line when that line
    /// counts what the logs held (`sourceSummary`).
    func listRows(_ layout: Layout) -> Rect {
        var rect = layout.listInner
        if sourceSummary != nil && rect.height > 1 { rect.height -= 1 }
        return rect
    }

    /// The rows one page of `pane` moves: the lines its rows are drawn on (at least 1).
    func pageHeight(of pane: Pane) -> Int {
        let layout = self.layout
        if let viewport = viewport(of: pane, in: layout) { return max(1, viewport.rect.height) }
        switch pane {
        case .list: return max(1, listRows(layout).height)
        case .request: return max(1, layout.requestInner.height)
        case .response: return max(1, layout.responseInner.height)
        }
    }

    /// Scrolls every pane so its cursor shows at the current size: each pane's first row is what
    /// its viewport says.
    mutating func keepCursorsVisible() {
        let layout = self.layout
        listScroll = viewport(of: .list, in: layout)?.first ?? 0
        let request = viewport(of: .request, in: layout)?.first ?? 0
        let response = viewport(of: .response, in: layout)?.first ?? 0
        _ = withCurrentSession { session in
            session.request.scroll = request
            session.response.scroll = response
        }
    }
}
