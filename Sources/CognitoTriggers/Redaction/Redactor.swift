import JSONDocument

/// Replaces the personal data in trigger events with realistic fakes of the same shape, so that
/// captured events can be shared.
///
/// Which values are personal is decided by the field catalogue (`FieldSpec.personal`, and for maps
/// keyed by attribute or claim names `Catalogue.privacy(ofAttribute:)`), never by guessing from the
/// values. The fakes come from HMAC-SHA-256 under a key made from the salt, so the same original
/// gives the same fake in every event one redactor handles, and in every run with the same salt:
/// a user's sign-up, sign-in and token events still line up. Identifiers (email addresses, phone
/// numbers, UUIDs, user names, opaque values) never share a fake within one redactor: on a clash the
/// second original gets another one. Only the replaced values' bytes change in the document.
public struct Redactor: Sendable {
    /// Whether the salt was drawn at random because none was given.
    public let saltIsRandom: Bool
    /// Whether group names (and the role names of their IAM roles) are replaced too.
    public let redactGroups: Bool

    private let key: [UInt8]
    /// Fakes handed out so far, by format, then by original.
    private var fakes: [String: [String: String]] = [:]
    /// Originals by format, then by fake: finds clashes.
    private var owners: [String: [String: String]] = [:]
    /// Every fake handed out, so that free text does not take a fake for an original.
    private var produced: Set<String> = []
    /// Identity-provider names seen so far (user names such as `Google_1234` keep the prefix).
    private var providerNames: Set<String> = ["google", "facebook", "signinwithapple", "loginwithamazon"]

    /// A redactor keyed by `salt`; without one a random salt is drawn, so the fakes cannot be
    /// recomputed from guesses by anyone who does not have it.
    public init(salt: String? = nil, redactGroups: Bool = false) {
        if let salt {
            key = SHA256.hash(Array("cognito-explorer redaction".utf8) + [0] + Array(salt.utf8))
            saltIsRandom = false
        } else {
            var generator = SystemRandomNumberGenerator()
            key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            saltIsRandom = true
        }
        self.redactGroups = redactGroups
    }

    /// Why an event could not be redacted; the document is unchanged.
    public struct RedactionError: Error, Hashable, Sendable, CustomStringConvertible {
        /// What went wrong, in words.
        public let message: String
        /// The message, as `message` has it.
        public var description: String { message }
    }

    /// One value redaction replaced.
    public struct Replacement: Sendable, Hashable {
        /// Where the value is in the event.
        public let path: JSONPath
        /// The value's byte range in the document before redaction.
        public let span: Range<Int>
        /// What kind of personal data it was.
        public let kind: PersonalKind
        /// The fake written in its place.
        public let fake: String
    }

    /// What redacting one event did.
    public struct Report: Sendable {
        /// Every replaced value, in document order.
        public var replacements: [Replacement] = []
        /// String values of fields the catalogue does not describe, left as they were (they were
        /// searched for the event's personal values and for email addresses, phone numbers, UUIDs,
        /// JWTs and IP addresses, and none was found).
        public var keptUnknown: [JSONPath] = []

        /// How many values of each kind were replaced, in the catalogue's order of kinds.
        public var counts: [(kind: PersonalKind, count: Int)] {
            var tally: [PersonalKind: Int] = [:]
            for replacement in replacements { tally[replacement.kind, default: 0] += 1 }
            return tally.keys.sorted().map { ($0, tally[$0] ?? 0) }
        }

        /// The counts in words, such as "3 email addresses, 1 phone number".
        public var summary: String {
            let parts = counts.map { "\($0.count) \($0.count == 1 ? Redactor.singular($0.kind) : $0.kind.plural)" }
            return parts.isEmpty ? "nothing to replace" : parts.joined(separator: ", ")
        }
    }

