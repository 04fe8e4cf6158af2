import JSONDocument
import Testing

/// `JSONNode.members(named:)` finds several keys of one object in one pass; each answer must be
/// what `object[key]` reads: the last member with that key, escapes decoded, nil when absent.
@Suite struct KeySetTests {
    static func check(_ text: String, _ keys: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let document = try JSONDocument(text: text)
        for _ in 0..<2 {
            let found = document.root.members(named: KeySet(keys))
            #expect(found.count == keys.count, sourceLocation: sourceLocation)
            for (key, node) in zip(keys, found) {
                #expect(node?.span == document.root[key]?.span, "\(key)", sourceLocation: sourceLocation)
            }
            // The same after the document has listed the objects whose keys may repeat.
            _ = document.duplicateKeys
        }
    }

    @Test("present, absent and empty keys, keys longer than any member's, a key asked twice")
    func plainKeys() throws {
        try Self.check(#"{"a": 1, "bb": 2, "": 3, "ccc": {"a": 4}}"#, ["bb", "a", "zz", "", "a", "a-very-long-key-no-member-has"])
    }

    @Test("a repeated key gives its last member, in small and in long objects")
    func repeatedKeys() throws {
        try Self.check(#"{"a": 1, "b": 2, "a": 3}"#, ["a", "b"])
        let long = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        try Self.check("{\(long), \"k7\": \"again\"}", ["k7", "k39", "k40"])
    }

    @Test("keys written with escapes are decoded to compare, unicode keys compare by bytes")
    func escapedAndUnicodeKeys() throws {
        try Self.check(#"{"\u0061": 1, "caf\u00e9": 2, "café": 3, "a\\b": 4, "Zoë": 5, "ключ": 6}"#,
                       ["a", "café", "a\\b", "Zoë", "ключ", "caf\\u00e9"])
    }

    @Test("a value that is not an object gives nil for every key")
    func notAnObject() throws {
        for text in ["[1, 2]", "\"text\"", "null", "12"] {
            let document = try JSONDocument(text: text)
            #expect(document.root.members(named: KeySet(["a", "b"])).allSatisfy { $0 == nil }, "\(text)")
        }
        #expect(try JSONDocument(text: "{}").root.members(named: KeySet([])).isEmpty)
    }
}
