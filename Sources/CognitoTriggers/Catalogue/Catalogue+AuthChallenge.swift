// Define, create and verify auth challenge: the three triggers of a custom authentication flow.

extension Catalogue {
    static let defineAuthChallenge = TriggerSpec(
        trigger: .defineAuthChallenge,
        title: "Define auth challenge",
        shortLabel: "DefineAuth",
        summary: """
            Cognito calls this function when a custom authentication flow starts and again after every \
            answer. It reads the session history and decides the next step: present another challenge, \
            issue tokens, or fail the sign-in. The content of a challenge is not its job; the create and \
            verify functions handle that.
            """,
        sources: [
            TriggerSourceSpec(source: .defineAuthChallengeAuthentication, summary: """
                A custom authentication flow started, or the user just answered a challenge.
                """),
        ],
        fields: [
            requestObject,
            .field(.request, ["userAttributes"], .attributeMap, personal: .namedValues(unknownNames: .other), """
                The attributes of the user signing in, keyed by attribute name. When userNotFound is \
                true they do not belong to a real user.
                """),
            userNotFound("""
                Carry on with the usual challenges and fail at the end, so the flow looks the same as \
                for a real user.
                """),
        ]
            + sessionFields
            + [
                clientMetadata,
                responseObject,
                .field(.response, ["challengeName"], .enumeration, allowed: ["CUSTOM_CHALLENGE", "PASSWORD_VERIFIER"], """
                    The next challenge: CUSTOM_CHALLENGE to call your create function, or \
                    PASSWORD_VERIFIER to have Cognito check the password after a flow that began with \
                    SRP_A. Leave it null when you set issueTokens or failAuthentication.
                    """),
                .field(.response, ["issueTokens"], .boolean, """
                    Set to true when the user has passed enough challenges; Cognito ends the flow and \
                    issues tokens. Never set it together with failAuthentication.
                    """),
                .field(.response, ["failAuthentication"], .boolean, """
                    Set to true to end the sign-in with an error, for example after too many wrong \
                    answers. The app receives a NotAuthorizedException.
                    """),
            ]
    )

    static let createAuthChallenge = TriggerSpec(
        trigger: .createAuthChallenge,
        title: "Create auth challenge",
        shortLabel: "CreateAuth",
        summary: """
            Cognito calls this function when the define function asks for a CUSTOM_CHALLENGE. It builds \
            the challenge: public parameters the app shows to the user, and private parameters holding \
            the expected answer. Cognito passes the public part to the app and keeps the private part \
            for the verify function.
            """,
        sources: [
            TriggerSourceSpec(source: .createAuthChallengeAuthentication, summary: """
                The define function asked for a new custom challenge.
                """),
        ],
        fields: [
            requestObject,
            .field(.request, ["userAttributes"], .attributeMap, personal: .namedValues(unknownNames: .other), """
                The attributes of the user signing in, keyed by attribute name. Use them to build the \
                challenge, for example to send a one-time code to the email address.
                """),
            userNotFound("""
                Return a convincing made-up challenge, so the reply looks the same as for a real user.
                """),
            .field(.request, ["challengeName"], .enumeration, allowed: challengeNames, """
                The challenge the define function asked for. In practice it is CUSTOM_CHALLENGE, because \
                Cognito only calls this trigger for custom challenges.
                """),
        ]
            + sessionFields
            + [
                clientMetadata,
                responseObject,
                .field(.response, ["publicChallengeParameters"], .stringMap, personal: .namedValues(unknownNames: .text), """
                    What the app receives as ChallengeParameters to show the user, such as a question or \
                    a hint about where a code was sent. Never put the answer here, because the client \
                    can read all of it.
                    """),
                .field(.response, ["privateChallengeParameters"], .stringMap, personal: .namedValues(unknownNames: .code), """
                    The expected answer and anything else needed to check it, kept inside Cognito. The \
                    verify function receives this map as it is; the app never sees it.
                    """),
                .field(.response, ["challengeMetadata"], .string, personal: .value(.text), """
                    A label of your choice for this challenge, such as CAPTCHA or EMAIL_CODE. It comes \
                    back in later session entries, so the define function can tell challenges apart.
                    """),
            ]
    )

    static let verifyAuthChallengeResponse = TriggerSpec(
        trigger: .verifyAuthChallengeResponse,
        title: "Verify auth challenge response",
        shortLabel: "VerifyAuth",
        summary: """
            Cognito calls this function when the app answers a custom challenge. It compares the answer \
            with the private parameters from the create function and says whether it is right. Cognito \
            records the result in the session and calls the define function again.
            """,
        sources: [
            TriggerSourceSpec(source: .verifyAuthChallengeResponseAuthentication, summary: """
                The app sent an answer to a custom challenge.
                """),
        ],
        fields: [
            requestObject,
            .field(.request, ["userAttributes"], .attributeMap, personal: .namedValues(unknownNames: .other), """
                The attributes of the user signing in, keyed by attribute name. The expected answer \
                itself is in privateChallengeParameters, not here.
                """),
            .field(.request, ["privateChallengeParameters"], .stringMap, personal: .namedValues(unknownNames: .code), """
                The private map your create function returned for this challenge, usually holding the \
                expected answer. Compare challengeAnswer against it.
                """),
            .field(.request, ["challengeAnswer"], .string, personal: .value(.code), """
                The answer the app sent as ANSWER in its challenge response, exactly as the user gave it. \
                Treat it as untrusted input and compare secrets in constant time.
                """),
            clientMetadata,
            userNotFound("""
                Answer false, but take about as long as a real check would.
                """),
            responseObject,
            .field(.response, ["answerCorrect"], .boolean, """
                Set to true if the answer is right and false otherwise. Cognito stores it in the session \
                as challengeResult, and the define function decides what happens next.
                """),
        ]
    )
}
