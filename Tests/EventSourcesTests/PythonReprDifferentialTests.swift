import EventSources
import Foundation
import JSONDocument
import Testing

/// The Python literal converter against Python itself: random dicts with hard strings (quotes,
/// backslashes, every control character, non-printable and astral characters), printed by
/// Python's `repr` and by `json.dumps`; the conversion of the first must equal the second.
@Suite struct PythonReprDifferentialTests {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let script = #"""
    import json, random
    rng = random.Random(1205)
    alphabet = ["a", "Z", " ", "'", '"', "\\", "\n", "\r", "\t", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\xa0",
                "é", "Þ", "山", "\u2028", "\u200b", "\ufeff", "\U0001F600", "\U000E0001", "{", "}", ":", ","]
    def text():
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
    def value(depth):
        kind = rng.randint(0, 7 if depth < 4 else 4)
        if kind == 0: return text()
        if kind == 1: return rng.randint(-10**20, 10**20)
        if kind == 2: return rng.choice([0.1, -2.5e-07, 1e+22, 3.0, 123456.789, 5e-324])
        if kind == 3: return rng.choice([True, False, None])
        if kind == 4: return text()
        if kind == 5: return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        return {text(): value(depth + 1) for _ in range(rng.randint(0, 4))}
    for _ in range(400):
        d = {"triggerSource": "PreSignUp_SignUp", "request": value(0), text(): value(0)}
        print(repr(d))
        print(json.dumps(d))
    """#

    @Test("400 random dicts: the conversion of Python's repr equals json.dumps of the same dict")
    func matchesPython() throws {
        guard let python = Self.python else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                Issue.record("python3 is missing, and CI=true requires this test to run")
            } else {
                print("skipped: python3 is not installed, so the converter is not compared with Python")
            }
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        #expect(lines.count >= 800)
        var compared = 0
        for index in stride(from: 0, to: lines.count - 1, by: 2) {
            let converted = try PythonLiteral.json(from: lines[index])
            let expected = try JSONDocument(bytes: lines[index + 1]).root.value
            #expect(try JSONDocument(bytes: converted).root.value == expected, "line \(index + 1): \(String(decoding: lines[index], as: UTF8.self))")
            compared += 1
        }
        #expect(compared == 400)
    }
}
