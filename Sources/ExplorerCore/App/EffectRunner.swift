import CognitoTriggers
import Foundation
import JSONDocument

/// Performs effects synchronously with the real file system: for headless runs, tests, and the
/// terminal loop (which handles `.openEditor` itself, since it must leave curses mode first).
public struct EffectRunner: Sendable {
    /// What `.openEditor` gives back without a terminal: the text to use, or nil to skip with a message.
    public var editorText: String?
    /// Test hooks that make saving fail.
    public var faults: FileStore.Faults
    /// Runs the user's function for `.runFunction` (the executable supplies one built on
    /// `LambdaHost`); without it the run reports that no runner is available.
    public var functionRunner: (@Sendable (_ command: String, _ event: [UInt8], _ region: String?, _ source: EventSource) -> FunctionReport)?

    public init(editorText: String? = nil, faults: FileStore.Faults = FileStore.Faults(),
                functionRunner: (@Sendable (String, [UInt8], String?, EventSource) -> FunctionReport)? = nil) {
        self.editorText = editorText
        self.faults = faults
        self.functionRunner = functionRunner
    }

    /// The summaries of files, in their order, made on every core: each worker reads and
    /// validates a contiguous share, and the shares are joined in order (as `check` does).
    static func summaries(of paths: [String]) -> [FileSummary] {
        ParallelShares.map(count: paths.count, minimumShare: 16) { range in
            paths[range].map { FileSummary(EventFiles.open($0)) }
        }.flatMap { $0 }
    }

    /// Performs one effect and returns the action that reports its result, if it has one.
    ///
    /// `.quit` and `.stopFunction` return nil: the caller acts on them.
    public func perform(_ effect: Effect) -> Action? {
        switch effect {
        case .expand(let paths):
            let (files, sources, problems) = ExplorerInputs.expand(paths)
            return .expanded(files: files, problems: problems, sources: sources)
        case .readSource(let path):
            // Headless, a source is read to its end before the next effect.
            return .sourceRead(ExplorerInputs.readAll(path))
        case .load(let paths):
            return .loaded(Self.summaries(of: paths))
        case .open(let path):
            return .opened(EventFiles.open(path))
        case .save(let path, let bytes, let expected, let purpose):
            do {
                let method = try FileStore.write(bytes, to: path, expecting: expected, faults: faults)
                return .saved(purpose, path: path, bytes: bytes, method: method)
            } catch {
                return .saveFailed(purpose, path: path, error: error)
            }
        case .saveCopy(let path, let bytes, let original, let replacing, let purpose):
            return saveCopy(bytes, to: path, of: original, replacing: replacing, purpose: purpose)
        case .create(let path, let bytes, let purpose):
            return create(path, with: bytes, purpose: purpose)
        case .openEditor(_, _, let target):
            return .editorFinished(target, editorText.map { .success($0) } ?? .failure(.headless))
        case .findRecovery(let path):
            RecoveryFile.removeStaleTemporaryFiles(for: path)
            return RecoveryFile.read(for: path).map { .recoveryFound(path: path, bytes: $0) }
        case .removeRecovery(let path):
            RecoveryFile.remove(for: path)
            return nil
        case .runFunction(let command, let event, let region, let source):
            if let functionRunner { return .functionFinished(functionRunner(command, event, region, source)) }
            return .functionFinished(FunctionReport(source: source, lines: ["no function runner in this run"], response: nil))
        case .stopFunction, .quit, .copyToClipboard:
            return nil
        }
    }

    /// Writes a copy of an event to another file: refused when the file is the original itself, or
    /// when it is a file that exists and may not be replaced.
    private func saveCopy(_ bytes: [UInt8], to path: String, of original: String, replacing: Bool, purpose: SavePurpose) -> Action {
        var target = stat()
        if PathCalls.fileStatus(path, &target) == 0 {
            var source = stat()
            if PathCalls.fileStatus(original, &source) == 0 && source.st_dev == target.st_dev && source.st_ino == target.st_ino {
                return .copyIsTheOriginal(purpose, path: path)
            }
            // A device, pipe or folder is refused by the write below, without asking first.
            if !replacing && (target.st_mode & S_IFMT) == S_IFREG {
                return .saveFailed(purpose, path: path, error: FileError(kind: .alreadyExists, path: path, operation: "write"))
            }
        }
        do {
            let method = try FileStore.write(bytes, to: path, expected: nil, faults: faults)
            return .saved(purpose, path: path, bytes: bytes, method: method)
        } catch {
            return .saveFailed(purpose, path: path, error: error)
        }
    }

