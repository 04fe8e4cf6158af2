#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A long text cut into screen rows on demand, by byte offset, so that showing a screen of a
/// 100 MB text costs a screen, not the text.
///
/// A row is named by the offset of its first byte. The row after it is found by laying out that
/// one row (`layoutRow`); the row before it by laying out the line from its start when the line is
/// short (up to `exactLineLimit` bytes before the row), and by measuring one row's width backwards
/// when it is longer, so rows of a very long line are aligned to where the reader entered it.
/// Line starts are found with `memchr` as far as they are asked for and remembered, which gives
/// line numbers. Rows wrap at the width, by character; a line feed ends a line, and the CR of a
/// CRLF is left out, as in `excerpt(of:)`. Every character is shown as `escaped(_:)` shows it;
/// bytes that are not UTF-8 show as `\xE9` (they are carried as `rawByteScalars`).
///
/// The text never changes; the line index is a cache filled as it is used, from one thread at a
/// time (the explorer's update loop), which is why the class can be declared `Sendable`.
public final class TextRows: @unchecked Sendable {
    /// The bytes that hold the text.
    public let bytes: ArraySlice<UInt8>
    /// How many bytes before a row a line may start and still be laid out from its start.
    public static let exactLineLimit = 64 * 1024

    /// Line starts found so far, in order; the first is the text's start.
    private var lineStarts: [Int]
    /// Every line start before this offset is in `lineStarts`.
    private var scannedTo: Int
    /// Characters laid out so far: tests use it to check that work follows the screen.
    public private(set) var charactersExamined = 0

