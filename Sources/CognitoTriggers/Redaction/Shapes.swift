// Recognizing the shape of a value: which fake keeps it looking the same, and which runs of free
// text are email addresses, UUIDs, JWTs, phone numbers or IP addresses.

enum Shapes {
    /// Something@domain.tld.
    static func isEmail(_ text: String) -> Bool { text.wholeMatch(of: email) != nil }

    /// A phone number: digits with an optional leading plus and spaces, brackets or dashes, at least seven digits.
    static func isPhoneNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /\+?[0-9][0-9 ()\-]{5,}[0-9]/) != nil && text.filter(\.isNumber).count >= 7
    }

    /// A UUID in its 8-4-4-4-12 hexadecimal form.
    static func isUUID(_ text: String) -> Bool { text.wholeMatch(of: uuid) != nil }

    /// A date as YYYY-MM-DD.
    static func isDate(_ text: String) -> Bool { text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil }

    /// Four decimal numbers of at most 255, separated by dots.
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (Int(part) ?? 256) <= 255
        }
    }

    /// Hexadecimal groups with colons, as IPv6 writes them.
    static func isIPv6(_ text: String) -> Bool {
        text.contains(":") && text.split(separator: ":").count >= 3 && text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }

    /// Base64 text (standard or URL alphabet, optional padding).
    static func isBase64(_ text: String) -> Bool {
        text.count >= 4 && text.wholeMatch(of: /[A-Za-z0-9+\/_\-]+={0,2}/) != nil
    }

    static var email: Regex<(Substring, Substring)> { /[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+/ }
    static var uuid: Regex<Substring> { /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/ }

    /// The first run of text shaped like personal data, with the kind its fake takes; the longest
    /// when several start at the same place.
    static func firstRecognized(in text: Substring) -> (Range<Substring.Index>, PersonalKind)? {
        var best: (Range<Substring.Index>, PersonalKind)?
        func consider(_ range: Range<Substring.Index>?, _ kind: PersonalKind) {
            guard let range else { return }
            if let current = best {
                if range.lowerBound > current.0.lowerBound { return }
                if range.lowerBound == current.0.lowerBound && range.upperBound <= current.0.upperBound { return }
            }
            best = (range, kind)
        }
        consider(text.firstMatch(of: /eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*/)?.range, .jwt)
        consider(text.firstMatch(of: email)?.range, .email)
        consider(text.firstMatch(of: uuid)?.range, .identifier)
        consider(text.firstMatch(of: /\+[1-9][0-9]{6,14}/)?.range, .phoneNumber)
        var rest = text[...]
        while let match = rest.firstMatch(of: /[0-9]{1,3}(\.[0-9]{1,3}){3}/) {
            let start = match.range.lowerBound, end = match.range.upperBound
            let bounded = (start == text.startIndex || !isGlued(text[text.index(before: start)]))
                && (end == text.endIndex || !isGlued(text[end]))
            if bounded && isIPv4(String(text[match.range])) {
                consider(match.range, .ipAddress)
                break
            }
            rest = text[text.index(after: start)...]
        }
        return best
    }

    /// Characters that make a dotted number part of something longer (a version such as 1.2.3.4.5).
    private static func isGlued(_ character: Character) -> Bool { character.isNumber || character == "." }
}
