import CognitoTriggers
@testable import ExplorerCore
import JSONDocument
import Testing
import TestSupport

/// Tree search compares raw bytes where it can; it must find exactly what comparing decoded,
/// lowercased strings finds.
@Suite("Search in the trees")
struct SearchTests {
    /// The plain way: every key and scalar value decoded and compared (lowercased unless the
    /// query has a capital: smartcase), in document order; the response's as a sorted set, since
    /// the response editor orders them by its rows.
    static func reference(_ query: String, in event: TriggerEvent, pane: Pane) -> [JSONPath] {
        let found = plainReference(query, in: event, pane: pane)
        return pane == .response ? found.sorted { $0.dottedString < $1.dottedString } : found
    }

    static func found(_ query: String, in event: TriggerEvent, pane: Pane) -> [JSONPath] {
        let found = ExplorerState.search(query, in: event, pane: pane)
        return pane == .response ? found.sorted { $0.dottedString < $1.dottedString } : found
    }

    static func fold(_ text: String, _ query: String) -> String {
        query.contains { $0.isUppercase } ? text : text.lowercased()
    }

    static func plainReference(_ query: String, in event: TriggerEvent, pane: Pane) -> [JSONPath] {
        let needle = fold(query, query)
        var results: [JSONPath] = []
        if pane == .response {
            guard let trigger = event.trigger else { return [] }
            var seen = Set<JSONPath>()
            for field in Catalogue.spec(for: trigger).responseFields where field.path.count > 1 && fold(field.name, needle).contains(needle) {
                let path = JSONPath(field.path.map { PathComponent.key($0) })
                if seen.insert(path).inserted { results.append(path) }
            }
            var found: [JSONPath] = []
            if let response = event.document.node(at: ["response"]) { visit(response, ["response"], needle, &found) }
            for path in found where seen.insert(path).inserted { results.append(path) }
            return results
        }
        for (position, child) in event.document.root.children.enumerated() {
            let component: PathComponent = event.document.root.kind == .array ? .index(position) : .key(child.key ?? "")
            if event.trigger != nil && component == .key("response") { continue }
            check(child, [component], needle, &results)
        }
        return results
    }

    static func visit(_ container: JSONNode, _ path: JSONPath, _ needle: String, _ results: inout [JSONPath]) {
        for (position, child) in container.children.enumerated() {
            check(child, path + [container.kind == .array ? .index(position) : .key(child.key ?? "")], needle, &results)
        }
    }

    static func check(_ node: JSONNode, _ path: JSONPath, _ needle: String, _ results: inout [JSONPath]) {
        var hit = path.last?.key.map { fold($0, needle).contains(needle) } ?? false
        switch node.kind {
        case .object, .array:
            if hit { results.append(path) }
            visit(node, path, needle, &results)
            return
        case .string: hit = hit || fold(node.stringValue ?? "", needle).contains(needle)
        default: hit = hit || fold(node.rawText, needle).contains(needle)
        }
        if hit { results.append(path) }
    }

    static let queries = ["e", "E", "mail", "EMAIL", "user", "true", "1", "12", "null", "é", "García", "ü", "\\", "\"", "code",
                          "claim", "CONFIRMED", "tab\t", "a b", "zzz-no-match", "response", "{####}", "-", "."]

    @Test("finds what decoding every key and value finds, in every fixture, for many queries")
    func matchesReference() throws {
        var compared = 0
        for file in Repository.validFixtures {
            let event = try TriggerEvent(bytes: Repository.bytes(of: file))
            for query in Self.queries {
                for pane in [Pane.request, .response] {
                    let found = Self.found(query, in: event, pane: pane)
                    #expect(found == Self.reference(query, in: event, pane: pane), "\(file) \(query) \(pane)")
                    compared += found.count
                }
            }
        }
        #expect(compared > 1000)
    }

    @Test("escapes, case, non-ASCII text and numbers in keys and values")
    func escapesAndCase() throws {
        let text = #"""
            {"triggerSource": "PreSignUp_SignUp", "version": "1", "region": "eu-west-1", "userPoolId": "p", "userName": "u",
             "callerContext": {"awsSdkVersion": "x", "clientId": "c"},
             "request": {"userAttributes": {"em\u0061il": "A\u00E9B@Example.COM", "name": "Zoë GARCÍA", "custom:n": "x\ty", "nested\"q": "quo\"te"},
                         "validationData": null, "clientMetadata": {"Big": "ÉCOLE"}},
             "response": {"autoConfirmUser": false, "autoVerifyEmail": true, "extra": [1.5e3, -0, "MAIL"]}}
            """#
        let event = try TriggerEvent(text: text)
        for query in Self.queries + ["aéb", "AÉB", "example.com", "zoë", "ZOË", "garcía", "x\ty", "quo\"te", "école", "1.5e3", "-0", "q"] {
            for pane in [Pane.request, .response] {
                #expect(Self.found(query, in: event, pane: pane) == Self.reference(query, in: event, pane: pane), "\(query) \(pane)")
            }
        }
        // A document that is no event: everything is searched, nothing skipped.
        let plain = try TriggerEvent(text: #"[{"response": "Mail"}, ["mail", {"MAIL": 1}]]"#)
        #expect(ExplorerState.search("mail", in: plain, pane: .request) == [[.index(0), .key("response")], [.index(1), .index(0)], [.index(1), .index(1), .key("MAIL")]])
        // Smartcase: a capital letter makes case count.
        #expect(ExplorerState.search("MAIL", in: plain, pane: .request) == [[.index(1), .index(1), .key("MAIL")]])
        #expect(ExplorerState.search("Mail", in: plain, pane: .request) == [[.index(0), .key("response")]])
    }

    @Test("the limit stops the search")
    func limit() throws {
        let text = "{\"triggerSource\": \"PreSignUp_SignUp\", \"request\": {\"userAttributes\": {" + (0..<500).map { "\"k\($0)\": \"v\"" }.joined(separator: ",") + "}}}"
        let event = try TriggerEvent(text: text)
        #expect(ExplorerState.search("k", in: event, pane: .request, limit: 50).count == 50)
        #expect(ExplorerState.search("k", in: event, pane: .request).count == 500)
    }
}
