/// The order in which Cognito calls triggers during each user journey: the trigger map.
///
/// Newcomers rarely know which trigger runs when; these flows are the answer, drawn by
/// `cognito-explorer triggers --flows` and by the explorer's trigger map.
public struct TriggerFlow: Hashable, Sendable {
    /// A short name, such as "Sign-up".
    public let title: String
    /// What starts the journey and what it ends with, in one or two sentences.
    public let summary: String
    /// The steps in order.
    public let steps: [Step]

    /// One step: a trigger call, or something that happens between calls.
    public struct Step: Hashable, Sendable {
        /// The trigger Cognito calls, or nil for a step that is not a trigger (the user types a code).
        public let trigger: Trigger?
        /// The trigger sources this step sends, first the usual one.
        public let sources: [TriggerSource]
        /// When the step happens or what it depends on; for non-trigger steps, what happens.
        public let note: String
        /// True for the steps of a loop that repeats (the custom challenge).
        public let repeats: Bool
        /// True when the trigger runs only if it is configured and the journey needs it.
        public let isOptional: Bool

        static func call(_ trigger: Trigger, _ sources: [TriggerSource], _ note: String = "",
                         repeats: Bool = false, optional: Bool = false) -> Step {
            Step(trigger: trigger, sources: sources, note: note, repeats: repeats, isOptional: optional)
        }

        static func event(_ note: String) -> Step {
            Step(trigger: nil, sources: [], note: note, repeats: false, isOptional: false)
        }
    }
}

