import JSONDocument
import TerminalText

/// What a file that holds no event is, said once for the commands and the explorer.
extension EventFiles.Outcome {
    /// A word for the list of files: `unreadable`, `empty`, `binary`, `UTF-16` or `not JSON`; nil for a document.
    public var label: String? {
        switch self {
        case .unreadable: return "unreadable"
        case .empty: return "empty"
        case .binary: return "binary"
        case .utf16: return "UTF-16"
        case .notJSON: return "not JSON"
        case .document: return nil
        }
    }

    /// A heading for the file's pane: `Unreadable`, `Empty file`, `Binary file`, `UTF-16 text` or `Not JSON`; nil for a document.
    public var title: String? {
        switch self {
        case .unreadable: return "Unreadable"
        case .empty: return "Empty file"
        case .binary: return "Binary file"
        case .utf16: return "UTF-16 text"
        case .notJSON: return "Not JSON"
        case .document: return nil
        }
    }

    /// What is wrong, in words that do not repeat the file's name (except a read error, which
    /// names the path it failed on); nil for a document. Not escaped.
    public var message: String? {
        switch self {
        case .unreadable(let error): return error.description
        case .empty: return "empty file (0 bytes), not JSON"
        case .binary: return "binary file (it holds NUL bytes), not JSON"
        case .utf16(let bigEndian): return EventFiles.utf16Message(bigEndian: bigEndian)
        case .notJSON(let error): return "not JSON: \(error.message)"
        case .document: return nil
        }
    }
}

extension EventFiles.Opened {
    /// One line for `check`, naming the file (escaped): `FILE: empty file (0 bytes), not JSON`,
    /// `FILE:LINE:COLUMN: reason` for JSON that does not parse, the read error as it is; nil for a document.
    public var problemLine: String? {
        let file = TerminalText.escaped(path)
        switch outcome {
        case .document: return nil
        case .unreadable(let error): return TerminalText.escaped(error.description)
        case .notJSON(let error): return "\(file):\(error.line):\(error.column): \(TerminalText.escaped(error.reason))"
        case .empty, .binary, .utf16: return "\(file): \(outcome.message ?? "")"
        }
    }
}
