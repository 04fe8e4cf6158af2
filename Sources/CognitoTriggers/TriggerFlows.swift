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

    /// One step: a trigger call, a branch of the journey, or something that happens between calls.
    public struct Step: Hashable, Sendable {
        /// The trigger Cognito calls, or nil for a step that is not a trigger (a branch, or the user types a code).
        public let trigger: Trigger?
        /// The trigger sources this step sends, first the usual one.
        public let sources: [TriggerSource]
        /// When the step happens or what it depends on; for non-trigger steps, what happens.
        public let note: String
        /// True for the steps of a loop that repeats (the custom challenge).
        public let repeats: Bool
        /// True when Cognito calls the trigger only in some passes through the journey (the note
        /// says when), false when every pass calls it. Either way it runs only when the pool has
        /// a function attached to it.
        public let isOptional: Bool
        /// The response fields whose values decide what Cognito does next (empty when the
        /// function can only let the journey go on, or stop it by failing).
        public let steers: [String]
        /// True for a step that opens a branch of the journey: `note` names the branch.
        public let isBranch: Bool

        static func call(_ trigger: Trigger, _ sources: [TriggerSource], _ note: String = "",
                         repeats: Bool = false, optional: Bool = false, steers: [String] = []) -> Step {
            Step(trigger: trigger, sources: sources, note: note, repeats: repeats, isOptional: optional,
                 steers: steers, isBranch: false)
        }

        static func event(_ note: String) -> Step {
            Step(trigger: nil, sources: [], note: note, repeats: false, isOptional: false, steers: [], isBranch: false)
        }

        static func branch(_ note: String) -> Step {
            Step(trigger: nil, sources: [], note: note, repeats: false, isOptional: false, steers: [], isBranch: true)
        }
    }
}

extension TriggerFlow {
    /// The response fields of the messages Cognito sends itself.
    private static let messageFields = ["smsMessage", "emailMessage", "emailSubject"]
    private static let tokenFields = ["claimsOverrideDetails (V1)", "claimsAndScopeOverrideDetails (V2, V3)"]

