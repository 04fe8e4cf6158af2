import FuzzSupport
import JSONDocument

// The parser on arbitrary bytes: it never crashes; a document it accepts gives back exactly its
// bytes, every node's value can be read, and the value written compactly parses to the same value.
runFuzzer { data, size in
    let bytes = inputBytes(data, size)
    guard let document = try? JSONDocument(bytes: bytes) else { return 0 }
    check(document.bytes == bytes, "an accepted document does not give back its bytes")
    let value = document.root.value
    var pending = [document.root]
    var visited = 0
    while let node = pending.popLast(), visited < 10_000 {
        visited += 1
        check(node.span.lowerBound >= 0 && node.span.upperBound <= bytes.count, "a span outside the text")
        _ = node.rawBytes
        _ = node.key
        pending.append(contentsOf: node.children)
    }
    if let again = try? JSONDocument(text: value.compactText) {
        check(again.root.value == value, "the compact text of a value parses to another value")
    } else {
        check(false, "the compact text of an accepted value does not parse: \(value.compactText.prefix(200))")
    }
    return 0
}
