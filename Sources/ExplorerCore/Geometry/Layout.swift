/// What the user chose about the panes' sizes: a width the list's content asks for, an
/// adjustment (`<` `>`), the list hidden (`L`), or one pane zoomed to the whole area (`Z`).
public struct PaneSizes: Hashable, Sendable {
    /// The columns the list's rows need (marks, longest name, trigger, longest user), or nil
    /// for the default share of the width.
    public var listContent: Int?
    /// Steps of 4 columns added to (or taken from) the list's width.
    public var listAdjust = 0
    public var listHidden = false
    /// The pane that fills the whole area, if any.
    public var zoomed: Pane?

    public init(listContent: Int? = nil, listAdjust: Int = 0, listHidden: Bool = false, zoomed: Pane? = nil) {
        self.listContent = listContent
        self.listAdjust = listAdjust
        self.listHidden = listHidden
        self.zoomed = zoomed
    }
}

/// Where everything goes on a screen of a given size: a pure function of the size (and of the
/// pane sizes the user chose).
public struct Layout: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// True below the minimum size; then only a message is drawn.
    public let isTooSmall: Bool
    /// The event list's box (left).
    public let list: Rect
    /// The request tree's box (right, top).
    public let request: Rect
    /// The response editor's box (right, bottom).
    public let response: Rect
    /// Two rows explaining the focused field.
    public let fieldHelp: Rect
    /// The status line: file, path, unsaved mark, message.
    public let status: Rect
    /// The key hints of the current mode.
    public let hints: Rect
    /// The box of the help screen and the text viewer.
    public let overlay: Rect
    /// The trigger map's box: where the three panes are.
    public let map: Rect

    /// Computes the layout of a `width` x `height` screen.
    public init(width: Int, height: Int, minimumWidth: Int = 60, minimumHeight: Int = 16, sizes: PaneSizes = PaneSizes()) {
        self.width = max(0, width)
        self.height = max(0, height)
        isTooSmall = self.width < minimumWidth || self.height < minimumHeight
        guard !isTooSmall else {
            let empty = Rect(x: 0, y: 0, width: 0, height: 0)
            list = empty; request = empty; response = empty
            fieldHelp = empty; status = empty; hints = empty; overlay = empty; map = empty
            return
        }
        let panesHeight = self.height - 4
        // The default share, or less when the rows need less (never under 24 columns); then the
        // user's steps, keeping at least 30 columns on the right.
        var listWidth = max(30, min(56, self.width * 2 / 5))
        if let content = sizes.listContent { listWidth = max(24, min(listWidth, content)) }
        listWidth = max(16, min(self.width - 30, listWidth + sizes.listAdjust * 4))
        if sizes.listHidden { listWidth = 0 }
        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        let all = Rect(x: 0, y: 0, width: self.width, height: panesHeight)
        switch sizes.zoomed {
        case .list?:
            list = all; request = empty; response = empty
        case .request?:
            list = empty; request = all; response = empty
        case .response?:
            list = empty; request = empty; response = all
        case nil:
            list = Rect(x: 0, y: 0, width: listWidth, height: panesHeight)
            let rightWidth = self.width - listWidth
            let requestHeight = (panesHeight + 1) / 2
            request = Rect(x: listWidth, y: 0, width: rightWidth, height: requestHeight)
            response = Rect(x: listWidth, y: requestHeight, width: rightWidth, height: panesHeight - requestHeight)
        }
        fieldHelp = Rect(x: 0, y: panesHeight, width: self.width, height: 2)
        status = Rect(x: 0, y: panesHeight + 2, width: self.width, height: 1)
        hints = Rect(x: 0, y: panesHeight + 3, width: self.width, height: 1)
        let overlayWidth = min(self.width - 4, max(56, self.width * 4 / 5))
        overlay = Rect(x: (self.width - overlayWidth) / 2, y: 1, width: overlayWidth, height: panesHeight)
        map = Rect(x: 0, y: 0, width: self.width, height: panesHeight)
    }

    /// The layout for a state's options.
    public init(width: Int, height: Int, options: ExplorerOptions, sizes: PaneSizes = PaneSizes()) {
        self.init(width: width, height: height, minimumWidth: options.minimumWidth, minimumHeight: options.minimumHeight, sizes: sizes)
    }

    public var listInner: Rect { list.inset(by: 1) }
    public var requestInner: Rect { request.inset(by: 1) }
    public var responseInner: Rect { response.inset(by: 1) }
    public var overlayInner: Rect { overlay.inset(by: 1) }

}
