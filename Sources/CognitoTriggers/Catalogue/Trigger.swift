/// One kind of Lambda function a Cognito user pool can call, as configured on the pool.
///
/// Pre token generation appears three times because each trigger version sends a different
/// event shape; the other triggers have a single shape.
public enum Trigger: String, CaseIterable, Sendable {
    /// Runs before Cognito creates a user.
    case preSignUp
    /// Runs after a user confirms the account or a password reset.
    case postConfirmation
    /// Runs for an unknown username so the function can bring the user over from another store.
    case userMigration
    /// Runs before Cognito sends a code or invitation through its own email and SMS delivery.
    case customMessage
    /// Runs when a user tries to sign in.
    case preAuthentication
    /// Runs after a user has signed in.
    case postAuthentication
    /// Pre token generation, trigger version 1: customizes the ID token.
    case preTokenGenerationV1
    /// Pre token generation, trigger version 2: customizes the ID and access tokens of users.
    case preTokenGenerationV2
    /// Pre token generation, trigger version 3: version 2 plus client credentials grants.
    case preTokenGenerationV3
    /// Decides the next step of a custom authentication flow.
    case defineAuthChallenge
    /// Builds a custom challenge.
    case createAuthChallenge
    /// Checks the answer to a custom challenge.
    case verifyAuthChallengeResponse
    /// Delivers every email of the pool in place of Cognito.
    case customEmailSender
    /// Delivers every SMS message of the pool in place of Cognito.
    case customSMSSender
    /// Transforms the attributes of users who sign in through an external identity provider.
    case inboundFederation
}

extension Trigger {
    /// The folder that holds this trigger's events in `fixtures/` and in what `import` writes
    /// (`pre-sign-up`, `pre-token-generation-v2`, ...).
    public var folderName: String {
        switch self {
        case .preSignUp: return "pre-sign-up"
        case .postConfirmation: return "post-confirmation"
        case .userMigration: return "user-migration"
        case .customMessage: return "custom-message"
        case .preAuthentication: return "pre-authentication"
        case .postAuthentication: return "post-authentication"
        case .preTokenGenerationV1: return "pre-token-generation-v1"
        case .preTokenGenerationV2: return "pre-token-generation-v2"
        case .preTokenGenerationV3: return "pre-token-generation-v3"
        case .defineAuthChallenge: return "define-auth-challenge"
        case .createAuthChallenge: return "create-auth-challenge"
        case .verifyAuthChallengeResponse: return "verify-auth-challenge-response"
        case .customEmailSender: return "custom-email-sender"
        case .customSMSSender: return "custom-sms-sender"
        case .inboundFederation: return "inbound-federation"
        }
    }
}
