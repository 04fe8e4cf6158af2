import ExplorerCore

/// What to send to curses for one grid cell, so curses' idea of widths matches the grid's.
///
/// curses places a `cchar_t` by the `wcwidth` of its first character and accepts only
/// zero-width characters after it. Where that disagrees with the grid (emoji with VS16, ZWJ
/// sequences, flags, characters newer than the C library), the encoder sends something that
/// takes exactly the cell's columns: the base character alone, padded with a space, or U+FFFD.
enum CellEncoder {
    /// The characters for each column of `cell` (one entry per column written; an entry is a
    /// spacing character followed by zero-width ones). Continuation cells give none.
    static func encode(_ cell: Cell, maxCharacters: Int = 5, wcwidth: (UInt32) -> Int) -> [[UInt32]] {
        guard cell.width > 0 else { return [] }
        let space: UInt32 = 0x20
        let padding = { (used: Int) in Array(repeating: [space], count: max(0, cell.width - used)) }
        let scalars = cell.grapheme.unicodeScalars.map(\.value)
        guard let base = scalars.first else { return padding(0) }
        // A flag: show the two regional indicator letters as ASCII ("DE").
        if cell.width == 2, scalars.count == 2, scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0) }),
           wcwidth(base) != 2 {
            return scalars.map { [$0 - 0x1F1E6 + 0x41] }
        }
        let baseWidth = wcwidth(base)
        guard baseWidth > 0, baseWidth <= cell.width else {
            return [[0xFFFD]] + padding(1)
        }
        var characters = [base]
        for scalar in scalars.dropFirst() {
            guard characters.count < max(1, maxCharacters) else { break }
            if scalar == 0x200D { break }  // ZWJ: curses cannot join the rest of the sequence
            if scalar == 0xFE0F || scalar == 0xFE0E { continue }  // presentation is decided by the width
            guard wcwidth(scalar) == 0 else { break }
            characters.append(scalar)
        }
        return [characters] + padding(baseWidth)
    }
}
