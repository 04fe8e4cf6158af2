import Foundation
import Testing
@testable import JSONDocument

/// The storage keeps the repeated strings of long arrays (`JSONNode.repeatedStrings()`), and edits
/// (inside the array as well as elsewhere) keep them right: after any edit, every kept answer must equal what a fresh parse of the same
/// bytes finds by decoding every element.
@Suite struct RepeatCacheTests {
    /// A long list of scopes with repeats (one written with an escape), numbers, `null` and small
    /// objects among them, between small values and a second, nested long list.
    static func document(size: Int = RepeatCache.minimumChildren + 100) -> String {
        func element(_ i: Int) -> String {
            switch i {
            case 41: return #""sc\u006fpe7""#
            case 300: return #""scope12""#
            case 500: return "12"
            case 501: return "12"
            case _ where i % 250 == 3: return #"{"s": "scope9", "t": ["scope9"]}"#
            case _ where i % 333 == 5: return "null"
            default: return "\"scope\(i)\""
            }
        }
        let list = (0..<size).map(element).joined(separator: ", ")
        let nested = (0..<size).map { "\"n\($0 % (size - 3))\"" }.joined(separator: ",")
        return """
        {"head": {"a": 1, "b": [true, null]},
         "scopes": [\(list)],
         "outer": {"x": 1, "inner": [\(nested)]},
         "tail": {"q": "r"}}
        """
    }

    /// The repeats found the slow way: each string element decoded, its first occurrence looked up.
    static func expected(in node: JSONNode) -> [[Int]] {
        var first: [String: Int] = [:]
        var repeats: [[Int]] = []
        for (position, element) in node.children.enumerated() {
            guard let value = element.stringValue, element.kind == .string else { continue }
            if let earlier = first[value] { repeats.append([position, earlier, element.index]) } else { first[value] = position }
        }
        return repeats
    }

    static func answer(_ node: JSONNode) -> [[Int]] {
        node.repeatedStrings().map { [$0.position, $0.earlier, $0.node.index] }
    }

