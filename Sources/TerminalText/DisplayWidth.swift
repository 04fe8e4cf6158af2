extension TerminalText {
    /// Columns a grapheme takes in a terminal: 0, 1 or 2.
    ///
    /// Rules, in order: a flag (two regional indicators), a ZWJ sequence of emoji, or any sequence
    /// with VS16 (U+FE0F, emoji presentation) takes 2; otherwise the first scalar decides: East Asian
    /// Wide and Fullwidth characters and emoji with default emoji presentation take 2; combining and
    /// enclosing marks, format characters (ZWJ, bidi marks), variation selectors, Hangul medial and
    /// final jamo and control characters take 0; everything else 1. A sequence whose first scalar
    /// takes 0 (a lone combining mark) takes the width of its first scalar that takes any.
    public static func displayWidth(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var iterator = scalars.makeIterator()
        _ = iterator.next()
        guard let second = iterator.next() else { return scalarWidth(first) }
        if isRegionalIndicator(first) && isRegionalIndicator(second) { return 2 }
        var hasEmojiPresentationSelector = false
        var hasTextPresentationSelector = false
        var hasJoiner = false
        var emojiCount = first.properties.isEmoji ? 1 : 0
        for scalar in scalars.dropFirst() {
            switch scalar.value {
            case 0xFE0F: hasEmojiPresentationSelector = true
            case 0xFE0E: hasTextPresentationSelector = true
            case 0x200D: hasJoiner = true
            case 0x1F3FB...0x1F3FF: emojiCount += 1  // skin tone modifiers
            default: if scalar.properties.isEmoji { emojiCount += 1 }
            }
        }
        if hasEmojiPresentationSelector { return 2 }
        if hasJoiner && emojiCount >= 2 && first.properties.isEmoji { return 2 }
        if emojiCount >= 2 && first.properties.isEmojiModifierBase && !hasTextPresentationSelector { return 2 }
        for scalar in scalars {
            let width = scalarWidth(scalar)
            if width > 0 { return width }
        }
        return 0
    }

    /// Columns a string takes in a terminal: the sum of its graphemes' `displayWidth(of:)`.
    public static func displayWidth(of string: String) -> Int {
        var total = 0
        for character in string { total += displayWidth(of: character) }
        return total
    }
}

/// Columns one scalar takes on its own.
func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
    if value < 0x300 { return 1 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    case .format: return value == 0xAD ? 1 : 0  // soft hyphen is visible in terminals
    case .lineSeparator, .paragraphSeparator, .control: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }  // jamo V/T
    if isWide(value) { return 2 }
    if scalar.properties.isEmojiPresentation { return 2 }
    return 1
}

func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
    (0x1F1E6...0x1F1FF).contains(scalar.value)
}

/// True for East Asian Wide (W) and Fullwidth (F) code points.
func isWide(_ value: UInt32) -> Bool {
    if value < wideRanges[0].lowerBound { return false }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
        let middle = (low + high) / 2
        let range = wideRanges[middle]
        if value < range.lowerBound {
            high = middle - 1
        } else if value > range.upperBound {
            low = middle + 1
        } else {
            return true
        }
    }
    return false
}

