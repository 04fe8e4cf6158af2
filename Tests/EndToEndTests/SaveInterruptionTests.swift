import Foundation
import Testing
import TestSupport

/// `set` on a largish event, killed or signalled at random moments: the file is always the old
/// one or the new one, and no temporary file stays behind.
@Suite(.enabled(if: Binary.shouldRunTests, Comment(rawValue: Binary.skipReason)), .serialized)
struct SaveInterruptionTests {
    /// A valid event of about 10 MB (a large clientMetadata map), and the same event after `set`.
    static func largeEvent(in folder: TemporaryFolder) throws -> (path: String, original: [UInt8], edited: [UInt8]) {
        var text = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
        let entries = (0..<80_000).map { "      \"key\($0)\": \"\(String(repeating: "v", count: 100))\"" }.joined(separator: ",\n")
        text = text.replacingOccurrences(of: "\"request\": {", with: "\"request\": {\n    \"clientMetadata\": {\n\(entries)\n    },")
        let path = try folder.write("event.json", text)
        let original = Repository.bytes(of: path)
        let copy = try folder.write("copy.json", text)
        let result = try Binary.run(["set", copy, "response.autoConfirmUser=true"])
        #expect(result.status == 0, "\(result.stderr)")
        let edited = Repository.bytes(of: copy)
        try FileManager.default.removeItem(atPath: copy)
        #expect(edited != original)
        return (path, original, edited)
    }

    /// Starts `set` on the file and sends `signal` while it writes the new file: as soon as it
    /// holds a descriptor to a file in the folder other than the event (the temporary file, named
    /// or not), plus a random 0-10 ms. Returns false when the run ended before that was seen.
    static func interruptedSet(_ path: String, value: Bool, signal: Int32) throws -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let pid = try spawn([Binary.required(), "set", path, "response.autoConfirmUser=\(value)"])
        let descriptors = "/proc/\(pid)/fd"
        var hit = false
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(10)
        while waitpid(pid, &status, WNOHANG) == 0 && Date() < deadline {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: descriptors)) ?? [] {
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: descriptors + "/" + entry) else { continue }
                if target.hasPrefix(folder + "/") && target != path && !target.hasPrefix(folder + "/event.json") {
                    hit = true
                    break
                }
            }
            if hit {
                usleep(UInt32.random(in: 0...10_000))
                kill(pid, signal)
                waitpid(pid, &status, 0)
                break
            }
            usleep(100)
        }
        return hit
    }

    /// Starts a program with every signal at its default action and none blocked (the test runner
    /// may block some, and a child inherits that), its output thrown away.
    static func spawn(_ arguments: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard result == 0 else { throw Binary.Failure.notBuilt }
        return pid
    }

    static func temporaryFiles(_ folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "event.json" }
    }

    @Test("SIGINT, SIGTERM and SIGHUP during saves: the save finishes first, no temporary file ever stays",
          arguments: [SIGINT, SIGTERM, SIGHUP])
    func catchableSignalsLeaveNoTemporaryFile(signal: Int32) throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (path, original, edited) = try Self.largeEvent(in: folder)
        var left: [String] = []
        var hits = 0
        for run in 0..<8 {
            if try Self.interruptedSet(path, value: run % 2 == 0, signal: signal) { hits += 1 }
            let now = Repository.bytes(of: path)
            #expect(now == original || now == edited, "run \(run): the file is neither the old one nor the new one")
            left += try Self.temporaryFiles(folder)
        }
        #expect(left.isEmpty, "temporary files left behind: \(left)")
        #expect(hits >= 4, "only \(hits) of 8 signals arrived during the save")
    }

    @Test("kill -9 during saves: the file is whole and no temporary file stays")
    func killLoopLeavesNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let (path, original, edited) = try Self.largeEvent(in: folder)
        var leftAfterKill = 0
        var hits = 0
        for run in 0..<20 {
            if try Self.interruptedSet(path, value: run % 2 == 0, signal: SIGKILL) { hits += 1 }
            let now = Repository.bytes(of: path)
            #expect(now == original || now == edited, "run \(run): the file is neither the old one nor the new one")
            let left = try Self.temporaryFiles(folder)
            if !left.isEmpty {
                leftAfterKill += 1
                for name in left { try FileManager.default.removeItem(atPath: folder.path + "/" + name) }
            }
        }
        #expect(hits >= 10, "only \(hits) of 20 kills came during the save")
        #expect(leftAfterKill == 0, "\(leftAfterKill) of 20 kills left a temporary file")
    }

    @Test func staleTemporaryFilesOfEndedRunsAreRemovedAndOthersKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("event.json", String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self))
        // 4194305 is above the largest process id Linux allows, so no such process runs; process 1 always does.
        let stale = [".event.json.tmp-4194305-0", ".event.json.tmp-4194305-7"]
        let kept = [".event.json.tmp-1-0", ".event.json.tmp-notours", ".other.json.tmp-4194305-0", ".event.json.backup-4194305-0"]
        for name in stale + kept { try folder.write(name, "{}") }
        let result = try Binary.run(["set", path, "response.autoConfirmUser=true"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == (kept + ["event.json"]).sorted())
    }
}
