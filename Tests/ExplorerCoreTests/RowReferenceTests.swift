import CognitoTriggers
@_spi(Testing) @testable import ExplorerCore
import Foundation
@_spi(Testing) import JSONDocument
import Testing
import TestSupport

/// Rows name their values by reference (a tape index in one version of the document), so editing
/// an event in the explorer patches its storage in place, and every row, after any edit, undo,
/// redo, save or reload, shows the value at its own path.
@Suite("Rows by reference in the explorer")
struct RowReferenceTests {
    /// A pre token generation V2 event of the benchmark's 50 MB event's shape, smaller: long user
    /// attributes and client metadata, and long ID and access token claim maps (strings, numbers
    /// and lists), with scopes. `entries` is the length of each long map.
    static func largeTokenEvent(entries: Int) -> String {
        func map(_ prefix: String, _ value: (Int) -> String) -> String {
            (0..<entries).map { "          \"\(prefix)\(String(format: "%07d", $0))\": \(value($0))" }.joined(separator: ",\n")
        }
        func claim(_ k: Int) -> String {
            switch k % 5 {
            case 1: return "[\"read:\(k)\", \"write:\(k)\"]"
            case 3: return "\(k * 7)"
            default: return "\"value \(k)\""
            }
        }
        let scopes = (0..<entries).map { "\"reports-api/read.\($0)\"" }.joined(separator: ", ")
        return """
        {
          "version": "2",
          "triggerSource": "TokenGeneration_Authentication",
          "region": "eu-west-1",
          "userPoolId": "eu-west-1_Example",
          "userName": "big",
          "callerContext": {"awsSdkVersion": "aws-sdk-js-3.637.0", "clientId": "client"},
          "request": {
            "userAttributes": {
        \(map("custom:attr_", { "\"attribute \($0)\"" }))
            },
            "scopes": ["openid"],
            "groupConfiguration": {"groupsToOverride": [], "iamRolesToOverride": [], "preferredRole": null},
            "clientMetadata": {
        \(map("meta_", { "\"metadata \($0)\"" }))
            }
          },
          "response": {
            "claimsAndScopeOverrideDetails": {
              "idTokenGeneration": {
                "claimsToAddOrOverride": {
        \(map("claim_", claim))
                }
              },
              "accessTokenGeneration": {
                "claimsToAddOrOverride": {
        \(map("access_", claim))
                },
                "scopesToAdd": [\(scopes)]
              }
            }
          }
        }

        """
    }

    /// Rows of both panes near their cursors and at their tops whose value is not the one at their
    /// path in the current document (empty when every row is right), and the number of rows checked.
    static func misplacedRows(_ state: ExplorerState) -> (misplaced: [String], checked: Int) {
        guard let session = state.currentSession, let document = session.document else { return (["no document"], 0) }
        var misplaced: [String] = []
        var checked = 0
        for pane in [session.request, session.response] {
            let near = max(0, pane.cursor - 40)..<min(pane.rows.count, pane.cursor + 40)
            let top = 0..<min(pane.rows.count, 40)
            for index in Set(near).union(top) {
                let row = pane.rows.row(index, in: document)
                let shown = row.node(in: document)
                let actual = document.node(at: row.path)
                checked += 1
                if shown?.span != actual?.span || shown?.kind != actual?.kind || row.isAbsent != (actual == nil) {
                    misplaced.append("\(row.path.dottedString): shows \(shown.map { $0.rawText } ?? "nothing"), holds \(actual.map { $0.rawText } ?? "nothing")")
                }
            }
        }
        return (misplaced, checked)
    }

    @Test("the 50 MB event's shape: edits of long expanded claim maps, an entry added before an expanded map, undo, redo and save keep the storage; every row shows its own value")
    func largeTokenEventEditedInPlace() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = Self.largeTokenEvent(entries: 3_000)
        #expect(original.utf8.count > 500_000)
        let path = try folder.write("big.json", original)
        var harness = ExplorerHarness([path], width: 140, height: 40)
        let opened = try #require(harness.state.currentStorageIdentity, "the event is open")
        let claims: JSONPath = ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride"]
        let access: JSONPath = ["response", "claimsAndScopeOverrideDetails", "accessTokenGeneration", "claimsToAddOrOverride"]
        _ = harness.text

