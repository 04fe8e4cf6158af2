/// A replacement of one byte range by new bytes: the unit of every edit and of undo.
struct Splice: Sendable {
    var range: Range<Int>
    var replacement: [UInt8]
}

/// Why an edit could not be made; the document is unchanged.
public struct JSONEditError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A step of the path does not exist (and creating it was not asked for, or is impossible).
        case missing
        /// A step of the path goes through a value of the wrong kind.
        case notAContainer(JSONKind)
        /// An array index past the end (appending uses the index equal to the count).
        case indexOutOfRange(count: Int)
        /// The root cannot be removed.
        case cannotRemoveRoot
        /// The result would not parse (for example, nested deeper than the limit).
        case invalidResult(JSONParseError)
    }

    public let kind: Kind
    /// The path the edit was aimed at.
    public let path: JSONPath
    /// How far along the path the problem is: `path[..<depth]` exists.
    public let depth: Int

    public var description: String {
        let whereText = path.isEmpty ? "the root" : path.dottedString
        let stepText = JSONPath(path.prefix(depth + 1)).dottedString
        switch kind {
        case .missing: return "\(whereText): \(stepText) does not exist"
        case .notAContainer(let kind):
            let parent = depth == 0 ? "the root" : JSONPath(path.prefix(depth)).dottedString
            return "\(whereText): \(parent) is \(kind.article) \(kind.rawValue), not \(path[depth].index == nil ? "an object" : "an array")"
        case .indexOutOfRange(let count): return "\(whereText): index out of range (the array has \(count) elements)"
        case .cannotRemoveRoot: return "the root value cannot be removed"
        case .invalidResult(let error): return "\(whereText): the edited text would not parse: \(error.reason)"
        }
    }
}

extension JSONKind {
    var article: String { self == .object || self == .array ? "an" : "a" }
}

extension JSONDocument {
    // MARK: Edits

    /// Sets the value at a path: replaces an existing value, or inserts a new key (or appends, when the
    /// last step is an index equal to the array's count).
    ///
    /// With `createMissing`, missing intermediate objects are created, and a `null` on the way is
    /// replaced by an object. Only the bytes of the changed value (or the inserted member) change.
    public mutating func setValue(_ value: JSONValue, at path: JSONPath, createMissing: Bool = false) throws(JSONEditError) {
        let splice = try spliceForSet(value, at: path, createMissing: createMissing)
        try apply(splice, path: path)
    }

    /// Replaces the whole text with `bytes` as one undoable edit (restoring a recovery file, for
    /// instance); throws `.invalidResult` and leaves the document unchanged when they do not parse.
    public mutating func replaceText(with bytes: [UInt8]) throws(JSONEditError) {
        try apply(Splice(range: 0..<self.bytes.count, replacement: bytes), path: JSONPath())
    }

    /// Removes an object member or an array element, with its separator; the rest of the text stays.
    ///
    /// When a key occurs more than once, the last occurrence (the one reads return) is removed.
    public mutating func removeValue(at path: JSONPath) throws(JSONEditError) {
        // The splice is made by a function of its own, so that the nodes it reads are let go
        // before the edit: held, they share the storage, which is then copied instead of patched.
        try apply(removalSplice(at: path), path: path)
    }

    /// The splice that removes the member or element at a path.
    private func removalSplice(at path: JSONPath) throws(JSONEditError) -> Splice {
        guard let last = path.last else { throw JSONEditError(kind: .cannotRemoveRoot, path: path, depth: 0) }
        let parent = try existingNode(at: JSONPath(path.dropLast()), fullPath: path)
        let depth = path.count - 1
        // The child is found, and its neighbours after it, by hopping over the tape: a map of
        // 150,000 claims is not made into nodes to remove one.
        let removed: JSONNode
        switch (parent.kind, last) {
        case (.object, .key(let key)):
            // The last occurrence of a repeated key, as reads give.
            guard let found = parent[key] else { throw JSONEditError(kind: .missing, path: path, depth: depth) }
            removed = found
        case (.array, .index(let index)):
            guard let found = parent.child(atPosition: index) else {
                throw JSONEditError(kind: .indexOutOfRange(count: parent.count), path: path, depth: depth)
            }
            removed = found
        default:
            throw JSONEditError(kind: .notAContainer(parent.kind), path: path, depth: depth)
        }
        let start = { (node: JSONNode) in node.keySpan?.lowerBound ?? node.span.lowerBound }
        let range: Range<Int>
        let next = Int(storage.nodes[removed.index].subtreeEnd)
        if parent.count == 1 {
            range = (parent.span.lowerBound + 1)..<(parent.span.upperBound - 1)
        } else if next < Int(storage.nodes[parent.index].subtreeEnd) {
            // The separator after it goes with it.
            range = start(removed)..<start(JSONNode(storage: storage, index: next))
        } else {
            // The last child: the separator before it goes with it.
            let previous = lastTwoChildren(of: parent).secondLast!
            range = previous.span.upperBound..<removed.span.upperBound
        }
        return Splice(range: range, replacement: [])
    }

