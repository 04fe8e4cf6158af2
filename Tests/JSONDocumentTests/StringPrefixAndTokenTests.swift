import JSONDocument
import Testing

/// Reading the start of a long string, its bytes without a copy, and which string a byte of the text is in.
@Suite("String prefixes and tokens")
struct StringPrefixAndTokenTests {
    @Test("a prefix is cut at a character and before an escape it would split; a short string comes whole")
    func prefix() throws {
        let document = try JSONDocument(text: #"{"a": "ééééé\n\u00e9xyz", "b": "short"}"#)
        let a = try #require(document.node(at: ["a"]))
        // é is two bytes: 3 bytes cut to 2 (one é), never half of one.
        #expect(a.displayStringPrefix(maxBytes: 3)?.text == "é")
        #expect(a.displayStringPrefix(maxBytes: 3)?.isCut == true)
        // 11 bytes reach into "\n": the cut goes before the backslash.
        #expect(a.displayStringPrefix(maxBytes: 11)?.text == "ééééé")
        #expect(a.displayStringPrefix(maxBytes: 100)?.text == "ééééé\néxyz")
        #expect(a.displayStringPrefix(maxBytes: 100)?.isCut == false)
        #expect(document.node(at: ["b"])?.displayStringPrefix(maxBytes: 5)?.text == "short")
        #expect(document.node(at: ["b"])?.displayStringPrefix(maxBytes: 4)?.isCut == true)
        #expect(document.root.displayStringPrefix(maxBytes: 4) == nil)
    }

    @Test("the decoded bytes of a string without escapes are the document's own; with escapes, decoded")
    func bytes() throws {
        let document = try JSONDocument(text: #"{"a": "plain 東京", "b": "x\ty\ud800"}"#)
        #expect(Array(try #require(document.node(at: ["a"])?.displayStringBytes)) == Array("plain 東京".utf8))
        #expect(Array(try #require(document.node(at: ["b"])?.displayStringBytes)) == Array("x\ty\\ud800".utf8))
    }

    @Test("every byte's string token: keys, values, nothing outside, also after an edit moved the text")
    func tokens() throws {
        var document = try JSONDocument(text: "{\"key\": [\"v\", 12, true], \"k2\": {\"in\": \"s\"}}")
        func roles(_ document: JSONDocument) -> String {
            String(document.bytes.indices.map { offset -> Character in
                guard let token = document.stringToken(containing: offset) else { return "." }
                return token.isKey ? "K" : "S"
            })
        }
        #expect(roles(document) == ".KKKKK...SSS.............KKKK...KKKK..SSS..")
        try document.setValue(.string("longer value"), at: ["key", 0])
        #expect(String(decoding: document.bytes, as: UTF8.self) == "{\"key\": [\"longer value\", 12, true], \"k2\": {\"in\": \"s\"}}")
        #expect(roles(document) == ".KKKKK...SSSSSSSSSSSSSS.............KKKK...KKKK..SSS..")
        #expect(document.stringToken(containing: -1) == nil)
        #expect(document.stringToken(containing: 10_000) == nil)
    }
}
