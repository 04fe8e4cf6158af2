import JSONDocument
import TerminalText

extension EventPrinter {
    /// The header, the typed tree with descriptions, and the validation problems, as lines of text.
    public static func text(of event: TriggerEvent, options: Options = Options()) -> String {
        var lines = header(of: event, options: options)
        lines.append("")
        let width = max(options.width, 40)
        for field in fields(of: event) {
            let indent = String(repeating: "  ", count: field.depth)
            var line = indent + (field.writtenKey.map(TerminalText.escaped) ?? keyText(field.key)) + " (" + field.typeLabel + "):"
            if let shown = field.writtenString.map(TerminalText.escaped) ?? valueText(field.value) { line += " " + shown }
            if !field.isKnown { line += "  (not in the catalogue)" }
            lines.append(line)
            if let description = field.description {
                let descriptionIndent = indent + "    "
                for wrapped in wrap(description, width: width - descriptionIndent.count) {
                    lines.append(descriptionIndent + dimmed(wrapped, options))
                }
            }
        }
        lines.append("")
        lines += problemLines(event.validate())
        return lines.joined(separator: "\n") + "\n"
    }

    /// The header lines: trigger title and source, and what the source means.
    public static func header(of event: TriggerEvent, options: Options = Options()) -> [String] {
        let width = max(options.width, 40)
        let sourceName = event.document.node(at: ["triggerSource"])?.stringValue
        let title: String
        let explanation: String
        switch (event.trigger, event.triggerSource, sourceName) {
        case (let trigger?, let source?, _):
            let spec = Catalogue.spec(for: trigger)
            title = "\(spec.title): \(TerminalText.escaped(source.rawValue))"
            explanation = Catalogue.source(source)?.summary
                ?? "Not a trigger source Cognito sends; read as \(spec.title) from its prefix."
        case (nil, _, let name?):
            title = "Unknown trigger: \(TerminalText.quoted(name))"
            explanation = "This tool does not know this trigger source; the event is shown as a plain document."
        default:
            title = "Not a trigger event"
            explanation = "There is no triggerSource string, so the JSON is shown as a plain document."
        }
        return [title] + wrap(explanation, width: width - 2).map { "  " + $0 }
    }

    /// `Problems (2):` and one indented line per problem, or `No problems.`
    public static func problemLines(_ problems: [Problem]) -> [String] {
        guard !problems.isEmpty else { return ["No problems."] }
        return ["Problems (\(problems.count)):"] + problems.map { "  " + TerminalText.escaped($0.description) }
    }

    /// How a key is shown: `[2]` for indexes, the key itself when it is plain, quoted otherwise.
    static func keyText(_ key: PathComponent?) -> String {
        switch key {
        case .index(let index)?: return "[\(index)]"
        case .key(let key)?:
            let plain = !key.isEmpty && key.unicodeScalars.allSatisfy {
                !TerminalText.isUnsafe($0) && !$0.properties.isWhitespace && $0 != "\"" && $0 != "(" && $0 != ")"
            }
            return plain ? key : TerminalText.quoted(key)
        case nil: return "(root)"
        }
    }

    /// The value part of a tree line: scalars as JSON with strings escaped; `{}` or `[]` for empty
    /// containers; nil for containers with children (the children follow on their own lines).
    static func valueText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return TerminalText.quoted(text)
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .object(let members): return members.isEmpty ? "{}" : nil
        case .array(let elements): return elements.isEmpty ? "[]" : nil
        }
    }

    // MARK: Layout

    /// Text wrapped to `width` columns (at least 10), for the lines of `show` and `triggers`.
    static func wrap(_ text: String, width: Int) -> [String] {
        TerminalText.wrap(text, width: max(width, 10))
    }
}