    /// Every journey, in the order people usually meet them.
    public static let all: [TriggerFlow] = [
        TriggerFlow(title: "Sign-up", summary: "A person creates an account with SignUp or the hosted sign-up page, then confirms it with a code.", steps: [
            .call(.preSignUp, [.preSignUpSignUp], "may reject the sign-up, or confirm and verify the user at once",
                  steers: ["autoConfirmUser", "autoVerifyEmail", "autoVerifyPhone"]),
            .call(.customMessage, [.customMessageSignUp], "writes the confirmation message, when a code is sent (not when pre sign-up confirmed the user)",
                  optional: true, steers: messageFields),
            .call(.customEmailSender, [.customEmailSenderSignUp], "or, instead of Cognito's own email, delivers it itself", optional: true),
            .call(.customSMSSender, [.customSMSSenderSignUp], "or, instead of Cognito's own SMS, delivers it itself", optional: true),
            .event("the person enters the code (ConfirmSignUp)"),
            .call(.postConfirmation, [.postConfirmationConfirmSignUp], "the account is confirmed: welcome mail, records in other systems"),
        ]),
        TriggerFlow(title: "Sign-in", summary: "A person signs in with a password, or with custom challenges; then MFA if the user has it, and Cognito issues tokens at the end.", steps: [
            .call(.preAuthentication, [.preAuthenticationAuthentication], "may deny the sign-in (by failing) before anything is checked"),
            .branch("with a password: Cognito checks it itself"),
            .branch("or with custom challenges (CUSTOM_AUTH):"),
            .call(.defineAuthChallenge, [.defineAuthChallengeAuthentication],
                  "reads the session so far and decides: the next challenge, or the end (issueTokens signs in, failAuthentication refuses)",
                  repeats: true, steers: ["challengeName", "issueTokens", "failAuthentication"]),
            .call(.createAuthChallenge, [.createAuthChallengeAuthentication], "makes the challenge define named, when define named one",
                  repeats: true, optional: true, steers: ["publicChallengeParameters", "privateChallengeParameters", "challengeMetadata"]),
            .call(.verifyAuthChallengeResponse, [.verifyAuthChallengeResponseAuthentication], "checks the person's answer; then define runs again",
                  repeats: true, optional: true, steers: ["answerCorrect"]),
            .event("the loop ends when define sets issueTokens or failAuthentication to true"),
            .branch("then, if the user has SMS or email MFA:"),
            .call(.customMessage, [.customMessageAuthentication], "writes the message with the MFA code", optional: true, steers: messageFields),
            .call(.customEmailSender, [.customEmailSenderAuthentication], "or, instead of Cognito's own email, delivers the code itself", optional: true),
            .call(.customSMSSender, [.customSMSSenderAuthentication], "or, instead of Cognito's own SMS, delivers the code itself", optional: true),
            .event("signed in (define set issueTokens, or the password and MFA code were right): tokens come next"),
            .call(.preTokenGenerationV1, [.tokenGenerationAuthentication, .tokenGenerationNewPasswordChallenge, .tokenGenerationAuthenticateDevice],
                  "changes the claims (and with V2 or V3 the scopes) of the tokens about to be issued", steers: tokenFields),
            .call(.postAuthentication, [.postAuthenticationAuthentication], "the sign-in succeeded: logging, analytics"),
        ]),
        TriggerFlow(title: "Migration", summary: "A person Cognito does not know yet signs in or resets a password; the function brings them over from the old user store.", steps: [
            .call(.userMigration, [.userMigrationAuthentication, .userMigrationForgotPassword], "checks the person against the old system and returns their attributes",
                  steers: ["userAttributes", "finalUserStatus", "messageAction", "desiredDeliveryMediums", "forceAliasCreation", "enableSMSMFA"]),
            .event("Cognito creates the user, then the sign-in (or the password reset) goes on as usual"),
            .call(.preTokenGenerationV1, [.tokenGenerationAuthentication], "as in any sign-in", steers: tokenFields),
            .call(.postAuthentication, [.postAuthenticationAuthentication], "as in any sign-in"),
        ]),
        TriggerFlow(title: "Forgot password", summary: "A person asks for a reset code (ForgotPassword) and sets a new password with it.", steps: [
            .call(.userMigration, [.userMigrationForgotPassword], "only for people not yet in the pool", optional: true,
                  steers: ["userAttributes", "finalUserStatus", "messageAction", "desiredDeliveryMediums"]),
            .call(.customMessage, [.customMessageForgotPassword], "writes the reset message", optional: true, steers: messageFields),
            .call(.customEmailSender, [.customEmailSenderForgotPassword], "or, instead of Cognito's own email, delivers it itself", optional: true),
            .call(.customSMSSender, [.customSMSSenderForgotPassword], "or, instead of Cognito's own SMS, delivers it itself", optional: true),
            .event("the person enters the code and a new password (ConfirmForgotPassword)"),
            .call(.postConfirmation, [.postConfirmationConfirmForgotPassword], "the new password is set"),
        ]),
        TriggerFlow(title: "Token refresh", summary: "An app trades its refresh token for new ID and access tokens; no password is involved.", steps: [
            .call(.preTokenGenerationV1, [.tokenGenerationRefreshTokens], "the only trigger that runs: the claims of the new tokens", steers: tokenFields),
        ]),
        TriggerFlow(title: "Client credentials (machine to machine)", summary: "A program, not a person, asks for an access token with an app client secret.", steps: [
            .call(.preTokenGenerationV3, [.tokenGenerationClientCredentials], "runs only when the pool uses pre token generation V3; there is no user and no ID token",
                  optional: true, steers: ["claimsAndScopeOverrideDetails"]),
        ]),
        TriggerFlow(title: "Federated sign-in", summary: "A person signs in through an external identity provider (SAML, OIDC, Google, Facebook, Apple, Amazon) on the hosted pages.", steps: [
            .call(.inboundFederation, [.inboundFederationExternalProvider], "chooses which of the provider's attributes reach the user profile",
                  steers: ["userAttributesToMap"]),
            .call(.preSignUp, [.preSignUpExternalProvider], "only the first time this person arrives", optional: true,
                  steers: ["autoConfirmUser", "autoVerifyEmail", "autoVerifyPhone"]),
            .call(.postConfirmation, [.postConfirmationConfirmSignUp], "only the first time", optional: true),
            .call(.preTokenGenerationV1, [.tokenGenerationHostedAuth], "the claims of the tokens", steers: tokenFields),
            .call(.postAuthentication, [.postAuthenticationAuthentication], "the sign-in succeeded"),
        ]),
        TriggerFlow(title: "Administrator creates a user", summary: "An administrator calls AdminCreateUser; the person gets an invitation with a temporary password.", steps: [
            .call(.preSignUp, [.preSignUpAdminCreateUser], "may reject the user; the confirm and verify flags have no effect here"),
            .call(.customMessage, [.customMessageAdminCreateUser], "writes the invitation with the user name and temporary password", optional: true,
                  steers: messageFields),
            .call(.customEmailSender, [.customEmailSenderAdminCreateUser], "or, instead of Cognito's own email, delivers it itself", optional: true),
            .call(.customSMSSender, [.customSMSSenderAdminCreateUser], "or, instead of Cognito's own SMS, delivers it itself", optional: true),
        ]),
        TriggerFlow(title: "Account takeover alert", summary: "With threat protection on, Cognito notices a risky sign-in and tells the person.", steps: [
            .call(.customEmailSender, [.customEmailSenderAccountTakeOverNotification], "delivers the warning email itself, when threat protection notifies", optional: true),
        ]),
        TriggerFlow(title: "Attribute change", summary: "A person changes or verifies an email address or phone number.", steps: [
            .call(.customMessage, [.customMessageUpdateUserAttribute, .customMessageVerifyUserAttribute, .customMessageResendCode],
                  "writes the verification message", optional: true, steers: messageFields),
            .call(.customEmailSender, [.customEmailSenderUpdateUserAttribute, .customEmailSenderVerifyUserAttribute, .customEmailSenderResendCode],
                  "or, instead of Cognito's own email, delivers it itself", optional: true),
            .call(.customSMSSender, [.customSMSSenderUpdateUserAttribute, .customSMSSenderVerifyUserAttribute, .customSMSSenderResendCode],
                  "or, instead of Cognito's own SMS, delivers it itself", optional: true),
            .event("the person enters the code (VerifyUserAttribute)"),
        ]),
    ]

