import CNcurses
import ExplorerCore

/// Turns what `getmouse` reports into the core's `MouseEvent`; pure, so it is tested with plain
/// integers.
///
/// The session asks curses for left-button presses and releases and the wheel (buttons 4 and 5),
/// with `mouseinterval(0)`, so a press is reported at once instead of waiting to see whether it
/// becomes a click or a double click.
public enum MouseDecoder {
    /// The events the session asks curses to report.
    public static let mask: mmask_t = cte_button1_pressed | cte_button1_released | cte_button1_clicked
        | cte_button1_double_clicked | cte_button1_triple_clicked | cte_button4_pressed | cte_button5_pressed

    /// The event for a `getmouse` report (`bstate`, column `x`, row `y`), or nil for what the
    /// explorer does not use (releases, other buttons, positions off the screen).
    public static func decode(buttons: mmask_t, x: Int32, y: Int32) -> MouseEvent? {
        guard x >= 0, y >= 0 else { return nil }
        if buttons & cte_button4_pressed != 0 { return MouseEvent(.wheelUp, x: Int(x), y: Int(y)) }
        if buttons & cte_button5_pressed != 0 { return MouseEvent(.wheelDown, x: Int(x), y: Int(y)) }
        let press = cte_button1_pressed | cte_button1_clicked | cte_button1_double_clicked | cte_button1_triple_clicked
        if buttons & press != 0 { return MouseEvent(.click, x: Int(x), y: Int(y)) }
        return nil
    }
}

/// SGR 1006 mouse reports (`ESC [ < b ; x ; y M`, `m` for a release), read by the session itself
/// when curses would use the older X10 form.
///
/// curses picks the mouse protocol from the terminfo entry: SGR when its `XM` names mode 1006,
/// otherwise X10, which encodes a column as one byte and so cannot report a click right of
/// column 223. With such an entry (tmux-256color, screen) the session asks the terminal for SGR
/// reports itself (`ESC [?1006h`), has curses report their start `ESC [<` as the key code below,
/// and reads the rest of each report with `SGRMouseReport`.
public enum SGRMouse {
    /// Asks the terminal for SGR reports (with the button reporting curses turned on).
    public static let enableSequence = "\u{1B}[?1006h"
    /// Back to the terminal's default report form.
    public static let disableSequence = "\u{1B}[?1006l"
    /// What starts every report.
    public static let startSequence = "\u{1B}[<"
    /// The key code curses reports for the start: beside the paste markers' codes.
    public static let startCode: Int32 = 0x2002
}

/// The rest of an SGR report after `ESC [<`, collected a byte at a time; pure, so it is tested
/// with bytes.
public struct SGRMouseReport: Sendable {
    /// Where the reading stands.
    public enum State: Equatable, Sendable {
        /// More bytes are needed.
        case reading
        /// The report ended with `M` or `m`; its event, or nil for what the explorer does not use.
        case finished(MouseEvent?)
        /// The bytes are not a report: hand them back as keys.
        case malformed
    }

    /// The bytes read so far.
    public private(set) var bytes: [UInt8] = []
    /// Where the reading stands.
    public private(set) var state: State = .reading

    /// Longer than any report (three numbers of up to five digits, two `;` and the final byte).
    static let maximumLength = 20

    /// Creates a reader just after the `ESC [<` that starts a report.
    public init() {}

    /// Adds one byte and returns the new state.
    @discardableResult
    public mutating func consume(_ byte: UInt8) -> State {
        guard state == .reading else { return state }
        bytes.append(byte)
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ";"):
            if bytes.count >= Self.maximumLength { state = .malformed }
        case UInt8(ascii: "M"), UInt8(ascii: "m"):
            state = Self.parse(bytes.dropLast(), press: byte == UInt8(ascii: "M")).map { .finished($0) } ?? .malformed
        default:
            state = .malformed
        }
        return state
    }

    /// The event of a report's numbers `b;x;y` (columns and rows from 1); nil inside means a
    /// report the explorer does not use (releases, motion, other buttons).
    static func parse(_ numbers: ArraySlice<UInt8>, press: Bool) -> MouseEvent?? {
        let parts = numbers.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 5 }) else { return nil }
        let values = parts.map { $0.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
        let (button, x, y) = (values[0], values[1] - 1, values[2] - 1)
        guard x >= 0, y >= 0 else { return .some(nil) }
        // Bits: 0-1 the button, 2 Shift, 3 Meta, 4 Control, 5 motion, 6 the wheel.
        if button & 32 != 0 || !press { return .some(nil) }
        if button & 64 != 0 {
            switch button & 3 {
            case 0: return .some(MouseEvent(.wheelUp, x: x, y: y))
            case 1: return .some(MouseEvent(.wheelDown, x: x, y: y))
            default: return .some(nil)
            }
        }
        return .some(button & 3 == 0 ? MouseEvent(.click, x: x, y: y) : nil)
    }
}