    /// Writes a new file, refused when anything (a link included) already has its name.
    private func create(_ path: String, with bytes: [UInt8], purpose: SavePurpose) -> Action {
        var existing = stat()
        if PathCalls.linkStatus(path, &existing) == 0 {
            return .saveFailed(purpose, path: path, error: FileError(kind: .alreadyExists, path: path, operation: "create"))
        }
        do {
            try FileStore.write(bytes, to: path, expected: nil, faults: faults)
            return .saved(purpose, path: path, bytes: bytes)
        } catch {
            return .saveFailed(purpose, path: path, error: error)
        }
    }

    /// Performs effects and every effect their results lead to, in order, until none is left.
    ///
    /// Returns the exit status when an effect asked to quit (later effects are dropped).
    @discardableResult
    public func drain(_ effects: [Effect], into state: inout ExplorerState) -> Int32? {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            if case .quit(let status) = effect { return status }
            if let action = perform(effect) {
                queue.append(contentsOf: state.apply(action))
            }
        }
        return nil
    }

    /// Applies the keys and mouse events of a script one by one, draining the effects of each;
    /// stops at a quit and returns its status.
    @discardableResult
    public func run(inputs: [ScriptInput], on state: inout ExplorerState) -> Int32? {
        for input in inputs {
            if let status = drain(state.apply(input.action), into: &state) { return status }
        }
        return nil
    }

    /// Applies keys one by one, draining the effects of each; stops at a quit and returns its status.
    @discardableResult
    public func run(keys: [Key], on state: inout ExplorerState) -> Int32? {
        for key in keys {
            if let status = drain(state.apply(.key(key)), into: &state) { return status }
        }
        return nil
    }
}

/// The `fixtures` folder bundled with the explorer: `./fixtures` when it exists, otherwise the
/// nearest `fixtures` folder above the executable (two levels up for `.build/debug/cognito-explorer`).
public func bundledFixturesPath(currentDirectory: String = FileManager.default.currentDirectoryPath,
                                executable: String = CommandLine.arguments.first ?? "") -> String? {
    let manager = FileManager.default
    func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return manager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
    let local = currentDirectory + "/fixtures"
    if isFolder(local) { return local }
    var candidates: [URL] = []
    let binary = URL(fileURLWithPath: executable, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true))
    for start in [binary.standardizedFileURL, binary.resolvingSymlinksInPath()] {
        var folder = start.deletingLastPathComponent()
        for _ in 0..<5 {
            folder.deleteLastPathComponent()
            candidates.append(folder.appendingPathComponent("fixtures"))
        }
    }
    // Two levels above the binary's folder comes first, as for `.build/debug/cognito-explorer`.
    return candidates.map(\.path).first(where: isFolder)
}

/// Runs `$VISUAL` or `$EDITOR` on a temporary file; for the terminal loop, after it leaves curses mode.
public enum ExternalEditor {
    /// The editor command from the environment, or nil when neither variable is set.
    public static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return nil
    }

    /// Writes `text` to a temporary file, runs the editor on it and waits, then reads it back.
    ///
    /// Returns the action to feed to the state, for `target`: the new text, or why there is none.
    public static func edit(text: String, fileExtension: String, for target: EditorTarget,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> Action {
        guard let command = command(environment: environment) else {
            return .editorFinished(target, .failure(.noEditor))
        }
        let folder = FileManager.default.temporaryDirectory.path
        let file = folder + "/cognito-explorer-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).\(fileExtension)"
        defer { try? FileManager.default.removeItem(atPath: file) }
        // Private from the start (0600, whatever the umask): the text may hold secrets of the event.
        do {
            try FileStore.createPrivate(Array(text.utf8), at: file)
        } catch {
            return .editorFinished(target, .failure(.couldNotWrite(error)))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The file name goes as an argument, so no quoting problems can arise.
        process.arguments = ["-c", command + " \"$1\"", "cognito-explorer-editor", file]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .editorFinished(target, .failure(.couldNotStart(command: command, reason: error.localizedDescription)))
        }
        guard process.terminationStatus == 0 else {
            return .editorFinished(target, .failure(.exited(status: process.terminationStatus)))
        }
        do {
            return .editorFinished(target, .success(String(decoding: try FileStore.read(file), as: UTF8.self)))
        } catch {
            return .editorFinished(target, .failure(.couldNotRead(error)))
        }
    }
}