    /// Checks every kept answer against a fresh parse of the same bytes; returns how many there are.
    @discardableResult
    static func expectKeptAnswersFresh(_ document: JSONDocument, _ step: String,
                                       sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let fresh = try Storage(bytes: document.bytes, maxDepth: document.maxDepth)
        let entries = document.storage.repeatCache.entries
        #expect(entries.count <= RepeatCache.capacity, sourceLocation: sourceLocation)
        for entry in entries {
            guard entry.container < fresh.nodes.count, fresh.nodes[entry.container].kind == .array else {
                Issue.record("\(step): kept repeats of node \(entry.container), which is not an array", sourceLocation: sourceLocation)
                continue
            }
            let kept = entry.repeats.map { [Int($0.position), Int($0.earlier), entry.container + Int($0.offset)] }
            #expect(kept == expected(in: JSONNode(storage: fresh, index: entry.container)),
                    "\(step): repeats of node \(entry.container)", sourceLocation: sourceLocation)
            #expect(entries.filter { $0.container == entry.container }.count == 1, "\(step): node \(entry.container) kept twice",
                    sourceLocation: sourceLocation)
        }
        return entries.count
    }

    /// Asks for the repeats of every array, checking each answer against a walk of the same tape.
    static func askArrays(_ document: JSONDocument, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let storage = document.storage
        for index in storage.nodes.indices where storage.nodes[index].kind == .array {
            let node = JSONNode(storage: storage, index: index)
            #expect(answer(node) == expected(in: node), "\(step): node \(index)", sourceLocation: sourceLocation)
        }
    }

    static func isKept(_ document: JSONDocument, _ path: JSONPath) -> Bool {
        guard let node = document.node(at: path) else { return false }
        return document.storage.keptRepeats(of: node.index) != nil
    }

    @Test("the repeats of a long list: the escaped repeat and the strings only, and kept")
    func findsAndKeeps() throws {
        let document = try JSONDocument(text: Self.document())
        let scopes = try #require(document.root["scopes"])
        let repeats = scopes.repeatedStrings()
        #expect(repeats.map(\.position) == [41, 300])
        #expect(repeats.map(\.earlier) == [7, 12])
        #expect(repeats.map(\.node.stringValue) == ["scope7", "scope12"])
        #expect(Self.isKept(document, ["scopes"]))
        let inner = try #require(document.node(at: ["outer", "inner"]))
        #expect(inner.repeatedStrings().count == 3)
        #expect(try Self.expectKeptAnswersFresh(document, "unedited") == 2)
    }

    @Test("short arrays and other values keep nothing")
    func shortArraysKeepNothing() throws {
        let document = try JSONDocument(text: Self.document(size: 200))
        Self.askArrays(document, "short")
        #expect(document.storage.repeatCache.entries.isEmpty)
        #expect(document.root.repeatedStrings().isEmpty)
        #expect(try #require(document.root["tail"]).repeatedStrings().isEmpty)
    }

    @Test("an edit elsewhere keeps the answer (moved); a duplicate added, removed, undone and redone inside the list updates it right")
    func editsInsideAndOutside() throws {
        let original = Self.document()
        var document = try JSONDocument(text: original)
        Self.askArrays(document, "unedited")
        // Before the list, with more nodes: the list's entry moves and is still used.
        try document.setValue(.array([.number(JSONNumber(1)), .object([JSONValue.Member("c", .string("d"))])]), at: ["head", "a"])
        #expect(Self.isKept(document, ["scopes"]) && Self.isKept(document, ["outer", "inner"]))
        try Self.expectKeptAnswersFresh(document, "edit before the lists")
        // Inside an object element of the list: its strings keep their positions, later ones move.
        try document.setValue(.array([.string("scope9"), .string("x"), .string("y")]), at: ["scopes", 3, "t"])
        #expect(Self.isKept(document, ["scopes"]))
        try Self.expectKeptAnswersFresh(document, "edit inside an element")
        Self.askArrays(document, "edit inside an element")
        // A value no other element has, in place of another one: still no new repeat.
        try document.setValue(.string("scope500"), at: ["scopes", 900])
        #expect(Self.isKept(document, ["scopes"]), "an edit of one element updates the answer, not drops it")
        try Self.expectKeptAnswersFresh(document, "a duplicate set")
        Self.askArrays(document, "a duplicate set")
        func scopes() throws -> JSONNode { try #require(document.root["scopes"]) }
        #expect(try scopes().repeatedStrings().map(\.position) == [41, 300])  // 500 is a number
        try document.setValue(.string("scope600"), at: ["scopes", 900])
        #expect(try scopes().repeatedStrings().map { [$0.position, $0.earlier] } == [[41, 7], [300, 12], [900, 600]])
        // A duplicate appended: a repeat of the first.
        try document.appendValue(.string("scope7"), to: ["scopes"])
        #expect(try scopes().repeatedStrings().last.map { [$0.position, $0.earlier] } == [RepeatCache.minimumChildren + 100, 7])
        try Self.expectKeptAnswersFresh(document, "a duplicate appended")
        // The first of a repeat removed: the repeat becomes the first.
        try document.removeValue(at: ["scopes", 7])
        let afterRemoval = try scopes().repeatedStrings().map { [$0.position, $0.earlier] }
        #expect(afterRemoval == [[299, 11], [899, 599], [RepeatCache.minimumChildren + 99, 40]])
        #expect(Self.isKept(document, ["scopes"]))
        try Self.expectKeptAnswersFresh(document, "the first removed")
        var steps = 0
        while document.undo() {
            steps += 1
            #expect(Self.isKept(document, ["scopes"]), "undo \(steps)")
            try Self.expectKeptAnswersFresh(document, "undo \(steps)")
            Self.askArrays(document, "undo \(steps)")
        }
        #expect(document.text == original)
        #expect(try scopes().repeatedStrings().map(\.position) == [41, 300])
        while document.redo() {
            try Self.expectKeptAnswersFresh(document, "redo")
            Self.askArrays(document, "redo")
        }
        let redone = try scopes().repeatedStrings().map { [$0.position, $0.earlier] }
        #expect(redone == [[299, 11], [899, 599], [RepeatCache.minimumChildren + 99, 40]])
    }

    /// The lists and values around them, for random edits to aim at.
    static let fixedTargets: [JSONPath] = [["head", "a"], ["head", "b"], ["tail", "q"], ["outer", "x"], ["scopes", 3, "t"],
                                           ["scopes"], ["scopes", 7], ["scopes", 41], ["outer", "inner"], ["outer", "inner", 2]]

    @Test("random edits, undos and redos keep every kept answer equal to a fresh parse's")
    func randomEdits() throws {
        let original = Self.document()
        var document = try JSONDocument(text: original)
        Self.askArrays(document, "unedited")
        var edits = RandomEdits(seed: 57)
        var checked = 0
        for step in 0..<150 {
            let description: String
            if edits.below(5) == 0 {
                description = "ask again"
                Self.askArrays(document, "step \(step)")
            } else {
                let edit = edits.next(in: document, extraTargets: Self.fixedTargets, renameTo: ["scopes", "inner", "k"])
                edit.apply(to: &document)
                description = edit.description
            }
            checked += try Self.expectKeptAnswersFresh(document, "step \(step): \(description)")
        }
        #expect(checked > 100, "answers were kept through most edits")
        while document.undo() {}
        #expect(document.text == original)
        try Self.expectKeptAnswersFresh(document, "every edit undone")
        Self.askArrays(document, "every edit undone")
    }
}