    /// The last child of a container and the one before it, found by hopping over the tape.
    private func lastTwoChildren(of container: JSONNode) -> (last: JSONNode?, secondLast: JSONNode?) {
        storage.nodes.withUnsafeBufferPointer { tape in
            var last: Int? = nil, secondLast: Int? = nil
            var child = container.index + 1
            let end = Int(tape[container.index].subtreeEnd)
            while child < end {
                secondLast = last
                last = child
                child = Int(tape[child].subtreeEnd)
            }
            return (last.map { JSONNode(storage: storage, index: $0) }, secondLast.map { JSONNode(storage: storage, index: $0) })
        }
    }

    /// Replaces the value whose text spans exactly `span` (as `JSONNode.span` gives it) with another value.
    ///
    /// Unlike `setValue(_:at:)`, which reaches the last of repeated keys, this reaches any value,
    /// an earlier occurrence of a repeated key included. Only the bytes of that value change.
    public mutating func replaceValue(spanning span: Range<Int>, with value: JSONValue) throws(JSONEditError) {
        let (found, path) = nodeAndPath(spanning: span)
        guard found else { throw JSONEditError(kind: .missing, path: path, depth: path.count) }
        try apply(Splice(range: span, replacement: serialize(value, at: span.lowerBound)), path: path)
    }

    /// Replaces several values, each named by its exact span, as one edit (one undo step).
    ///
    /// The spans must not overlap. The text between them is copied as it is, so only the replaced
    /// values' bytes change; the document is parsed again once, over the stretch from the first
    /// span to the last, however many values there are. Nothing changes when a span is not exactly
    /// one value.
    public mutating func replaceValues(_ replacements: [(span: Range<Int>, value: JSONValue)]) throws(JSONEditError) {
        let sorted = replacements.sorted { $0.span.lowerBound < $1.span.lowerBound }
        guard let first = sorted.first, let last = sorted.last else { return }
        // Where each value starts, and where it ends (no two values start at the same byte).
        var ends: [Int: Int] = [:]
        var pending = [root]
        while let node = pending.popLast() {
            ends[node.span.lowerBound] = node.span.upperBound
            if node.kind == .object || node.kind == .array { pending += node.children }
        }
        var previousEnd = first.span.lowerBound
        for replacement in sorted {
            let span = replacement.span
            guard span.lowerBound >= previousEnd, ends[span.lowerBound] == span.upperBound else {
                let path = nodeAndPath(spanning: span).path
                throw JSONEditError(kind: .missing, path: path, depth: path.count)
            }
            previousEnd = span.upperBound
        }
        var replacement: [UInt8] = []
        var position = first.span.lowerBound
        for item in sorted {
            replacement += storage.bytes(in: position..<item.span.lowerBound)
            replacement += serialize(item.value, at: item.span.lowerBound)
            position = item.span.upperBound
        }
        try apply(Splice(range: first.span.lowerBound..<last.span.upperBound, replacement: replacement), path: [])
    }

    /// Whether a value spans exactly `span`, and the path to it (or to the deepest value that holds the span).
    private func nodeAndPath(spanning span: Range<Int>) -> (found: Bool, path: JSONPath) {
        var node = root
        var path: JSONPath = []
        while node.span != span {
            guard node.kind == .object || node.kind == .array else { return (false, path) }
            var position = 0
            var next: JSONNode?
            for child in node.children {
                if child.span.lowerBound <= span.lowerBound && span.upperBound <= child.span.upperBound {
                    next = child
                    break
                }
                position += 1
            }
            guard let child = next else { return (false, path) }
            path.append(node.kind == .object ? .key(child.key ?? "") : .index(position))
            node = child
        }
        return (true, path)
    }

    /// Appends a value to the array at a path.
    public mutating func appendValue(_ value: JSONValue, to path: JSONPath) throws(JSONEditError) {
        // The count comes from a function of its own, for the reason `removeValue` gives.
        try setValue(value, at: path + [.index(arrayCount(at: path))])
    }

