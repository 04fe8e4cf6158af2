// Which attribute and claim names hold personal data: the values of `userAttributes`, provider
// claims, SAML attributes, client metadata and claims to add are redacted by their name.

extension Catalogue {
    /// What the catalogue knows about the values of one attribute or claim name.
    public enum AttributePrivacy: Sendable, Hashable {
        /// Personal data of this kind.
        case personal(PersonalKind)
        /// Known not to be personal (verification flags, the user status, locale, token metadata): kept.
        case notPersonal
        /// A name the catalogue does not know (`custom:plan`, app metadata keys): the field's own default applies.
        case unknown
    }

    /// How the value of an attribute, claim or metadata key is treated, by its name.
    ///
    /// The name is compared without case, without a `custom:` or `dev:custom:` prefix, without
    /// `_`, `-`, `.` and `:`, and for SAML claim URIs by their last part, so `phone_number`,
    /// `custom:phone` and `http://schemas.xmlsoap.org/ws/2005/05/identity/claims/mobilephone` are
    /// all phone numbers.
    public static func privacy(ofAttribute name: String) -> AttributePrivacy {
        let key = normalizedAttributeName(name)
        if notPersonalAttributes.contains(key) { return .notPersonal }
        if let kind = personalAttributes[key] { return .personal(kind) }
        return .unknown
    }

    /// The comparison form of a name that `privacy(ofAttribute:)` uses.
    static func normalizedAttributeName(_ name: String) -> String {
        var key = Substring(name.lowercased())
        if let slash = key.lastIndex(of: "/"), key.index(after: slash) < key.endIndex { key = key[key.index(after: slash)...] }
        for prefix in ["dev:custom:", "custom:"] where key.hasPrefix(prefix) { key = key.dropFirst(prefix.count) }
        return String(key.filter { !"_-.:".contains($0) })
    }

    /// Attribute, claim and metadata names whose values are personal, in comparison form.
    static let personalAttributes: [String: PersonalKind] = [
        // Standard attributes and OIDC claims.
        "sub": .identifier, "email": .email, "emailaddress": .email, "mail": .email,
        "cognitoemailalias": .email, "cognitophonenumberalias": .phoneNumber,
        "phonenumber": .phoneNumber, "phone": .phoneNumber, "mobile": .phoneNumber, "mobilephone": .phoneNumber,
        "homephone": .phoneNumber, "otherphone": .phoneNumber, "telephonenumber": .phoneNumber,
        "name": .fullName, "displayname": .fullName, "fullname": .fullName,
        "givenname": .givenName, "firstname": .givenName, "middlename": .givenName, "nickname": .givenName,
        "familyname": .familyName, "surname": .familyName, "lastname": .familyName,
        "username": .userName, "cognitousername": .userName, "preferredusername": .userName,
        "nameidentifier": .userName, "upn": .userName, "windowsaccountname": .userName,
        "address": .address, "streetaddress": .address, "postaladdress": .address, "formattedaddress": .address,
        "locality": .city, "city": .city, "country": .country,
        "birthdate": .birthdate, "dateofbirth": .birthdate, "dob": .birthdate,
        "picture": .url, "website": .url, "profile": .url,
        "identities": .identities, "gender": .other,
        // Threat protection details in account takeover notices.
        "ipaddress": .ipAddress, "ip": .ipAddress, "clientip": .ipAddress, "sourceip": .ipAddress,
        "eventid": .identifier, "feedbacktoken": .secret,
        "oneclicklinkvalid": .url, "oneclicklinkinvalid": .url,
        // Provider token responses and JWT claims.
        "accesstoken": .jwt, "idtoken": .jwt, "refreshtoken": .secret,
        "jti": .identifier, "sid": .identifier, "nonce": .secret, "athash": .secret, "chash": .secret,
        // Secrets apps put in validation data or challenges.
        "password": .password, "recaptchatoken": .secret, "captchatoken": .secret, "captcha": .secret,
        "code": .code, "otp": .code, "answer": .code, "expectedanswer": .code, "expectedcode": .code,
        // Groups and roles as claims.
        "groups": .groupName, "cognitogroups": .groupName, "role": .groupRole, "roles": .groupRole,
        "cognitoroles": .groupRole, "cognitopreferredrole": .groupRole,
    ]

    /// Attribute and claim names whose values are not personal and that functions branch on.
    static let notPersonalAttributes: Set<String> = [
        "emailverified", "phonenumberverified", "cognitouserstatus", "cognitomfaenabled", "locale", "zoneinfo",
        "updatedat", "tokentype", "expiresin", "scope", "scp", "iss", "aud", "azp", "exp", "iat", "nbf",
        "authtime", "tokenuse", "clientid", "cid", "amr", "acr", "ver", "kid", "alg", "typ",
        "accounttakeoveraction", "logintime", "devicename",
    ]
}
