import ArgumentParser
import ExplorerCore

/// `cognito-explorer keys --markdown`: the key table of every mode, as the README shows it (hidden).
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the explorer's keys of every mode (Markdown tables with --markdown).",
        shouldDisplay: false
    )

    @Flag(help: "Print Markdown tables, as in the README.")
    var markdown = false

    func run() throws {
        if markdown {
            CLIOutput.write(Keymap.markdown())
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
        CLIOutput.write(lines.joined(separator: "\n"))
    }
}