    static func singular(_ kind: PersonalKind) -> String {
        switch kind {
        case .email: "email address"
        case .phoneNumber: "phone number"
        case .identifier: "identifier"
        case .userName: "user name"
        case .givenName: "given name"
        case .familyName: "family name"
        case .fullName: "full name"
        case .address: "address"
        case .city: "city"
        case .country: "country"
        case .birthdate: "birth date"
        case .ipAddress: "IP address"
        case .url: "link"
        case .jwt: "JWT"
        case .secret: "token or secret"
        case .password: "password"
        case .code: "code or answer"
        case .encryptedCode: "encrypted code"
        case .identities: "linked identities"
        case .text: "free text"
        case .other: "other personal value"
        case .groupName: "group name"
        case .groupRole: "group role ARN"
        }
    }

    // MARK: Redacting an event

    /// A value to replace, found before any edit.
    private struct Planned {
        let path: JSONPath
        let span: Range<Int>
        let kind: PersonalKind
        let original: String
    }

    /// Replaces every personal value of the event with its fake, editing only those values' bytes.
    ///
    /// Throws, leaving the event as it was, when the document is not an event: the top level is not
    /// an object or has no `triggerSource` string. An unknown trigger source is redacted by the
    /// common fields alone; the rest is treated as unknown fields.
    public mutating func redact(_ event: inout TriggerEvent) throws(RedactionError) -> Report {
        let root = event.document.root
        try Self.checkIsEvent(root)
        if let provider = event.document.node(at: ["request", "providerName"])?.stringValue, !provider.isEmpty {
            providerNames.insert(provider.lowercased())
        }
        let context = Context(
            trigger: event.trigger,
            clientId: event.document.node(at: ["callerContext", "clientId"])?.stringValue
        )
        var values: [Planned] = []
        var texts: [Planned] = []
        var unknown: [Planned] = []
        var placeholderValues: [Planned] = []
        collect(root, path: [], context: context, values: &values, texts: &texts, unknown: &unknown, placeholders: &placeholderValues)

        // Values first, so that free text can have the event's own personal values replaced.
        var report = Report()
        let (known, knownKinds) = fakeValues(values, into: &report)
        let repeated = Self.replaceRepeatedPlaceholders(placeholderValues, known: known, kinds: knownKinds, into: &report)
        let placeholders = Self.placeholders(in: event.document).filter { !repeated.contains($0) }
        redactTexts(texts + unknown, known: known, placeholders: placeholders, into: &report)
        report.replacements.sort { $0.span.lowerBound < $1.span.lowerBound }

        // One edit for all of them: the text between the values is copied as it is.
        do throws(JSONEditError) {
            try event.document.replaceValues(report.replacements.map { ($0.span, JSONValue.string($0.fake)) })
        } catch {
            throw RedactionError(message: "could not replace the values: \(error.description)")
        }
        return report
    }

    /// Refuses a document that is no event: the top level is not an object, or has no
    /// `triggerSource` string.
    private static func checkIsEvent(_ root: JSONNode) throws(RedactionError) {
        guard root.kind == .object else {
            throw RedactionError(message: "not a Cognito trigger event: the top level is \(root.kind.phrase), not an object")
        }
        guard let source = root["triggerSource"] else {
            throw RedactionError(message: "not a Cognito trigger event: there is no triggerSource")
        }
        guard source.kind == .string else {
            throw RedactionError(message: "not a Cognito trigger event: triggerSource is \(source.kind.phrase), not a string")
        }
    }

    /// Fakes each personal value, adding a replacement for each that changes; returns the fakes
    /// and kinds by original value.
    private mutating func fakeValues(_ values: [Planned], into report: inout Report) -> (known: [String: String], kinds: [String: PersonalKind]) {
        var known: [String: String] = [:]
        var knownKinds: [String: PersonalKind] = [:]
        for value in values {
            let fake = fake(value.original, as: value.kind, known: &known)
            guard fake != value.original else { continue }
            known[value.original] = fake
            knownKinds[value.original] = value.kind
            report.replacements.append(Replacement(path: value.path, span: value.span, kind: value.kind, fake: fake))
        }
        return (known, knownKinds)
    }

