#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CognitoTriggers
import JSONDocument

/// Writes found events into a folder laid out as `fixtures/` is: one pretty-printed file per
/// distinct event, in a folder per trigger, named by trigger source and user.
///
/// A file is never replaced: each is written to a temporary file in its folder, flushed to disk,
/// then linked to its name, which fails when the name exists (an exclusive create, not a check
/// followed by a write). Identical events are written once, within a run and across runs.
public final class EventImporter {
    /// What happened to one event.
    public enum Outcome: Sendable, Hashable {
        /// Written to this path.
        case written(String)
        /// Would be written to this path (a dry run).
        case wouldWrite(String)
        /// The same event was met before in this run (written to, or planned for, this path).
        case duplicate(of: String)
        /// A file with exactly this content already exists at this path.
        case alreadyPresent(String)
    }

    /// Why an event could not be written; nothing is left half-written.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The path that failed.
        public let path: String
        /// What was being done.
        public let operation: String
        /// The system's error number.
        public let code: Int32

        /// The message: what failed, where, and the system's reason.
        public var description: String {
            let reason = code == ENOSPC ? "the disk is full" : String(cString: strerror(code))
            return "\(path): cannot \(operation): \(reason); files written so far are complete"
        }
    }

    /// The folder written into.
    public let folder: String
    /// True when nothing is written, only planned.
    public let dryRun: Bool
    /// Paths by content hash, to find identical events (compared byte for byte before trusting a hash).
    private var seen: [UInt64: [String]] = [:]
    /// In a dry run, the planned files' text (nothing is on disk to compare with).
    private var planned: [String: [UInt8]] = [:]
    private var createdFolders: Set<String> = []

    /// An importer into `folder` (created when missing, unless `dryRun`).
    public init(folder: String, dryRun: Bool) {
        self.folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        self.dryRun = dryRun
    }

    /// The folder name `fixtures/` uses for a trigger.
    public static func folderName(for trigger: Trigger?) -> String {
        switch trigger {
        case .preSignUp: return "pre-sign-up"
        case .postConfirmation: return "post-confirmation"
        case .userMigration: return "user-migration"
        case .customMessage: return "custom-message"
        case .preAuthentication: return "pre-authentication"
        case .postAuthentication: return "post-authentication"
        case .preTokenGenerationV1: return "pre-token-generation-v1"
        case .preTokenGenerationV2: return "pre-token-generation-v2"
        case .preTokenGenerationV3: return "pre-token-generation-v3"
        case .defineAuthChallenge: return "define-auth-challenge"
        case .createAuthChallenge: return "create-auth-challenge"
        case .verifyAuthChallengeResponse: return "verify-auth-challenge-response"
        case .customEmailSender: return "custom-email-sender"
        case .customSMSSender: return "custom-sms-sender"
        case .inboundFederation: return "inbound-federation"
        case nil: return "unknown-trigger"
        }
    }

    /// The event as it is written: pretty-printed with 2-space indents and a final newline.
    public static func text(of event: TriggerEvent) -> [UInt8] {
        Array(event.document.root.value.prettyText().utf8) + [0x0A]
    }

    /// A name part made safe for any file system: letters, digits and `.-_@+` kept, anything else
    /// (slashes, controls, spaces, non-ASCII) as `_`, at most 64 characters, never starting with `.`.
    public static func safeName(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(64) {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", "@", "+", ".": result.unicodeScalars.append(scalar)
            default: result += "_"
            }
        }
        while result.hasPrefix(".") { result = "_" + result.dropFirst() }
        return result.isEmpty ? "_" : result
    }

    /// A 64-bit FNV-1a hash of bytes: names files apart and finds duplicates quickly (equal
    /// hashes are confirmed by comparing the bytes).
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }

    /// Writes (or, in a dry run, plans) one event.
    public func add(_ found: FoundEvent) throws(Failure) -> Outcome {
        let text = Self.text(of: found.event)
        let hash = Self.hash(text)
        for path in seen[hash] ?? [] where contents(of: path) == text {
            return .duplicate(of: path)
        }
        let subfolder = folder + "/" + Self.folderName(for: found.event.trigger)
        var base = Self.safeName(found.triggerSourceName ?? "event")
        if let user = found.userName, !user.isEmpty { base += "." + Self.safeName(user) }
        let hex = String(hash, radix: 16)
        let short = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        var candidates = [subfolder + "/" + base + ".json", subfolder + "/" + base + "." + short.prefix(8) + ".json"]
        candidates += (2...9).map { subfolder + "/" + base + "." + short.prefix(8) + "-\($0).json" }
        if !dryRun { try makeFolders(subfolder) }
        for path in candidates {
            if let existing = contents(of: path) {
                if existing == text {
                    seen[hash, default: []].append(path)
                    return .alreadyPresent(path)
                }
                continue
            }
            if dryRun {
                planned[path] = text
                seen[hash, default: []].append(path)
                return .wouldWrite(path)
            }
            if try create(path, with: text, in: subfolder) {
                seen[hash, default: []].append(path)
                return .written(path)
            }
            // Someone created the name between our look and our link: look again.
            if contents(of: path) == text {
                seen[hash, default: []].append(path)
                return .alreadyPresent(path)
            }
        }
        throw Failure(path: candidates[0], operation: "find a free name (ten names are taken by other content)", code: EEXIST)
    }

    /// The bytes of a planned or existing file, or nil when there is none.
    private func contents(of path: String) -> [UInt8]? {
        if let text = planned[path] { return text }
        guard access(path, F_OK) == 0 else { return nil }
        return try? FileStore.read(path)
    }

    private func makeFolders(_ path: String) throws(Failure) {
        guard !createdFolders.contains(path) else { return }
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o755) != 0 && errno != EEXIST {
                throw Failure(path: partial, operation: "create the folder", code: errno)
            }
        }
        createdFolders.insert(path)
    }

    /// Writes `bytes` to a temporary file in `folder`, flushes it, and links it to `path`; false
    /// when `path` exists. The temporary file is removed either way.
    private func create(_ path: String, with bytes: [UInt8], in folder: String) throws(Failure) -> Bool {
        var template = Array((folder + "/.import-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let start = buffer.baseAddress else { return -1 }
            return mkstemp(start)
        }
        guard descriptor >= 0 else { throw Failure(path: folder, operation: "create a temporary file in it", code: errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(temporary) }
        var written = 0
        let failure: Int32 = bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return 0 }
            while written < raw.count {
                let count = write(descriptor, base + written, raw.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return 0
        }
        if failure != 0 {
            close(descriptor)
            throw Failure(path: path, operation: "write", code: failure)
        }
        fchmod(descriptor, 0o644)
        if fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            throw Failure(path: path, operation: "flush to disk", code: code)
        }
        close(descriptor)
        if link(temporary, path) != 0 {
            if errno == EEXIST { return false }
            throw Failure(path: path, operation: "create", code: errno)
        }
        let directory = open(folder, O_RDONLY | O_DIRECTORY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
        return true
    }
}
