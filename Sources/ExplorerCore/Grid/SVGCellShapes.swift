/// Box-drawing and block characters drawn as shapes in SVG screenshots.
///
/// Fonts draw `│` and `█` shorter than a 19 px cell, which leaves gaps between rows; drawing
/// them as lines and rectangles on the cell grid keeps borders and bars continuous.
enum SVGCellShapes {
    /// Line weights of the four arms of a box-drawing character.
    struct Arms: Equatable {
        enum Weight: Equatable { case none, light, heavy, double }
        var up: Weight = .none
        var down: Weight = .none
        var left: Weight = .none
        var right: Weight = .none
    }

    /// The arms of `scalar` if it is a box-drawing character drawn as lines.
    static func arms(of scalar: Unicode.Scalar) -> Arms? {
        typealias W = Arms.Weight
        func make(_ up: W, _ down: W, _ left: W, _ right: W) -> Arms {
            Arms(up: up, down: down, left: left, right: right)
        }
        switch scalar.value {
        case 0x2500: return make(.none, .none, .light, .light)  // ─
        case 0x2501: return make(.none, .none, .heavy, .heavy)  // ━
        case 0x2502: return make(.light, .light, .none, .none)  // │
        case 0x2503: return make(.heavy, .heavy, .none, .none)  // ┃
        case 0x250C, 0x256D: return make(.none, .light, .none, .light)  // ┌ ╭
        case 0x2510, 0x256E: return make(.none, .light, .light, .none)  // ┐ ╮
        case 0x2514, 0x2570: return make(.light, .none, .none, .light)  // └ ╰
        case 0x2518, 0x256F: return make(.light, .none, .light, .none)  // ┘ ╯
        case 0x250F: return make(.none, .heavy, .none, .heavy)  // ┏
        case 0x2513: return make(.none, .heavy, .heavy, .none)  // ┓
        case 0x2517: return make(.heavy, .none, .none, .heavy)  // ┗
        case 0x251B: return make(.heavy, .none, .heavy, .none)  // ┛
        case 0x251C: return make(.light, .light, .none, .light)  // ├
        case 0x2524: return make(.light, .light, .light, .none)  // ┤
        case 0x252C: return make(.none, .light, .light, .light)  // ┬
        case 0x2534: return make(.light, .none, .light, .light)  // ┴
        case 0x253C: return make(.light, .light, .light, .light)  // ┼
        case 0x2523: return make(.heavy, .heavy, .none, .heavy)  // ┣
        case 0x252B: return make(.heavy, .heavy, .heavy, .none)  // ┫
        case 0x2533: return make(.none, .heavy, .heavy, .heavy)  // ┳
        case 0x253B: return make(.heavy, .none, .heavy, .heavy)  // ┻
        case 0x254B: return make(.heavy, .heavy, .heavy, .heavy)  // ╋
        case 0x2550: return make(.none, .none, .double, .double)  // ═
        case 0x2551: return make(.double, .double, .none, .none)  // ║
        case 0x2554: return make(.none, .double, .none, .double)  // ╔
        case 0x2557: return make(.none, .double, .double, .none)  // ╗
        case 0x255A: return make(.double, .none, .none, .double)  // ╚
        case 0x255D: return make(.double, .none, .double, .none)  // ╝
        case 0x2560: return make(.double, .double, .none, .double)  // ╠
        case 0x2563: return make(.double, .double, .double, .none)  // ╣
        case 0x2566: return make(.none, .double, .double, .double)  // ╦
        case 0x2569: return make(.double, .none, .double, .double)  // ╩
        case 0x256C: return make(.double, .double, .double, .double)  // ╬
        case 0x2574: return make(.none, .none, .light, .none)  // ╴
        case 0x2575: return make(.light, .none, .none, .none)  // ╵
        case 0x2576: return make(.none, .none, .none, .light)  // ╶
        case 0x2577: return make(.none, .light, .none, .none)  // ╷
        default: return nil
        }
    }

