import CognitoTriggers
import JSONDocument
import TerminalText

/// A row a search found: which tree, which path, and where it comes among the rows of both trees.
///
/// Matches hold paths and numbers only, never nodes, so they outlive any edit of the document.
struct SearchMatch: Hashable, Sendable {
    var pane: Pane
    var path: JSONPath
    /// The row's place with every row expanded: 0 for the request tree or 1 for the response
    /// editor, then the rank of each step among its siblings as the tree shows them.
    var order: [Int]
}

/// A search over both trees of one event: the text, every match in tree order, the one last shown.
struct TreeSearch: Hashable, Sendable {
    /// Matches kept at most; past it the count reads `10,000+`.
    static let limit = 10_000

    var query: String
    var matches: [SearchMatch]
    /// True when the search stopped at `limit`.
    var isCapped: Bool
    /// The match the cursor was last put on.
    var index: Int?
    /// The paths of the matches of each tree, to colour their rows.
    private(set) var requestPaths: Set<JSONPath> = []
    private(set) var responsePaths: Set<JSONPath> = []

    init(query: String, in event: TriggerEvent) {
        self.query = query
        let found = TreeSearch.find(query, in: event, limit: Self.limit)
        matches = found.matches
        isCapped = found.isCapped
        index = nil
        for match in matches {
            if match.pane == .response { responsePaths.insert(match.path) } else { requestPaths.insert(match.path) }
        }
    }

    /// The same search on the event after an edit: the match shown stays shown when it still matches.
    func rerun(in event: TriggerEvent) -> TreeSearch {
        var again = TreeSearch(query: query, in: event)
        if let index, matches.indices.contains(index) {
            let shown = matches[index]
            again.index = again.matches.firstIndex { $0.pane == shown.pane && $0.path == shown.path }
        }
        return again
    }

    func paths(of pane: Pane) -> Set<JSONPath> { pane == .response ? responsePaths : requestPaths }

    /// The count as the status bar shows it: `17`, or `10,000+` when the search stopped early.
    var countText: String { TerminalText.count(matches.count) + (isCapped ? "+" : "") }

    /// The index of the first match at or after `order` (after it, when `strictly`), or nil.
    func firstIndex(after order: [Int], strictly: Bool) -> Int? {
        var low = 0, high = matches.count
        while low < high {
            let middle = (low + high) / 2
            let before = strictly ? !TreeSearch.precedes(order, matches[middle].order) : TreeSearch.precedes(matches[middle].order, order)
            if before { low = middle + 1 } else { high = middle }
        }
        return low < matches.count ? low : nil
    }

    /// The index of the last match before `order`, or nil.
    func lastIndex(before order: [Int]) -> Int? {
        guard let first = firstIndex(after: order, strictly: false) else { return matches.isEmpty ? nil : matches.count - 1 }
        return first > 0 ? first - 1 : nil
    }

    /// True when every text `new` matches also matches `old` (it holds `old`, with case as strict).
    static func narrows(_ old: String, to new: String) -> Bool {
        guard !old.isEmpty else { return false }
        return TextMatcher(old).caseSensitive ? new.contains(old) : new.lowercased().contains(old.lowercased())
    }

    /// Tree order: a row comes before its children, and siblings by rank.
    static func precedes(_ a: [Int], _ b: [Int]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x < y }
        return a.count < b.count
    }
}

extension TreeSearch {
    /// Every row of both trees whose key or value (as the user reads it) contains `query`, in tree
    /// order: the request tree, then the response editor, where catalogue fields match by name
    /// whether the event has them or not. Smartcase: case is ignored unless the query has a capital.
    static func find(_ query: String, in event: TriggerEvent, limit: Int) -> (matches: [SearchMatch], isCapped: Bool) {
        guard !query.isEmpty else { return ([], false) }
        let matcher = TextMatcher(query)
        let document = event.document
        let candidates = Candidates(matcher, in: document)
        var matches: [SearchMatch] = []
        walk(document.root, at: [], positions: [], in: document, matcher: matcher, candidates: candidates, limit: limit,
             skipping: event.trigger != nil ? "response" : nil) { path, positions in
            matches.append(SearchMatch(pane: .request, path: path, order: [0] + positions))
        }
        var capped = matches.count >= limit
        guard let trigger = event.trigger, !capped else { return (matches, capped) }
        let ranks = ResponseRanks(trigger)
        var response: [SearchMatch] = []
        var seen = Set<JSONPath>()
        for field in Catalogue.spec(for: trigger).responseFields where field.path.count > 1 && matcher.matches(text: field.name) {
            let path = JSONPath(field.path.map { PathComponent.key($0) })
            if seen.insert(path).inserted {
                response.append(SearchMatch(pane: .response, path: path, order: ranks.order(of: path, positions: nil, in: document)))
            }
        }
        if let node = document.node(at: ["response"]), let at = document.root.position(of: .key("response")) {
            walk(node, at: ["response"], positions: [at], in: document, matcher: matcher, candidates: candidates,
                 limit: limit - matches.count) { path, positions in
                guard seen.insert(path).inserted else { return }
                response.append(SearchMatch(pane: .response, path: path, order: ranks.order(of: path, positions: positions, in: document)))
            }
        }
        capped = matches.count + response.count >= limit
        response.sort { precedes($0.order, $1.order) }
        return (matches + response.prefix(max(0, limit - matches.count)), capped)
    }

