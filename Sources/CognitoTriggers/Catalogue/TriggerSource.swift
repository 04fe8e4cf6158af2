/// The `triggerSource` value of an event: which situation made Cognito call the function.
///
/// Strings Cognito may add later become `.unknown`, so reading an event never fails on this field.
public enum TriggerSource: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
    /// `PreSignUp_SignUp`
    case preSignUpSignUp
    /// `PreSignUp_AdminCreateUser`
    case preSignUpAdminCreateUser
    /// `PreSignUp_ExternalProvider`
    case preSignUpExternalProvider
    /// `PostConfirmation_ConfirmSignUp`
    case postConfirmationConfirmSignUp
    /// `PostConfirmation_ConfirmForgotPassword`
    case postConfirmationConfirmForgotPassword
    /// `UserMigration_Authentication`
    case userMigrationAuthentication
    /// `UserMigration_ForgotPassword`
    case userMigrationForgotPassword
    /// `CustomMessage_SignUp`
    case customMessageSignUp
    /// `CustomMessage_AdminCreateUser`
    case customMessageAdminCreateUser
    /// `CustomMessage_ResendCode`
    case customMessageResendCode
    /// `CustomMessage_ForgotPassword`
    case customMessageForgotPassword
    /// `CustomMessage_UpdateUserAttribute`
    case customMessageUpdateUserAttribute
    /// `CustomMessage_VerifyUserAttribute`
    case customMessageVerifyUserAttribute
    /// `CustomMessage_Authentication`
    case customMessageAuthentication
    /// `PreAuthentication_Authentication`
    case preAuthenticationAuthentication
    /// `PostAuthentication_Authentication`
    case postAuthenticationAuthentication
    /// `TokenGeneration_HostedAuth`
    case tokenGenerationHostedAuth
    /// `TokenGeneration_Authentication`
    case tokenGenerationAuthentication
    /// `TokenGeneration_NewPasswordChallenge`
    case tokenGenerationNewPasswordChallenge
    /// `TokenGeneration_AuthenticateDevice`
    case tokenGenerationAuthenticateDevice
    /// `TokenGeneration_RefreshTokens`
    case tokenGenerationRefreshTokens
    /// `TokenGeneration_ClientCredentials` (trigger version 3 only)
    case tokenGenerationClientCredentials
    /// `DefineAuthChallenge_Authentication`
    case defineAuthChallengeAuthentication
    /// `CreateAuthChallenge_Authentication`
    case createAuthChallengeAuthentication
    /// `VerifyAuthChallengeResponse_Authentication`
    case verifyAuthChallengeResponseAuthentication
    /// `CustomEmailSender_SignUp`
    case customEmailSenderSignUp
    /// `CustomEmailSender_ResendCode`
    case customEmailSenderResendCode
    /// `CustomEmailSender_ForgotPassword`
    case customEmailSenderForgotPassword
    /// `CustomEmailSender_UpdateUserAttribute`
    case customEmailSenderUpdateUserAttribute
    /// `CustomEmailSender_VerifyUserAttribute`
    case customEmailSenderVerifyUserAttribute
    /// `CustomEmailSender_AdminCreateUser`
    case customEmailSenderAdminCreateUser
    /// `CustomEmailSender_AccountTakeOverNotification`
    case customEmailSenderAccountTakeOverNotification
    /// `CustomEmailSender_Authentication`
    case customEmailSenderAuthentication
    /// `CustomSMSSender_SignUp`
    case customSMSSenderSignUp
    /// `CustomSMSSender_ResendCode`
    case customSMSSenderResendCode
    /// `CustomSMSSender_ForgotPassword`
    case customSMSSenderForgotPassword
    /// `CustomSMSSender_UpdateUserAttribute`
    case customSMSSenderUpdateUserAttribute
    /// `CustomSMSSender_VerifyUserAttribute`
    case customSMSSenderVerifyUserAttribute
    /// `CustomSMSSender_Authentication`
    case customSMSSenderAuthentication
    /// `CustomSMSSender_AdminCreateUser`
    case customSMSSenderAdminCreateUser
    /// `InboundFederation_ExternalProvider`
    case inboundFederationExternalProvider
    /// A value this library does not know, kept exactly as it appeared in the event.
    case unknown(String)

    /// Every source this library knows, grouped by trigger in the order of `Trigger.allCases`.
    public static let known: [TriggerSource] = [
        .preSignUpSignUp, .preSignUpAdminCreateUser, .preSignUpExternalProvider,
        .postConfirmationConfirmSignUp, .postConfirmationConfirmForgotPassword,
        .userMigrationAuthentication, .userMigrationForgotPassword,
        .customMessageSignUp, .customMessageAdminCreateUser, .customMessageResendCode,
        .customMessageForgotPassword, .customMessageUpdateUserAttribute,
        .customMessageVerifyUserAttribute, .customMessageAuthentication,
        .preAuthenticationAuthentication,
        .postAuthenticationAuthentication,
        .tokenGenerationHostedAuth, .tokenGenerationAuthentication,
        .tokenGenerationNewPasswordChallenge, .tokenGenerationAuthenticateDevice,
        .tokenGenerationRefreshTokens, .tokenGenerationClientCredentials,
        .defineAuthChallengeAuthentication,
        .createAuthChallengeAuthentication,
        .verifyAuthChallengeResponseAuthentication,
        .customEmailSenderSignUp, .customEmailSenderResendCode, .customEmailSenderForgotPassword,
        .customEmailSenderUpdateUserAttribute, .customEmailSenderVerifyUserAttribute,
        .customEmailSenderAdminCreateUser, .customEmailSenderAccountTakeOverNotification,
        .customEmailSenderAuthentication,
        .customSMSSenderSignUp, .customSMSSenderResendCode, .customSMSSenderForgotPassword,
        .customSMSSenderUpdateUserAttribute, .customSMSSenderVerifyUserAttribute,
        .customSMSSenderAuthentication, .customSMSSenderAdminCreateUser,
        .inboundFederationExternalProvider,
    ]

    private static let byRawValue: [String: TriggerSource] = {
        var table: [String: TriggerSource] = [:]
        for source in known { table[source.rawValue] = source }
        return table
    }()

    /// Reads a `triggerSource` string; strings outside `known` become `.unknown` rather than failing.
    public init(rawValue: String) {
        self = Self.byRawValue[rawValue] ?? .unknown(rawValue)
    }

    /// The exact string Cognito writes in the `triggerSource` field.
    public var rawValue: String {
        switch self {
        case .preSignUpSignUp: "PreSignUp_SignUp"
        case .preSignUpAdminCreateUser: "PreSignUp_AdminCreateUser"
        case .preSignUpExternalProvider: "PreSignUp_ExternalProvider"
        case .postConfirmationConfirmSignUp: "PostConfirmation_ConfirmSignUp"
        case .postConfirmationConfirmForgotPassword: "PostConfirmation_ConfirmForgotPassword"
        case .userMigrationAuthentication: "UserMigration_Authentication"
        case .userMigrationForgotPassword: "UserMigration_ForgotPassword"
        case .customMessageSignUp: "CustomMessage_SignUp"
        case .customMessageAdminCreateUser: "CustomMessage_AdminCreateUser"
        case .customMessageResendCode: "CustomMessage_ResendCode"
        case .customMessageForgotPassword: "CustomMessage_ForgotPassword"
        case .customMessageUpdateUserAttribute: "CustomMessage_UpdateUserAttribute"
        case .customMessageVerifyUserAttribute: "CustomMessage_VerifyUserAttribute"
        case .customMessageAuthentication: "CustomMessage_Authentication"
        case .preAuthenticationAuthentication: "PreAuthentication_Authentication"
        case .postAuthenticationAuthentication: "PostAuthentication_Authentication"
        case .tokenGenerationHostedAuth: "TokenGeneration_HostedAuth"
        case .tokenGenerationAuthentication: "TokenGeneration_Authentication"
        case .tokenGenerationNewPasswordChallenge: "TokenGeneration_NewPasswordChallenge"
        case .tokenGenerationAuthenticateDevice: "TokenGeneration_AuthenticateDevice"
        case .tokenGenerationRefreshTokens: "TokenGeneration_RefreshTokens"
        case .tokenGenerationClientCredentials: "TokenGeneration_ClientCredentials"
        case .defineAuthChallengeAuthentication: "DefineAuthChallenge_Authentication"
        case .createAuthChallengeAuthentication: "CreateAuthChallenge_Authentication"
        case .verifyAuthChallengeResponseAuthentication: "VerifyAuthChallengeResponse_Authentication"
        case .customEmailSenderSignUp: "CustomEmailSender_SignUp"
        case .customEmailSenderResendCode: "CustomEmailSender_ResendCode"
        case .customEmailSenderForgotPassword: "CustomEmailSender_ForgotPassword"
        case .customEmailSenderUpdateUserAttribute: "CustomEmailSender_UpdateUserAttribute"
        case .customEmailSenderVerifyUserAttribute: "CustomEmailSender_VerifyUserAttribute"
        case .customEmailSenderAdminCreateUser: "CustomEmailSender_AdminCreateUser"
        case .customEmailSenderAccountTakeOverNotification: "CustomEmailSender_AccountTakeOverNotification"
        case .customEmailSenderAuthentication: "CustomEmailSender_Authentication"
        case .customSMSSenderSignUp: "CustomSMSSender_SignUp"
        case .customSMSSenderResendCode: "CustomSMSSender_ResendCode"
        case .customSMSSenderForgotPassword: "CustomSMSSender_ForgotPassword"
        case .customSMSSenderUpdateUserAttribute: "CustomSMSSender_UpdateUserAttribute"
        case .customSMSSenderVerifyUserAttribute: "CustomSMSSender_VerifyUserAttribute"
        case .customSMSSenderAuthentication: "CustomSMSSender_Authentication"
        case .customSMSSenderAdminCreateUser: "CustomSMSSender_AdminCreateUser"
        case .inboundFederationExternalProvider: "InboundFederation_ExternalProvider"
        case .unknown(let value): value
        }
    }

    /// The raw string, as it appears in events.
    public var description: String { rawValue }

    /// True for every source except `.unknown`.
    public var isKnown: Bool {
        if case .unknown = self { return false }
        return true
    }

    /// The triggers whose events can carry this source; empty for `.unknown`.
    ///
    /// Pre token generation sources belong to all three trigger versions, except
    /// `TokenGeneration_ClientCredentials`, which only version 3 receives.
    public var triggers: [Trigger] {
        switch self {
        case .preSignUpSignUp, .preSignUpAdminCreateUser, .preSignUpExternalProvider:
            [.preSignUp]
        case .postConfirmationConfirmSignUp, .postConfirmationConfirmForgotPassword:
            [.postConfirmation]
        case .userMigrationAuthentication, .userMigrationForgotPassword:
            [.userMigration]
        case .customMessageSignUp, .customMessageAdminCreateUser, .customMessageResendCode,
             .customMessageForgotPassword, .customMessageUpdateUserAttribute,
             .customMessageVerifyUserAttribute, .customMessageAuthentication:
            [.customMessage]
        case .preAuthenticationAuthentication:
            [.preAuthentication]
        case .postAuthenticationAuthentication:
            [.postAuthentication]
        case .tokenGenerationHostedAuth, .tokenGenerationAuthentication,
             .tokenGenerationNewPasswordChallenge, .tokenGenerationAuthenticateDevice,
             .tokenGenerationRefreshTokens:
            [.preTokenGenerationV1, .preTokenGenerationV2, .preTokenGenerationV3]
        case .tokenGenerationClientCredentials:
            [.preTokenGenerationV3]
        case .defineAuthChallengeAuthentication:
            [.defineAuthChallenge]
        case .createAuthChallengeAuthentication:
            [.createAuthChallenge]
        case .verifyAuthChallengeResponseAuthentication:
            [.verifyAuthChallengeResponse]
        case .customEmailSenderSignUp, .customEmailSenderResendCode, .customEmailSenderForgotPassword,
             .customEmailSenderUpdateUserAttribute, .customEmailSenderVerifyUserAttribute,
             .customEmailSenderAdminCreateUser, .customEmailSenderAccountTakeOverNotification,
             .customEmailSenderAuthentication:
            [.customEmailSender]
        case .customSMSSenderSignUp, .customSMSSenderResendCode, .customSMSSenderForgotPassword,
             .customSMSSenderUpdateUserAttribute, .customSMSSenderVerifyUserAttribute,
             .customSMSSenderAuthentication, .customSMSSenderAdminCreateUser:
            [.customSMSSender]
        case .inboundFederationExternalProvider:
            [.inboundFederation]
        case .unknown:
            []
        }
    }
}
