// Pre sign-up, post confirmation and migrate user: the triggers around creating a user.

extension Catalogue {
    static let preSignUp = TriggerSpec(
        trigger: .preSignUp,
        title: "Pre sign-up",
        shortLabel: "PreSignUp",
        summary: """
            Cognito calls this function before it creates a user, whether the user signs up, an \
            administrator creates them, or they arrive for the first time from an external identity \
            provider. The function can refuse the sign-up by throwing an error, or confirm the user and \
            mark their email address or phone number as verified. Cognito then creates the user and, \
            unless the function confirmed them, sends a confirmation code.
            """,
        sources: [
            TriggerSourceSpec(source: .preSignUpSignUp, summary: """
                A user signed up through the SignUp API or the hosted sign-up page.
                """),
            TriggerSourceSpec(source: .preSignUpAdminCreateUser, summary: """
                An administrator created the user with AdminCreateUser; the confirm and verify flags in \
                the response have no effect here.
                """),
            TriggerSourceSpec(source: .preSignUpExternalProvider, summary: """
                A user signed in for the first time through an external identity provider, and Cognito \
                is about to create their profile.
                """),
        ],
        fields: [
            requestObject,
            .field(.request, ["userAttributes"], .attributeMap, personal: .namedValues(unknownNames: .other), """
                The attributes submitted for the new user, keyed by attribute name such as email, \
                phone_number or custom:plan. For an external provider they are the attributes mapped \
                from that provider, and values arrive as strings even for flags and numbers.
                """),
            .field(.request, ["validationData"], .stringMap, required: false, nullable: true, personal: .namedValues(unknownNames: .other), """
                Key-value pairs the app sent as ValidationData with the sign-up, meant only for checks in \
                this function, such as a captcha token. Cognito does not store them on the user, and the \
                value is null when the app sent none.
                """),
            clientMetadata,
            responseObject,
            .field(.response, ["autoConfirmUser"], .boolean, required: true, nullable: false, """
                Set to true to confirm the new user without a confirmation code, so they can sign in at \
                once. Cognito sends false, and ignores the value for PreSignUp_AdminCreateUser.
                """),
            .field(.response, ["autoVerifyPhone"], .boolean, required: true, nullable: false, """
                Set to true to mark the new user's phone number as verified without sending a code. The \
                user must have a phone_number attribute, or the sign-up fails with an error.
                """),
            .field(.response, ["autoVerifyEmail"], .boolean, required: true, nullable: false, """
                Set to true to mark the new user's email address as verified without sending a code. The \
                user must have an email attribute, or the sign-up fails with an error.
                """),
        ]
    )

    static let postConfirmation = TriggerSpec(
        trigger: .postConfirmation,
        title: "Post confirmation",
        shortLabel: "PostConf",
        summary: """
            Cognito calls this function after a user confirms their account, or after they set a new \
            password with a reset code. It is the place for side effects such as adding the user to a \
            group, creating a profile record or sending a welcome message. Nothing the function returns \
            changes what Cognito does next.
            """,
        responseNote: """
            Cognito ignores the response of this trigger, because the user is already confirmed. An error \
            thrown here does reach the app, but the confirmation stays in place.
            """,
        sources: [
            TriggerSourceSpec(source: .postConfirmationConfirmSignUp, summary: """
                The user's sign-up was confirmed, for example with the code Cognito sent or by an \
                administrator calling AdminConfirmSignUp.
                """),
            TriggerSourceSpec(source: .postConfirmationConfirmForgotPassword, summary: """
                The user set a new password with a password reset code.
                """),
        ],
        fields: [
            requestObject,
            .field(.request, ["userAttributes"], .attributeMap, personal: .namedValues(unknownNames: .other), """
                The confirmed user's attributes, keyed by attribute name, including sub and the \
                verification flags. This is where to read the identifiers you copy into your own database.
                """),
            clientMetadata,
            ignoredResponseObject,
        ]
    )

    static let userMigration = TriggerSpec(
        trigger: .userMigration,
        title: "Migrate user",
        shortLabel: "Migration",
        summary: """
            Cognito calls this function when someone signs in, or starts a password reset, with a \
            username the pool does not know. The function looks the user up in the old system, checks \
            the password at sign-in, and returns the attributes to store, and Cognito creates the user \
            on the spot. Throwing an error refuses the migration, and the user sees a failed sign-in.
            """,
        sources: [
            TriggerSourceSpec(source: .userMigrationAuthentication, summary: """
                Someone is signing in with a username the pool does not know; the password they typed \
                is in the request.
                """),
            TriggerSourceSpec(source: .userMigrationForgotPassword, summary: """
                Someone started a password reset for a username the pool does not know; there is no \
                password to check.
                """),
        ],
        fields: [
            requestObject,
            .field(.request, ["userName"], .string, required: false, personal: .value(.userName), """
                The username as the user typed it, the same value as the top-level userName. Look the \
                user up in the old system with it, keeping in mind that it may be an email address.
                """),
            .field(.request, ["password"], .string, required: false, nullable: true, personal: .value(.password), """
                The password the user typed at sign-in, in clear text, so the function can check it \
                against the old system. It is empty for UserMigration_ForgotPassword. Never log it.
                """),
            .field(.request, ["validationData"], .stringMap, required: false, nullable: true, personal: .namedValues(unknownNames: .other), """
                Key-value pairs the app attached to the sign-in; ClientMetadata sent with InitiateAuth \
                arrives here rather than in clientMetadata. Cognito does not store them.
                """),
            clientMetadata,
            responseObject,
            .field(.response, ["userAttributes"], .stringMap, personal: .namedValues(unknownNames: .other), """
                The attributes to store on the new user, taken from the old system. Include email or \
                phone_number with email_verified or phone_number_verified set to "true" if the user must \
                be able to reset the password, and write every value as a string.
                """),
            .field(.response, ["finalUserStatus"], .enumeration, allowed: ["CONFIRMED", "RESET_REQUIRED"], """
                The state of the migrated user. CONFIRMED, or leaving it out, lets the user in with the \
                password just checked; RESET_REQUIRED forces a new password, which the app must handle as \
                a PasswordResetRequiredException.
                """),
            .field(.response, ["messageAction"], .enumeration, allowed: ["SUPPRESS", "RESEND"], """
                Set to SUPPRESS to skip the welcome message Cognito sends to a newly migrated user; \
                leave it out to send it. RESEND belongs to the same Cognito setting but matters only for \
                users who already exist.
                """),
            .field(.response, ["desiredDeliveryMediums"], .enumerationList, allowed: ["SMS", "EMAIL"], """
                How the welcome message is delivered: a list holding EMAIL, SMS or both. Without it \
                Cognito uses SMS, which needs a phone_number attribute.
                """),
            .field(.response, ["forceAliasCreation"], .boolean, """
                Decides what happens when the email address or phone number you return is already an \
                alias of another user. With true the alias moves to the migrated user and the other user \
                loses it; with false or no value the migration fails with an error.
                """),
            .field(.response, ["enableSMSMFA"], .boolean, """
                Set to true to require SMS multi-factor authentication when the migrated user signs in. \
                The pool must have MFA turned on and the returned attributes must include a phone number, \
                or the migration fails.
                """),
        ]
    )
}
