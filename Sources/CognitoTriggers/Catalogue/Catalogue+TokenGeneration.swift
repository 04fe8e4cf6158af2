// Pre token generation, in its three trigger versions.

extension Catalogue {
    /// The sources the three versions share, described once.
    static let userTokenSources: [TriggerSourceSpec] = [
        TriggerSourceSpec(source: .tokenGenerationHostedAuth, summary: """
            A user signed in through the hosted UI or managed login pages.
            """),
        TriggerSourceSpec(source: .tokenGenerationAuthentication, summary: """
            A user finished signing in through the API, for example with InitiateAuth.
            """),
        TriggerSourceSpec(source: .tokenGenerationNewPasswordChallenge, summary: """
            A user created by an administrator replaced their temporary password at first sign-in.
            """),
        TriggerSourceSpec(source: .tokenGenerationAuthenticateDevice, summary: """
            A user finished signing in with a remembered device.
            """),
        TriggerSourceSpec(source: .tokenGenerationRefreshTokens, summary: """
            The app used a refresh token to get new ID and access tokens.
            """),
    ]

    static let clientCredentialsSource = TriggerSourceSpec(source: .tokenGenerationClientCredentials, summary: """
        An app client asked for an access token with the OAuth client credentials grant, so no user is \
        involved; only trigger version 3 receives it.
        """)

    static let tokenUserAttributes = FieldSpec.field(.request, ["userAttributes"], .attributeMap, personal: .namedValues(unknownNames: .other), """
        The user's attributes, keyed by attribute name, which Cognito is about to write into the ID \
        token as claims. Values arrive as strings.
        """)

    static let tokenClientMetadata = FieldSpec.field(.request, ["clientMetadata"], .stringMap, required: false, nullable: true, personal: .namedValues(unknownNames: .other), """
        Key-value pairs the app passed as ClientMetadata, forwarded for your own logic. Many flows, \
        such as hosted UI sign-in and token refresh, have no way to pass it, so expect it to be missing.
        """)

    static let preTokenGenerationV1 = TriggerSpec(
        trigger: .preTokenGenerationV1,
        title: "Pre token generation (V1)",
        shortLabel: "Token v1",
        summary: """
            Cognito calls this function just before it issues tokens, at every sign-in and every token \
            refresh. Version 1 can add, change or remove claims of the ID token and override its group \
            and role claims; the access token stays as it is. Cognito then signs the ID token with the \
            changes applied.
            """,
        sources: userTokenSources,
        fields: [requestObject]
            + groupConfigurationFields()
            + [
                tokenUserAttributes,
                tokenClientMetadata,
                responseObject,
                .field(.response, ["claimsOverrideDetails"], .object, required: true, """
                    Your changes to the ID token. Cognito sends it as null; fill in only the parts you \
                    want to change.
                    """),
                .field(.response, ["claimsOverrideDetails", "claimsToAddOrOverride"], .stringMap, personal: .namedValues(unknownNames: .other), """
                    Claims to add to the ID token, or to replace when the name already exists, as \
                    name-value strings. Reserved claims such as sub, iss, aud, exp and token_use cannot be \
                    changed, and group claims belong in groupOverrideDetails.
                    """),
                .field(.response, ["claimsOverrideDetails", "claimsToSuppress"], .stringList, """
                    Names of claims to remove from the ID token, such as phone_number. Reserved claims \
                    such as sub cannot be removed.
                    """),
            ]
            + groupOverrideFields(under: ["claimsOverrideDetails"], tokens: "the ID token")
    )

    static let preTokenGenerationV2 = TriggerSpec(
        trigger: .preTokenGenerationV2,
        title: "Pre token generation (V2)",
        shortLabel: "Token v2",
        summary: """
            Cognito calls this function just before it issues tokens to a user, at every sign-in and \
            every token refresh, when the pool uses trigger version 2, which needs the Essentials or Plus \
            feature plan. The function can change claims in both the ID token and the access token, add \
            or remove OAuth scopes, and override group claims. Claim values may be any JSON value, not \
            only strings.
            """,
        sources: userTokenSources,
        fields: versionTwoFields(forClientCredentials: false)
    )