    /// The tree order of the row at `path` in `pane` (for the cursor a search starts from).
    static func order(of path: JSONPath, pane: Pane, in event: TriggerEvent) -> [Int] {
        if pane == .response, let trigger = event.trigger {
            return ResponseRanks(trigger).order(of: path, positions: nil, in: event.document)
        }
        return [0] + positions(of: path, in: event.document).map { $0 ?? 0 }
    }

    /// The position of each step of `path` among its siblings; nil from the first step the document lacks.
    static func positions(of path: JSONPath, in document: JSONDocument) -> [Int?] {
        var node: JSONNode? = document.root
        var result: [Int?] = []
        for component in path {
            guard let container = node, let position = container.position(of: component) else {
                node = nil
                result.append(nil)
                continue
            }
            result.append(position)
            node = container.child(atPosition: position)
        }
        return result
    }

    /// Calls `found` with the path and positions of every descendant of `container` that matches,
    /// in document order, without recursion and without making a path for those that do not.
    ///
    /// A value whose bytes hold none of the `candidates` cannot match: it is neither tested nor,
    /// for a map or list, entered.
    private static func walk(_ container: JSONNode, at path: JSONPath, positions: [Int], in document: JSONDocument, matcher: TextMatcher,
                             candidates: Candidates?, limit: Int, skipping skippedKey: String? = nil, found: (JSONPath, [Int]) -> Void) {
        struct Frame {
            var children: ChildSequence.Iterator
            let isArray: Bool
            var position = 0
        }
        var path = path
        var positions = positions
        var count = 0
        var frames = [Frame(children: container.children.makeIterator(), isArray: container.kind == .array)]
        while !frames.isEmpty, count < limit {
            guard let child = frames[frames.count - 1].children.next() else {
                frames.removeLast()
                if !frames.isEmpty {
                    path.removeLast()
                    positions.removeLast()
                }
                continue
            }
            let position = frames[frames.count - 1].position
            frames[frames.count - 1].position += 1
            let isArray = frames[frames.count - 1].isArray
            if frames.count == 1, let skippedKey, child.hasKey(skippedKey) { continue }
            if let candidates {
                let span = child.span
                guard candidates.any(in: (child.keySpan?.lowerBound ?? span.lowerBound)..<span.upperBound) else { continue }
            }
            var hit = false
            if let key = child.rawKeyBytes { hit = matcher.matches(key, decoded: { child.key ?? "" }) }
            switch child.kind {
            case .object, .array:
                let component: PathComponent = isArray ? .index(position) : .key(child.key ?? "")
                if hit {
                    found(path + [component], positions + [position])
                    count += 1
                }
                guard child.count > 0 else { continue }
                path.append(component)
                positions.append(position)
                frames.append(Frame(children: child.children.makeIterator(), isArray: child.kind == .array))
                continue
            case .string:
                if !hit { hit = matcher.matches(child.rawBytes, decoded: { child.stringValue ?? "" }) }
            default:
                if !hit { hit = matcher.matches(child.rawBytes, decoded: { child.rawText }) }
            }
            if hit {
                found(path + [isArray ? .index(position) : .key(child.key ?? "")], positions + [position])
                count += 1
            }
        }
    }
}

/// Where in a document's bytes a search's text can be: each place its bytes occur (ASCII case
/// folded unless case counts), and each backslash (text with escapes is compared decoded).
///
/// One pass over the bytes, then the walk skips every value that holds none of them: typing a
/// search in a 50 MB event looks only inside the few values that may match.
struct Candidates {
    /// Byte offsets, in order.
    private let offsets: [Int]

