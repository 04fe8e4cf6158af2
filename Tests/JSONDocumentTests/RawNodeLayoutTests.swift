import Testing
@testable import JSONDocument

/// The tape's nodes are 24 bytes, with the kind and the escape flags packed beside offsets and
/// counts: each field keeps its own value whatever the others hold.
@Suite("Tape node layout")
struct RawNodeLayoutTests {
    @Test("a node takes 24 bytes of the tape")
    func size() {
        #expect(MemoryLayout<RawNode>.stride == 24)
    }

    @Test("kind, flags, offsets and counts are kept apart, at their largest values too", arguments: JSONKind.allCases)
    func fieldsAreIndependent(_ kind: JSONKind) {
        let largestOffset: UInt32 = (1 << 31) - 1
        let largestCount: UInt32 = (1 << 29) - 1
        for (escapes, keyEscapes) in [(false, false), (true, false), (false, true), (true, true)] {
            var node = RawNode(kind: kind, hasEscapes: escapes, start: largestOffset, end: largestOffset, keyStart: 7,
                               keyEnd: largestOffset, subtreeEnd: 9, childCount: largestCount)
            node.keyHasEscapes = keyEscapes
            #expect(node.kind == kind && node.hasEscapes == escapes && node.keyHasEscapes == keyEscapes)
            #expect(node.start == largestOffset && node.end == largestOffset && node.keyEnd == largestOffset)
            #expect(node.keyStart == 7 && node.subtreeEnd == 9 && node.childCount == largestCount)
            // Changing each field leaves the others.
            node.end = 3
            node.keyEnd = 4
            node.childCount = 5
            #expect(node.kind == kind && node.hasEscapes == escapes && node.keyHasEscapes == keyEscapes)
            node.hasEscapes.toggle()
            node.keyHasEscapes.toggle()
            node.kind = .null
            #expect(node.end == 3 && node.keyEnd == 4 && node.childCount == 5 && node.start == largestOffset)
            #expect(node.hasEscapes == !escapes && node.keyHasEscapes == !keyEscapes && node.kind == .null)
        }
    }

    @Test("the parser reads escapes, kinds, keys and counts into the packed nodes")
    func parsedNodes() throws {
        let document = try JSONDocument(text: #"{"a\n": "x\ty", "b": [1, true, null, {}], "c": "plain"}"#)
        let a = try #require(Array(document.root.children).first)
        #expect(a.key == "a\n" && a.stringValue == "x\ty" && a.kind == .string)
        #expect(a.raw.keyHasEscapes && a.raw.hasEscapes)
        let b = try #require(document.node(at: ["b"]))
        #expect(b.kind == .array && b.count == 4 && !b.raw.keyHasEscapes)
        #expect(b.elements.map(\.kind) == [.number, .bool, .null, .object])
        #expect(document.node(at: ["c"])?.raw.hasEscapes == false)
        #expect(document.root.count == 3)
    }
}
