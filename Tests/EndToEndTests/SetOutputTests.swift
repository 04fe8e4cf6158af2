import Foundation
import Testing
import TestSupport

/// Where `set` writes: never over a device or a pipe, `-` for standard output, and files it cannot
/// replace without loss (hard links, another owner) written in place, saying so.
@Suite(.enabled(if: Binary.shouldRunTests, Comment(rawValue: Binary.skipReason)))
struct SetOutputTests {
    static func event(in folder: TemporaryFolder, name: String = "event.json") throws -> String {
        try folder.write(name, String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self))
    }

    static func kind(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    @Test func outputToACharacterDeviceIsRefusedAndTheDeviceStays() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try Self.event(in: folder)
        // A node like /dev/null of our own, so the real one is never at risk.
        let device = folder.path + "/null"
        try #require(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0, "cannot make a device node here (needs root)")
        let result = try Binary.run(["set", path, "response.autoConfirmUser=true", "--output", device], timeout: 10)
        #expect(result.status == 1)
        #expect(result.stderr == "error: \(device): is a character device, not a regular file; cannot replace it (--output - writes to standard output)\n")
        #expect(Self.kind(device) == S_IFCHR)
    }

    @Test func outputToANamedPipeIsRefusedAtOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try Self.event(in: folder)
        let pipe = folder.path + "/out.json"
        #expect(mkfifo(pipe, 0o600) == 0)
        let result = try Binary.run(["set", path, "response.autoConfirmUser=true", "--output", pipe], timeout: 10)
        #expect(result.status == 1)
        #expect(result.stderr == "error: \(pipe): is a named pipe (FIFO), not a regular file; cannot replace it (--output - writes to standard output)\n")
        #expect(Self.kind(pipe) == S_IFIFO)
    }

    @Test func outputDashWritesTheEventToStandardOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try Self.event(in: folder)
        let original = String(decoding: Repository.bytes(of: path), as: UTF8.self)
        let result = try Binary.run(["set", path, "response.autoConfirmUser=true", "--output", "-"])
        #expect(result.status == 0)
        #expect(result.stdout == original.replacingOccurrences(of: "\"autoConfirmUser\": false", with: "\"autoConfirmUser\": true"))
        #expect(result.stderr == "response.autoConfirmUser: false -> true\n\nNo problems.\n")
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["event.json"])
    }

    @Test func aHardLinkedEventIsWrittenInPlaceAndSaysSo() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try Self.event(in: folder)
        let second = folder.path + "/second.json"
        #expect(link(path, second) == 0)
        let result = try Binary.run(["set", path, "response.autoConfirmUser=true"])
        #expect(result.status == 0)
        #expect(result.lines == [
            "response.autoConfirmUser: false -> true",
            "\(path): written in place, behind a backup copy, because it has 2 hard links",
            "No problems.",
        ])
        #expect(Repository.bytes(of: second) == Repository.bytes(of: path))
        #expect(String(decoding: Repository.bytes(of: second), as: UTF8.self).contains("\"autoConfirmUser\": true"))
    }

    static var canRunAsNobody: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    }

    @Test(.enabled(if: canRunAsNobody, "needs root and setpriv to run set as the user nobody"))
    func aGroupWritableFileOfAnotherOwnerKeepsItsOwnerAndGroup() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try Self.event(in: folder)
        // root:nogroup, writable by the group; the folder is open to all, as /tmp is.
        #expect(chmod(folder.path, 0o1777) == 0)
        #expect(chown(path, 0, 65534) == 0)
        #expect(chmod(path, 0o664) == 0)
        let setpriv = try ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Binary.required()]
        let result = try Shell.runProgram(setpriv + ["set", path, "response.autoConfirmUser=true"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\(path): written in place, behind a backup copy, because it belongs to another user (uid 0)"))
        var info = stat()
        stat(path, &info)
        #expect(info.st_uid == 0 && info.st_gid == 65534 && info.st_mode & 0o7777 == 0o664)
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self).contains("\"autoConfirmUser\": true"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["event.json"])
    }
}

/// Runs programs for the tests above and returns what they printed.
enum Shell {
    static func runProgram(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
