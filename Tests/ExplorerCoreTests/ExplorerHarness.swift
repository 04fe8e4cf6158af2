import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// An explorer state driven the way the terminal loop drives it, with effects performed for real.
struct ExplorerHarness {
    var state: ExplorerState
    var runner: EffectRunner
    /// The exit status, once a key asked to quit.
    var exitStatus: Int32?

    /// Loads `paths` completely (every batch) at a screen size.
    init(_ paths: [String], width: Int = 100, height: Int = 30, options: ExplorerOptions = ExplorerOptions(),
         editorText: String? = nil, faults: FileStore.Faults = FileStore.Faults()) {
        state = ExplorerState(paths: paths, options: options, width: width, height: height)
        runner = EffectRunner(editorText: editorText, faults: faults)
        exitStatus = runner.drain(state.start(), into: &state)
    }

    /// Presses keys (and mouse events) written as a key script (`Down Down Enter 'text' <click:30,4>`).
    mutating func press(_ script: String) throws {
        let inputs = try Key.parseInputs(script)
        if let status = runner.run(inputs: inputs, on: &state) { exitStatus = status }
    }

    var screen: Grid { state.render() }
    var text: String { screen.text }

    /// The current document's text, as edited.
    var documentText: String { state.currentDocumentBytes.map { String(decoding: $0, as: UTF8.self) } ?? "" }
}

/// A copy of a fixture in a fresh temporary folder, for tests that save.
struct FixtureCopy {
    let folder: TemporaryFolder
    let path: String
    let original: String

    init(_ relative: String, name: String? = nil) throws {
        folder = try TemporaryFolder()
        original = String(decoding: Repository.bytes(of: Repository.fixtures + "/" + relative), as: UTF8.self)
        path = try folder.write(name ?? (relative.split(separator: "/").last.map(String.init) ?? "event.json"), original)
    }

    var onDisk: String { String(decoding: Repository.bytes(of: path), as: UTF8.self) }
}

/// Compares a screen with a snapshot file; `RECORD_SNAPSHOTS=1` rewrites the file and fails the test.
enum Snapshot {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.path + "/__Snapshots__"
    }()

    /// The text of a screen, a blank line, and its style layer with legend.
    static func content(of grid: Grid) -> String {
        grid.text + "\n\n" + grid.styleLayer().text + "\n"
    }

    static func assertMatches(_ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + name + ".txt"
        let actual = content(of: grid)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("recorded snapshot \(name); run again without RECORD_SNAPSHOTS to check it", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("no snapshot \(name) yet: run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        Issue.record("snapshot \(name) differs:\n\(lineDiff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
    }

    /// The lines that differ, as `-expected` / `+actual` pairs with line numbers.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : nil
            let b = index < new.count ? String(new[index]) : nil
            if a != b {
                let number = String(index + 1)
                let padded = String(repeating: " ", count: max(0, 4 - number.count)) + number
                if let a { out.append("\(padded) -\(a)") }
                if let b { out.append("\(padded) +\(b)") }
            }
        }
        return out.joined(separator: "\n")
    }
}

extension Grid {
    /// Every cell's grapheme, for checks over the whole screen.
    var allGraphemes: [String] {
        (0..<height).flatMap { y in row(y).map(\.grapheme) }
    }

    /// The row whose text contains `needle`, if any.
    func row(containing needle: String) -> Int? {
        lines.firstIndex { $0.contains(needle) }
    }
}
