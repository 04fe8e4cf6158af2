import ArgumentParser
import ExplorerCore

/// `cognito-explorer keys`: the keys of every mode and the legend of marks (`--markdown`: as the README shows them).
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the explorer's keys of every mode and what its marks mean (Markdown tables with --markdown)."
    )

    @Flag(help: "Print Markdown tables, as in the README.")
    var markdown = false

    func run() throws {
        if markdown {
            CLIOutput.write(Keymap.readmeMarkdown())
            return
        }
        var lines: [String] = []
        for mode in Mode.allCases {
            lines.append(mode.title)
            for binding in Keymap.bindings(for: mode) {
                let label = binding.keyLabel
                lines.append("  " + label + String(repeating: " ", count: max(1, 24 - label.count)) + binding.help)
            }
            lines.append("")
        }
        lines.append(MouseHelp.title)
        for entry in MouseHelp.entries {
            lines.append("  " + entry.gesture + String(repeating: " ", count: max(1, 24 - entry.gesture.count)) + entry.help)
        }
        lines.append("")
        for section in Legend.sections {
            lines.append(section.title)
            for entry in section.entries {
                lines.append("  " + entry.sample + String(repeating: " ", count: max(1, 24 - entry.sample.count)) + entry.meaning)
            }
            lines.append("")
        }
        CLIOutput.write(lines.joined(separator: "\n"))
    }
}
