// Pre authentication, post authentication and inbound federation: the triggers around a sign-in.

extension Catalogue {
    static let preAuthentication = TriggerSpec(
        trigger: .preAuthentication,
        title: "Pre authentication",
        shortLabel: "PreAuth",
        summary: """
            Cognito calls this function when someone tries to sign in, before the sign-in completes. \
            The function can block the attempt by throwing an error, for example for a suspended \
            customer account, and the error message reaches the app. If it returns normally, \
            authentication carries on.
            """,
        responseNote: """
            This trigger has no response fields. Return the event unchanged to let the sign-in go on, \
            or throw an error to stop it.
            """,
        sources: [
            TriggerSourceSpec(source: .preAuthenticationAuthentication, summary: """
                A user is signing in.
                """),
        ],
        fields: [
            requestObject,
            .field(.request, ["userAttributes"], .attributeMap, personal: .namedValues(unknownNames: .other), """
                The current attributes of the user who is signing in, keyed by attribute name. Check \
                flags such as a custom:suspended attribute here and throw an error to refuse the sign-in.
                """),
            .field(.request, ["userNotFound"], .boolean, required: false, """
                True when the username matches no user; Cognito only sends it when the app client has \
                PreventUserExistenceErrors turned on. Refuse the sign-in with the same message you use \
                for a wrong password, so nobody learns which usernames exist.
                """),
            .field(.request, ["validationData"], .stringMap, required: false, nullable: true, personal: .namedValues(unknownNames: .other), """
                Key-value pairs the app attached to the sign-in; ClientMetadata sent with InitiateAuth \
                arrives here. Use them for extra checks such as a captcha token; Cognito does not store \
                them.
                """),
            ignoredResponseObject,
        ]
    )

    static let postAuthentication = TriggerSpec(
        trigger: .postAuthentication,
        title: "Post authentication",
        shortLabel: "PostAuth",
        summary: """
            Cognito calls this function after a user has signed in successfully. It suits logging, \
            analytics and bookkeeping such as recording the time of the last sign-in. The response \
            carries nothing back to Cognito.
            """,
        responseNote: """
            Cognito ignores the response, because the sign-in has already succeeded. Use the trigger for \
            side effects only; an error thrown here is still reported to the app as a failed sign-in.
            """,
        sources: [
            TriggerSourceSpec(source: .postAuthenticationAuthentication, summary: """
                A user has just signed in successfully.
                """),
        ],
        fields: [
            requestObject,
            .field(.request, ["newDeviceUsed"], .boolean, """
                True when the user signed in from a device Cognito had not seen for them. It is only \
                meaningful when the pool remembers devices, always or when the user opts in.
                """),
            .field(.request, ["userAttributes"], .attributeMap, personal: .namedValues(unknownNames: .other), """
                The attributes of the user who just signed in, keyed by attribute name. Handy for audit \
                logs or for keeping your own user records up to date.
                """),
            clientMetadata,
            ignoredResponseObject,
        ]
    )

    static let inboundFederation = TriggerSpec(
        trigger: .inboundFederation,
        title: "Inbound federation",
        shortLabel: "Federation",
        summary: """
            Cognito calls this function when a user signs in through an external SAML, OIDC or social \
            identity provider, before it creates or updates the user's profile. The function sees the \
            raw data the provider returned and answers with the attributes Cognito should keep, so it \
            can rename, filter or enrich them. Cognito then applies the result to the user profile.
            """,
        sources: [
            TriggerSourceSpec(source: .inboundFederationExternalProvider, summary: """
                A user signed in through an external identity provider, and Cognito is about to create \
                or update their profile from the provider's data.
                """),
        ],
        fields: [
            requestObject,
            .field(.request, ["providerName"], .string, """
                The name the identity provider has in the user pool, such as Google or a name you chose \
                for your SAML provider. Federated usernames start with this name.
                """),
            .field(.request, 
                ["providerType"], .enumeration,
                allowed: ["OIDC", "SAML", "Facebook", "Google", "SignInWithApple", "LoginWithAmazon"],
                """
                The kind of identity provider the user came from. It tells you which part of attributes \
                is filled: samlResponse for SAML, the token and userInfo maps for the others.
                """
            ),
            .field(.request, ["attributes"], .object, """
                The raw data from the identity provider, before Cognito applies the pool's attribute \
                mapping. Which members appear depends on providerType.
                """),
            .field(.request, ["attributes", "tokenResponse"], .attributeMap, required: false, personal: .namedValues(unknownNames: .other), """
                The reply of the provider's token endpoint, with access_token, id_token, refresh_token, \
                token_type, expires_in and scope, every value as a string. Only OIDC and social \
                providers send it, and it holds live credentials, so never log it.
                """),
            .field(.request, ["attributes", "idToken"], .attributeMap, required: false, personal: .namedValues(unknownNames: .other), """
                The claims of the provider's ID token, already decoded, such as sub, email and \
                email_verified. Only OIDC and social providers send it, and the values arrive as \
                strings, so email_verified is "true" rather than true.
                """),
            .field(.request, ["attributes", "userInfo"], .attributeMap, required: false, personal: .namedValues(unknownNames: .other), """
                The profile the provider returned from its user info endpoint, which can hold more than \
                the ID token. Only OIDC and social providers send it.
                """),
            .field(.request, ["attributes", "samlResponse"], .attributeMap, required: false, personal: .namedValues(unknownNames: .other), """
                The attributes of the SAML assertion, keyed by attribute name, which is often a long URI. \
                Only SAML providers send it; long group lists are a common reason to filter here.
                """),
            responseObject,
            .field(.response, ["userAttributesToMap"], .stringMap, required: true, personal: .namedValues(unknownNames: .other), """
                The attributes Cognito should keep for this user, as name-value strings. Any attribute \
                left out is dropped, while an empty object keeps what the provider sent unchanged.
                """),
        ]
    )
}
