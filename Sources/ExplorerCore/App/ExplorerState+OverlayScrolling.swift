import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    mutating func handleScrollingOverlay(_ key: Key) -> [Effect] {
        let mode = self.mode
        guard let command = Keymap.command(for: key, in: mode) else { return [] }
        if command == .close {
            overlay = nil
            return []
        }
        if command == .applyResult, case .pager(let pager)? = overlay, let report = pager.result {
            applyFunctionResult(report)
            return []
        }
        if case .text(var viewer)? = overlay {
            viewer.scroll(command, layout: layout)
            overlay = .text(viewer)
            return []
        }
        scrollViewer { scroll, page, last in
            switch command {
            case .moveUp: return scroll - 1
            case .moveDown: return scroll + 1
            case .pageUp: return scroll - page
            case .pageDown: return scroll + page
            case .top: return 0
            case .bottom: return last
            default: return scroll
            }
        }
        return []
    }

    /// Scrolls the help screen or the text viewer to the line `move` picks from the current
    /// first line, the page height and the last first line, kept in range by the viewer's viewport.
    mutating func scrollViewer(_ move: (_ scroll: Int, _ page: Int, _ last: Int) -> Int) {
        let inner = layout.overlayInner
        let total: Int
        let scroll: Int
        switch overlay {
        case .help(let help)?:
            total = OverlayText.help(width: inner.width).count
            scroll = help.scroll
        case .pager(let pager)?:
            total = OverlayText.pager(pager.text, width: inner.width).count
            scroll = pager.scroll
        default:
            return
        }
        let last = Viewport(rect: inner, scroll: Int.max, count: total).first
        let target = Viewport(rect: inner, scroll: move(scroll, max(1, inner.height), last), count: total).first
        switch overlay {
        case .help(var help)?:
            help.scroll = target
            overlay = .help(help)
        case .pager(var pager)?:
            pager.scroll = target
            overlay = .pager(pager)
        default: break
        }
    }
}
