import JSONDocument
import Testing

/// Reads by key stop at the first match when the document knows an object's keys cannot repeat;
/// they must still give the last occurrence wherever keys do repeat, before and after edits.
@Suite("Reads by key in objects with and without repeated keys")
struct KeyLookupTests {
    /// The last member with this key, found by walking every member.
    static func lastMember(_ object: JSONNode, _ key: String) -> JSONNode? {
        var found: JSONNode? = nil
        for child in object.children where child.key == key { found = child }
        return found
    }

    /// Checks reads before and after the document lists the objects whose keys may repeat (it makes
    /// the list when first asked for duplicate keys; until then reads walk every member).
    static func check(_ document: JSONDocument, keys: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        checkReads(document, keys: keys, sourceLocation: sourceLocation)
        _ = document.duplicateKeys
        checkReads(document, keys: keys, sourceLocation: sourceLocation)
    }

    static func checkReads(_ document: JSONDocument, keys: [String], sourceLocation: SourceLocation) {
        let object = document.root
        for key in keys {
            #expect(object[key]?.span == Self.lastMember(object, key)?.span, "\(key)", sourceLocation: sourceLocation)
            let position = object.position(of: .key(key))
            let expected = Self.lastMember(object, key).flatMap { wanted in object.children.enumerated().first { $0.element.span == wanted.span }?.offset }
            #expect(position == expected, "\(key)", sourceLocation: sourceLocation)
            let members = object.members(withKeyIn: [key, "zz"]).map(\.span)
            #expect(members == object.children.filter { $0.key == key || $0.key == "zz" }.map(\.span), "\(key)", sourceLocation: sourceLocation)
        }
    }

    @Test("first, last and absent keys; repeats, escapes, and edits that add and remove repeats")
    func lookups() throws {
        let keys = ["a", "b", "c", "d", "zz", "missing", "é"]
        let texts = [
            #"{"a": 1, "b": 2, "c": 3, "d": 4}"#,
            #"{"a": 1, "b": 2, "a": 3, "d": 4, "a": 5}"#,
            #"{"a": 1, "b": 2, "\u0061": 3, "zz": 0}"#,
            #"{"é": 1, "\u00e9": 2, "c": {"c": 1, "c": 2}}"#,
            "{" + (0..<300).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + ", \"a\": 1, \"a\": 2}",
        ]
        for text in texts {
            var document = try JSONDocument(text: text)
            Self.check(document, keys: keys + ["k0", "k299"])
            // Change a value, then remove the occurrences of "a" one by one: the object goes from
            // repeating keys to not, and lookups must follow.
            try document.setValue(.number(JSONNumber(9)), at: ["b"], createMissing: true)
            Self.check(document, keys: keys)
            while document.root["a"] != nil {
                try document.removeValue(at: ["a"])
                Self.check(document, keys: keys)
            }
            try document.setValue(.string("new"), at: ["a"])
            Self.check(document, keys: keys)
            while document.undo() { Self.check(document, keys: keys) }
            #expect(document.text == text)
        }
    }

    @Test("walks that skip subtrees by the traits bytes find what walks over every node find")
    func traitWalks() throws {
        let long30 = String(repeating: "x", count: 30), long31 = String(repeating: "y", count: 31), long40 = String(repeating: "z", count: 40)
        let text = """
            {"\(long30)": 1, "a": {"a": [1, {"a": 2}]}, "\(long31)": "s", "b": [], "\(long40)": null,
             "\\u0062": "escaped b", "c": "t", "d": {"\(long40)": 1}, "e": true, "f": [[["deep"]]], "g": "u"}
            """
        let document = try JSONDocument(text: text)
        let root = document.root
        for kind in JSONKind.allCases {
            #expect(root.children(notOfKind: kind).map(\.span) == root.children.filter { $0.kind != kind }.map(\.span), "\(kind)")
        }
        for keys: Set<String> in [[long30], [long31], [long40], ["b"], ["a", "g"], [long31, long40, "e"], ["\\u0062"], ["nope"]] {
            #expect(root.members(withKeyIn: keys).map(\.span) == root.children.filter { keys.contains($0.key ?? "") }.map(\.span), "\(keys)")
        }
        let array = try #require(root["f"])
        #expect(array.children(notOfKind: .array).isEmpty)
    }
}