    /// A placeholder that repeats a personal value is no placeholder to keep: it gets the value's
    /// fake. Returns the placeholders replaced so.
    private static func replaceRepeatedPlaceholders(_ placeholderValues: [Planned], known: [String: String],
                                                    kinds knownKinds: [String: PersonalKind], into report: inout Report) -> Set<String> {
        var repeated: Set<String> = []
        for placeholder in placeholderValues {
            guard let fake = known[placeholder.original] else { continue }
            repeated.insert(placeholder.original)
            report.replacements.append(Replacement(path: placeholder.path, span: placeholder.span,
                                                   kind: knownKinds[placeholder.original] ?? .other, fake: fake))
        }
        return repeated
    }

    /// Redacts free text and unknown strings, the event's own personal values in them included;
    /// an unknown string left as it is is reported as kept.
    private mutating func redactTexts(_ texts: [Planned], known: [String: String], placeholders: [String], into report: inout Report) {
        // Whole words only, so even a two-letter name is safe to look for.
        let knownOriginals = known.keys.filter { $0.count >= 2 }.sorted { $0.count > $1.count }
        for text in texts {
            let fake = redactText(text.original, known: known, knownOriginals: knownOriginals, placeholders: placeholders)
            if fake != text.original {
                report.replacements.append(Replacement(path: text.path, span: text.span, kind: .text, fake: fake))
            } else if text.kind == .other {
                report.keptUnknown.append(text.path)
            }
        }
    }

    /// What the walk needs to know about the event.
    private struct Context {
        let trigger: Trigger?
        let clientId: String?
    }

    /// Walks the document, sorting each string value into values to fake, free text, and values of
    /// fields the catalogue does not describe (planned with kind `.other`).
    private func collect(
        _ node: JSONNode, path: JSONPath, context: Context,
        values: inout [Planned], texts: inout [Planned], unknown: inout [Planned], placeholders: inout [Planned]
    ) {
        let spec = Catalogue.field(at: path, in: context.trigger)
        func children() {
            var index = 0
            for child in node.children {
                let step: PathComponent = node.kind == .object ? .key(child.key ?? "") : .index(index)
                collect(child, path: path + [step], context: context,
                        values: &values, texts: &texts, unknown: &unknown, placeholders: &placeholders)
                index += 1
            }
        }
        guard let spec else {
            if node.kind == .object || node.kind == .array {
                children()
            } else if let text = node.stringValue, Self.hasSubstance(text) {
                unknown.append(Planned(path: path, span: node.span, kind: .other, original: text))
            }
            return
        }
        switch spec.personal {
        case .none:
            if node.kind == .object || node.kind == .array { children() }
        case .value(let kind):
            // A machine-to-machine token event names the app client as its user: not a person.
            if kind == .userName, path == ["userName"], let clientId = context.clientId, node.stringValue == clientId { return }
            leaves(of: node, path: path, kind: kind, keepFlags: false, values: &values, texts: &texts)
        case .namedValues(let unknownNames):
            guard node.kind == .object else {
                leaves(of: node, path: path, kind: unknownNames, keepFlags: true, values: &values, texts: &texts)
                return
            }
            for member in node.children {
                let key = member.key ?? ""
                switch Catalogue.privacy(ofAttribute: key) {
                case .notPersonal: continue
                case .personal(let kind):
                    if (kind == .groupName || kind == .groupRole) && !redactGroups { continue }
                    leaves(of: member, path: path + [.key(key)], kind: kind, keepFlags: true, values: &values, texts: &texts)
                case .unknown:
                    leaves(of: member, path: path + [.key(key)], kind: unknownNames, keepFlags: true, values: &values, texts: &texts)
                }
            }
        case .placeholder:
            if let text = node.stringValue { placeholders.append(Planned(path: path, span: node.span, kind: .text, original: text)) }
        case .groupNames:
            if redactGroups { leaves(of: node, path: path, kind: .groupName, keepFlags: false, values: &values, texts: &texts) }
        case .groupRoles:
            if redactGroups { leaves(of: node, path: path, kind: .groupRole, keepFlags: false, values: &values, texts: &texts) }
        }
    }

