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
