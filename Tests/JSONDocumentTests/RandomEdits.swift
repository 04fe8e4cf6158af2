@testable import JSONDocument

/// A small deterministic random generator, so every run makes the same choices.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (0 when n is 0 or less).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// One of `choices`, which must not be empty.
    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
}

/// One edit of a document, chosen by `RandomEdits`.
enum RandomEdit {
    case set(JSONPath, JSONValue)
    case insert(into: JSONPath, key: String, JSONValue)
    case append(to: JSONPath, JSONValue)
    case remove(JSONPath)
    /// A splice the public API cannot make, such as a key renamed.
    case splice(Splice, description: String)
    case undo
    case redo

    /// Applies the edit; a refused edit (a path that no longer exists, a clash) changes nothing.
    func apply(to document: inout JSONDocument) {
        switch self {
        case .set(let path, let value): try? document.setValue(value, at: path)
        case .insert(let object, let key, let value): try? document.setValue(value, at: object + [.key(key)])
        case .append(let array, let value): try? document.appendValue(value, to: array)
        case .remove(let path): try? document.removeValue(at: path)
        case .splice(let splice, _): try? document.apply(splice, path: [])
        case .undo: document.undo()
        case .redo: document.redo()
        }
    }

    /// Says what the edit was, for a failing step's message.
    var description: String {
        switch self {
        case .set(let path, let value): return "set \(path.dottedString) = \(value.compactText)"
        case .insert(let object, let key, let value): return "insert \(key) = \(value.compactText) into \(object.dottedString)"
        case .append(let array, let value): return "append \(value.compactText) to \(array.dottedString)"
        case .remove(let path): return "remove \(path.dottedString)"
        case .splice(_, let description): return description
        case .undo: return "undo"
        case .redo: return "redo"
        }
    }
}

/// The one random-edit generator of the fuzz-style tests (incremental parsing, the query cache,
/// the gap buffer): values of every kind, edits of every kind at any node, and raw replacements.
struct RandomEdits {
    var random: SplitMix

    init(seed: UInt64) { random = SplitMix(seed: seed) }

    /// A seed made from a name, so each fixture gets its own sequence.
    init(seedFrom name: String) {
        self.init(seed: UInt64(truncatingIfNeeded: name.utf8.reduce(7) { $0 &* 31 &+ Int($1) }))
    }

    mutating func below(_ n: Int) -> Int { random.below(n) }

    /// A value of any kind: escapes and non-ASCII in strings, nested containers, and objects
    /// with a repeated key (one small, one past the pairwise comparison limit).
    mutating func value() -> JSONValue {
        switch random.below(8) {
        case 0: return .bool(random.below(2) == 0)
        case 1: return .number(JSONNumber(random.below(1000)))
        case 2: return .string("v\u{e9}\"\(random.below(100))")
        case 3: return .null
        case 4: return .array([.string("a"), .number(JSONNumber(2)), .object([.init("k", .bool(true))])])
        case 5: return .object([.init("x", .string("y")), .init("z", .array([]))])
        case 6: return .object([.init("r", .number(JSONNumber(1))), .init("s", .null), .init("r", .bool(true))])
        default:
            let distinct = random.below(2) == 0 ? 12 : 9
            return .object((0..<12).map { JSONValue.Member("w\($0 % distinct)", .number(JSONNumber($0))) })
        }
    }

    /// The text of a value to splice in, now and then longer than any gap so far.
    mutating func replacementBytes() -> [UInt8] {
        switch random.below(4) {
        case 0: return Array("\(random.below(1_000_000))".utf8)
        case 1: return Array("\"\(String(repeating: "x", count: random.below(40)))\"".utf8)
        case 2: return Array("[\(random.below(9)), {\"k\": null}]".utf8)
        default: return Array("\"\(String(repeating: "y", count: 5000 + random.below(5000)))\"".utf8)
        }
    }

    /// The path of any node of the document, or now and then one of `extraTargets`.
    mutating func target(in document: JSONDocument, extraTargets: [JSONPath] = []) -> JSONPath {
        if !extraTargets.isEmpty, random.below(4) == 0 { return random.pick(extraTargets) }
        return document.path(ofNode: random.below(document.storage.nodes.count))
    }

    /// A splice the public API cannot make, on a member of a random object: the member copied
    /// beside itself (a new repeat), or its key renamed to a sibling's, to one of `names` or a
    /// numbered key, or to an escaped spelling of one of `names`. Nil when the chosen node is no
    /// object or an empty one.
    mutating func memberSplice(in document: JSONDocument, names: [String] = []) -> RandomEdit? {
        let index = random.below(document.storage.nodes.count)
        let object = JSONNode(storage: document.storage, index: index)
        guard object.kind == .object else { return nil }
        let members = Array(object.children)
        guard !members.isEmpty else { return nil }
        let member = random.pick(members)
        guard let keySpan = member.keySpan else { return nil }
        let bytes = document.bytes
        let at = "\(member.key ?? "") in node \(index)"
        switch random.below(4) {
        case 0:
            let text = [UInt8](", ".utf8) + bytes[keySpan.lowerBound..<member.span.upperBound]
            return .splice(Splice(range: member.span.upperBound..<member.span.upperBound, replacement: text), description: "copy \(at)")
        case 1:
            guard let sibling = random.pick(members).keySpan else { return nil }
            return .splice(Splice(range: keySpan, replacement: Array(bytes[sibling])), description: "rename \(at) to a sibling's key")
        case 2:
            let name = random.pick(names + ["n\(random.below(1000))"])
            return .splice(Splice(range: keySpan, replacement: Array("\"\(name)\"".utf8)), description: "rename \(at) to \(name)")
        default:
            // The first letter written as \u00XX: the same key, spelled with an escape.
            let name = random.pick(names.filter { $0.first?.isASCII == true } + ["a"])
            let first = name.unicodeScalars.first?.value ?? 0x61
            let hex = String(first, radix: 16)
            let escaped = "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + String(name.unicodeScalars.dropFirst())
            return .splice(Splice(range: keySpan, replacement: Array("\"\(escaped)\"".utf8)), description: "rename \(at) to \(escaped)")
        }
    }

    /// The next edit: mostly a value set, inserted, appended or removed at a random node (or one of
    /// `extraTargets`), sometimes a key renamed, an undo or a redo. `insertKeys` are the names new
    /// members get; `renameTo` are the names keys may be renamed to.
    mutating func next(in document: JSONDocument, extraTargets: [JSONPath] = [],
                       insertKeys: [String] = ["sub", "new0", "new1", "k5", "a\u{e9}"],
                       renameTo: [String] = []) -> RandomEdit {
        let target = self.target(in: document, extraTargets: extraTargets)
        let kind = document.node(at: target)?.kind
        switch random.below(9) {
        case 0, 1, 2:
            return .set(target, value())
        case 3:
            // Into the target when it is an object, else beside it.
            let object = kind == .object ? target : JSONPath(target.dropLast())
            return .insert(into: object, key: random.pick(insertKeys), value())
        case 4:
            let array = kind == .array ? target : JSONPath(target.dropLast())
            return .append(to: array, value())
        case 5:
            return .remove(target)
        case 6:
            return memberSplice(in: document, names: renameTo) ?? .set(target, value())
        case 7:
            return .undo
        default:
            return .redo
        }
    }
}
