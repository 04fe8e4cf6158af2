import ExplorerCore
import Foundation
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
        let target = EditorTarget(event: "event.json", field: ["response", "emailMessage"])
        let action = ExternalEditor.edit(text: "secret", fileExtension: "txt", for: target, environment: ["EDITOR": script])
        guard case .editorFinished(let returned, let text, let message) = action else {
            Issue.record("unexpected action \(action)")
            return
        }
        #expect(returned == target, "the field comes back with the text")
        #expect(message == nil)
        #expect(text == "secret edited")
        #expect(String(decoding: Repository.bytes(of: record), as: UTF8.self) == "600\n")
    }
}
