// Custom message and the two custom senders: the triggers around the codes Cognito sends.

extension Catalogue {
    static let customMessage = TriggerSpec(
        trigger: .customMessage,
        title: "Custom message",
        shortLabel: "CustomMsg",
        summary: """
            Cognito calls this function just before it sends a confirmation code, invitation, password \
            reset code or MFA code through its own email and SMS delivery. The function can rewrite the \
            SMS text, the email body and the subject, for example to translate them or add branding, as \
            long as the code placeholder stays in the text. Cognito then fills in the placeholders and \
            sends the message.
            """,
        sources: [
            TriggerSourceSpec(source: .customMessageSignUp, summary: """
                A user signed up and needs the code that confirms the account.
                """),
            TriggerSourceSpec(source: .customMessageAdminCreateUser, summary: """
                An administrator created the user, and Cognito is sending the invitation with the \
                username and temporary password.
                """),
            TriggerSourceSpec(source: .customMessageResendCode, summary: """
                The user asked for another account confirmation code.
                """),
            TriggerSourceSpec(source: .customMessageForgotPassword, summary: """
                The user started a password reset and needs the reset code.
                """),
            TriggerSourceSpec(source: .customMessageUpdateUserAttribute, summary: """
                The user changed their email address or phone number and must verify the new value \
                with a code.
                """),
            TriggerSourceSpec(source: .customMessageVerifyUserAttribute, summary: """
                The user asked for a code to verify an email address or phone number attribute.
                """),
            TriggerSourceSpec(source: .customMessageAuthentication, summary: """
                The user is signing in and needs a multi-factor authentication code by SMS or email.
                """),
        ],
        fields: [
            requestObject,
            .field(.request, ["userAttributes"], .attributeMap, personal: .namedValues(unknownNames: .other), """
                The attributes of the user the message is for, keyed by attribute name. Use them to \
                greet the user by name or to choose a language, for example from the locale attribute.
                """),
            .field(.request, ["codeParameter"], .string, personal: .placeholder, """
                The placeholder Cognito replaces with the real code or temporary password, usually \
                {####}. Put this exact text into smsMessage and emailMessage; without it the user never \
                sees the code.
                """),
            .field(.request, ["linkParameter"], .string, required: false, nullable: true, personal: .placeholder, """
                The placeholder Cognito replaces with a clickable verification link, used when the pool \
                verifies email addresses by link instead of by code. Put it in emailMessage when it is \
                present.
                """),
            .field(.request, ["usernameParameter"], .string, required: false, nullable: true, personal: .placeholder, """
                The placeholder for the username, set only for CustomMessage_AdminCreateUser and null \
                otherwise. The invitation must contain it as well as codeParameter, so the new user \
                learns both the username and the temporary password.
                """),
            clientMetadata,
            responseObject,
            .field(.response, ["smsMessage"], .string, required: true, personal: .value(.text), """
                The SMS text to send instead of the default one. It must contain the codeParameter \
                placeholder, and usernameParameter too for invitations; leaving it null keeps Cognito's \
                default text.
                """),
            .field(.response, ["emailMessage"], .string, required: true, personal: .value(.text), """
                The email body to send instead of the default one; HTML is allowed. It must contain the \
                codeParameter placeholder, or linkParameter for link verification, and leaving it null \
                keeps Cognito's default body.
                """),
            .field(.response, ["emailSubject"], .string, required: true, personal: .value(.text), """
                The subject line of the email. Leaving it null keeps the subject configured on the user \
                pool.
                """),
        ]
    )

