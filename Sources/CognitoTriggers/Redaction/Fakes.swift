// The fake values redaction writes, each built from a stream of keyed-hash bytes, so that the
// same original under the same key always gives the same fake.

/// An endless stream of bytes from HMAC-SHA-256 of one value under the redaction key.
struct HashStream {
    private let key: [UInt8]
    private let seed: [UInt8]
    private var block: [UInt8] = []
    private var position = 0
    private var counter: UInt32 = 0

    /// The stream for `original` as a value of `format`, on the given attempt (attempts after the
    /// first give other fakes, for clashes).
    init(key: [UInt8], format: String, original: String, attempt: Int) {
        self.key = key
        seed = Array(format.utf8) + [0] + Array(original.utf8) + [0] + Array(String(attempt).utf8)
    }

    /// The next byte.
    mutating func byte() -> UInt8 {
        if position == block.count {
            let counterBytes = [UInt8(counter >> 24), UInt8(truncatingIfNeeded: counter >> 16), UInt8(truncatingIfNeeded: counter >> 8), UInt8(truncatingIfNeeded: counter)]
            block = SHA256.hmac(key: key, message: seed + counterBytes)
            counter &+= 1
            position = 0
        }
        defer { position += 1 }
        return block[position]
    }

    /// A number in `0..<bound` (bound at most 65,536), nearly uniform.
    mutating func number(below bound: Int) -> Int {
        let value = Int(byte()) << 16 | Int(byte()) << 8 | Int(byte())
        return value % bound
    }

    /// One element of a non-empty list.
    mutating func pick<T>(_ list: [T]) -> T { list[number(below: list.count)] }

    /// `count` decimal digits.
    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(number(below: 10))) })
    }
}

/// The generators of fake values, one per shape.
enum Fakes {
    static let givenNames = [
        "Alex", "Aino", "Bela", "Bruno", "Carmen", "Chen", "Dana", "Dario", "Edda", "Emil", "Farah", "Felix",
        "Greta", "Gustav", "Hana", "Hugo", "Ines", "Ivan", "Jana", "Jonas", "Kaia", "Kofi", "Lara", "Leon",
        "Mara", "Mateo", "Nadia", "Nils", "Olga", "Omar", "Paula", "Pavel", "Rosa", "Rafael", "Sanna", "Sami",
        "Tara", "Tomas", "Una", "Uwe", "Vera", "Viktor", "Wanda", "Wim", "Yara", "Yusuf", "Zora", "Zeno",
    ]
    static let familyNames = [
        "Abara", "Berglund", "Castell", "Dimitrov", "Eklund", "Ferreira", "Gallo", "Halvorsen", "Ibarra", "Janssen",
        "Kowal", "Lindqvist", "Moreau", "Nakamura", "Okonkwo", "Petrov", "Quintero", "Rasmussen", "Sandoval",
        "Tanaka", "Ulrich", "Varga", "Weber", "Xavier", "Yilmaz", "Zeller", "Arnesen", "Brandt", "Costa", "Duval",
        "Engel", "Fischer", "Garcia", "Hartmann", "Iversen", "Jovanovic", "Keller", "Laine", "Marsh", "Novak",
        "Olsen", "Pereira", "Rossi", "Schmidt", "Torres", "Vogel", "Wagner", "Young",
    ]
    static let cities = [
        "Springfield", "Riverton", "Lakeside", "Fairview", "Greenville", "Maplewood", "Oakridge", "Brookfield",
        "Clearwater", "Hillcrest", "Milltown", "Westbury", "Northport", "Eastwick", "Southgate", "Ashford",
    ]
    static let countries = [
        "Iceland", "Portugal", "Canada", "Japan", "Kenya", "Chile", "Norway", "Austria", "Ghana", "Peru",
        "Finland", "Ireland", "Uruguay", "Malta", "Estonia", "Vietnam",
    ]
    static let streets = ["Elm", "Harbour", "Mill", "Orchard", "Station", "Willow", "Bridge", "Church", "Garden", "Meadow", "Park", "Quarry"]

    /// An email address at example.com, such as `vera.lindqvist417@example.com`.
    static func email(_ stream: inout HashStream) -> String {
        let given = stream.pick(givenNames).lowercased()
        let family = stream.pick(familyNames).lowercased()
        return "\(given).\(family)\(stream.number(below: 1000))@example.com"
    }

    /// An E.164 number in the fictional +1 555 range.
    static func phoneNumber(_ stream: inout HashStream) -> String { "+1555" + stream.digits(7) }

