// Field specs that several triggers share, written once.

extension Catalogue {
    /// The `request` object itself.
    static let requestObject = FieldSpec.field(.request, [], .object, """
        The input Cognito prepared for the function. Changing it has no effect, because Cognito only \
        reads the response.
        """)

    /// The `response` object of a trigger whose response Cognito reads.
    static let responseObject = FieldSpec.field(.response, [], .object, required: true, nullable: false, """
        What the function hands back to Cognito. Return the whole event with the fields you want set \
        filled in here; Cognito ignores keys it does not know.
        """)

    /// The `response` object of a trigger whose response Cognito ignores.
    static let ignoredResponseObject = FieldSpec.field(.response, [], .object, required: false, nullable: false, """
        Cognito sends an empty object here, or leaves it out, and ignores whatever comes back. Return \
        the event as it arrived.
        """)

    /// The `response` object of the custom sender triggers, which Cognito usually leaves out.
    static let senderResponseObject = FieldSpec.field(.response, [], .object, required: false, nullable: false, """
        Custom sender events usually have no response object, and Cognito reads nothing back. If one \
        is present, return it as it arrived.
        """)

    /// `request.clientMetadata`, with the default explanation.
    static let clientMetadata = FieldSpec.field(.request, ["clientMetadata"], .stringMap, required: false, nullable: true, personal: .namedValues(unknownNames: .other), """
        Key-value pairs the app passed as ClientMetadata in the API call that started this flow, \
        forwarded as they are for your own logic. Cognito neither checks nor stores them, and the key \
        is missing when the app sent none.
        """)

    /// `request.userNotFound` for the custom challenge triggers, with a trigger-specific hint.
    static func userNotFound(_ advice: String) -> FieldSpec {
        .field(.request, ["userNotFound"], .boolean, required: false, """
            True when the username matches no user; Cognito only sends it when the app client has \
            PreventUserExistenceErrors turned on. \(advice)
            """)
    }

    /// `request.session` and its `ChallengeResult` entries, shared by define and create auth challenge.
    static let sessionFields: [FieldSpec] = [
        .field(.request, ["session"], .objectList, """
            The challenges already presented in this sign-in, oldest first, each with its outcome. An \
            empty list means the flow is just starting.
            """),
        .field(.request, ["session", "*"], .object, """
            One step of the sign-in so far: which challenge it was, whether the user passed it, and your \
            label for it.
            """),
        .field(.request, ["session", "*", "challengeName"], .enumeration, allowed: challengeNames, """
            The kind of challenge this entry records: CUSTOM_CHALLENGE for one of yours, or a built-in \
            step such as SRP_A or PASSWORD_VERIFIER when the flow begins with a password check.
            """),
        .field(.request, ["session", "*", "challengeResult"], .boolean, """
            True if the user passed this challenge. For a custom challenge it is the answerCorrect value \
            your verify function returned.
            """),
        .field(.request, ["session", "*", "challengeMetadata"], .string, required: false, nullable: true, personal: .value(.text), """
            The label your create function gave this challenge in its challengeMetadata response, so you \
            can tell your custom challenges apart. Only custom challenge entries carry one.
            """),
    ]

    /// `request.groupConfiguration` and its members, as the pre token generation triggers receive them.
    static func groupConfigurationFields(required: Bool = true, extra: String = "") -> [FieldSpec] {
        let suffix = extra.isEmpty ? "" : " " + extra
        return [
            .field(.request, ["groupConfiguration"], .object, required: required, nullable: !required, """
                The user's groups and the IAM roles attached to them, as Cognito is about to write them \
                into the tokens.\(suffix)
                """),
            .field(.request, ["groupConfiguration", "groupsToOverride"], .stringList, required: required, personal: .groupNames, """
                The names of the user pool groups the user belongs to, which become the cognito:groups \
                claim.
                """),
            .field(.request, ["groupConfiguration", "iamRolesToOverride"], .stringList, required: required, personal: .groupRoles, """
                The ARNs of the IAM roles linked to those groups, which become the cognito:roles claim.
                """),
            .field(.request, ["groupConfiguration", "preferredRole"], .string, required: false, nullable: true, personal: .groupRoles, """
                The ARN of the role from the group with the best (lowest) precedence, which becomes the \
                cognito:preferred_role claim. It is null when none of the groups has a role.
                """),
        ]
    }

    /// A `groupOverrideDetails` object and its members under `parent` in the response.
    static func groupOverrideFields(under parent: [String], tokens: String) -> [FieldSpec] {
        [
            .field(.response, parent + ["groupOverrideDetails"], .object, """
                Replaces the whole group configuration written into \(tokens). An empty object removes \
                every group claim, so copy groupConfiguration from the request and edit that copy if you \
                only want to adjust one list.
                """),
            .field(.response, parent + ["groupOverrideDetails", "groupsToOverride"], .stringList, personal: .groupNames, """
                Group names to write into the cognito:groups claim instead of the real memberships. Only \
                the token changes; the user stays in the same groups.
                """),
            .field(.response, parent + ["groupOverrideDetails", "iamRolesToOverride"], .stringList, personal: .groupRoles, """
                IAM role ARNs to write into the cognito:roles claim. An identity pool may hand out \
                credentials for these roles, so list only roles the user should be able to assume.
                """),
            .field(.response, parent + ["groupOverrideDetails", "preferredRole"], .string, personal: .groupRoles, """
                The IAM role ARN to write into the cognito:preferred_role claim, which an identity pool can \
                use as the default role.
                """),
        ]
    }
}
