import JSONDocument
import TerminalText

extension EventPrinter {
    /// The machine-readable form: file, trigger, source, every field and every problem.
    public static func json(of event: TriggerEvent, file: String) -> String {
        let trigger = event.trigger
        let source = event.triggerSource
        let fieldValues: [JSONValue] = fields(of: event).map { field in
            .object([
                .init("path", .string(field.path.dottedString)),
                .init("type", .string(field.typeLabel)),
                .init("section", field.section.map { .string($0.rawValue) } ?? .null),
                .init("value", field.value),
                .init("known", .bool(field.isKnown)),
                .init("description", field.description.map(JSONValue.string) ?? .null),
            ])
        }
        let problemValues: [JSONValue] = event.validate().map { problem in
            .object([
                .init("severity", .string(problem.severity.rawValue)),
                .init("path", .string(problem.path.dottedString)),
                .init("message", .string(problem.message)),
                .init("source", .string(problem.source)),
            ])
        }
        let root: JSONValue = .object([
            .init("file", .string(file)),
            .init("trigger", trigger.map { .string($0.rawValue) } ?? .null),
            .init("title", trigger.map { .string(Catalogue.spec(for: $0).title) } ?? .null),
            .init("triggerSource", source.map { .string($0.rawValue) } ?? .null),
            .init("triggerSourceDescription", source.flatMap(Catalogue.source).map { .string($0.summary) } ?? .null),
            .init("fields", .array(fieldValues)),
            .init("problems", .array(problemValues)),
        ])
        return jsonText(root)
    }

    /// A value as indented JSON with a final line break, with every character that could steer a
    /// terminal written as an escape (`\u001b`, `\n`): still valid JSON, since the writer puts such
    /// characters only inside strings, and between members it writes only line breaks and spaces.
    public static func jsonText(_ value: JSONValue) -> String {
        TerminalText.printableJSON(value.prettyText(unit: "  ")) + "\n"
    }
}