    /// The number of elements of the array at a path.
    private func arrayCount(at path: JSONPath) throws(JSONEditError) -> Int {
        let array = try existingNode(at: path, fullPath: path)
        guard array.kind == .array else {
            throw JSONEditError(kind: .notAContainer(array.kind), path: path + [.index(array.count)], depth: path.count)
        }
        return array.count
    }

    // MARK: Undo

    /// Whether there is an edit to undo.
    public var canUndo: Bool { !undoStack.isEmpty }
    /// Whether there is an undone edit to redo.
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Whether the text is not the one of the last load or `markSaved()`: edits since, or the saved
    /// edits undone (until they are redone).
    public var hasUnsavedEdits: Bool { savedHeight != undoStack.count || !savedDetour.isEmpty }

    /// Records the current bytes as saved, so `hasUnsavedEdits` becomes false.
    public mutating func markSaved() {
        savedHeight = undoStack.count
        savedDetour = []
    }

    /// Undoes the last edit, restoring the exact previous bytes; returns false when there is none.
    @discardableResult
    public mutating func undo() -> Bool { replayLast(of: \.undoStack, onto: \.redoStack) }

    /// Redoes the last undone edit; returns false when there is none.
    @discardableResult
    public mutating func redo() -> Bool { replayLast(of: \.redoStack, onto: \.undoStack) }

    /// Applies the last splice of one stack and pushes its inverse onto the other (undo and redo
    /// are this, each way); false when the stack is empty or the splice fails, which keeps it.
    private mutating func replayLast(of stack: WritableKeyPath<JSONDocument, [Splice]>,
                                     onto other: WritableKeyPath<JSONDocument, [Splice]>) -> Bool {
        guard let splice = self[keyPath: stack].popLast() else { return false }
        guard let inverse = try? replace(splice) else {
            self[keyPath: stack].append(splice)
            return false
        }
        self[keyPath: other].append(inverse)
        return true
    }

    // MARK: Internals

    /// Applies a splice as one undoable edit (internal so tests can make edits the public API cannot).
    mutating func apply(_ splice: Splice, path: JSONPath) throws(JSONEditError) {
        do {
            let inverse = try replace(splice)
            if savedHeight > undoStack.count {
                // The saved text was ahead on the redo stack, which this edit clears: keep the way there.
                savedDetour += redoStack.suffix(savedHeight - undoStack.count)
                savedHeight = undoStack.count
            }
            undoStack.append(inverse)
            redoStack.removeAll()
        } catch {
            throw JSONEditError(kind: .invalidResult(error), path: path, depth: max(0, path.count - 1))
        }
    }

    /// Applies a splice, re-parsing only what it changed; returns the splice that undoes it.
    /// The document is unchanged on failure.
    private mutating func replace(_ splice: Splice) throws(JSONParseError) -> Splice {
        let removed = storage.bytes(in: splice.range)
        try Storage.applying(splice, to: &storage, maxDepth: maxDepth)
        let newRange = splice.range.lowerBound..<(splice.range.lowerBound + splice.replacement.count)
        return Splice(range: newRange, replacement: removed)
    }

    private func existingNode(at path: JSONPath, fullPath: JSONPath) throws(JSONEditError) -> JSONNode {
        var node = root
        for (depth, component) in path.enumerated() {
            guard let next = node.child(component) else {
                let isRightKind = (component.key != nil) == (node.kind == .object) && (node.kind == .object || node.kind == .array)
                throw JSONEditError(kind: isRightKind ? .missing : .notAContainer(node.kind), path: fullPath, depth: depth)
            }
            node = next
        }
        return node
    }

    private func spliceForSet(_ value: JSONValue, at path: JSONPath, createMissing: Bool) throws(JSONEditError) -> Splice {
        // Walk as far as the path exists.
        var node = root
        var depth = 0
        while depth < path.count, let next = node.child(path[depth]) {
            node = next
            depth += 1
        }
        if depth == path.count {
            return Splice(range: node.span, replacement: serialize(value, at: node.span.lowerBound))
        }
        // path[depth] is missing under `node`. Build what goes there.
        var remainder = value
        let isLastStep = depth == path.count - 1
        if !isLastStep {
            guard createMissing else { throw JSONEditError(kind: .missing, path: path, depth: depth) }
            for component in path[(depth + 1)...].reversed() {
                guard case .key(let key) = component else { throw JSONEditError(kind: .missing, path: path, depth: depth + 1) }
                remainder = .object([.init(key, remainder)])
            }
        }
        switch (node.kind, path[depth]) {
        case (.object, .key(let key)):
            return insertMember(key: key, value: remainder, into: node)
        case (.array, .index(let index)):
            guard index == node.count else {
                throw JSONEditError(kind: isLastStep ? .indexOutOfRange(count: node.count) : .missing, path: path, depth: depth)
            }
            return insertElement(remainder, into: node)
        case (.null, .key(let key)) where createMissing:
            return Splice(range: node.span, replacement: serialize(.object([.init(key, remainder)]), at: node.span.lowerBound))
        default:
            throw JSONEditError(kind: .notAContainer(node.kind), path: path, depth: depth)
        }
    }

