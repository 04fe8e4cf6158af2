import JSONDocument

/// How an event is recognized: by its own fields, whatever wraps it.
public enum EventShape {
    /// The fields every Cognito trigger event carries besides `triggerSource`.
    public static let commonFields = ["userPoolId", "request", "callerContext", "version"]

    /// True for an object with a string `triggerSource` and at least two of `userPoolId`,
    /// `request`, `callerContext` and `version`: a Cognito event, not a log record that mentions one.
    public static func isEvent(_ node: JSONNode) -> Bool {
        guard node.kind == .object, node["triggerSource"]?.kind == .string else { return false }
        var present = 0
        for key in commonFields where node[key] != nil { present += 1 }
        return present >= 2
    }

    /// The bytes `triggerSource`, which every event's text contains (in JSON, in an escaped JSON
    /// string, or in a Python literal): the cheap filter applied before any parse.
    static let needle: [UInt8] = Array("triggerSource".utf8)
}
