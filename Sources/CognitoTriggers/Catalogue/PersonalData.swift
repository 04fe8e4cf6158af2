/// What kind of personal data a value is, which decides the fake that replaces it when redacting.
public enum PersonalKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// An email address; faked as another address at example.com.
    case email
    /// A phone number; faked as an E.164 number in the fictional +1 555 range.
    case phoneNumber
    /// An identifier of a person or of one of their events, such as `sub`; a UUID stays a UUID.
    case identifier
    /// A user name, which may itself be a UUID, an email address or a provider-prefixed ID.
    case userName
    /// A given (first) name, or one word of it.
    case givenName
    /// A family name.
    case familyName
    /// A full name: the first word is faked as a given name, the others as family names.
    case fullName
    /// A postal address.
    case address
    /// A city.
    case city
    /// A country.
    case country
    /// A date of birth.
    case birthdate
    /// An IPv4 or IPv6 address.
    case ipAddress
    /// A link that may name the person or carry their tokens.
    case url
    /// A JSON Web Token: stays three base64url parts, the payload's claims redacted.
    case jwt
    /// An opaque secret such as a refresh token or a captcha token.
    case secret
    /// A password the user typed.
    case password
    /// A one-time code or a challenge answer.
    case code
    /// A code encrypted by Cognito with the pool's KMS key (base64); stays base64 of the same length.
    case encryptedCode
    /// The `identities` attribute: JSON text listing the user's linked provider accounts.
    case identities
    /// Free text written by a function (a message, a label): known personal values in it are replaced,
    /// placeholders kept.
    case text
    /// Any other value about the person; faked character by character (letters, digits, case and
    /// punctuation keep their places).
    case other
    /// A user pool group name (only with `redactGroups`).
    case groupName
    /// The IAM role ARN of a group (only with `redactGroups`): the role name is faked.
    case groupRole

    /// How a report names values of this kind, in the plural.
    public var plural: String {
        switch self {
        case .email: "email addresses"
        case .phoneNumber: "phone numbers"
        case .identifier: "identifiers"
        case .userName: "user names"
        case .givenName: "given names"
        case .familyName: "family names"
        case .fullName: "full names"
        case .address: "addresses"
        case .city: "cities"
        case .country: "countries"
        case .birthdate: "birth dates"
        case .ipAddress: "IP addresses"
        case .url: "links"
        case .jwt: "JWTs"
        case .secret: "tokens and secrets"
        case .password: "passwords"
        case .code: "codes and answers"
        case .encryptedCode: "encrypted codes"
        case .identities: "linked identities"
        case .text: "free texts"
        case .other: "other personal values"
        case .groupName: "group names"
        case .groupRole: "group role ARNs"
        }
    }

    /// Kinds sort in the order they are declared here, which reports follow.
    public static func < (lhs: PersonalKind, rhs: PersonalKind) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// Whether a field of the catalogue holds personal data, and how redaction treats it.
public enum PersonalData: Sendable, Hashable {
    /// Not personal (trigger source, versions, flags, placeholders, IDs of the pool and app): kept.
    case none
    /// The string value (or each string in a list) is personal data of this kind.
    case value(PersonalKind)
    /// A map keyed by attribute or claim names (`userAttributes`, `clientMetadata`): names are kept,
    /// each value is faked by its name's kind (`Catalogue.personalKind(ofAttribute:)`), and values
    /// of names the catalogue does not know are faked as `unknownNames`.
    case namedValues(unknownNames: PersonalKind)
    /// A placeholder of a message template (`{####}`, `{username}`): kept, unless the event repeats
    /// one of its personal values there (test events sometimes put the real user name in
    /// `usernameParameter`), which then gets the same fake there and in the texts.
    case placeholder
    /// Group names, kept unless redaction is asked to replace them too.
    case groupNames
    /// IAM role ARNs of groups, kept unless group names are replaced too.
    case groupRoles
}
