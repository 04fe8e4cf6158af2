import Foundation
import Testing
import TestSupport

/// Every command, run on files whose names and contents try to steer the terminal: escape sequences
/// that clear the screen or set the window title, bells, carriage returns and line feeds, a
/// right-to-left override, invisible characters and a lone surrogate. Nothing of it may reach the
/// output raw; each must show as an escape.
@Suite struct HostileOutputTests {
    /// A file name with a screen-clearing sequence, a carriage return, a line feed, a right-to-left
    /// override and a zero width space.
    static let hostileName = "e\u{1B}[2J\r\n\u{202E}\u{200B}.json"

    /// A valid pre sign-up event whose version, an unknown response key and a string value carry
    /// escapes, and whose user name holds an escaped lone surrogate.
    static func hostileEvent() throws -> String {
        let fixture = Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json")
        guard var event = try JSONSerialization.jsonObject(with: Data(fixture)) as? [String: Any],
              var request = event["request"] as? [String: Any] else { throw HostileError.fixture }
        event["version"] = "1\u{1B}[2J\u{202E}"
        var response = event["response"] as? [String: Any] ?? [:]
        response["x\u{1B}]0;title\u{07}"] = 1
        event["response"] = response
        request["clientMetadata"] = ["note": "ad\u{200B}min\u{2066}\r\u{9B}31m\u{FEFF}", "KEYMARK": "v"]
        event["request"] = request
        let data = try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys])
        // JSONSerialization cannot write a lone surrogate; put one in as the file would spell it.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"userName\":\"", with: "\"userName\":\"\\ud800")
            .replacingOccurrences(of: "\"KEYMARK\"", with: "\"k\\udc00\"")
    }

    enum HostileError: Error { case fixture }

    /// What no output may contain: C0 controls but the line feed, DEL and C1 controls, the line and
    /// paragraph separators, bidi controls and invisible characters.
    static func rawCharacters(in text: String) -> [String] {
        text.unicodeScalars.compactMap { scalar -> String? in
            let value = scalar.value
            let bad = (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || [0x061C, 0xFEFF, 0x2028, 0x2029].contains(value)
                || (0x200B...0x200F).contains(value) || (0x202A...0x202E).contains(value) || (0x2060...0x2069).contains(value)
            return bad ? "U+" + String(value, radix: 16) : nil
        }
    }

    func expectClean(_ result: Binary.Result, _ command: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(Self.rawCharacters(in: result.stdout).isEmpty, "\(command): standard output", sourceLocation: sourceLocation)
        #expect(Self.rawCharacters(in: result.stderr).isEmpty, "\(command): standard error", sourceLocation: sourceLocation)
    }

    /// A folder with the hostile event under the hostile name.
    func hostileFolder() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let file = try folder.write(Self.hostileName, try Self.hostileEvent())
        return (folder, file)
    }

    @Test("check, quiet or not, on the folder and on the file: names, versions and keys escaped, the surrogate as written")
    func check() throws {
        let (folder, file) = try hostileFolder()
        defer { folder.cleanUp() }
        for arguments in [["check", folder.path], ["check", "--quiet", folder.path], ["check", file]] {
            let result = try Binary.run(arguments)
            expectClean(result, arguments.joined(separator: " "))
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            let shownName = "e\\u001b[2J\\r\\n\\u202e\\u200b.json"
            #expect(result.lines.contains("\(folder.path)/\(shownName): version: warning: \"1\\u001b[2J\\u202e\" is not a version Cognito sends (\"1\", \"2\" or \"3\")"))
            #expect(result.stdout.contains("response[\"x\\u001b]0;title\\u0007\"]: warning: Pre sign-up has no response field x\\u001b]0;title\\u0007;"))
            #expect(result.lines.allSatisfy { $0.hasPrefix(folder.path + "/" + shownName + ": ") })
        }
    }

    @Test("show as text and as JSON: values, keys and the file name escaped; the lone surrogate shown as written")
    func show() throws {
        let (folder, file) = try hostileFolder()
        defer { folder.cleanUp() }
        let text = try Binary.run(["show", file])
        expectClean(text, "show")
        #expect(text.stdout.contains("note (string): \"ad\\u200bmin\\u2066\\r\\u009b31m\\ufeff\""))
        #expect(text.stdout.contains("userName (string): \"\\ud800"))
        #expect(text.stdout.contains("\"k\\udc00\" (string): \"v\""))
        #expect(!text.stdout.contains("\u{FFFD}"))
        let json = try Binary.run(["show", "--json", file])
        expectClean(json, "show --json")
        #expect(json.stdout.contains("\"file\" : \"\(folder.path)/e\\u001b[2J\\r\\n\\u202e\\u200b.json\"")
                || json.stdout.contains("\"file\": \"\(folder.path)/e\\u001b[2J\\r\\n\\u202e\\u200b.json\""), "\(json.stdout.prefix(300))")
        // Still JSON, reading back as what the event holds.
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(parsed?["file"] as? String == file)
    }

    @Test("a file that is not JSON: its name and the excerpt of its text escaped")
    func parseErrorExcerpt() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let file = try folder.write(Self.hostileName, "{\"a\": \"\u{1B}]0;owned\u{07}\u{202E}\"}")
        for arguments in [["show", file], ["check", file], ["set", file, "response.a=1"]] {
            let result = try Binary.run(arguments)
            expectClean(result, arguments[0])
            #expect(result.status == 2)
            let output = result.stdout + result.stderr
            #expect(output.contains("e\\u001b[2J\\r\\n\\u202e\\u200b.json:1:8: control character U+001B must be escaped in a string"))
            // show and set quote the line with a caret under the error.
            if arguments[0] != "check" { #expect(output.contains(" 1 | {\"a\": \"\\u001b]0;owned\\u0007\\u202e\"}")) }
        }
    }

    @Test("set: file names, paths and values echoed in changes and refusals are escaped")
    func set() throws {
        let (folder, file) = try hostileFolder()
        defer { folder.cleanUp() }
        let runs: [[String]] = [
            ["set", file, "response.autoConfirmUser=true"],
            ["set", file, "response.autoConfirmUser=\"\u{1B}[2J\u{202E}\""],
            ["set", file, "response.a\u{1B}[2J\u{200B}=1"],
            ["set", file, "request.clientMetadata.note=\u{1B}]0;x\u{07}", "--force"],
            ["set", file, "response.autoVerifyEmail=true", "--output", folder.path + "/no\u{1B}[2J/such\u{202E}.json"],
            ["set", folder.path + "/missing\u{1B}[2J.json", "response.autoConfirmUser=true"],
        ]
        for arguments in runs {
            let result = try Binary.run(arguments)
            expectClean(result, arguments.dropFirst(2).joined(separator: " "))
        }
        let changed = try Binary.run(["set", file, "request.clientMetadata.note=\u{1B}]0;x\u{07}", "--force"])
        #expect(changed.stdout.contains("request.clientMetadata.note: \"\\u001b]0;x\\u0007\" (unchanged)"))
    }

    @Test("new, triggers, keys and render: names and arguments echoed back are escaped")
    func otherCommands() throws {
        let (folder, file) = try hostileFolder()
        defer { folder.cleanUp() }
        let runs: [[String]] = [
            ["new", "PreSignUp_SignUp", "--output", file],
            ["new", "PreSignUp\u{1B}[2J\u{202E}"],
            ["triggers", "\u{1B}]0;x\u{07}"],
            ["keys", "\u{1B}[2J"],
            ["show", file, "\u{1B}[2J\u{200B}"],
            ["check", "--\u{1B}[2J"],
            ["render", folder.path, "--size", "120x30", "--keys", "Enter"],
            ["render", folder.path, "--size", "120x30", "--format", "styles"],
            ["render", folder.path, "--size", "x\u{1B}[2J"],
        ]
        for arguments in runs {
            let result = try Binary.run(arguments)
            expectClean(result, arguments.joined(separator: " "))
        }
        let exists = try Binary.run(["new", "PreSignUp_SignUp", "--output", file])
        #expect(exists.stderr.contains("e\\u001b[2J\\r\\n\\u202e\\u200b.json: the file exists"))
        let argument = try Binary.run(["show", file, "\u{1B}[2J\u{200B}"])
        #expect(argument.stderr.contains("\\u001b[2J\\u200b"))
    }

    @Test("set --output - on a terminal shows the event's strings escaped (still JSON); into a pipe it writes the bytes")
    func setToStandardOutputOnATerminal() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let text = try Self.hostileEvent().replacingOccurrences(of: "\\ud800", with: "")
        let file = try folder.write("event.json", text)
        let binary = try Binary.required()
        // util-linux's script gives the command a terminal and copies what it prints.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(binary)' set '\(file)' response.autoVerifyEmail=true --output -", "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let shown = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        #expect(process.terminationStatus == 0, "\(shown.prefix(500))")
        #expect(Self.rawCharacters(in: shown).isEmpty, "\(Self.rawCharacters(in: shown))")
        #expect(shown.contains(#""note":"ad\u200bmin\u2066\r\u009b31m\ufeff""#))
        // Into a pipe the event's bytes come out as the file would hold them.
        let piped = try Binary.run(["set", file, "response.autoVerifyEmail=true", "--output", "-"])
        #expect(piped.stdout.contains("ad\u{200B}min\u{2066}"))
    }
}