    /// A random-looking version 4 UUID, in lower case.
    static func uuid(_ stream: inout HashStream) -> String {
        var bytes = (0..<16).map { _ in stream.byte() }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return groups.joined(separator: "-")
    }

    /// A user name such as `nadia.okonkwo`.
    static func plainUserName(_ stream: inout HashStream) -> String {
        "\(stream.pick(givenNames).lowercased()).\(stream.pick(familyNames).lowercased())"
    }

    /// The same text with every ASCII letter and digit replaced by another of its class (case
    /// kept), every other letter by an ASCII letter, and punctuation, spaces and symbols kept.
    static func sameShape(_ original: String, _ stream: inout HashStream) -> String {
        let lower = Array("abcdefghijklmnopqrstuvwxyz")
        var result = ""
        for character in original {
            if character.isASCII, let ascii = character.asciiValue {
                switch ascii {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): result.append(stream.pick(lower))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): result.append(Character(stream.pick(lower).uppercased()))
                case UInt8(ascii: "0")...UInt8(ascii: "9"): result.append(Character(String(stream.number(below: 10))))
                default: result.append(character)
                }
            } else if character.isLetter {
                let letter = stream.pick(lower)
                result.append(character.isUppercase ? Character(letter.uppercased()) : letter)
            } else if character.isNumber {
                result.append(Character(String(stream.number(below: 10))))
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// An IPv4 address in 198.18.0.0/15 (set aside for benchmarks, never routed), or an IPv6 one in
    /// the documentation prefix 2001:db8::/32.
    static func ipAddress(ipv6: Bool, _ stream: inout HashStream) -> String {
        if ipv6 {
            let groups = (0..<6).map { _ in String(stream.number(below: 65536), radix: 16) }
            return "2001:db8:" + groups.joined(separator: ":")
        }
        return "198.\(18 + stream.number(below: 2)).\(stream.number(below: 256)).\(1 + stream.number(below: 254))"
    }

    /// A postal address on one line, such as `27 Mill Street, Fairview`.
    static func address(_ stream: inout HashStream) -> String {
        "\(1 + stream.number(below: 200)) \(stream.pick(streets)) Street, \(stream.pick(cities))"
    }

    /// A date between 1950 and 2005 as YYYY-MM-DD.
    static func birthdate(_ stream: inout HashStream) -> String {
        let year = 1950 + stream.number(below: 56)
        let month = 1 + stream.number(below: 12)
        let day = 1 + stream.number(below: 28)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    static let base64URLAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// Text of `count` characters from a base64 alphabet.
    static func base64Characters(_ count: Int, alphabet: [Character], _ stream: inout HashStream) -> String {
        String((0..<count).map { _ in alphabet[Int(stream.byte() & 63)] })
    }

    /// Base64 text of the same length and padding as `original`; an AWS Encryption SDK message
    /// keeps its first four characters (the format's version and type, the same in every message).
    static func base64Blob(like original: String, _ stream: inout HashStream) -> String {
        let padding = original.reversed().prefix { $0 == "=" }.count
        let body = original.count - padding
        let keep = original.hasPrefix("AYA") && body > 8 ? 4 : 0
        return String(original.prefix(keep)) + base64Characters(body - keep, alphabet: base64Alphabet, &stream)
            + String(repeating: "=", count: padding)
    }

    /// Base64url text (no padding) of bytes.
    static func base64URL(_ bytes: [UInt8]) -> String {
        var result = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0...chunk.count { result.append(base64URLAlphabet[(value >> (18 - 6 * position)) & 63]) }
            index += 3
        }
        return result
    }

    /// The bytes of base64 or base64url text without padding, or nil when it is not such text.
    static func decodeBase64URL(_ text: Substring) -> [UInt8]? {
        var values: [Int] = []
        for character in text where character != "=" {
            if let index = base64URLAlphabet.firstIndex(of: character) {
                values.append(index)
            } else if character == "+" {
                values.append(62)
            } else if character == "/" {
                values.append(63)
            } else {
                return nil
            }
        }
        guard values.count % 4 != 1 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < values.count {
            let chunk = values[index..<min(index + 4, values.count)]
            let value = chunk.enumerated().reduce(0) { $0 | $1.element << (18 - 6 * $1.offset) }
            for position in 0..<(chunk.count - 1) { bytes.append(UInt8((value >> (16 - 8 * position)) & 255)) }
            index += 4
        }
        return bytes
    }
}
