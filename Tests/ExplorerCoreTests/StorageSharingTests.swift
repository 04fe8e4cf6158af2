@_spi(Testing) import ExplorerCore
import Foundation
@_spi(Testing) import JSONDocument
import Testing
import TestSupport

/// Editing a large event in the explorer patches its storage in place: nothing the explorer keeps
/// (rows, cursors, sessions) holds the storage across an edit, so no edit copies several MB.
@Suite("Storage sharing in the explorer")
struct StorageSharingTests {
    /// A pre sign-up event whose user attributes make it about `megabytes` MB.
    static func largeEvent(megabytes: Int) -> String {
        let entry = "      \"custom:attribute_%06d\": \"" + String(repeating: "v", count: 60) + "\""
        let count = megabytes * 1_000_000 / 97
        let attributes = (0..<count).map { String(format: entry, $0) }.joined(separator: ",\n")
        return """
        {
          "version": "1",
          "region": "eu-west-1",
          "userPoolId": "eu-west-1_Example",
          "userName": "big",
          "callerContext": {"awsSdkVersion": "aws-sdk-unknown-unknown", "clientId": "client"},
          "triggerSource": "PreSignUp_SignUp",
          "request": {
            "userAttributes": {
        \(attributes)
            },
            "validationData": null
          },
          "response": {"autoConfirmUser": false, "autoVerifyPhone": false, "autoVerifyEmail": false}
        }

        """
    }

    @Test("editing (Enter, Space, j Enter), undoing, redoing and saving a 5 MB event keep its storage: no copy of the document")
    func editsPatchInPlace() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = Self.largeEvent(megabytes: 5)
        #expect(original.utf8.count > 5_000_000)
        let path = try folder.write("big.json", original)
        var harness = ExplorerHarness([path])
        let opened = try #require(harness.state.currentStorageIdentity, "the event is open")
        _ = harness.text  // the panes are drawn, as on a terminal, before the first key

        try harness.press("Tab Tab Enter")
        #expect(harness.state.cursorPath == ["response", "autoConfirmUser"])
        #expect(harness.documentText.contains("\"autoConfirmUser\": true"), "the edit was made")
        #expect(harness.state.currentStorageIdentity == opened, "the edit patched the storage in place")

        _ = harness.text
        try harness.press("u")
        #expect(harness.documentText == original, "undone")
        #expect(harness.state.currentStorageIdentity == opened, "the undo patched the storage in place")

        try harness.press("C-r")
        #expect(harness.documentText.contains("\"autoConfirmUser\": true"), "redone")
        #expect(harness.state.currentStorageIdentity == opened, "the redo patched the storage in place")

        try harness.press("Space j Enter")
        #expect(harness.documentText.contains("\"autoConfirmUser\": false, \"autoVerifyPhone\": true"), "two more edits")
        #expect(harness.state.currentStorageIdentity == opened, "Space and Enter on the next row patched in place")

        try harness.press("w")
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self).contains("\"autoVerifyPhone\": true"), "saved")
        #expect(harness.state.currentStorageIdentity == opened, "the save kept the storage")
    }

    @Test("the check can fail: a document kept elsewhere during an edit makes the edit copy the storage")
    func heldDocumentIsCopied() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = try folder.write("big.json", Self.largeEvent(megabytes: 1))
        var harness = ExplorerHarness([path])
        let opened = try #require(harness.state.currentStorageIdentity)
        // A copy of the whole state keeps the session, its document and its rows alive.
        let kept = harness.state
        try harness.press("Tab Tab Enter")
        #expect(harness.state.currentStorageIdentity != opened, "the edit had to copy")
        #expect(kept.currentStorageIdentity == opened, "the kept copy still has the original storage")
        #expect(kept.currentDocumentBytes != harness.state.currentDocumentBytes, "and is unchanged")
    }
}
