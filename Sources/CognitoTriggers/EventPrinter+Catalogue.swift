import JSONDocument
import TerminalText

extension EventPrinter {
    /// Every trigger of the catalogue for people: title, short label, summary, response note, and
    /// each trigger source with what it means.
    public static func triggersText(options: Options = Options()) -> String {
        let width = max(options.width, 40)
        var lines: [String] = []
        for spec in Catalogue.triggers {
            if !lines.isEmpty { lines.append("") }
            lines.append("\(spec.title) [\(spec.shortLabel)], event version \(spec.trigger.eventVersion)")
            lines += wrap(spec.summary, width: width - 2).map { "  " + $0 }
            if let note = spec.responseNote {
                lines += wrap("Response: " + note, width: width - 2).map { "  " + $0 }
            }
            lines.append("  Trigger sources:")
            for source in spec.sources {
                lines.append("    " + source.source.rawValue)
                lines += wrap(source.summary, width: width - 8).map { "        " + dimmed($0, options) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every trigger of the catalogue as JSON: a list of objects with `trigger`, `title`,
    /// `shortLabel`, `version`, `summary`, `responseNote` and `sources` (`triggerSource`, `description`).
    public static func triggersJSON() -> String {
        let triggers: [JSONValue] = Catalogue.triggers.map { spec in
            .object([
                .init("trigger", .string(spec.trigger.rawValue)),
                .init("title", .string(spec.title)),
                .init("shortLabel", .string(spec.shortLabel)),
                .init("version", .number(JSONNumber(spec.trigger.eventVersion))),
                .init("summary", .string(spec.summary)),
                .init("responseNote", spec.responseNote.map(JSONValue.string) ?? .null),
                .init("sources", .array(spec.sources.map { source in
                    .object([
                        .init("triggerSource", .string(source.source.rawValue)),
                        .init("description", .string(source.summary)),
                    ])
                })),
            ])
        }
        return jsonText(.array(triggers))
    }

    static func dimmed(_ text: String, _ options: Options) -> String {
        options.color ? TerminalText.dimmed(text) : text
    }
}
