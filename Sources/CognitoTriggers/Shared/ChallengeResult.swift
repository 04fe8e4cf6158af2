import JSONDocument

/// One earlier step of a custom authentication flow, from the request's `session` list.
public struct ChallengeResult: EventView {
    public var document: JSONDocument
    public let basePath: JSONPath

    /// The challenge that was presented, such as `SRP_A`, `PASSWORD_VERIFIER` or `CUSTOM_CHALLENGE`.
    public var challengeName: String { get throws(FieldError) { try required("challengeName", .string) } }
    /// Whether the user answered it correctly.
    public var challengeResult: Bool { get throws(FieldError) { try required("challengeResult", .bool) } }
    /// The label the create-challenge function attached to a custom challenge, when it set one.
    public var challengeMetadata: String? { get throws(FieldError) { try optional("challengeMetadata", .string) } }
}

extension EventView {
    /// The `session` list under this view; an empty list when absent (or, as in some captures, `[]`).
    func session(_ key: String = "session") throws(FieldError) -> [ChallengeResult] {
        guard let node = document.node(at: path(key)), !node.isNull else { return [] }
        guard node.kind == .array else {
            throw FieldError(path: path(key), kind: .wrongType(expected: "a list of challenge results", found: node.kind))
        }
        return (0..<node.count).map { ChallengeResult(document: document, basePath: path(key) + [.index($0)]) }
    }
}
