import CognitoTriggers
@testable import ExplorerCore
import Foundation
import JSONDocument
import Testing
import TestSupport

/// Runs (children of long containers made into rows only when asked for) must give exactly the
/// rows that making every row one by one gives, and finding, parents and edits must work on them.
@Suite("Tree rows of long maps and lists")
struct TreeRowsTests {
    /// A pre token generation V2 event whose claim map has `claims` entries, every seventh an
    /// object and every eleventh a list, and whose user attributes have `attributes` entries.
    static func bigEvent(claims: Int, attributes: Int) throws -> TriggerEvent {
        var claimText: [String] = []
        for index in 0..<claims {
            let value: String
            if index % 7 == 3 {
                value = "{\"a\": \(index), \"b\": [1, 2]}"
            } else if index % 11 == 5 {
                value = "[\"x\", \(index)]"
            } else if index % 13 == 0 {
                value = "{}"
            } else {
                value = index % 2 == 0 ? "\"v\(index)\"" : "true"
            }
            claimText.append("\"claim\(index)\": \(value)")
        }
        let attributeText = (0..<attributes).map { "\"custom:a\($0)\": \"\($0)\"" }
        let text = """
            {"version": "2", "triggerSource": "TokenGeneration_Authentication", "region": "eu-west-1",
             "userPoolId": "eu-west-1_abc", "userName": "u", "callerContext": {"awsSdkVersion": "x", "clientId": "c"},
             "request": {"userAttributes": {\(attributeText.joined(separator: ", "))}, "groupConfiguration": {"groupsToOverride": [], "iamRolesToOverride": [], "preferredRole": null}, "scopes": []},
             "response": {"claimsAndScopeOverrideDetails": {"idTokenGeneration": {"claimsToAddOrOverride": {\(claimText.joined(separator: ", "))}}}}}
            """
        return try TriggerEvent(text: text)
    }

    /// What a row shows, for comparing rows made two ways.
    static func describe(_ rows: TreeRows, in document: JSONDocument) -> [String] {
        rows.rows(rows.indices, in: document).map { row in
            "\(row.depth) \(row.path.dottedString) \(row.label) \(row.role) \(row.isExpandable) \(row.isExpanded) \(row.spec?.name ?? "-") \(row.node(in: document).map { "\($0.span)" } ?? "absent")"
        }
    }

    static func expansions(toggling paths: [JSONPath]) -> [Expansion] {
        var result: [Expansion] = []
        for baseline in [Expansion.Baseline.defaults, .all, .none] {
            var expansion = Expansion()
            expansion.reset(to: baseline)
            result.append(expansion)
            for path in paths { expansion.flip(path) }
            result.append(expansion)
        }
        return result
    }

