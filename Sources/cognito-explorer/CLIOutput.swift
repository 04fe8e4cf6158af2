#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CognitoTriggers
import Foundation
import JSONDocument
import TerminalText

/// What the commands need to know about where their output goes.
enum CLIOutput {
    /// True when standard output is a terminal.
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether to dim text: only on a terminal, and not when `NO_COLOR` is set to a non-empty value
    /// (the no-color.org convention).
    static var allowsColor: Bool {
        guard stdoutIsTTY else { return false }
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return true
    }

    /// The terminal's width when standard output is one (or `COLUMNS`), otherwise 80.
    static var width: Int {
        if stdoutIsTTY {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return min(Int(size.ws_col), 120) }
        }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return min(columns, 120) }
        return 80
    }

    /// Printer options for this output.
    static var printerOptions: EventPrinter.Options { EventPrinter.Options(width: width, color: allowsColor) }

    /// Writes text to standard output (it already ends with a line break). Every line any command
    /// prints passes here or through `error(_:)`, and so through `TerminalText.printable`: whatever a
    /// command forgot to escape, no line carries a control character, an escape sequence, a bidi
    /// control or an invisible character to the terminal.
    static func write(_ text: String) {
        print(TerminalText.printable(text), terminator: "")
    }

    /// Writes an event's text to standard output, after what `write` printed: the bytes as they
    /// are into a pipe or a file; on a terminal through `TerminalText.printableJSON`, so that what
    /// the event's strings hold (a right-to-left override, a C1 control) is shown escaped, still JSON.
    static func writeBytes(_ bytes: [UInt8]) {
        fflush(nil)
        if stdoutIsTTY {
            FileHandle.standardOutput.write(Data(TerminalText.printableJSON(String(decoding: bytes, as: UTF8.self)).utf8))
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// Writes lines to standard error, made safe the same way, ending with a line break.
    static func error(_ line: String) {
        let text = line.hasSuffix("\n") ? line : line + "\n"
        FileHandle.standardError.write(Data(TerminalText.printable(text).utf8))
    }
}

/// Opens a file for a command: the bytes as loaded and the event, or the message and exit status
/// (2) for files that cannot be read or are not JSON.
func openEvent(_ path: String) -> Result<(bytes: [UInt8], event: TriggerEvent), CommandFailure> {
    openEvent(EventFiles.open(path))
}

/// The event of an opened file, or the message and exit status (2) when it holds none.
func openEvent(_ opened: EventFiles.Opened) -> Result<(bytes: [UInt8], event: TriggerEvent), CommandFailure> {
    switch opened.outcome {
    case .document(let event): return .success((opened.bytes, event))
    case .notJSON(let error):
        return .failure(CommandFailure(EventPrinter.parseError(error, in: opened.bytes, file: opened.path), status: 2))
    default: return .failure(CommandFailure(opened.problemLine ?? "", status: 2))
    }
}

/// A message for standard error and the exit status that goes with it.
struct CommandFailure: Error {
    let message: String
    let status: Int32

    init(_ message: String, status: Int32) {
        self.message = message
        self.status = status
    }
}