    /// Rows over `bytes` (a slice keeps its indices: offsets are indices of the slice's base).
    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        lineStarts = [bytes.startIndex]
        scannedTo = bytes.startIndex
    }

    /// Where the text starts.
    public var start: Int { bytes.startIndex }
    /// Where the text ends.
    public var end: Int { bytes.endIndex }

    // MARK: Lines

    /// Finds line starts up to `offset` (at least), with memchr.
    private func scan(through offset: Int) {
        guard scannedTo <= offset, scannedTo < end else { return }
        let target = min(offset, end - 1)
        // A long scan ahead: room for the line starts it will find, at the density of its first 64 KB,
        // so that a file of a million short lines does not grow the array twenty times.
        if target - scannedTo > 1 << 20 {
            let sample = bytes[scannedTo..<min(end, scannedTo + 65_536)]
            let perSample = sample.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            lineStarts.reserveCapacity(lineStarts.count + (target - scannedTo) / 65_536 * perSample + 16)
        }
        // Found into a local array (a class property would be checked for exclusive access at every append).
        var found = lineStarts
        lineStarts = []
        var position = scannedTo
        let end = self.end, start = self.start
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while position <= target {
                let from = base + (position - start)
                guard let hit = memchr(from, 0x0A, end - position) else {
                    position = end
                    break
                }
                let newline = position + (UnsafeRawPointer(hit) - UnsafeRawPointer(from))
                found.append(newline + 1)
                position = newline + 1
            }
        }
        lineStarts = found
        scannedTo = position
    }

    /// The index in `lineStarts` of the line holding `offset`.
    private func lineIndex(of offset: Int) -> Int {
        scan(through: offset)
        var low = 0, high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return max(0, low - 1)
    }

    /// The offset where the line holding `offset` starts. Far past the lines indexed so far (the
    /// last screen, before the text was read to there), the bytes just before the offset are
    /// searched first, so that showing the end of a text of a million lines need not index them.
    public func lineStart(of offset: Int) -> Int {
        if offset >= scannedTo + (1 << 20) {
            var position = offset
            let floor = max(start, offset - (1 << 16))
            while position > floor {
                if bytes[position - 1] == 0x0A { return position }
                position -= 1
            }
        }
        return lineStarts[lineIndex(of: offset)]
    }

    /// The 1-based number of the line holding `offset`.
    public func lineNumber(of offset: Int) -> Int { lineIndex(of: offset) + 1 }

    /// The number of lines (a final line feed does not start one more); reads the whole text once.
    public var lineCount: Int {
        scan(through: end)
        let last = lineStarts.count
        return last > 1 && lineStarts[last - 1] == end ? last - 1 : last
    }

    // MARK: Characters

    /// The character at `offset`: its escaped text, its display width, and its length in bytes.
    /// A byte that does not start a valid UTF-8 sequence is one character of its own.
    public func character(at offset: Int) -> (text: String, width: Int, length: Int) {
        charactersExamined += 1
        let (scalar, length) = decode(at: offset)
        if scalar.value >= 0x20 && scalar.value < 0x7F {
            return (String(Character(scalar)), 1, length)
        }
        let text = TerminalText.escaped(String(Character(scalar)))
        return (text, TerminalText.displayWidth(of: text), length)
    }

    /// The scalar at `offset` and its length; an invalid byte is a raw-byte scalar of length 1.
    private func decode(at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[offset]
        let raw = { Unicode.Scalar(TerminalText.rawByteScalars.lowerBound + UInt32(lead)) ?? "?" }
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return (raw(), 1)
        }
        guard offset + length <= end else { return (raw(), 1) }
        for k in 1..<length {
            let byte = bytes[offset + k]
            guard byte & 0xC0 == 0x80 else { return (raw(), 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= smallest, let scalar = Unicode.Scalar(value) else { return (raw(), 1) }
        return (scalar, length)
    }

    /// Where the character before `offset` starts (a valid sequence that ends at `offset`, else one byte back).
    private func characterStart(before offset: Int) -> Int {
        var candidate = offset - 1
        while candidate > start && offset - candidate < 4 && bytes[candidate] & 0xC0 == 0x80 { candidate -= 1 }
        if candidate < offset - 1, decode(at: candidate).1 == offset - candidate { return candidate }
        return offset - 1
    }

    /// The length of the line break at `offset` (LF 1, CRLF 2), or 0 when none starts there.
    private func lineBreak(at offset: Int) -> Int {
        let byte = bytes[offset]
        if byte == 0x0A { return 1 }
        if byte == 0x0D && offset + 1 < end && bytes[offset + 1] == 0x0A { return 2 }
        return 0
    }

    // MARK: Rows

    /// Lays out the row that starts at `rowStart`: calls `body` with each character (escaped text,
    /// width, byte range) that fits in `width` columns (at least one), and gives where the row's
    /// characters end and where the next row starts (nil after the last row).
    @discardableResult
    public func layoutRow(from rowStart: Int, width: Int,
                          _ body: (String, Int, Range<Int>) -> Void = { _, _, _ in }) -> (end: Int, next: Int?) {
        let width = max(1, width)
        var position = rowStart
        var used = 0
        while position < end {
            let breakLength = lineBreak(at: position)
            if breakLength > 0 {
                let next = position + breakLength
                return (position, next < end ? next : nil)
            }
            let (text, characterWidth, length) = character(at: position)
            if used > 0 && used + characterWidth > width { return (position, position) }
            body(text, characterWidth, position..<(position + length))
            used += characterWidth
            position += length
        }
        return (end, nil)
    }

    /// The start of the row after the one at `rowStart`, or nil when that row is the last.
    public func nextRowStart(after rowStart: Int, width: Int) -> Int? {
        layoutRow(from: rowStart, width: width).next
    }

    /// The start of the row that holds the characters just before `limit` on the line starting at
    /// `lineStart` (`limit` is a row start or the line's end).
    private func rowStart(onLineFrom lineStart: Int, before limit: Int, width: Int) -> Int {
        guard limit > lineStart else { return lineStart }
        if limit - lineStart <= Self.exactLineLimit {
            var row = lineStart
            while true {
                let (rowEnd, next) = layoutRow(from: row, width: width)
                guard let next, rowEnd < limit, next < limit else { return row }
                row = next
            }
        }
        // A long line: one row's width back from the limit.
        var position = limit
        var used = 0
        while position > lineStart {
            let previous = characterStart(before: position)
            let characterWidth = character(at: previous).width
            if used > 0 && used + characterWidth > max(1, width) { break }
            used += characterWidth
            position = previous
        }
        return position
    }

    /// The end of the line's characters (before its line break) for a line that ends at `breakStart`.
    private func contentEnd(beforeBreakAt breakStart: Int) -> Int {
        breakStart > start && bytes[breakStart - 1] == 0x0D ? breakStart - 1 : breakStart
    }

    /// The start of the row before the one at `rowStart`, or nil at the first row.
    public func previousRowStart(before rowStart: Int, width: Int) -> Int? {
        guard rowStart > start else { return nil }
        let lineStart = self.lineStart(of: rowStart)
        if lineStart < rowStart { return self.rowStart(onLineFrom: lineStart, before: rowStart, width: width) }
        // The last row of the line before.
        let previousLine = self.lineStart(of: rowStart - 1)
        return self.rowStart(onLineFrom: previousLine, before: contentEnd(beforeBreakAt: rowStart - 1), width: width)
    }

    /// The start of a row that holds `offset`: the row as laid out from its line's start, when the
    /// line starts close enough before it, else a row that starts at the character holding it.
    public func rowStart(containing offset: Int, width: Int) -> Int {
        let offset = max(start, min(offset, end))
        guard offset < end else { return lastRowStart(width: width) }
        let lineStart = self.lineStart(of: offset)
        if offset - lineStart <= Self.exactLineLimit {
            var row = lineStart
            while let next = nextRowStart(after: row, width: width), next <= offset { row = next }
            return row
        }
        var position = offset
        while position > lineStart && offset - position < 4 && bytes[position] & 0xC0 == 0x80 { position -= 1 }
        return position
    }

    /// The start of the text's last row (a final line break does not make an empty row).
    public func lastRowStart(width: Int) -> Int {
        guard end > start else { return start }
        let limit = bytes[end - 1] == 0x0A ? contentEnd(beforeBreakAt: end - 1) : end
        // `limit` ends the last line's characters; its row is the last.
        return rowStart(onLineFrom: lineStart(of: end - 1), before: limit, width: width)
    }

    /// The row start `count` rows after (positive) or before (negative) `rowStart`, stopping at the
    /// first and last rows.
    public func rowStart(movedBy count: Int, from rowStart: Int, width: Int) -> Int {
        var row = rowStart
        if count > 0 {
            for _ in 0..<count {
                guard let next = nextRowStart(after: row, width: width) else { break }
                row = next
            }
        } else {
            for _ in 0..<(-count) {
                guard let previous = previousRowStart(before: row, width: width) else { break }
                row = previous
            }
        }
        return row
    }
}