    static let preTokenGenerationV3 = TriggerSpec(
        trigger: .preTokenGenerationV3,
        title: "Pre token generation (V3)",
        shortLabel: "Token v3",
        summary: """
            Version 3 receives the same events as version 2 and is also called when an app client gets \
            an access token with the client credentials grant, where no user is involved. In that \
            machine-to-machine case the source is TokenGeneration_ClientCredentials, there are no user \
            attributes or groups, and only an access token is issued. It needs the Essentials or Plus \
            feature plan.
            """,
        sources: userTokenSources + [clientCredentialsSource],
        fields: versionTwoFields(forClientCredentials: true)
    )

    /// The fields of versions 2 and 3, which share one event shape.
    private static func versionTwoFields(forClientCredentials: Bool) -> [FieldSpec] {
        let userAttributes = forClientCredentials
            ? FieldSpec.field(.request, ["userAttributes"], .attributeMap, required: false, nullable: true, personal: .namedValues(unknownNames: .other), """
                The user's attributes, keyed by attribute name, which Cognito is about to write into the \
                ID token as claims. For TokenGeneration_ClientCredentials there is no user, so expect an \
                empty map or none at all.
                """)
            : tokenUserAttributes
        let groups = forClientCredentials
            ? groupConfigurationFields(required: false, extra: "It is missing or null for TokenGeneration_ClientCredentials.")
            : groupConfigurationFields()
        let idTokenNote = forClientCredentials
            ? " Cognito ignores it for TokenGeneration_ClientCredentials, which issues no ID token."
            : ""
        let details = ["claimsAndScopeOverrideDetails"]
        return [requestObject]
            + groups
            + [
                userAttributes,
                .field(.request, ["scopes"], .stringList, required: false, """
                    The OAuth scopes the access token will carry before your changes, such as openid, \
                    email or a scope of your own resource server. Sign-ins through the API rather than \
                    OAuth usually list only aws.cognito.signin.user.admin.
                    """),
                tokenClientMetadata,
                responseObject,
                .field(.response, details, .object, required: true, """
                    Your changes to the ID token and the access token. Cognito sends it as null; fill in \
                    only the parts you want to change.
                    """),
                .field(.response, details + ["idTokenGeneration"], .object, """
                    Changes to the ID token: claims to add, replace or remove.\(idTokenNote)
                    """),
                .field(.response, details + ["idTokenGeneration", "claimsToAddOrOverride"], .claimMap, personal: .namedValues(unknownNames: .other), """
                    Claims to add to the ID token, or to replace when the name already exists. Values may \
                    be strings, numbers, booleans, arrays or objects, but reserved claims such as sub, iss, \
                    aud and exp cannot be changed.
                    """),
                .field(.response, details + ["idTokenGeneration", "claimsToSuppress"], .stringList, """
                    Names of claims to remove from the ID token, such as phone_number. Reserved claims \
                    such as sub cannot be removed.
                    """),
                .field(.response, details + ["accessTokenGeneration"], .object, """
                    Changes to the access token, which version 1 of the trigger cannot touch.
                    """),
                .field(.response, details + ["accessTokenGeneration", "claimsToAddOrOverride"], .claimMap, personal: .namedValues(unknownNames: .other), """
                    Claims to add to the access token, or to replace when the name already exists, with \
                    any JSON value. The token travels with every API call, so keep the claims small and \
                    leave personal data out.
                    """),
                .field(.response, details + ["accessTokenGeneration", "claimsToSuppress"], .stringList, """
                    Names of claims to remove from the access token. Reserved claims such as sub and \
                    token_use cannot be removed.
                    """),
                .field(.response, details + ["accessTokenGeneration", "scopesToAdd"], .stringList, """
                    Scopes to add to the scope claim of the access token, such as a scope of your own \
                    resource server. The function, not the app client settings, then grants them, so add \
                    only scopes the caller should really have.
                    """),
                .field(.response, details + ["accessTokenGeneration", "scopesToSuppress"], .stringList, """
                    Scopes to remove from the scope claim of the access token. Removing \
                    aws.cognito.signin.user.admin stops the token from calling user self-service \
                    operations such as GetUser.
                    """),
            ]
            + groupOverrideFields(under: details, tokens: "the ID and access tokens")
    }
}
