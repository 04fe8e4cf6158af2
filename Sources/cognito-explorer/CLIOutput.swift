#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CognitoTriggers
import Foundation
import JSONDocument

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

    /// Writes text to standard output as it is (it already ends with a line break).
    static func write(_ text: String) {
        print(text, terminator: "")
    }

    /// Writes bytes to standard output as they are (an event's text), after what `write` printed.
    static func writeBytes(_ bytes: [UInt8]) {
        fflush(nil)
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Writes a line to standard error.
    static func error(_ line: String) {
        let text = line.hasSuffix("\n") ? line : line + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Opens a file for a command: the bytes as loaded and the event, or the message and exit status
/// (2) for files that cannot be read or are not JSON.
func openEvent(_ path: String) -> Result<(bytes: [UInt8], event: TriggerEvent), CommandFailure> {
    openEvent(EventFiles.open(path))
}

/// The event of an opened file, or the message and exit status (2) when it holds none.
func openEvent(_ opened: EventFiles.Opened) -> Result<(bytes: [UInt8], event: TriggerEvent), CommandFailure> {
    let path = opened.path
    let file = EventPrinter.escaped(path)
    switch opened.outcome {
    case .unreadable(let error): return .failure(CommandFailure(EventPrinter.escaped(error.description), status: 2))
    case .empty: return .failure(CommandFailure("\(file): empty file, not JSON", status: 2))
    case .binary: return .failure(CommandFailure("\(file): binary file, not JSON", status: 2))
    case .utf16(let bigEndian): return .failure(CommandFailure("\(file): \(EventFiles.utf16Message(bigEndian: bigEndian))", status: 2))
    case .notJSON(let error):
        return .failure(CommandFailure(EventPrinter.parseError(error, in: opened.bytes, file: path), status: 2))
    case .document(let event): return .success((opened.bytes, event))
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