    @Test("runs give the same rows as one row per child, for every baseline and toggles")
    func runsMatchRowByRow() throws {
        let event = try Self.bigEvent(claims: 700, attributes: 300)
        let map: JSONPath = ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride"]
        let toggles: [JSONPath] = [
            map + [.key("claim3")], map + [.key("claim10")], map + [.key("claim5")], map + [.key("claim699")],
            map + [.key("claim2")],  // a string: toggling it changes nothing
            ["request", "userAttributes"], ["request"],
        ]
        var compared = 0
        for expansion in Self.expansions(toggling: toggles) {
            for threshold in [0, 16, 256] {
                let runs = TreeBuilder.responseRows(document: event.document, trigger: event.trigger!, expansion: expansion, runThreshold: threshold)
                let single = TreeBuilder.responseRows(document: event.document, trigger: event.trigger!, expansion: expansion, runThreshold: .max)
                #expect(Self.describe(runs, in: event.document) == Self.describe(single, in: event.document))
                let request = TreeBuilder.requestRows(document: event.document, trigger: event.trigger, expansion: expansion, runThreshold: threshold)
                let requestSingle = TreeBuilder.requestRows(document: event.document, trigger: event.trigger, expansion: expansion, runThreshold: .max)
                #expect(Self.describe(request, in: event.document) == Self.describe(requestSingle, in: event.document))
                if threshold == 16 && expansion.baseline != .all && runs.count > 700 { #expect(runs.parts.count < runs.count / 10) }
                compared += runs.count + request.count
            }
        }
        #expect(compared > 10_000)
    }

    @Test("a document that is no event: a long top-level array is a run, small elements open by default")
    func plainDocument() throws {
        let elements = (0..<400).map { $0 % 3 == 0 ? "{\"n\": \($0)}" : ($0 % 3 == 1 ? "[\($0), {\"deep\": true}]" : "\($0)") }
        let document = try JSONDocument(text: "[" + elements.joined(separator: ",") + "]")
        for expansion in Self.expansions(toggling: [[.index(0)], [.index(4)], [.index(4), .index(1)], [.index(399)]]) {
            let runs = TreeBuilder.requestRows(document: document, trigger: nil, expansion: expansion, runThreshold: 8)
            let single = TreeBuilder.requestRows(document: document, trigger: nil, expansion: expansion, runThreshold: .max)
            #expect(Self.describe(runs, in: document) == Self.describe(single, in: document))
        }
    }

    @Test("index(of:) and parentIndex(of:) agree with a walk over every row")
    func findingRows() throws {
        let event = try Self.bigEvent(claims: 600, attributes: 10)
        var expansion = Expansion()
        expansion.reset(to: .all)
        let rows = TreeBuilder.responseRows(document: event.document, trigger: event.trigger!, expansion: expansion, runThreshold: 32)
        let all = rows.rows(rows.indices, in: event.document)
        for (index, row) in all.enumerated() {
            #expect(rows.index(of: row.path, in: event.document) == index, "\(row.path.dottedString)")
            var parent = index - 1
            while parent >= 0 && all[parent].depth >= row.depth { parent -= 1 }
            #expect(rows.parentIndex(of: index) == (parent >= 0 ? parent : nil))
            #expect(rows.depth(at: index) == row.depth)
        }
        #expect(rows.index(of: ["response", "nope"], in: event.document) == nil)
        #expect(rows.index(of: ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride", "claim99999"], in: event.document) == nil)
    }

    @Test("child(atPosition:) with marks finds every child a walk finds")
    func childMarks() throws {
        let event = try Self.bigEvent(claims: 1000, attributes: 0)
        let map = try #require(event.document.node(at: ["response", "claimsAndScopeOverrideDetails", "idTokenGeneration", "claimsToAddOrOverride"]))
        let walked = Array(map.children)
        for stride in [1, 7, 64, 5000] {
            let marks = map.childMarks(every: stride)
            for position in [0, 1, 6, 7, 63, 64, 65, 500, 999] {
                #expect(map.child(atPosition: position, marks: marks)?.span == walked[position].span)
            }
            #expect(map.child(atPosition: 1000, marks: marks) == nil)
            #expect(map.child(atPosition: -1, marks: marks) == nil)
        }
        #expect(map.position(of: .key("claim999")) == 999)
        #expect(map.position(of: .key("missing")) == nil)
        #expect(map.position(of: .index(0)) == nil)
        #expect(map.component(atPosition: 3) == .key("claim3"))
    }

    @Test("in the explorer: moving, expanding, editing and undoing inside a long claim map")
    func explorerOnLongMap() throws {
        let folder = try TemporaryFolder()
        let event = try Self.bigEvent(claims: 5000, attributes: 3000)
        let path = try folder.write("big.json", String(decoding: event.document.bytes, as: UTF8.self))
        var harness = ExplorerHarness([path], width: 120, height: 40)
        // Response pane, to the first claim that is an object (claim3), expand it.
        try harness.press("Tab Tab / 'claim3' Enter")
        #expect(harness.state.cursorPath?.dottedString.hasSuffix("claimsToAddOrOverride.claim3") == true)
        try harness.press("Right")
        #expect(harness.text.contains("▾ claim3"))
        // Into claim3's children and back to it with ←.
        try harness.press("j Left")
        #expect(harness.state.cursorPath?.last == .key("claim3"))
        // Far down the map.
        try harness.press("/ 'claim4997' Enter")
        #expect(harness.state.cursorPath?.last == .key("claim4997"))
        try harness.press("Space")
        #expect(harness.documentText.contains("\"claim4997\": false"))
        try harness.press("u")
        #expect(harness.documentText == String(decoding: event.document.bytes, as: UTF8.self))
        #expect(harness.state.cursorPath?.last == .key("claim4997"))
        // ← from an entry goes to its map, far above.
        try harness.press("Left")
        #expect(harness.state.cursorPath?.last == .key("claimsToAddOrOverride"))
    }

    @Test("an object key \"0\" where the catalogue has a list is a key the catalogue does not know, not an entry")
    func objectKeyZeroIsNoIndex() throws {
        func sessionRow(_ session: String) throws -> TreeRow? {
            let event = try TriggerEvent(text: """
                {"version": "1", "triggerSource": "DefineAuthChallenge_Authentication", "region": "r", "userPoolId": "p",
                 "userName": "u", "callerContext": {"awsSdkVersion": "x", "clientId": "c"},
                 "request": {"userAttributes": {}, "session": \(session), "userNotFound": false}, "response": {}}
                """)
            let rows = TreeBuilder.requestRows(document: event.document, trigger: event.trigger, expansion: Expansion(baseline: .all))
            return rows.index(of: ["request", "session", 0], in: event.document).map { rows.row($0, in: event.document) }
                ?? rows.index(of: ["request", "session", "0"], in: event.document).map { rows.row($0, in: event.document) }
        }
        let element = try #require(try sessionRow("[{\"challengeName\": \"SRP_A\", \"challengeResult\": true}]"))
        #expect(element.spec?.dottedPath == "request.session.*")
        let key = try #require(try sessionRow("{\"0\": {\"challengeName\": \"SRP_A\", \"challengeResult\": true}}"))
        #expect(key.path == ["request", "session", "0"])
        #expect(key.spec == nil)
    }
}