        // Far down the expanded access token map (its children are a run of rows).
        try harness.press("Tab Tab / 'access_0002003' Enter")
        #expect(harness.state.cursorPath == access + [.key("access_0002003")])
        #expect(harness.text.contains("14021"), "the claim's value (2003 × 7) shows")
        #expect(Self.misplacedRows(harness.state).misplaced == [])

        // A claim added to the ID token map, which comes first: every node of the access map moves.
        try harness.press("/ 'claim_0000002' Enter a 'added_claim' Enter 'new value' Enter")
        #expect(harness.documentText.contains("\"added_claim\": \"new value\""), "the claim was added")
        #expect(harness.state.cursorPath == claims + [.key("added_claim")])
        #expect(harness.state.currentStorageIdentity == opened, "adding the claim patched the storage in place")
        var check = Self.misplacedRows(harness.state)
        #expect(check.misplaced == [] && check.checked > 100)

        // Back to the access claim: it still shows its own value, the map still expanded.
        try harness.press("/ 'access_0002003' Enter")
        #expect(harness.state.cursorPath == access + [.key("access_0002003")])
        #expect(harness.text.contains("14021"))
        #expect(Self.misplacedRows(harness.state).misplaced == [])

        // Its value changed, undone and redone, in place.
        try harness.press("Enter C-u '42' Enter")
        #expect(harness.documentText.contains("\"access_0002003\": 42"))
        try harness.press("u u")
        #expect(harness.documentText == original, "both edits undone")
        #expect(harness.state.currentStorageIdentity == opened, "the edit and the undos patched in place")
        check = Self.misplacedRows(harness.state)
        #expect(check.misplaced == [] && check.checked > 100)
        try harness.press("C-r C-r")
        #expect(harness.documentText.contains("\"access_0002003\": 42") && harness.documentText.contains("\"added_claim\""))
        #expect(harness.state.currentStorageIdentity == opened, "the redos patched in place")
        #expect(Self.misplacedRows(harness.state).misplaced == [])

        // Saved: the gap the edits left is closed in place, and the rows still read right.
        try harness.press("w")
        #expect(String(decoding: Repository.bytes(of: path), as: UTF8.self) == harness.documentText, "saved")
        #expect(harness.state.currentStorageIdentity == opened, "the save kept the storage")
        #expect(!harness.text.contains("modified"))
        #expect(Self.misplacedRows(harness.state).misplaced == [])

        // Read again from disk: a new session and document, whose rows are made from it.
        try harness.press("R")
        #expect(harness.text.contains("reloaded"), "read again")
        #expect(harness.documentText == String(decoding: Repository.bytes(of: path), as: UTF8.self))
        check = Self.misplacedRows(harness.state)
        #expect(check.misplaced == [] && check.checked > 50)
        #expect(harness.state.focus == .response, "the response pane keeps the focus")
        try harness.press("/ 'access_0002003' Enter")
        #expect(harness.state.cursorPath == access + [.key("access_0002003")])
        #expect(Self.misplacedRows(harness.state).misplaced == [])
        #expect(harness.text.contains(" 42 "))
    }

    @Test("a row made before an edit reads nothing from the edited document, never another value")
    func staleRowReadsNothing() throws {
        let event = try TriggerEvent(text: Self.largeTokenEvent(entries: 300))
        var document = event.document
        var expansion = Expansion()
        expansion.reset(to: .all)
        let rows = TreeBuilder.responseRows(document: document, trigger: event.trigger!, expansion: expansion, runThreshold: 16)
        let path: JSONPath = ["response", "claimsAndScopeOverrideDetails", "accessTokenGeneration", "claimsToAddOrOverride", "access_0000203"]
        let index = try #require(rows.index(of: path, in: document))
        let row = rows.row(index, in: document)
        #expect(row.node(in: document)?.rawText == "1421")
        // An entry before it: the tape index the row names now holds another node.
        try document.setValue(.string("x"), at: ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride", "early"])
        #expect(row.node(in: document) == nil, "the row belongs to the version before the edit")
        #expect(!row.isAbsent, "it still names a value that was there")
        let rebuilt = TreeBuilder.responseRows(document: document, trigger: event.trigger!, expansion: expansion, runThreshold: 16)
        let moved = try #require(rebuilt.index(of: path, in: document))
        #expect(moved == index + 1, "the added entry comes before it")
        #expect(rebuilt.row(moved, in: document).node(in: document)?.rawText == "1421")
    }
}