    /// Path data for `arms` in the cell whose top-left corner is (`left`, `top`), in tenths of a
    /// pixel, as (stroke width in tenths, path data) pairs.
    static func path(_ arms: Arms, left: Int, top: Int, width: Int, height: Int, px: (Int) -> String) -> [(Int, String)] {
        // Centres on half pixels for 1 px lines and on whole pixels for 2 px lines, so lines
        // cover whole pixels and stay sharp (anti-aliased edges would show seams between cells).
        let cx = (left + width / 2) / 10 * 10 + 5, cy = (top + height / 2) / 10 * 10 + 5
        let hx = cx - 5, hy = cy - 5
        let right = left + width, bottom = top + height
        let gap = 20
        var light = "", heavy = "", double = ""
        func line(_ x1: Int, _ y1: Int, _ x2: Int, _ y2: Int, into path: inout String) {
            path += "M\(px(x1)) \(px(y1))L\(px(x2)) \(px(y2))"
        }
        // Light and heavy arms; a straight line through the cell is one segment.
        for (weight, centre) in [(Arms.Weight.light, (x: cx, y: cy)), (.heavy, (x: hx, y: hy))] {
            func add(_ x1: Int, _ y1: Int, _ x2: Int, _ y2: Int) {
                if weight == .light { line(x1, y1, x2, y2, into: &light) } else { line(x1, y1, x2, y2, into: &heavy) }
            }
            if arms.up == weight && arms.down == weight {
                add(centre.x, top, centre.x, bottom)
            } else {
                if arms.up == weight { add(centre.x, top, centre.x, centre.y) }
                if arms.down == weight { add(centre.x, centre.y, centre.x, bottom) }
            }
            if arms.left == weight && arms.right == weight {
                add(left, centre.y, right, centre.y)
            } else {
                if arms.left == weight { add(left, centre.y, centre.x, centre.y) }
                if arms.right == weight { add(centre.x, centre.y, right, centre.y) }
            }
        }

        let vertical = (arms.up == .double, arms.down == .double)
        let horizontal = (arms.left == .double, arms.right == .double)
        if vertical == (true, true) && !horizontal.0 && !horizontal.1 {
            line(cx - gap, top, cx - gap, bottom, into: &double)
            line(cx + gap, top, cx + gap, bottom, into: &double)
        } else if horizontal == (true, true) && !vertical.0 && !vertical.1 {
            line(left, cy - gap, right, cy - gap, into: &double)
            line(left, cy + gap, right, cy + gap, into: &double)
        } else if vertical.0 != vertical.1 && horizontal.0 != horizontal.1 {
            // A corner: the outer lines meet further out than the inner ones.
            let sx = horizontal.1 ? 1 : -1, sy = vertical.1 ? 1 : -1
            let xEdge = sx > 0 ? right : left, yEdge = sy > 0 ? bottom : top
            line(cx - sx * gap, cy - sy * gap, xEdge, cy - sy * gap, into: &double)
            line(cx - sx * gap, cy - sy * gap, cx - sx * gap, yEdge, into: &double)
            line(cx + sx * gap, cy + sy * gap, xEdge, cy + sy * gap, into: &double)
            line(cx + sx * gap, cy + sy * gap, cx + sx * gap, yEdge, into: &double)
        } else {
            // Junctions: each double arm as two lines from the centre.
            if vertical.0 { line(cx - gap, top, cx - gap, cy, into: &double); line(cx + gap, top, cx + gap, cy, into: &double) }
            if vertical.1 { line(cx - gap, cy, cx - gap, bottom, into: &double); line(cx + gap, cy, cx + gap, bottom, into: &double) }
            if horizontal.0 { line(left, cy - gap, cx, cy - gap, into: &double); line(left, cy + gap, cx, cy + gap, into: &double) }
            if horizontal.1 { line(cx, cy - gap, right, cy - gap, into: &double); line(cx, cy + gap, right, cy + gap, into: &double) }
        }
        return [(10, light), (20, heavy), (10, double)].filter { !$0.1.isEmpty }
    }

    /// Path data for the rounded corners `╭╮╯╰` (a quarter circle joining the two arms), or nil.
    static func roundedCorner(_ scalar: Unicode.Scalar, left: Int, top: Int, width: Int, height: Int, px: (Int) -> String) -> String? {
        let cx = (left + width / 2) / 10 * 10 + 5, cy = (top + height / 2) / 10 * 10 + 5
        let right = left + width, bottom = top + height
        let radius = min(width / 2, 40)
        let (xEdge, yEdge, sx, sy): (Int, Int, Int, Int)
        switch scalar.value {
        case 0x256D: (xEdge, yEdge, sx, sy) = (right, bottom, 1, 1)  // ╭
        case 0x256E: (xEdge, yEdge, sx, sy) = (left, bottom, -1, 1)  // ╮
        case 0x256F: (xEdge, yEdge, sx, sy) = (left, top, -1, -1)  // ╯
        case 0x2570: (xEdge, yEdge, sx, sy) = (right, top, 1, -1)  // ╰
        default: return nil
        }
        return "M\(px(xEdge)) \(px(cy))L\(px(cx + sx * radius)) \(px(cy))"
            + "Q\(px(cx)) \(px(cy)) \(px(cx)) \(px(cy + sy * radius))L\(px(cx)) \(px(yEdge))"
    }

    /// The part of the cell a block element fills, as (x, y, width, height) fractions in
    /// eighths, and its opacity in percent; nil for other characters.
    static func block(of scalar: Unicode.Scalar) -> (x: Int, y: Int, width: Int, height: Int, opacity: Int)? {
        switch scalar.value {
        case 0x2588: return (0, 0, 8, 8, 100)  // █
        case 0x2580: return (0, 0, 8, 4, 100)  // ▀
        case 0x2584: return (0, 4, 8, 4, 100)  // ▄
        case 0x258C: return (0, 0, 4, 8, 100)  // ▌
        case 0x2590: return (4, 0, 4, 8, 100)  // ▐
        case 0x2581...0x2587: return (0, 8 - Int(scalar.value - 0x2580), 8, Int(scalar.value - 0x2580), 100)  // ▁...▇
        case 0x2591: return (0, 0, 8, 8, 25)  // ░
        case 0x2592: return (0, 0, 8, 8, 50)  // ▒
        case 0x2593: return (0, 0, 8, 8, 75)  // ▓
        default: return nil
        }
    }
}
