import Foundation
import Testing
import TestSupport

/// The README's examples work as written: every `$ swift run cognito-explorer ...` line of its
/// Commands section runs (with the built binary) in a copy of the repository's fixtures, and the
/// output the README shows is the output printed. Its images exist, each with its SVG source.
@Suite(.enabled(if: Binary.path != nil, "needs the built cognito-explorer"))
struct ReadmeCommandsTests {
    static var readme: String { String(decoding: Repository.bytes(of: Repository.root + "/README.md"), as: UTF8.self) }

    struct Example: CustomStringConvertible {
        let command: String
        let output: [String]
        var description: String { command }
    }

    /// The examples of the Commands section: each `$` line and the lines shown under it.
    static func examples() -> [Example] {
        let text = readme
        guard let section = text.range(of: "\n## Commands\n") else { return [] }
        let rest = text[section.upperBound...]
        let body = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var examples: [Example] = []
        var command: String?
        var output: [String] = []
        var inBlock = false
        func finish() {
            if let command {
                while output.last?.isEmpty == true { output.removeLast() }
                examples.append(Example(command: command, output: output))
            }
            command = nil
            output = []
        }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if inBlock { finish() }
                inBlock.toggle()
                continue
            }
            guard inBlock else { continue }
            if line.hasPrefix("$ ") {
                finish()
                command = String(line.dropFirst(2))
            } else if command != nil {
                output.append(line)
            }
        }
        return examples
    }

    @Test("the Commands section has examples of every subcommand")
    func everySubcommandHasAnExample() {
        let commands = Self.examples().map(\.command)
        for name in ["check", "new", "set", "show", "triggers", "render", "import", "redact"] {
            #expect(commands.contains { $0.hasPrefix("swift run cognito-explorer \(name) ") }, "no example of \(name)")
        }
    }

    @Test("every example runs as written and prints what the README shows")
    func examplesRun() throws {
        let examples = Self.examples()
        #expect(examples.count >= 8)
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.copyItem(atPath: Repository.fixtures, toPath: folder.path + "/fixtures")
        let binary = try #require(Binary.path)
        for example in examples {
            #expect(example.command.hasPrefix("swift run cognito-explorer "), "\(example.command)")
            let line = "'\(binary)' " + example.command.dropFirst("swift run cognito-explorer ".count)
            let result = try Self.shell(line, in: folder.path)
            #expect(result.status == 0 || (result.status == 1 && example.command.contains(" check ")),
                    "\(example.command) exited with \(result.status): \(result.stderr)")
            #expect(!result.stderr.contains("Error:"), "\(example.command): \(result.stderr)")
            if !example.output.isEmpty {
                var printed = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                while printed.last?.isEmpty == true { printed.removeLast() }
                #expect(printed == example.output, "\(example.command) printed:\n\(result.stdout)")
            }
        }
        // The files the examples wrote are real events.
        for name in ["event.json", "tokens.json", "m2m.json", "shared.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.path + "/" + name), "\(name) was not written")
        }
        let svg = String(decoding: Repository.bytes(of: folder.path + "/map.svg"), as: UTF8.self)
        #expect(svg.hasPrefix("<svg") && svg.contains("Trigger map"))
    }

    @Test("every image the README shows exists, with its SVG source, and make.sh makes it (shots.txt lists it)")
    func imagesExist() throws {
        let text = Self.readme
        let shots = String(decoding: Repository.bytes(of: Repository.root + "/screenshots/shots.txt"), as: UTF8.self)
        var images: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "](screenshots/") {
            let tail = rest[open.upperBound...]
            guard let close = tail.firstIndex(of: ")") else { break }
            images.append(String(tail[..<close]))
            rest = tail[close...]
        }
        #expect(images.count >= 7)
        for image in images {
            #expect(image.hasSuffix(".png"))
            let name = String(image.dropLast(4))
            #expect(FileManager.default.fileExists(atPath: Repository.root + "/screenshots/" + image), "\(image) is missing")
            #expect(FileManager.default.fileExists(atPath: Repository.root + "/screenshots/\(name).svg"), "\(name).svg is missing")
            #expect(shots.contains("\n\(name)\t"), "screenshots/shots.txt does not list \(name)")
        }
        #expect(text.contains("screenshots/make.sh"))
    }

    /// Runs a command line with /bin/sh in `directory`.
    static func shell(_ line: String, in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