    /// Plans every string inside a node (the node itself when it is a string) as a value of `kind`.
    /// With `keepFlags`, "true" and "false" stay: attribute maps carry flags as strings.
    private func leaves(
        of node: JSONNode, path: JSONPath, kind: PersonalKind, keepFlags: Bool,
        values: inout [Planned], texts: inout [Planned]
    ) {
        switch node.kind {
        case .string:
            guard let text = node.stringValue, Self.hasSubstance(text) else { return }
            if keepFlags && (text == "true" || text == "false") { return }
            let planned = Planned(path: path, span: node.span, kind: kind, original: text)
            if kind == .text { texts.append(planned) } else { values.append(planned) }
        case .object, .array:
            var index = 0
            for child in node.children {
                let step: PathComponent = node.kind == .object ? .key(child.key ?? "") : .index(index)
                leaves(of: child, path: path + [step], kind: kind, keepFlags: keepFlags, values: &values, texts: &texts)
                index += 1
            }
        default:
            return
        }
    }

    /// True when a value holds a letter or a digit; punctuation alone reveals nothing.
    static func hasSubstance(_ text: String) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
    }

    /// The placeholders of a custom message event, which free text keeps whole.
    static func placeholders(in document: JSONDocument) -> [String] {
        var result = ["{####}", "{username}"]
        for key in ["codeParameter", "linkParameter", "usernameParameter"] {
            if let text = document.node(at: ["request", .key(key)])?.stringValue, !text.isEmpty { result.append(text) }
        }
        return result.sorted { $0.count > $1.count }
    }

    // MARK: Fakes by kind

    /// The fake for a value of a kind; `known` collects the pieces faked on the way (the words of
    /// a name, the claims of a JWT), for free text to find.
    private mutating func fake(_ original: String, as kind: PersonalKind, known: inout [String: String]) -> String {
        switch kind {
        case .email:
            return Shapes.isEmail(original) ? email(original) : shape(original)
        case .phoneNumber:
            return Shapes.isPhoneNumber(original) ? phone(original) : shape(original)
        case .identifier:
            return Shapes.isUUID(original) ? uuid(original) : shape(original)
        case .userName:
            return userName(original)
        case .givenName, .familyName, .fullName:
            return nameWords(original, kind: kind, known: &known)
        case .address:
            return unique("address", original) { Fakes.address(&$0) }
        case .city:
            return common("city", original) { $0.pick(Fakes.cities) }
        case .country:
            return common("country", original) { $0.pick(Fakes.countries) }
        case .birthdate:
            return Shapes.isDate(original) ? common("date", original) { Fakes.birthdate(&$0) } : shape(original)
        case .ipAddress:
            if Shapes.isIPv4(original) { return unique("ip", original) { Fakes.ipAddress(ipv6: false, &$0) } }
            if Shapes.isIPv6(original) { return unique("ip", original.lowercased()) { Fakes.ipAddress(ipv6: true, &$0) } }
            return shape(original)
        case .url:
            return url(original)
        case .jwt:
            return jwt(original, known: &known)
        case .encryptedCode:
            return Shapes.isBase64(original) ? unique("blob", original) { Fakes.base64Blob(like: original, &$0) } : shape(original)
        case .identities:
            return identities(original)
        case .groupRole:
            guard let slash = original.lastIndex(of: "/") else { return shape(original) }
            let name = String(original[original.index(after: slash)...])
            return String(original[...slash]) + (Self.hasSubstance(name) ? shape(name) : name)
        case .secret, .password, .code, .other, .groupName, .text:
            return shape(original)
        }
    }

    /// A fake that no other original of the same format has, and that differs from the original.
    /// When the shape leaves too few fakes (a one-digit code has nine), a fake another original
    /// has is taken rather than the original itself.
    private mutating func unique(_ format: String, _ original: String, _ make: (inout HashStream) -> String) -> String {
        if let done = fakes[format]?[original] { return done }
        var candidate = original
        var differing: String?
        for attempt in 0..<64 {
            var stream = HashStream(key: key, format: format, original: original, attempt: attempt)
            let made = make(&stream)
            guard made != original else { continue }
            if differing == nil { differing = made }
            if owners[format]?[made] == nil {
                candidate = made
                break
            }
        }
        if candidate == original, let differing { candidate = differing }
        fakes[format, default: [:]][original] = candidate
        owners[format, default: [:]][candidate] = original
        produced.insert(candidate)
        return candidate
    }

    /// A fake that only has to differ from the original (names and places may repeat).
    private mutating func common(_ format: String, _ original: String, _ make: (inout HashStream) -> String) -> String {
        if let done = fakes[format]?[original] { return done }
        var candidate = original
        for attempt in 0..<64 {
            var stream = HashStream(key: key, format: format, original: original, attempt: attempt)
            candidate = make(&stream)
            if candidate != original { break }
        }
        fakes[format, default: [:]][original] = candidate
        produced.insert(candidate)
        return candidate
    }

    private mutating func shape(_ original: String) -> String {
        unique("shape", original) { Fakes.sameShape(original, &$0) }
    }

    private mutating func email(_ original: String) -> String {
        unique("email", original.lowercased()) { Fakes.email(&$0) }
    }

    private mutating func phone(_ original: String) -> String {
        unique("phone", original.filter(\.isNumber)) { Fakes.phoneNumber(&$0) }
    }

    private mutating func uuid(_ original: String) -> String {
        unique("uuid", original.lowercased()) { Fakes.uuid(&$0) }
    }

    /// A user name keeps its form: a UUID, an email address or a phone number is faked as one, a
    /// provider's prefix (`Google_`) or a Windows domain (`CORP\`) stays, a name made of letters
    /// becomes another such name, and anything else is faked character by character.
    private mutating func userName(_ original: String) -> String {
        if let underscore = original.firstIndex(of: "_"), providerNames.contains(original[..<underscore].lowercased()) {
            let rest = String(original[original.index(after: underscore)...])
            return String(original[...underscore]) + (Self.hasSubstance(rest) ? userName(rest) : rest)
        }
        if let backslash = original.firstIndex(of: "\\") {
            let rest = String(original[original.index(after: backslash)...])
            return String(original[...backslash]) + (Self.hasSubstance(rest) ? userName(rest) : rest)
        }
        if Shapes.isUUID(original) { return uuid(original) }
        if Shapes.isEmail(original) { return email(original) }
        if Shapes.isPhoneNumber(original) && original.hasPrefix("+") { return phone(original) }
        if original.allSatisfy({ ($0.isLetter && !$0.isNumber) || ".-' ".contains($0) }) {
            return unique("username", original) { Fakes.plainUserName(&$0) }
        }
        return shape(original)
    }

    /// Names word by word, so that "Amara Okafor" and the given name "Amara" keep matching.
    private mutating func nameWords(_ original: String, kind: PersonalKind, known: inout [String: String]) -> String {
        var result = ""
        var wordIndex = 0
        var word = ""
        func flush(_ redactor: inout Redactor) {
            guard !word.isEmpty else { return }
            let isGiven = kind == .givenName || (kind == .fullName && wordIndex == 0)
            let fake = Self.hasSubstance(word)
                ? redactor.common(isGiven ? "given" : "family", word) { $0.pick(isGiven ? Fakes.givenNames : Fakes.familyNames) }
                : word
            if fake != word { known[word] = fake }
            result += fake
            word = ""
            wordIndex += 1
        }
        for character in original {
            if character == " " {
                flush(&self)
                result.append(character)
            } else {
                word.append(character)
            }
        }
        flush(&self)
        return result
    }

    /// A link keeps its scheme; an AWS host keeps its host and path; every other host becomes
    /// example.com with its path faked; query values are faked (UUIDs as UUIDs, flags kept).
    private mutating func url(_ original: String) -> String {
        guard let schemeEnd = original.range(of: "://") else { return shape(original) }
        let scheme = String(original[..<schemeEnd.upperBound])
        let rest = original[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        let host = String(rest[..<hostEnd])
        let isAWS = [".amazonaws.com", ".amazoncognito.com", ".amazon.com"].contains { host.lowercased().hasSuffix($0) }
        var result = scheme + (isAWS ? host : "example.com")
        var remainder = rest[hostEnd...]
        var fragment: Substring?
        if let hash = remainder.firstIndex(of: "#") {
            fragment = remainder[remainder.index(after: hash)...]
            remainder = remainder[..<hash]
        }
        var query: Substring?
        if let question = remainder.firstIndex(of: "?") {
            query = remainder[remainder.index(after: question)...]
            remainder = remainder[..<question]
        }
        if isAWS {
            result += remainder
        } else {
            result += remainder.split(separator: "/", omittingEmptySubsequences: false)
                .map { Self.hasSubstance(String($0)) ? shape(String($0)) : String($0) }.joined(separator: "/")
        }
        if let query {
            let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
                guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
                let value = String(pair[pair.index(after: equals)...])
                let fake: String
                if !Self.hasSubstance(value) || value == "true" || value == "false" {
                    fake = value
                } else if Shapes.isUUID(value) {
                    fake = uuid(value)
                } else {
                    fake = shape(value)
                }
                return String(pair[...equals]) + fake
            }
            result += "?" + pairs.joined(separator: "&")
        }
        if let fragment { result += "#" + (Self.hasSubstance(String(fragment)) ? shape(String(fragment)) : String(fragment)) }
        return result
    }

    /// A JWT stays three base64url parts: a header that is JSON is kept, a payload that is JSON has
    /// its claims redacted by name, and the signature is replaced by random base64url of its length.
    private mutating func jwt(_ original: String, known: inout [String: String]) -> String {
        let parts = original.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return shape(original) }
        if let done = fakes["jwt"]?[original] { return done }
        let header: String
        if let bytes = Fakes.decodeBase64URL(parts[0]), (try? JSONValue(parsing: String(decoding: bytes, as: UTF8.self)))?.kind == .object {
            header = String(parts[0])
        } else {
            var stream = HashStream(key: key, format: "jwt-header", original: original, attempt: 0)
            header = Fakes.base64Characters(parts[0].count, alphabet: Fakes.base64URLAlphabet, &stream)
        }
        var stream = HashStream(key: key, format: "jwt", original: original, attempt: 0)
        let payload: String
        if let bytes = Fakes.decodeBase64URL(parts[1]),
           let claims = try? JSONValue(parsing: String(decoding: bytes, as: UTF8.self)), claims.kind == .object {
            payload = Fakes.base64URL(Array(redactClaims(claims, known: &known).compactText.utf8))
        } else {
            payload = Fakes.base64Characters(parts[1].count, alphabet: Fakes.base64URLAlphabet, &stream)
        }
        let signature = Fakes.base64Characters(parts[2].count, alphabet: Fakes.base64URLAlphabet, &stream)
        let result = "\(header).\(payload).\(signature)"
        fakes["jwt", default: [:]][original] = result
        produced.insert(result)
        return result
    }

    /// The claims of a JWT payload with personal values faked by claim name.
    private mutating func redactClaims(_ claims: JSONValue, known: inout [String: String]) -> JSONValue {
        guard case .object(let members) = claims else { return claims }
        return .object(members.map { member in
            switch Catalogue.privacy(ofAttribute: member.key) {
            case .notPersonal: return member
            case .personal(let kind):
                if (kind == .groupName || kind == .groupRole) && !redactGroups { return member }
                return JSONValue.Member(member.key, redactStrings(member.value, kind: kind, known: &known))
            case .unknown: return JSONValue.Member(member.key, redactStrings(member.value, kind: .other, known: &known))
            }
        })
    }

    /// Every string in a value faked as `kind`, flags kept.
    private mutating func redactStrings(_ value: JSONValue, kind: PersonalKind, known: inout [String: String]) -> JSONValue {
        switch value {
        case .string(let text):
            guard Self.hasSubstance(text), text != "true", text != "false" else { return value }
            let fake = fake(text, as: kind, known: &known)
            if fake != text { known[text] = fake }
            return .string(fake)
        case .array(let elements):
            return .array(elements.map { redactStrings($0, kind: kind, known: &known) })
        case .object(let members):
            return .object(members.map { JSONValue.Member($0.key, redactStrings($0.value, kind: kind, known: &known)) })
        default:
            return value
        }
    }

    /// The `identities` attribute is JSON text: each linked account's user ID is faked as a user
    /// name (so it matches the faked `Provider_ID` user name), the rest kept.
    private mutating func identities(_ original: String) -> String {
        guard let parsed = try? JSONValue(parsing: original), case .array(let accounts) = parsed else { return shape(original) }
        let faked: [JSONValue] = accounts.map { account in
            guard case .object(let members) = account else { return account }
            return .object(members.map { member in
                guard member.key == "userId", case .string(let id) = member.value, Self.hasSubstance(id) else { return member }
                return JSONValue.Member(member.key, .string(userName(id)))
            })
        }
        return JSONValue.array(faked).compactText
    }

    // MARK: Free text

    /// Free text with the event's personal values replaced by their fakes (whole words only), then
    /// anything shaped like an email address, a UUID, a JWT, a phone number or an IPv4 address;
    /// placeholders stay whole.
    private mutating func redactText(_ text: String, known: [String: String], knownOriginals: [String], placeholders: [String]) -> String {
        var pieces: [(String, Bool)] = [(text, false)]
        for placeholder in placeholders {
            pieces = pieces.flatMap { piece, isPlaceholder -> [(String, Bool)] in
                guard !isPlaceholder else { return [(piece, true)] }
                let parts = piece.components(separatedBy: placeholder)
                var result: [(String, Bool)] = []
                for (index, part) in parts.enumerated() {
                    if index > 0 { result.append((placeholder, true)) }
                    if !part.isEmpty { result.append((part, false)) }
                }
                return result
            }
        }
        return pieces.map { piece, isPlaceholder in
            isPlaceholder ? piece : redactShapes(Self.replacingWords(in: piece, known: known, originals: knownOriginals))
        }.joined()
    }

    /// Replaces whole-word occurrences of the originals (longest first) by their fakes.
    static func replacingWords(in text: String, known: [String: String], originals: [String]) -> String {
        var result = text
        for original in originals {
            guard let fake = known[original], result.contains(original) else { continue }
            var output = ""
            var rest = Substring(result)
            while let range = rest.range(of: original) {
                let before = range.lowerBound == rest.startIndex ? output.last : rest[rest.index(before: range.lowerBound)]
                let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
                let isWord = !(before.map(Self.isWordCharacter) ?? false) && !(after.map(Self.isWordCharacter) ?? false)
                output += rest[..<range.lowerBound]
                output += isWord ? fake : String(rest[range])
                rest = rest[range.upperBound...]
            }
            result = output + rest
        }
        return result
    }

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// Fakes every run of the text shaped like an email address, UUID, JWT, phone number or IPv4 address.
    private mutating func redactShapes(_ text: String) -> String {
        var known: [String: String] = [:]
        var result = ""
        var rest = Substring(text)
        while let (range, kind) = Shapes.firstRecognized(in: rest) {
            result += rest[..<range.lowerBound]
            let original = String(rest[range])
            result += produced.contains(original) ? original : fake(original, as: kind, known: &known)
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
