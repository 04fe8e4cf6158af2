import CNcurses
import ExplorerCore
import Testing
@testable import NcursesBackend

/// `getmouse` reports written as plain integers, as ncurses 6 (mouse version 2) defines its masks:
/// five bits per button (released, pressed, clicked, double, triple), button 1 in the lowest.
@Suite struct MouseDecoderTests {
    @Test("the shim's masks are ncurses 6's bits")
    func masks() {
        #expect(cte_button1_released == 0o1)
        #expect(cte_button1_pressed == 0o2)
        #expect(cte_button1_clicked == 0o4)
        #expect(cte_button4_pressed == 0o2 << 15)
        #expect(cte_button5_pressed == 0o2 << 20)
        #expect(MouseDecoder.mask & cte_button4_pressed != 0 && MouseDecoder.mask & cte_button5_pressed != 0)
    }

    static let reports: [(UInt32, MouseEvent.Kind?)] = [
        (0o2, .click), (0o4, .click), (0o10, .click), (0o20, .click),  // pressed, clicked, double, triple
        (0o2 << 15, .wheelUp), (0o2 << 20, .wheelDown),
        (0o1, nil),  // a release
        (0o2 << 5, nil), (0o2 << 10, nil),  // the middle and right buttons
        (0, nil),
    ]

    @Test("presses and clicks of the left button are clicks, buttons 4 and 5 the wheel, the rest nothing", arguments: reports)
    func decodes(buttons: UInt32, kind: MouseEvent.Kind?) {
        let event = MouseDecoder.decode(buttons: mmask_t(buttons), x: 12, y: 7)
        #expect(event == kind.map { MouseEvent($0, x: 12, y: 7) })
    }

    @Test("a shifted click is still a click; a report off the screen is nothing")
    func modifiersAndBounds() {
        #expect(MouseDecoder.decode(buttons: cte_button1_pressed | cte_button_shift, x: 0, y: 0) == MouseEvent(.click, x: 0, y: 0))
        #expect(MouseDecoder.decode(buttons: cte_button1_pressed, x: -1, y: 3) == nil)
        #expect(MouseDecoder.decode(buttons: cte_button1_pressed, x: 3, y: -1) == nil)
    }
}

/// SGR 1006 reports as a terminal sends them after `ESC [<`, read by the session itself where
/// curses would use the X10 form.
@Suite struct SGRMouseReportTests {
    static func read(_ text: String) -> SGRMouseReport {
        var report = SGRMouseReport()
        for byte in text.utf8 where report.state == .reading { report.consume(byte) }
        return report
    }

    static let reports: [(String, MouseEvent?)] = [
        ("0;6;3M", MouseEvent(.click, x: 5, y: 2)),
        ("0;6;3m", nil),  // the release
        ("64;240;10M", MouseEvent(.wheelUp, x: 239, y: 9)),  // past column 223, which X10 cannot say
        ("65;1;1M", MouseEvent(.wheelDown, x: 0, y: 0)),
        ("4;10;10M", MouseEvent(.click, x: 9, y: 9)),  // Shift held
        ("16;10;10M", MouseEvent(.click, x: 9, y: 9)),  // Control held
        ("1;10;10M", nil), ("2;10;10M", nil),  // middle and right buttons
        ("32;10;10M", nil), ("35;10;10M", nil),  // motion
        ("66;10;10M", nil),  // wheel left
        ("0;0;5M", nil),  // column 0 is off the screen
    ]

    @Test("press, release, wheel, modifiers, motion and other buttons", arguments: reports)
    func reads(text: String, event: MouseEvent?) {
        #expect(Self.read(text).state == .finished(event))
    }

    @Test("what is not a report is handed back whole, to be read as keys",
          arguments: ["0;6M", "a", "0;6;3;4M", ";;M", "0;6;3X", "1234567890;1234567890", "123456;1;1M", "0;6;3"])
    func malformed(text: String) {
        let report = Self.read(text)
        if text == "0;6;3" {
            #expect(report.state == .reading, "a report cut short waits for more")
        } else {
            #expect(report.state == .malformed)
            #expect(report.bytes == Array(text.utf8.prefix(report.bytes.count)))
            #expect(report.bytes.count <= 20)
        }
    }

    @Test("a byte after the end changes nothing")
    func afterTheEnd() {
        var report = Self.read("0;2;2M")
        #expect(report.consume(UInt8(ascii: "x")) == .finished(MouseEvent(.click, x: 1, y: 1)))
        #expect(report.bytes.count == 6)
    }
}
