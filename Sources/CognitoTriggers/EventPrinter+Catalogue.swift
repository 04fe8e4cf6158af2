import JSONDocument
import TerminalText

extension EventPrinter {
    /// Every trigger of the catalogue for people: title, short label, summary, response note, and
    /// each trigger source with what it means.
    public static func triggersText(options: Options = Options(), only selection: TriggerSelection? = nil) -> String {
        let width = max(options.width, 40)
        var lines: [String] = []
        for spec in selection?.specs ?? Catalogue.triggers {
            if !lines.isEmpty { lines.append("") }
            lines.append("\(spec.title) [\(spec.shortLabel)], event version \(spec.trigger.eventVersion)")
            lines += wrap(spec.summary, width: width - 2).map { "  " + $0 }
            if let note = spec.responseNote {
                lines += wrap("Response: " + note, width: width - 2).map { "  " + $0 }
            }
            lines.append(selection?.source == nil ? "  Trigger sources:" : "  Trigger source:")
            for source in spec.sources where selection?.source.map({ $0 == source.source }) ?? true {
                lines.append("    " + source.source.rawValue)
                lines += wrap(source.summary, width: width - 8).map { "        " + dimmed($0, options) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every trigger of the catalogue as JSON: a list of objects with `trigger`, `title`,
    /// `shortLabel`, `version`, `summary`, `responseNote` and `sources` (`triggerSource`, `description`).
    public static func triggersJSON(only selection: TriggerSelection? = nil) -> String {
        let triggers: [JSONValue] = (selection?.specs ?? Catalogue.triggers).map { spec in
            .object([
                .init("trigger", .string(spec.trigger.rawValue)),
                .init("title", .string(spec.title)),
                .init("shortLabel", .string(spec.shortLabel)),
                .init("version", .number(JSONNumber(spec.trigger.eventVersion))),
                .init("summary", .string(spec.summary)),
                .init("responseNote", spec.responseNote.map(JSONValue.string) ?? .null),
                .init("sources", .array(spec.sources.filter { source in selection?.source.map { $0 == source.source } ?? true }.map { source in
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

/// What `cognito-explorer triggers NAME` shows: the triggers a name means, and for a trigger
/// source name, only that source.
public struct TriggerSelection: Hashable, Sendable {
    /// The triggers named (the three versions of pre token generation for "preTokenGeneration"
    /// or one of its trigger sources).
    public let specs: [TriggerSpec]
    /// The trigger source named, if the name was one.
    public let source: TriggerSource?

    /// The triggers and source `name` means, compared without case, spaces, `-` and `_`: a
    /// trigger (`preSignUp`, `Pre sign-up`, its short label `PreSignUp`), `preTokenGeneration`
    /// for all its versions, or a trigger source (`customMessage_signUp`). Nil when none matches.
    public init?(name: String) {
        func folded(_ text: String) -> String {
            String(text.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
        }
        let wanted = folded(name)
        guard !wanted.isEmpty else { return nil }
        let byName = Catalogue.triggers.filter { spec in
            [spec.trigger.rawValue, spec.title, spec.shortLabel].contains { folded($0) == wanted }
        }
        if !byName.isEmpty {
            specs = byName
            source = nil
            return
        }
        // A trigger without its version: every version.
        let versions = Catalogue.triggers.filter { spec in
            let raw = folded(spec.trigger.rawValue)
            return raw.count > 2 && raw.dropLast(2) == wanted && raw.suffix(2).first == "v"
        }
        if !versions.isEmpty {
            specs = versions
            source = nil
            return
        }
        guard let found = TriggerSource.known.first(where: { folded($0.rawValue) == wanted }) else { return nil }
        specs = Catalogue.triggers.filter { spec in spec.sources.contains { $0.source == found } }
        source = found
    }
}