    /// Nil when the text has characters other than ASCII (only decoded comparison finds those).
    init?(_ matcher: TextMatcher, in document: JSONDocument) {
        guard let needle = matcher.asciiNeedle, !needle.isEmpty else { return nil }
        let fold = !matcher.caseSensitive
        let first = needle[0]
        let firstOther: UInt8 = fold && first >= 0x61 && first <= 0x7A ? first - 0x20 : first
        var found: [Int] = []
        document.bytes.withUnsafeBufferPointer { bytes in
            let count = bytes.count, length = needle.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte == 0x5C {
                    found.append(index)
                } else if (byte == first || byte == firstOther) && index + length <= count {
                    var k = 1
                    while k < length {
                        let next = bytes[index + k]
                        if (fold && next >= 0x41 && next <= 0x5A ? next | 0x20 : next) != needle[k] { break }
                        k += 1
                    }
                    if k == length { found.append(index) }
                }
                index += 1
            }
        }
        offsets = found
    }

    /// Whether any offset lies in `range`.
    func any(in range: Range<Int>) -> Bool {
        var low = 0, high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < offsets.count && offsets[low] < range.upperBound
    }
}

/// The order of the response editor's rows: under `response` and each catalogue object, the
/// catalogue's fields in its order, then keys it does not know in file order; below, file order.
struct ResponseRanks {
    /// For each object the catalogue describes (by its key path), its fields' ranks by name.
    private var known: [[String]: [String: Int]] = [:]

    init(_ trigger: Trigger) {
        let fields = Catalogue.spec(for: trigger).responseFields
        var parents: Set<[String]> = [["response"]]
        for field in fields where field.type == .object { parents.insert(field.path) }
        for parent in parents {
            var ranks: [String: Int] = [:]
            for field in fields where field.path.count == parent.count + 1 && Array(field.path.dropLast()) == parent {
                if ranks[field.name] == nil { ranks[field.name] = ranks.count }
            }
            known[parent] = ranks
        }
    }

    /// The order of the row at `path` (which starts with `response`); `positions`, when given,
    /// are the places of the path's steps in the document, else they are looked up.
    func order(of path: JSONPath, positions: [Int]?, in document: JSONDocument) -> [Int] {
        var looked: [Int?]?
        func position(_ step: Int) -> Int {
            if let positions, positions.indices.contains(step) { return positions[step] }
            if looked == nil { looked = TreeSearch.positions(of: path, in: document) }
            return (looked?[step] ?? nil) ?? 0
        }
        var order = [1]
        var parent: [String]? = ["response"]
        for step in 1..<max(1, path.count) {
            let component = path[step]
            if let keys = parent, let ranks = known[keys], let name = component.key {
                order.append(ranks[name] ?? ranks.count + position(step))
                parent = keys + [name]
            } else {
                order.append(position(step))
                parent = nil
            }
        }
        return order
    }
}

/// "Contains" over the raw bytes of keys and values, smartcase: case is ignored unless the query
/// has a capital letter.
///
/// For a needle of ASCII characters the bytes are compared as they are in the file (folding ASCII
/// case when case is ignored; a UTF-8 byte of a non-ASCII character never equals an ASCII one), so
/// searching a 50 MB event makes no string per key and value. Text written with escapes, and
/// needles with other characters, are compared as decoded strings: what the user reads.
struct TextMatcher {
    /// The query, lowercased unless case counts.
    let needle: String
    /// True when the query has a capital letter.
    let caseSensitive: Bool
    /// The needle's bytes when it is all ASCII (compared with the file's bytes as they are).
    let asciiNeedle: [UInt8]?

    init(_ query: String) {
        caseSensitive = query.contains { $0.isUppercase }
        needle = caseSensitive ? query : query.lowercased()
        let utf8 = Array(needle.utf8)
        asciiNeedle = utf8.allSatisfy { $0 < 0x80 } ? utf8 : nil
    }

    /// Whether decoded text contains the needle.
    func matches(text: String) -> Bool {
        (caseSensitive ? text : text.lowercased()).contains(needle)
    }

    /// Whether `bytes` (a JSON string with its quotes, or a number, true, false or null, as
    /// written) contains the needle; `decoded` gives the text when the bytes cannot be compared
    /// as they are.
    func matches(_ bytes: ArraySlice<UInt8>, decoded: () -> String) -> Bool {
        guard let wanted = asciiNeedle, !wanted.isEmpty else { return matches(text: decoded()) }
        var lower = bytes.startIndex, upper = bytes.endIndex
        if upper - lower >= 2 && bytes[lower] == 0x22 { lower += 1; upper -= 1 }
        // Escapes: compare the decoded text.
        var index = lower
        while index < upper {
            if bytes[index] == 0x5C { return matches(text: decoded()) }
            index += 1
        }
        let count = wanted.count
        guard upper - lower >= count else { return false }
        let first = wanted[0]
        let fold = !caseSensitive
        var start = lower
        while start + count <= upper {
            if Self.folded(bytes[start], fold) == first {
                var k = 1
                while k < count && Self.folded(bytes[start + k], fold) == wanted[k] { k += 1 }
                if k == count { return true }
            }
            start += 1
        }
        return false
    }

    @inline(__always)
    private static func folded(_ byte: UInt8, _ fold: Bool) -> UInt8 {
        fold && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
