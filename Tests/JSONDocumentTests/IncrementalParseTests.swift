import Testing
import TestSupport
@testable import JSONDocument

/// Edits re-parse only the members around the change; the tape must equal a fresh parse's.
@Suite struct IncrementalParseTests {
    /// The deterministic generator of RoundTripAndMutationTests, so every run makes the same edits.
    typealias Random = SplitMix

    static func allPaths(_ document: JSONDocument) -> [(JSONPath, JSONKind)] {
        var result: [(JSONPath, JSONKind)] = []
        var pending: [(JSONNode, JSONPath)] = [(document.root, [])]
        while let (node, path) = pending.popLast() {
            result.append((path, node.kind))
            var index = 0
            for child in node.children {
                pending.append((child, path + [node.kind == .object ? .key(child.key ?? "") : .index(index)]))
                index += 1
            }
        }
        return result
    }

    static func value(_ random: inout Random) -> JSONValue {
        switch random.below(6) {
        case 0: return .bool(random.below(2) == 0)
        case 1: return .number(JSONNumber(random.below(1000)))
        case 2: return .string("v\u{e9}\"\(random.below(100))")
        case 3: return .null
        case 4: return .array([.string("a"), .number(JSONNumber(2)), .object([.init("k", .bool(true))])])
        default: return .object([.init("x", .string("y")), .init("z", .array([]))])
        }
    }

    static func expectSameAsFreshParse(_ document: JSONDocument, _ step: String) throws {
        let fresh = try Storage(bytes: document.bytes, maxDepth: document.maxDepth)
        let storage = document.storage
        // The tape's offsets point into the buffer, gap included; read as text offsets they must
        // be a fresh parse's.
        let tape = storage.nodes.indices.map { storage.textNode($0) }
        #expect(tape.count == fresh.nodes.count, "\(step): node count")
        if let first = zip(tape, fresh.nodes).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("\(step): node \(first) differs: \(tape[first]) vs \(fresh.nodes[first])")
        }
        #expect(document.storage.layout == fresh.layout, "\(step): layout")
        #expect(document.storage.layoutExtent == fresh.layoutExtent, "\(step): where the layout was read")
        #expect(document.storage.traits == fresh.traits, "\(step): node traits")
        expectGapInvariants(storage, step)
    }

    /// No value or key holds the gap, and the containers listed as holding it are those that do.
    static func expectGapInvariants(_ storage: Storage, _ step: String) {
        var straddling: [Int] = []
        var holding: [Int] = []
        for (index, raw) in storage.nodes.enumerated() {
            let text = storage.textNode(index)
            if raw.end - raw.start != text.end - text.start {
                if raw.kind == .object || raw.kind == .array { holding.append(index) } else { straddling.append(index) }
            }
            if raw.hasKey && raw.keyEnd - raw.keyStart != text.keyEnd - text.keyStart { straddling.append(index) }
        }
        #expect(straddling == [], "\(step): values or keys that hold the gap")
        if storage.gapLength > 0 {
            #expect(holding == storage.gapEnclosing, "\(step): containers that hold the gap")
        }
        #expect(storage.buffer.count == storage.count + storage.gapLength, "\(step): buffer size")
    }

    @Test("random edits, undos and redos of every fixture keep the tape equal to a fresh parse",
          arguments: Repository.validFixtures + ["fixtures/invalid/minified.json", "fixtures/invalid/crlf.json", "fixtures/invalid/bom.json"])
    func randomEdits(file: String) throws {
        let path = file.hasPrefix("/") ? file : Repository.root + "/" + file
        var document = try JSONDocument(bytes: Repository.bytes(of: path))
        var random = Random(seed: UInt64(truncatingIfNeeded: file.utf8.reduce(7) { $0 &* 31 &+ Int($1) }))
        for step in 0..<60 {
            let paths = Self.allPaths(document)
            let (target, kind) = paths[random.below(paths.count)]
            var description = ""
            switch random.below(7) {
            case 0, 1:
                let value = Self.value(&random)
                description = "set \(target.dottedString) = \(value.compactText)"
                try? document.setValue(value, at: target)
            case 2:
                guard kind == .object else { continue }
                description = "insert into \(target.dottedString)"
                try? document.setValue(Self.value(&random), at: target + [.key("new\(step)")])
            case 3:
                guard kind == .array else { continue }
                description = "append to \(target.dottedString)"
                try? document.appendValue(Self.value(&random), to: target)
            case 4:
                description = "remove \(target.dottedString)"
                try? document.removeValue(at: target)
            case 5:
                description = "undo"
                document.undo()
            default:
                description = "redo"
                document.redo()
            }
            try Self.expectSameAsFreshParse(document, "\(file) step \(step): \(description)")
        }
        while document.undo() {}
        #expect(document.bytes == Repository.bytes(of: path), "\(file): undoing every edit gives the original bytes")
    }

    @Test("the layout follows edits that change it: a first line break, a first colon; and not others")
    func layoutFollowsEdits() throws {
        let text = #"{"a":1,"b":{"c":[1,2]},"d":"x"}"#
        var document = try JSONDocument(text: text)
        #expect(document.layout.indentUnit == nil)
        // Far from the start, no line break: the layout stays minified.
        try document.setValue(.string("y"), at: ["d"])
        try Self.expectSameAsFreshParse(document, "value edit")
        // A line break well after the first member makes the text indented.
        let afterB = try #require(document.node(at: ["b"])).span.upperBound
        try document.apply(Splice(range: afterB..<(afterB + 1), replacement: Array(",\n    ".utf8)), path: [])
        #expect(document.layout.indentUnit == "    ")
        try Self.expectSameAsFreshParse(document, "a first line break")
        // The first member's colon, at the start, decides how new members are written.
        try document.apply(Splice(range: 4..<5, replacement: Array(" : ".utf8)), path: [])
        #expect(document.layout.colon == " : ")
        try Self.expectSameAsFreshParse(document, "the first colon")
        while document.undo() { try Self.expectSameAsFreshParse(document, "undo") }
        #expect(document.text == text)
        #expect(document.layout.indentUnit == nil && document.layout.colon == ":")
    }

    @Test("an edit nested past the depth limit fails as a fresh parse would, and leaves the document unchanged")
    func tooDeep() throws {
        var document = try JSONDocument(text: #"{"a": {"b": [1, 2]}, "c": 3}"#, maxDepth: 4)
        let before = document.bytes
        var deep = JSONValue.array([])
        for _ in 0..<4 { deep = .array([deep]) }
        #expect(throws: JSONEditError.self) { try document.setValue(deep, at: ["a", "b", 0]) }
        #expect(document.bytes == before)
        try document.setValue(.array([.array([])]), at: ["c"])
        try Self.expectSameAsFreshParse(document, "shallow enough")
    }

    @Test("a copy of a document keeps its bytes when the original is edited in place")
    func copiesStayApart() throws {
        var document = try JSONDocument(text: #"{"a": 1, "b": [true]}"#)
        let copy = document
        let node = document.root
        try document.setValue(.number(JSONNumber(2)), at: ["a"])
        try document.setValue(.number(JSONNumber(3)), at: ["a"])
        #expect(copy.text == #"{"a": 1, "b": [true]}"#)
        #expect(node.rawText == #"{"a": 1, "b": [true]}"#)
        #expect(document.text == #"{"a": 3, "b": [true]}"#)
    }
}
