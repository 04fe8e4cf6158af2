import JSONDocument
import TerminalText

extension EventPrinter {
    /// `FILE:LINE:COLUMN: message`, then the line of text around the error with a caret under it.
    public static func parseError(_ error: JSONParseError, in bytes: [UInt8], file: String) -> String {
        var lines = ["\(TerminalText.escaped(file)):\(error.line):\(error.column): \(TerminalText.escaped(error.reason))"]
        let number = String(error.line)
        let gutter = String(repeating: " ", count: number.count)
        for line in TerminalText.excerpt(of: bytes, line: error.line, column: error.column, width: 80) {
            lines.append(" \(line.isCaret ? gutter : number) | " + line.text)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
