import Foundation
import Testing
@testable import JSONDocument

/// The storage keeps the answers of `children(notOfKind:)` and `members(withKeyIn:)` on long
/// containers, and edits keep them up to date. After any edit, every kept answer must equal the
/// answer found by walking the same container of a fresh parse of the same bytes.
@Suite struct QueryCacheTests {
    static let long40 = String(repeating: "l", count: 40)
    static let long70 = String(repeating: "m", count: 70)
    /// Key sets to ask about: plain, escaped (`\u0073ub` is "sub"), non-ASCII and long keys.
    static let keySets: [Set<String>] = [
        ["sub", "email_verified", "a\u{e9}", "k7", long40],
        ["k1", "k2", "k3", long70],
        ["new0", "new1", "renamed"],
    ]
    static let kinds: [JSONKind] = [.string, .number, .object]

    /// The members of a long map: mostly strings, now and then another kind, and keys that
    /// queries look for, some written with escapes.
    static func members(_ count: Int, prefix: String) -> [String] {
        (0..<count).map { i in
            let key: String
            switch i {
            case 5: key = "sub"
            case 10: key = "\\u0073ub"
            case 20: key = "email_verified"
            case 30: key = long40
            case 40: key = long70
            case 50: key = "a\u{e9}"
            case 60: key = "a\\u00e9"
            default: key = "\(prefix)\(i)"
            }
            let value: String
            if i % 97 == 3 { value = "\(i)" }
            else if i % 131 == 7 { value = "null" }
            else if i % 211 == 11 { value = #"{"x": 1, "y": [2, {"z": "w"}]}"# }
            else if i % 307 == 13 { value = #"["s"]"# }
            else if i % 401 == 17 { value = "true" }
            else { value = "\"v\(i)\"" }
            return "\"\(key)\": \(value)"
        }
    }

    /// A document with three long containers (two maps, one nested in a small object, and a
    /// list) and small values before, between and after them.
    static func document(indented: Bool, size: Int = QueryCache.minimumChildren + 60) -> String {
        let separator = indented ? ",\n    " : ","
        let elements = (0..<size).map { i in i % 150 == 0 ? "\(i)" : i % 333 == 1 ? #"{"k": "v"}"# : "\"scope\(i)\"" }
        let top = indented ? ",\n  " : ","
        let open = indented ? "{\n  " : "{"
        let close = indented ? "\n}\n" : "}"
        return open + [
            #""head": {"a": 1, "b": [true, null]}"#,
            "\"attributes\": {\(members(size, prefix: "k").joined(separator: separator))}",
            "\"scopes\": [\(elements.joined(separator: separator))]",
            "\"outer\": {\"other1\": {\"x\": 1}, \"inner\": {\(members(size - 40, prefix: "c").joined(separator: separator))}, \"other2\": [1, {\"y\": 2}]}",
            #""tail": {"q": "r"}"#,
        ].joined(separator: top) + close
    }

    /// The answer to a query found the slow way: every child made into a node, every key decoded.
    static func expected(_ query: ChildQuery, in container: Int, of storage: Storage) -> [Int] {
        JSONNode(storage: storage, index: container).children.filter { child in
            switch query {
            case .notOfKind(let kind): return child.kind != kind
            case .keyIn(let keys): return child.key.map(keys.contains) ?? false
            }
        }.map(\.index)
    }

    /// Checks every kept answer against a fresh parse of the same bytes; returns how many there are.
    @discardableResult
    static func expectKeptAnswersFresh(_ document: JSONDocument, _ step: String,
                                       sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let fresh = try Storage(bytes: document.bytes, maxDepth: document.maxDepth)
        #expect(fresh.queryCache.entries.isEmpty, "a fresh parse keeps no answers", sourceLocation: sourceLocation)
        // (The tape's offsets point into the gapped buffer; as text offsets they are a fresh parse's.)
        let tape = document.storage.nodes.indices.map { document.storage.textNode($0) }
        #expect(tape == fresh.nodes, "\(step): the tape", sourceLocation: sourceLocation)
        let entries = document.storage.queryCache.entries
        #expect(entries.count <= QueryCache.capacity, sourceLocation: sourceLocation)
        for (position, entry) in entries.enumerated() {
            let label = "\(step): \(entry.query) in node \(entry.container)"
            guard entry.container < fresh.nodes.count, [.object, .array].contains(fresh.nodes[entry.container].kind) else {
                Issue.record("\(label) is not a container", sourceLocation: sourceLocation)
                continue
            }
            let kept = entry.offsets.map { entry.container + Int($0) }
            #expect(kept == expected(entry.query, in: entry.container, of: fresh), "\(label)", sourceLocation: sourceLocation)
            let twin = entries[(position + 1)...].contains { $0.container == entry.container && $0.query == entry.query }
            #expect(!twin, "\(label) is kept twice", sourceLocation: sourceLocation)
        }
        return entries.count
    }

    /// Asks every query of the long containers, checking each answer; afterwards the short
    /// answers are kept.
    static func askLongContainers(_ document: JSONDocument, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let storage = document.storage
        for index in storage.nodes.indices where storage.nodes[index].childCount >= QueryCache.minimumChildren {
            let node = JSONNode(storage: storage, index: index)
            for kind in kinds {
                #expect(node.children(notOfKind: kind).map(\.index) == expected(.notOfKind(kind), in: index, of: storage),
                        "\(step): not \(kind) in node \(index)", sourceLocation: sourceLocation)
            }
            guard node.kind == .object else { continue }
            for keys in keySets {
                #expect(node.members(withKeyIn: keys).map(\.index) == expected(.keyIn(keys), in: index, of: storage),
                        "\(step): \(keys) in node \(index)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Small values around the long containers, and the inner long map itself.
    static let fixedTargets: [JSONPath] = [["head", "a"], ["head", "b"], ["tail", "q"], ["outer", "other1", "x"],
                                           ["outer", "other2", 1], ["outer", "inner"]]

    @Test("random edits, undos and redos keep every kept answer equal to a fresh parse's",
          arguments: [true, false])
    func randomEdits(indented: Bool) throws {
        let original = Self.document(indented: indented)
        var document = try JSONDocument(text: original)
        Self.askLongContainers(document, "unedited")
        #expect(try Self.expectKeptAnswersFresh(document, "unedited") > 0)
        var edits = RandomEdits(seed: indented ? 41 : 43)
        var snapshots: [(JSONDocument, String)] = []
        var checked = 0
        for step in 0..<250 {
            // Now and then a copy shares the storage, so the next edit copies it instead of patching in place.
            if edits.below(12) == 0 { snapshots.append((document, "snapshot at step \(step)")) }
            let description: String
            if edits.below(10) == 0 {
                description = "ask again"
                Self.askLongContainers(document, "step \(step)")
            } else {
                // Keys the queries look for are inserted and renamed to, plainly and escaped; a
                // target inside a long container makes an insert or append go into it.
                let edit = edits.next(in: document, extraTargets: Self.fixedTargets,
                                      renameTo: ["sub", "renamed", Self.long70, "email_verified", "k\(edits.below(50))"])
                edit.apply(to: &document)
                description = edit.description
            }
            checked += try Self.expectKeptAnswersFresh(document, "\(indented ? "indented" : "minified") step \(step): \(description)")
        }
        #expect(checked > 250, "answers were kept through the edits")
        for (snapshot, name) in snapshots {
            try Self.expectKeptAnswersFresh(snapshot, name)
            Self.askLongContainers(snapshot, name)
        }
        while document.undo() {}
        #expect(document.text == original)
        try Self.expectKeptAnswersFresh(document, "every edit undone")
        Self.askLongContainers(document, "every edit undone")
    }

    @Test("containers of fewer children than the threshold keep no answers")
    func shortContainers() throws {
        let document = try JSONDocument(text: Self.document(indented: true, size: 200))
        for index in document.storage.nodes.indices {
            let node = JSONNode(storage: document.storage, index: index)
            for kind in Self.kinds { _ = node.children(notOfKind: kind) }
            for keys in Self.keySets { _ = node.members(withKeyIn: keys) }
        }
        #expect(document.storage.queryCache.entries.isEmpty)
    }

    @Test("long answers are walked each time rather than kept; short ones are kept")
    func onlyShortAnswersAreKept() throws {
        let document = try JSONDocument(text: Self.document(indented: false))
        let attributes = try #require(document.root["attributes"])
        #expect(attributes.children(notOfKind: .number).count > attributes.count / 2)
        #expect(!attributes.children(notOfKind: .string).isEmpty)
        #expect(attributes.members(withKeyIn: Self.keySets[0]).count == 7)
        #expect(document.storage.queryCache.entries.map(\.query) == [.notOfKind(.string), .keyIn(Self.keySets[0])])
    }

    /// A document whose long map `inner` sits among small siblings in `outer`, with values
    /// before and after `outer`; every query of `inner` asked, so its answers are kept.
    static func askedInner() throws -> JSONDocument {
        let document = try JSONDocument(text: Self.document(indented: true))
        Self.askLongContainers(document, "unedited")
        return document
    }

    static func innerEntries(_ document: JSONDocument) throws -> Int {
        let inner = try #require(document.node(at: ["outer", "inner"]))
        return document.storage.queryCache.entries.filter { $0.container == inner.index }.count
    }

    @Test("edits inside a kept map: a value's kind, a key, a removal and an insertion")
    func editsInsideTheContainer() throws {
        var document = try Self.askedInner()
        let kept = try Self.innerEntries(document)
        #expect(kept == 4)
        let edits: [(String, (inout JSONDocument) throws -> Void)] = [
            ("a string becomes a number", { try $0.setValue(.number(JSONNumber(5)), at: ["outer", "inner", "c100"]) }),
            ("a number becomes a string", { try $0.setValue(.string("s"), at: ["outer", "inner", "c3"]) }),
            ("a string becomes an object", { try $0.setValue(.object([.init("sub", .null)]), at: ["outer", "inner", "c101"]) }),
            ("a wanted key is removed", { try $0.removeValue(at: ["outer", "inner", "email_verified"]) }),
            ("a wanted key is added at the end", { try $0.setValue(.string("x"), at: ["outer", "inner", "renamed"]) }),
            ("a key is renamed to a wanted one", { document in
                let key = try #require(document.node(at: ["outer", "inner", "c200"])?.keySpan)
                try document.apply(Splice(range: key, replacement: Array("\"k2\"".utf8)), path: [])
            }),
            ("a key is renamed to an escaped spelling of a wanted one", { document in
                let key = try #require(document.node(at: ["outer", "inner", "c201"])?.keySpan)
                try document.apply(Splice(range: key, replacement: Array("\"\\u0073ub\"".utf8)), path: [])
            }),
            ("the first member is removed", { try $0.removeValue(at: ["outer", "inner", "c0"]) }),
            ("the last member is removed", { try $0.removeValue(at: ["outer", "inner", "renamed"]) }),
            ("a value nested in a member changes", { try $0.setValue(.array([.null, .null]), at: ["outer", "inner", "c11", "y", 1]) }),
        ]
        for (name, edit) in edits {
            try edit(&document)
            try Self.expectKeptAnswersFresh(document, name)
            #expect(try Self.innerEntries(document) == kept, "\(name): the answers stay kept")
            Self.askLongContainers(document, name)
        }
        while document.undo() { try Self.expectKeptAnswersFresh(document, "undo") }
        while document.redo() { try Self.expectKeptAnswersFresh(document, "redo") }
    }

    @Test("edits in other children of an enclosing map, before and after the kept one, and outside it")
    func editsAroundTheContainer() throws {
        var document = try Self.askedInner()
        let before = try #require(document.node(at: ["outer", "inner"])).index
        // A value before `outer` grows by several nodes: `inner` and its answers move.
        try document.setValue(.array([.number(JSONNumber(1)), .object([.init("sub", .null)]), .null]), at: ["head", "a"])
        try Self.expectKeptAnswersFresh(document, "before, more nodes")
        #expect(try #require(document.node(at: ["outer", "inner"])).index == before + 4)
        // Inside the siblings of `inner` in `outer`, before it and after it.
        try document.setValue(.object([.init("p", .number(JSONNumber(1))), .init("q", .number(JSONNumber(2)))]), at: ["outer", "other1", "x"])
        try Self.expectKeptAnswersFresh(document, "in a sibling before")
        try document.setValue(.null, at: ["outer", "other2", 1, "y"])
        try Self.expectKeptAnswersFresh(document, "in a sibling after")
        // Inside a member of the long `attributes` map, which encloses the change: its later
        // children move.
        try document.setValue(.array([.null, .null, .null]), at: ["attributes", "k11", "x"])
        try Self.expectKeptAnswersFresh(document, "inside a member of an enclosing map")
        // After everything, more nodes, then fewer.
        try document.setValue(.array([.null, .null]), at: ["tail", "q"])
        try Self.expectKeptAnswersFresh(document, "after, more nodes")
        try document.setValue(.null, at: ["tail", "q"])
        try Self.expectKeptAnswersFresh(document, "after, fewer nodes")
        #expect(try Self.innerEntries(document) == 4)
        // Replacing a whole sibling re-parses its neighbours with it (see Storage+Splice.swift),
        // `inner` among them: its answers go, and are found again when asked.
        try document.setValue(.null, at: ["outer", "other2"])
        #expect(try Self.innerEntries(document) == 0)
        try Self.expectKeptAnswersFresh(document, "a neighbour replaced")
        Self.askLongContainers(document, "a neighbour replaced")
        #expect(try Self.innerEntries(document) == 4)
        while document.undo() { try Self.expectKeptAnswersFresh(document, "undo") }
        #expect(try #require(document.node(at: ["outer", "inner"])).index == before)
    }

    @Test("replacing or removing a kept map drops its answers")
    func containerRemoved() throws {
        var document = try Self.askedInner()
        let inner = try #require(document.node(at: ["outer", "inner"])).index
        try document.setValue(.array([.string("a"), .number(JSONNumber(1))]), at: ["outer", "inner"])
        #expect(!document.storage.queryCache.entries.contains { $0.container == inner })
        try Self.expectKeptAnswersFresh(document, "replaced")
        document.undo()
        try Self.expectKeptAnswersFresh(document, "replacement undone")
        Self.askLongContainers(document, "replacement undone")
        try document.removeValue(at: ["outer", "inner"])
        #expect(!document.storage.queryCache.entries.contains { $0.container == inner })
        try Self.expectKeptAnswersFresh(document, "removed")
        // A long map put back at the same place is not answered from the old one's entries.
        let wide = JSONValue.object((0..<QueryCache.minimumChildren).map { .init("sub\($0)", .number(JSONNumber($0))) })
        try document.setValue(wide, at: ["outer", "inner"])
        Self.askLongContainers(document, "a new long map")
        try Self.expectKeptAnswersFresh(document, "a new long map")
    }

    @Test("a copy of the document keeps its answers while the original is edited")
    func copyOnWrite() throws {
        var document = try Self.askedInner()
        let copy = document
        let kept = copy.storage.queryCache.entries.count
        try document.setValue(.number(JSONNumber(1)), at: ["outer", "inner", "c100"])
        #expect(document.storage !== copy.storage)
        #expect(copy.storage.queryCache.entries.count == kept)
        try Self.expectKeptAnswersFresh(copy, "the copy")
        try Self.expectKeptAnswersFresh(document, "the edited document")
        Self.askLongContainers(document, "the edited document")
        Self.askLongContainers(copy, "the copy")
        // Replacing the root parses the whole text again: nothing is kept.
        try document.setValue(.object([.init("a", .null)]), at: [])
        #expect(document.storage.queryCache.entries.isEmpty)
        document.undo()
        Self.askLongContainers(document, "root replacement undone")
        try Self.expectKeptAnswersFresh(document, "root replacement undone")
    }

    @Test("a map shrinking below the threshold and growing back answers from its kept entries correctly")
    func crossingTheThreshold() throws {
        let count = QueryCache.minimumChildren
        let members = (0..<count).map { "\"m\($0)\": \($0 % 100 == 0 ? "1" : "\"s\"")" }.joined(separator: ", ")
        var document = try JSONDocument(text: "{\"map\": {\(members)}}")
        let map = { try #require(document.root["map"]) }
        let numbers = try map().children(notOfKind: .string).count
        #expect(document.storage.queryCache.entries.count == 1)
        try document.removeValue(at: ["map", "m0"])
        try document.setValue(.number(JSONNumber(2)), at: ["map", "m1"])
        #expect(try map().count == count - 1)
        #expect(try map().children(notOfKind: .string).count == numbers)
        try Self.expectKeptAnswersFresh(document, "below")
        try document.setValue(.string("t"), at: ["map", "back"])
        #expect(try map().count == count)
        #expect(try map().children(notOfKind: .string).count == numbers)
        try Self.expectKeptAnswersFresh(document, "back above")
    }

    @Test("at most `capacity` answers are kept, the least recently used making room")
    func capacity() throws {
        let document = try JSONDocument(text: Self.document(indented: false))
        let attributes = try #require(document.root["attributes"])
        let first: Set<String> = ["sub"]
        _ = attributes.members(withKeyIn: first)
        for n in 0..<QueryCache.capacity {
            _ = attributes.members(withKeyIn: ["k\(n)"])
            // The first answer is used again, so it is not the oldest.
            if n == QueryCache.capacity / 2 { _ = attributes.members(withKeyIn: first) }
        }
        let queries = document.storage.queryCache.entries.map(\.query)
        #expect(queries.count == QueryCache.capacity)
        #expect(queries.contains(.keyIn(first)))
        #expect(!queries.contains(.keyIn(["k0"])))
        try Self.expectKeptAnswersFresh(document, "full")
    }

    @Test("threads reading one shared document get the same answers")
    func sharedReads() throws {
        let document = try JSONDocument(text: Self.document(indented: true))
        let expected = try Self.askedInner()
        let attributes = try #require(expected.root["attributes"])
        let wanted = attributes.members(withKeyIn: Self.keySets[0]).map(\.span)
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 8) { round in
            let node = document.root["attributes"]
            let keys = Self.keySets[round % 2 == 0 ? 0 : 1]
            let spans = node?.members(withKeyIn: keys).map(\.span) ?? []
            _ = node?.children(notOfKind: .string)
            if round % 2 == 0 { results.add(spans == wanted) }
        }
        #expect(results.values == [true, true, true, true])
        try Self.expectKeptAnswersFresh(document, "after shared reads")
    }

    /// Collects results from several threads.
    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var collected: [Bool] = []
        func add(_ value: Bool) { lock.lock(); collected.append(value); lock.unlock() }
        var values: [Bool] { lock.lock(); defer { lock.unlock() }; return collected }
    }
}
