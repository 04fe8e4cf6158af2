import FuzzSupport
import JSONDocument

// Random edits, undos and redos checked against a fresh parse. The input is a JSON document, a
// zero byte, then three bytes per step: what to do, where (an index into the document's paths),
// and with what (an index into `values`). After every step the document must equal a fresh parse
// of its own bytes (values, spans, layout, duplicate keys); at the end, undoing every edit gives
// the original bytes and redoing them all gives the final bytes.

/// Values the edits write: scalars, escapes, non-ASCII text, nesting, odd numbers.
let values: [JSONValue] = [
    .null, .bool(true), .bool(false), .number(JSONNumber(0)), .number(JSONNumber(-1)),
    JSONNumber("1e400").map { .number($0) } ?? .null, JSONNumber("-0.0").map { .number($0) } ?? .null,
    .string(""), .string("a\"b\\c\n\u{1B}[2J"), .string("名前 👩‍💻 e\u{301}"), .string("\u{202E}x\u{0}"),
    .array([]), .object([]), .array([.number(JSONNumber(1)), .array([.null]), .object([.init("k", .string("v"))])]),
    .object([.init("a", .object([.init("b", .array([.bool(false)]))])), .init("a", .null)]),
    .string(String(repeating: "x", count: 300)),
]

/// Every node's path, parents before children.
func allPaths(_ document: JSONDocument) -> [(JSONPath, JSONKind)] {
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

/// Every node's kind, span and key span, in tape order.
func shape(_ document: JSONDocument) -> [String] {
    var result: [String] = []
    var pending = [document.root]
    while let node = pending.popLast() {
        result.append("\(node.kind) \(node.span) \(node.keySpan.map { "\($0)" } ?? "-") \(node.count)")
        pending.append(contentsOf: node.children)
    }
    return result
}

func expectSameAsFreshParse(_ document: JSONDocument, _ step: Int) {
    guard let fresh = try? JSONDocument(bytes: document.bytes) else {
        check(false, "step \(step): the edited text does not parse")
        return
    }
    check(fresh.root.value == document.root.value, "step \(step): values differ from a fresh parse")
    check(shape(fresh) == shape(document), "step \(step): spans differ from a fresh parse")
    check(fresh.whitespaceStyle == document.whitespaceStyle, "step \(step): whitespace style differs from a fresh parse")
    check(fresh.duplicateKeys == document.duplicateKeys,
          "step \(step): duplicate keys differ from a fresh parse")
}

runFuzzer { data, size in
    let input = inputBytes(data, size)
    guard let separator = input.firstIndex(of: 0), separator <= 65_536 else { return 0 }
    let original = Array(input[..<separator])
    guard var document = try? JSONDocument(bytes: original) else { return 0 }
    let steps = input[(separator + 1)...]
    var index = steps.startIndex
    var step = 0
    while index + 2 < steps.endIndex && step < 64 {
        let (what, whereByte, with) = (steps[index], Int(steps[index + 1]), Int(steps[index + 2]))
        index += 3
        step += 1
        let paths = allPaths(document)
        let (target, kind) = paths[whereByte % paths.count]
        let value = values[with % values.count]
        switch what % 8 {
        case 0, 1: try? document.setValue(value, at: target)
        case 2:
            if kind == .object { try? document.setValue(value, at: target + [.key("k\(with)")]) }
        case 3:
            if kind == .array { try? document.appendValue(value, to: target) }
        case 4: try? document.removeValue(at: target)
        case 5: document.undo()
        case 6: document.redo()
        default: try? document.setValue(value, at: target + [.key("new"), .index(0)], createMissing: true)
        }
        expectSameAsFreshParse(document, step)
    }
    let final = document.bytes
    var undone = 0
    while document.undo() { undone += 1 }
    check(document.bytes == original, "undoing every edit does not give the original bytes")
    for _ in 0..<undone { document.redo() }
    check(document.bytes == final, "redoing the undone edits does not give the final bytes")
    return 0
}