/// East Asian Width W and F ranges of assigned code points (Unicode 14.0 EastAsianWidth.txt),
/// joined across unassigned gaps, plus planes 2 and 3. Generated with Python's `unicodedata`;
/// newer emoji are caught by `isEmojiPresentation` from the Swift standard library.
let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, // HANGUL CHOSEONG KIYEOK
    0x231A...0x231B, // WATCH
    0x2329...0x232A, // LEFT-POINTING ANGLE BRACKET
    0x23E9...0x23EC, // BLACK RIGHT-POINTING DOUBLE TRIANGLE
    0x23F0...0x23F0, // ALARM CLOCK
    0x23F3...0x23F3, // HOURGLASS WITH FLOWING SAND
    0x25FD...0x25FE, // WHITE MEDIUM SMALL SQUARE
    0x2614...0x2615, // UMBRELLA WITH RAIN DROPS
    0x2648...0x2653, // ARIES
    0x267F...0x267F, // WHEELCHAIR SYMBOL
    0x2693...0x2693, // ANCHOR
    0x26A1...0x26A1, // HIGH VOLTAGE SIGN
    0x26AA...0x26AB, // MEDIUM WHITE CIRCLE
    0x26BD...0x26BE, // SOCCER BALL
    0x26C4...0x26C5, // SNOWMAN WITHOUT SNOW
    0x26CE...0x26CE, // OPHIUCHUS
    0x26D4...0x26D4, // NO ENTRY
    0x26EA...0x26EA, // CHURCH
    0x26F2...0x26F3, // FOUNTAIN
    0x26F5...0x26F5, // SAILBOAT
    0x26FA...0x26FA, // TENT
    0x26FD...0x26FD, // FUEL PUMP
    0x2705...0x2705, // WHITE HEAVY CHECK MARK
    0x270A...0x270B, // RAISED FIST
    0x2728...0x2728, // SPARKLES
    0x274C...0x274C, // CROSS MARK
    0x274E...0x274E, // NEGATIVE SQUARED CROSS MARK
    0x2753...0x2755, // BLACK QUESTION MARK ORNAMENT
    0x2757...0x2757, // HEAVY EXCLAMATION MARK SYMBOL
    0x2795...0x2797, // HEAVY PLUS SIGN
    0x27B0...0x27B0, // CURLY LOOP
    0x27BF...0x27BF, // DOUBLE CURLY LOOP
    0x2B1B...0x2B1C, // BLACK LARGE SQUARE
    0x2B50...0x2B50, // WHITE MEDIUM STAR
    0x2B55...0x2B55, // HEAVY LARGE CIRCLE
    0x2E80...0x303E, // CJK RADICAL REPEAT
    0x3041...0x3247, // HIRAGANA LETTER SMALL A
    0x3250...0x4DBF, // PARTNERSHIP SIGN
    0x4E00...0xA4C6, // CJK UNIFIED IDEOGRAPH-4E00
    0xA960...0xA97C, // HANGUL CHOSEONG TIKEUT-MIEUM
    0xAC00...0xD7A3, // HANGUL SYLLABLE GA
    0xF900...0xFAD9, // CJK COMPATIBILITY IDEOGRAPH-F900
    0xFE10...0xFE19, // PRESENTATION FORM FOR VERTICAL COMMA
    0xFE30...0xFE6B, // PRESENTATION FORM FOR VERTICAL TWO DOT LEADER
    0xFF01...0xFF60, // FULLWIDTH EXCLAMATION MARK
    0xFFE0...0xFFE6, // FULLWIDTH CENT SIGN
    0x16FE0...0x1B2FB, // TANGUT ITERATION MARK
    0x1F004...0x1F004, // MAHJONG TILE RED DRAGON
    0x1F0CF...0x1F0CF, // PLAYING CARD BLACK JOKER
    0x1F18E...0x1F18E, // NEGATIVE SQUARED AB
    0x1F191...0x1F19A, // SQUARED CL
    0x1F200...0x1F320, // SQUARE HIRAGANA HOKA
    0x1F32D...0x1F335, // HOT DOG
    0x1F337...0x1F37C, // TULIP
    0x1F37E...0x1F393, // BOTTLE WITH POPPING CORK
    0x1F3A0...0x1F3CA, // CAROUSEL HORSE
    0x1F3CF...0x1F3D3, // CRICKET BAT AND BALL
    0x1F3E0...0x1F3F0, // HOUSE BUILDING
    0x1F3F4...0x1F3F4, // WAVING BLACK FLAG
    0x1F3F8...0x1F43E, // BADMINTON RACQUET AND SHUTTLECOCK
    0x1F440...0x1F440, // EYES
    0x1F442...0x1F4FC, // EAR
    0x1F4FF...0x1F53D, // PRAYER BEADS
    0x1F54B...0x1F54E, // KAABA
    0x1F550...0x1F567, // CLOCK FACE ONE OCLOCK
    0x1F57A...0x1F57A, // MAN DANCING
    0x1F595...0x1F596, // REVERSED HAND WITH MIDDLE FINGER EXTENDED
    0x1F5A4...0x1F5A4, // BLACK HEART
    0x1F5FB...0x1F64F, // MOUNT FUJI
    0x1F680...0x1F6C5, // ROCKET
    0x1F6CC...0x1F6CC, // SLEEPING ACCOMMODATION
    0x1F6D0...0x1F6D2, // PLACE OF WORSHIP
    0x1F6D5...0x1F6DF, // HINDU TEMPLE
    0x1F6EB...0x1F6EC, // AIRPLANE DEPARTURE
    0x1F6F4...0x1F6FC, // SCOOTER
    0x1F7E0...0x1F7F0, // LARGE ORANGE CIRCLE
    0x1F90C...0x1F93A, // PINCHED FINGERS
    0x1F93C...0x1F945, // WRESTLERS
    0x1F947...0x1F9FF, // FIRST PLACE MEDAL
    0x1FA70...0x1FAF6, // BALLET SHOES
    0x20000...0x3FFFD, // CJK UNIFIED IDEOGRAPH-20000
]
