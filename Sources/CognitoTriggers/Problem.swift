import JSONDocument

/// Something `validate()` found in an event: how bad, where, and what.
public struct Problem: Hashable, Sendable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
        /// Cognito will reject the response or the function will misbehave.
        case error
        /// Probably not what was meant, or an oddity of a captured event that we read anyway.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    public let severity: Severity
    /// The path of the field concerned (empty for the event as a whole).
    public let path: JSONPath
    public let message: String
    /// Where the rule comes from (an AWS documentation page, or "JSON types of the catalogue").
    public let source: String

    public init(_ severity: Severity, _ path: JSONPath, _ message: String, source: String) {
        self.severity = severity
        self.path = path
        self.message = message
        self.source = source
    }

    /// `request.userAttributes: warning: ...`
    public var description: String {
        "\(path.isEmpty ? "(event)" : path.dottedString): \(severity.rawValue): \(message)"
    }
}
