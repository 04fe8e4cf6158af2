import Foundation
import Testing
import TestSupport

/// A file named with bytes that are not UTF-8 (`latin1-\xe9.json`) is listed, opened, checked and
/// saved under its own name, and shown with the odd byte escaped.
@Suite(.enabled(if: Binary.shouldRunTests, Comment(rawValue: Binary.skipReason)))
struct NonUTF8NameTests {
    /// Runs the binary through the shell, so an argument can be raw bytes (`printf '\351'`).
    static func run(_ script: String, in folder: String) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = try ["-c", script, "sh", Binary.required()]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func workspace() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let source = Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"
        let result = try run("cp '\(source)' \"$(printf 'latin1-\\351.json')\"", in: folder.path)
        #expect(result.status == 0, "\(result.stdout)")
        return folder
    }

    @Test func checkOfTheFolderAndOfTheNameFindsTheEvent() throws {
        let folder = try Self.workspace()
        defer { folder.cleanUp() }
        let listed = try Self.run("\"$1\" check .", in: folder.path)
        #expect(listed.status == 0)
        #expect(listed.stdout == "./latin1-\\xE9.json: ok\n")
        let named = try Self.run("\"$1\" check \"$(printf 'latin1-\\351.json')\"", in: folder.path)
        #expect(named.status == 0)
        #expect(named.stdout == "latin1-\\xE9.json: ok\n")
    }

    @Test func setSavesUnderTheSameName() throws {
        let folder = try Self.workspace()
        defer { folder.cleanUp() }
        let result = try Self.run("\"$1\" set \"$(printf 'latin1-\\351.json')\" response.autoConfirmUser=true", in: folder.path)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("response.autoConfirmUser: false -> true"))
        // Still one file, with the byte E9 in its name, holding the change.
        let listing = try Self.run("ls | od -An -c | tr -s ' '", in: folder.path)
        #expect(listing.stdout.contains("l a t i n 1 - 351 . j s o n"))
        let content = try Self.run("cat \"$(printf 'latin1-\\351.json')\"", in: folder.path)
        #expect(content.stdout.contains("\"autoConfirmUser\": true"))
    }

    @Test func theExplorerListsAndOpensIt() throws {
        let folder = try Self.workspace()
        defer { folder.cleanUp() }
        let result = try Self.run("\"$1\" render . --size 100x20", in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("latin1-\\xE9"))
        #expect(result.stdout.contains("Request · Pre sign-up · PreSignUp_SignUp"))
        #expect(!result.stdout.contains("no such file"))
    }
}