extension TriggerFlow {
    /// Every journey, in the order people usually meet them.
    public static let all: [TriggerFlow] = [
        TriggerFlow(title: "Sign-up", summary: "A person creates an account with SignUp or the hosted sign-up page, then confirms it with a code.", steps: [
            .call(.preSignUp, [.preSignUpSignUp], "may reject the sign-up, or confirm and verify the user at once"),
            .call(.customMessage, [.customMessageSignUp], "writes the confirmation message", optional: true),
            .call(.customEmailSender, [.customEmailSenderSignUp], "or, instead, delivers it by email itself", optional: true),
            .call(.customSMSSender, [.customSMSSenderSignUp], "or, instead, delivers it by SMS itself", optional: true),
            .event("the person enters the code (ConfirmSignUp)"),
            .call(.postConfirmation, [.postConfirmationConfirmSignUp], "the account is confirmed: welcome mail, records in other systems"),
        ]),
        TriggerFlow(title: "Sign-in", summary: "A person signs in with a password or a custom challenge; Cognito issues tokens at the end.", steps: [
            .call(.preAuthentication, [.preAuthenticationAuthentication], "may deny the sign-in before the password is checked"),
            .call(.defineAuthChallenge, [.defineAuthChallengeAuthentication], "custom authentication: decides the next challenge, or success or failure", repeats: true, optional: true),
            .call(.createAuthChallenge, [.createAuthChallengeAuthentication], "makes the challenge the define step asked for", repeats: true, optional: true),
            .call(.verifyAuthChallengeResponse, [.verifyAuthChallengeResponseAuthentication], "checks the answer, then back to define", repeats: true, optional: true),
            .call(.customMessage, [.customMessageAuthentication], "writes the MFA code message, when the user has SMS or email MFA", optional: true),
            .call(.customSMSSender, [.customSMSSenderAuthentication], "or, instead, delivers the SMS code itself", optional: true),
            .call(.customEmailSender, [.customEmailSenderAuthentication], "or, instead, delivers the email code itself", optional: true),
            .call(.preTokenGenerationV1, [.tokenGenerationAuthentication, .tokenGenerationNewPasswordChallenge, .tokenGenerationAuthenticateDevice],
                  "changes the claims (and with V2 or V3 the scopes) of the tokens about to be issued"),
            .call(.postAuthentication, [.postAuthenticationAuthentication], "the sign-in succeeded: logging, analytics"),
        ]),
        TriggerFlow(title: "Migration", summary: "A person Cognito does not know yet signs in or resets a password; the function brings them over from the old user store.", steps: [
            .call(.userMigration, [.userMigrationAuthentication, .userMigrationForgotPassword], "checks the person against the old system and returns their attributes"),
            .event("Cognito creates the user, then the sign-in (or the password reset) continues as usual"),
            .call(.preTokenGenerationV1, [.tokenGenerationAuthentication], "as in any sign-in"),
            .call(.postAuthentication, [.postAuthenticationAuthentication], "as in any sign-in"),
        ]),
        TriggerFlow(title: "Forgot password", summary: "A person asks for a reset code (ForgotPassword) and sets a new password with it.", steps: [
            .call(.userMigration, [.userMigrationForgotPassword], "only for people not yet in the pool", optional: true),
            .call(.customMessage, [.customMessageForgotPassword], "writes the reset message", optional: true),
            .call(.customEmailSender, [.customEmailSenderForgotPassword], "or, instead, delivers it by email itself", optional: true),
            .call(.customSMSSender, [.customSMSSenderForgotPassword], "or, instead, delivers it by SMS itself", optional: true),
            .event("the person enters the code and a new password (ConfirmForgotPassword)"),
            .call(.postConfirmation, [.postConfirmationConfirmForgotPassword], "the new password is set"),
        ]),
        TriggerFlow(title: "Token refresh", summary: "An app trades its refresh token for new ID and access tokens; no password is involved.", steps: [
            .call(.preTokenGenerationV1, [.tokenGenerationRefreshTokens], "the only trigger that runs: the claims of the new tokens"),
        ]),
        TriggerFlow(title: "Client credentials (machine to machine)", summary: "A program, not a person, asks for an access token with an app client secret.", steps: [
            .call(.preTokenGenerationV3, [.tokenGenerationClientCredentials], "runs only when the pool uses pre token generation V3; there is no user and no ID token"),
        ]),
        TriggerFlow(title: "Federated sign-in", summary: "A person signs in through an external identity provider (SAML, OIDC, Google, Facebook, Apple, Amazon) on the hosted pages.", steps: [
            .call(.inboundFederation, [.inboundFederationExternalProvider], "chooses which of the provider's attributes reach the user profile"),
            .call(.preSignUp, [.preSignUpExternalProvider], "only the first time this person arrives", optional: true),
            .call(.postConfirmation, [.postConfirmationConfirmSignUp], "only the first time", optional: true),
            .call(.preTokenGenerationV1, [.tokenGenerationHostedAuth], "the claims of the tokens"),
            .call(.postAuthentication, [.postAuthenticationAuthentication], "the sign-in succeeded"),
        ]),
        TriggerFlow(title: "Administrator creates a user", summary: "An administrator calls AdminCreateUser; the person gets an invitation with a temporary password.", steps: [
            .call(.preSignUp, [.preSignUpAdminCreateUser], "may reject the user; the confirm and verify flags have no effect here"),
            .call(.customMessage, [.customMessageAdminCreateUser], "writes the invitation with the user name and temporary password", optional: true),
            .call(.customEmailSender, [.customEmailSenderAdminCreateUser], "or, instead, delivers it by email itself", optional: true),
            .call(.customSMSSender, [.customSMSSenderAdminCreateUser], "or, instead, delivers it by SMS itself", optional: true),
        ]),
        TriggerFlow(title: "Account takeover alert", summary: "With threat protection on, Cognito notices a risky sign-in and tells the person.", steps: [
            .call(.customEmailSender, [.customEmailSenderAccountTakeOverNotification], "delivers the warning email itself", optional: true),
        ]),
        TriggerFlow(title: "Attribute change", summary: "A person changes or verifies an email address or phone number.", steps: [
            .call(.customMessage, [.customMessageUpdateUserAttribute, .customMessageVerifyUserAttribute, .customMessageResendCode],
                  "writes the verification message", optional: true),
            .call(.customEmailSender, [.customEmailSenderUpdateUserAttribute, .customEmailSenderVerifyUserAttribute, .customEmailSenderResendCode],
                  "or, instead, delivers it by email itself", optional: true),
            .call(.customSMSSender, [.customSMSSenderUpdateUserAttribute, .customSMSSenderVerifyUserAttribute, .customSMSSenderResendCode],
                  "or, instead, delivers it by SMS itself", optional: true),
            .event("the person enters the code (VerifyUserAttribute)"),
        ]),
    ]

    /// The flow text printed by `cognito-explorer triggers --flows`: one block per journey.
    public static func text() -> String {
        var lines: [String] = []
        for flow in all {
            lines.append(flow.title)
            lines.append("  " + flow.summary)
            var number = 0
            for step in flow.steps {
                guard let trigger = step.trigger else {
                    lines.append("       · " + step.note)
                    continue
                }
                number += 1
                let title = trigger == .preTokenGenerationV1 ? "Pre token generation (V1, V2 or V3)" : Catalogue.spec(for: trigger).title
                let marks = (step.repeats ? " ↻" : "") + (step.isOptional ? " (if configured)" : "")
                lines.append("  \(number < 10 ? " " : "")\(number). \(title)\(marks)")
                lines.append("       " + step.sources.map(\.rawValue).joined(separator: ", "))
                if !step.note.isEmpty { lines.append("       " + step.note) }
            }
            lines.append("")
        }
        lines.append("↻ repeats: Cognito calls define, create and verify in turn until define ends the loop.")
        lines.append("Pre token generation runs as V1, V2 or V3 depending on the trigger version the pool uses.")
        return lines.joined(separator: "\n")
    }
}