    /// What the two marks of a trigger step mean, for legends.
    public static let everyPassMeaning = "called every time the journey gets here"
    /// What the mark of a step that Cognito calls only in some passes means.
    public static let somePassesMeaning = "called only in some cases (its note says when)"
    /// What holds for every trigger, whatever its mark.
    public static let attachedNote = "Every trigger runs only when the pool has a function attached to it."

    /// The flow text printed by `cognito-explorer triggers --flows`: one block per journey (only
    /// the journeys in `flows`, all by default).
    public static func text(flows: [TriggerFlow] = all) -> String {
        var lines: [String] = []
        for flow in flows {
            lines.append(flow.title)
            lines.append("  " + flow.summary)
            var number = 0
            for step in flow.steps {
                guard let trigger = step.trigger else {
                    lines.append(step.isBranch ? "     ├ " + step.note : "       · " + step.note)
                    continue
                }
                number += 1
                let title = trigger == .preTokenGenerationV1 ? "Pre token generation (V1, V2 or V3)" : Catalogue.spec(for: trigger).title
                let marks = (step.repeats ? " ↻" : "") + (step.isOptional ? " ○" : " ●")
                lines.append("  \(number < 10 ? " " : "")\(number). \(title)\(marks)")
                lines.append("       " + step.sources.map(\.rawValue).joined(separator: ", "))
                if !step.note.isEmpty { lines.append("       " + step.note) }
                if !step.steers.isEmpty { lines.append("       steered by: " + step.steers.joined(separator: ", ")) }
            }
            lines.append("")
        }
        lines.append("● \(everyPassMeaning); ○ \(somePassesMeaning).")
        lines.append(attachedNote)
        lines.append("↻ repeats: Cognito calls define, create and verify in turn until define sets issueTokens or failAuthentication.")
        lines.append("Pre token generation runs as V1, V2 or V3 depending on the trigger version the pool uses.")
        return lines.joined(separator: "\n")
    }

    /// The journeys in which `trigger` runs (any version of pre token generation matches any other).
    public static func flows(with trigger: Trigger) -> [TriggerFlow] {
        let tokens: Set<Trigger> = [.preTokenGenerationV1, .preTokenGenerationV2, .preTokenGenerationV3]
        return all.filter { flow in
            flow.steps.contains { step in
                guard let stepTrigger = step.trigger else { return false }
                return stepTrigger == trigger || (tokens.contains(stepTrigger) && tokens.contains(trigger))
            }
        }
    }
}
