import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

@Suite struct ExternalEditorTests {
    @Test("the text handed to $EDITOR is in a file only its owner can read, whatever the umask")
    func theTemporaryFileIsPrivate() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let record = folder.path + "/mode"
        // An "editor" that notes the mode of the file it is given and appends to the text.
        let script = try folder.write("editor.sh", "#!/bin/sh\nstat -c %a \"$1\" > '\(record)'\nprintf ' edited' >> \"$1\"\n")
        #expect(chmod(script, 0o755) == 0)
        let previous = umask(0o022)
        defer { umask(previous) }
        let target = EditorTarget(event: .file(path: "event.json"), field: ["response", "emailMessage"])
        let action = ExternalEditor.edit(text: "secret", fileExtension: "txt", for: target, environment: ["EDITOR": script])
        guard case .editorFinished(let returned, let outcome) = action else {
            Issue.record("unexpected action \(action)")
            return
        }
        #expect(returned == target, "the field comes back with the text")
        #expect(outcome == .success("secret edited"))
        #expect(String(decoding: Repository.bytes(of: record), as: UTF8.self) == "600\n")
    }
}

/// An editor that gives no text answers with why, as a value; the words are made when the
/// explorer shows it, and the value it was to edit is left alone.
@Suite struct EditorFailureTests {
    static let target = EditorTarget(event: .file(path: "event.json"), field: ["response", "emailMessage"])

    /// The outcome `ExternalEditor.edit` gives with `environment`.
    static func outcome(_ environment: [String: String]) -> Result<String, EditorFailure>? {
        guard case .editorFinished(_, let outcome) = ExternalEditor.edit(text: "hi", fileExtension: "txt", for: target, environment: environment) else { return nil }
        return outcome
    }

    @Test("no $VISUAL or $EDITOR (or only blanks) is .noEditor")
    func noEditor() {
        #expect(Self.outcome([:]) == .failure(.noEditor))
        #expect(Self.outcome(["EDITOR": "  ", "VISUAL": ""]) == .failure(.noEditor))
    }

    @Test("an editor that exits with a status other than 0 is .exited with that status")
    func exitStatus() {
        #expect(Self.outcome(["EDITOR": "exit 3 #"]) == .failure(.exited(status: 3)))
    }

    @Test("an editor that removes its file gives .couldNotRead with the file's error")
    func fileRemoved() {
        guard case .failure(.couldNotRead(let error))? = Self.outcome(["EDITOR": "rm"]) else {
            Issue.record("expected .couldNotRead, got \(String(describing: Self.outcome(["EDITOR": "rm"])))")
            return
        }
        #expect(error.kind == .notFound)
    }

    @Test("the status bar says why in words made from the failure, and the field keeps its value",
          arguments: [
              (EditorFailure.noEditor, "set $VISUAL or $EDITOR to edit text in your editor"),
              (.headless, "no editor in a headless run (give --editor-text to supply the edited text)"),
              (.exited(status: 3), "the editor exited with status 3; the value is unchanged"),
              (.couldNotStart(command: "vi\u{1b}[2J", reason: "no such file"), "could not start the editor vi\u{1b}[2J: no such file"),
          ])
    func words(failure: EditorFailure, expected: String) throws {
        let path = Repository.fixtures + "/custom-message/CustomMessage_SignUp.json"
        var harness = ExplorerHarness([path], width: 120, height: 30)
        let before = harness.documentText
        _ = harness.state.apply(.editorFinished(EditorTarget(event: .file(path: path), field: ["response", "smsMessage"]), .failure(failure)))
        #expect(harness.state.statusMessage == StatusMessage(expected, .warning))
        #expect(harness.documentText == before)
        #expect(harness.state.unsavedEvents.isEmpty)
        if case .couldNotStart = failure {
            #expect(harness.text.contains("vi\\u001b[2J"), "the command is escaped on the screen")
        }
    }

    @Test("a headless run with no editor text answers .headless")
    func headless() {
        let action = EffectRunner().perform(.openEditor(text: "x", fileExtension: "txt", target: Self.target))
        guard case .editorFinished(let target, let outcome)? = action else {
            Issue.record("unexpected \(String(describing: action))")
            return
        }
        #expect(target == Self.target)
        #expect(outcome == .failure(.headless))
        guard case .editorFinished(_, let given)? = EffectRunner(editorText: "typed").perform(.openEditor(text: "x", fileExtension: "txt", target: Self.target)) else {
            Issue.record("no answer")
            return
        }
        #expect(given == .success("typed"))
    }
}
