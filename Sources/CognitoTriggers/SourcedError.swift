/// A failure tied to something the user named (a trigger source, a file or folder): what was named,
/// as given, and what kind of failure it is.
///
/// Each module states its own kinds (`TemplateErrorKind`, `SourceErrorKind` in EventSources) and
/// names the pair with a type alias (`TemplateError`, `SourceError`).
public struct SourcedError<Kind: SourcedErrorKind>: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the user named, as given (not escaped).
    public let source: String
    /// What went wrong.
    public let kind: Kind

    /// Makes an error for `source` as the user named it.
    public init(source: String, kind: Kind) {
        self.source = source
        self.kind = kind
    }

    /// The kind's message for this source: what failed and what to do.
    public var description: String { kind.message(for: source) }
}

/// The kinds of one family of ``SourcedError``, each able to say what failed for a named source.
public protocol SourcedErrorKind: Hashable, Sendable {
    /// A message for this failure of `source`: what failed and what to do.
    func message(for source: String) -> String
}
