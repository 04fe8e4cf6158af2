/// Why the terminal could not be used for the full-screen explorer.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, no TTY in CI).
    case notATerminal
    /// curses does not know the terminal type in `TERM` (nil when `TERM` is unset).
    case unknownTerminal(String?)
    /// curses could not create its window.
    case windowCreationFailed

    public var description: String {
        switch self {
        case .notATerminal:
            return "not a terminal: the explorer needs an interactive terminal on standard input and output; "
                + "use `show` to print an event instead"
        case .unknownTerminal(let name?):
            return "unknown terminal type '\(name)': set TERM to one your system knows, such as xterm-256color"
        case .unknownTerminal(nil):
            return "TERM is not set: set it to your terminal type, such as xterm-256color"
        case .windowCreationFailed:
            return "could not create the curses window (is the terminal too small?)"
        }
    }
}