    private func insertMember(key: String, value: JSONValue, into object: JSONNode) -> Splice {
        var keyText: [UInt8] = []
        JSONValue.writeString(key, to: &keyText)
        return insertChild(into: object) { indent, colon in
            keyText + colon + write(value, indent: indent)
        }
    }

    private func insertElement(_ value: JSONValue, into array: JSONNode) -> Splice {
        insertChild(into: array) { indent, _ in write(value, indent: indent) }
    }

    /// Inserts a new last child, copying the separator and indentation the container already uses.
    private func insertChild(into container: JSONNode, _ body: (_ indent: [UInt8], _ colon: [UInt8]) -> [UInt8]) -> Splice {
        let bytes = storage.textView
        let (lastChild, secondLast) = lastTwoChildren(of: container)
        let start = { (node: JSONNode) in node.keySpan?.lowerBound ?? node.span.lowerBound }
        let colon: [UInt8] = lastChild.flatMap { last in last.keySpan.map { Array(bytes[$0.upperBound..<last.span.lowerBound]) } }
            ?? Array(whitespaceStyle.colon.utf8)
        if let last = lastChild {
            // Separator: what stands between the previous two children, or after the opening bracket.
            let separator: [UInt8]
            if let secondLast {
                separator = Array(bytes[secondLast.span.upperBound..<start(last)])
            } else {
                separator = [UInt8(ascii: ",")] + Array(bytes[(container.span.lowerBound + 1)..<start(last)])
            }
            let indent = trailingIndent(of: separator) ?? []
            let text = separator + body(indent, colon)
            return Splice(range: last.span.upperBound..<last.span.upperBound, replacement: text)
        }
        // An empty container: lay the new child out on its own line unless the document is on one line.
        let inner = (container.span.lowerBound + 1)..<(container.span.upperBound - 1)
        guard let unit = whitespaceStyle.indentUnit else {
            return Splice(range: inner, replacement: body([], colon))
        }
        let outer = lineIndent(at: container.span.lowerBound)
        let newline = Array(whitespaceStyle.newline.utf8)
        let indent = outer + Array(unit.utf8)
        return Splice(range: inner, replacement: newline + indent + body(indent, colon) + newline + outer)
    }

    /// Serializes a value that replaces the node starting at `offset`, indented like that line.
    /// (Text on one line has no indentation to follow, and its line may be the whole document.)
    private func serialize(_ value: JSONValue, at offset: Int) -> [UInt8] {
        write(value, indent: whitespaceStyle.indentUnit == nil ? [] : lineIndent(at: offset))
    }

    private func write(_ value: JSONValue, indent: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        let style: JSONValue.Style
        if let unit = whitespaceStyle.indentUnit {
            style = .init(unit: Array(unit.utf8), newline: Array(whitespaceStyle.newline.utf8), colon: Array(whitespaceStyle.colon.utf8))
        } else {
            style = .init(unit: nil, newline: [], colon: Array(whitespaceStyle.colon.utf8),
                          comma: Array((whitespaceStyle.colon.hasSuffix(" ") ? ", " : ",").utf8))
        }
        value.write(to: &out, style: style, indent: indent)
        return out
    }

    /// The whitespace that starts the line holding `offset`.
    private func lineIndent(at offset: Int) -> [UInt8] {
        let bytes = storage.textView
        var lineStart = offset
        while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        if lineStart == 0 && hasByteOrderMark { lineStart = 3 }
        var end = lineStart
        while end < offset && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
        return Array(bytes[lineStart..<end])
    }

    /// The indentation after the last line break in a separator, when there is one.
    private func trailingIndent(of separator: [UInt8]) -> [UInt8]? {
        guard let lf = separator.lastIndex(of: 0x0A) else { return nil }
        return Array(separator[(lf + 1)...].filter { $0 == 0x20 || $0 == 0x09 })
    }
}