    static let customEmailSender = TriggerSpec(
        trigger: .customEmailSender,
        title: "Custom email sender",
        shortLabel: "EmailSend",
        summary: """
            Once this trigger is set, Cognito hands every email it would send (codes, invitations and \
            security notices) to the function instead of sending it. The code arrives encrypted with \
            your KMS key, so the function decrypts it and delivers the message through Amazon SES or \
            any other provider. There is nothing to return.
            """,
        responseNote: """
            There is no response: Cognito sends no email itself and relies on the function to deliver \
            the message. Return the event unchanged.
            """,
        sources: senderSources([.customEmailSenderSignUp, .customEmailSenderResendCode, .customEmailSenderForgotPassword,
                                .customEmailSenderUpdateUserAttribute, .customEmailSenderVerifyUserAttribute]) + [
            adminCreateUser(.customEmailSenderAdminCreateUser),
            TriggerSourceSpec(source: .customEmailSenderAccountTakeOverNotification, summary: """
                Threat protection flagged a risky sign-in and the user should be told; there is no code, \
                and the details of the sign-in are in userAttributes.
                """),
            TriggerSourceSpec(source: .customEmailSenderAuthentication, summary: """
                The user is signing in and needs a one-time code for email MFA or passwordless email \
                sign-in.
                """),
        ],
        fields: senderFields(
            requestType: "customEmailSenderRequestV1",
            channel: "email",
            userAttributes: """
                The attributes of the user to write to, keyed by attribute name; the address is in \
                email. For account takeover notices the map also describes the risky sign-in, with keys \
                such as IP_ADDRESS, CITY and ACCOUNT_TAKE_OVER_ACTION.
                """
        )
    )

    static let customSMSSender = TriggerSpec(
        trigger: .customSMSSender,
        title: "Custom SMS sender",
        shortLabel: "SMSSender",
        summary: """
            Once this trigger is set, Cognito hands every SMS message it would send (codes and \
            invitations) to the function instead of sending it. The code arrives encrypted with your KMS \
            key, so the function decrypts it and delivers the text through Amazon SNS or any other \
            provider. There is nothing to return.
            """,
        responseNote: """
            There is no response: Cognito sends no SMS message itself and relies on the function to \
            deliver it. Return the event unchanged.
            """,
        sources: senderSources([.customSMSSenderSignUp, .customSMSSenderResendCode, .customSMSSenderForgotPassword,
                                .customSMSSenderUpdateUserAttribute, .customSMSSenderVerifyUserAttribute]) + [
            TriggerSourceSpec(source: .customSMSSenderAuthentication, summary: """
                The user is signing in and needs a one-time code for SMS MFA or passwordless SMS sign-in.
                """),
            adminCreateUser(.customSMSSenderAdminCreateUser),
        ],
        fields: senderFields(
            requestType: "customSMSSenderRequestV1",
            channel: "SMS message",
            userAttributes: """
                The attributes of the user to text, keyed by attribute name; the number to use is in \
                phone_number, in international format with a leading plus sign.
                """
        )
    )

    /// The code messages both custom sender triggers send, with the same summaries (the channel is
    /// in the trigger's own summary): sign-up, resend, forgotten password, changed and verified attribute.
    private static func senderSources(_ sources: [TriggerSource]) -> [TriggerSourceSpec] {
        let summaries = [
            "A user signed up and needs the code that confirms the account.",
            "The user asked for another account confirmation code.",
            "The user started a password reset and needs the reset code.",
            "The user changed their email address or phone number and needs a code to verify the new value.",
            "The user asked for a code to verify an email address or phone number attribute.",
        ]
        return zip(sources, summaries).map { TriggerSourceSpec(source: $0, summary: $1) }
    }

    /// The invitation a custom sender sends when an administrator creates a user.
    private static func adminCreateUser(_ source: TriggerSource) -> TriggerSourceSpec {
        TriggerSourceSpec(source: source, summary: """
            An administrator created the user, and the invitation with the temporary password must go \
            out.
            """)
    }

    /// The fields of the two custom sender triggers, which differ only in wording.
    private static func senderFields(requestType: String, channel: String, userAttributes: String) -> [FieldSpec] {
        [
            requestObject,
            .field(.request, ["type"], .string, """
                The version of the request format, \(requestType). Check it if you want the function to \
                fail loudly should Cognito ever change the format.
                """),
            .field(.request, ["code"], .string, nullable: true, personal: .value(.encryptedCode), """
                The code or temporary password for the \(channel), encrypted with your KMS key and \
                base64-encoded. Decrypt it with the AWS Encryption SDK before sending, and never log the \
                result; it is null when the message has no code.
                """),
            .field(.request, ["userAttributes"], .attributeMap, personal: .namedValues(unknownNames: .other), userAttributes),
            clientMetadata,
            senderResponseObject,
        ]
    }
}
