import JSONDocument
import TerminalText

/// What a function's answer means to Cognito: the answer read as an event, what changed in it
/// field by field, and what Cognito does next, in words. Pure logic: the answer comes in as bytes.
///
/// Facts about Cognito's behaviour come from its developer guide and API reference; where the
/// text is what apps observe rather than what the guide says, the sentence says so.
public enum CognitoVerdict {
    /// The function's answer, read.
    public enum Answer: Sendable {
        /// A JSON object that is the event (it has the event's `triggerSource`).
        case event(TriggerEvent)
        /// A JSON object holding only response fields: the function returned `event.response`.
        case onlyResponse(JSONValue)
        /// JSON, but not an object that could be the event.
        case notTheEvent(String)
        /// Not valid UTF-8.
        case notUTF8(JSONParseError)
        /// Not JSON.
        case notJSON(JSONParseError)
    }

    /// Reads the answer to `before`.
    public static func read(_ bytes: [UInt8], answering before: TriggerEvent) -> Answer {
        let answer: TriggerEvent
        do {
            answer = try TriggerEvent(bytes: bytes)
        } catch {
            if case .invalidUTF8 = error.kind { return .notUTF8(error) }
            return .notJSON(error)
        }
        let root = answer.document.root
        guard root.kind == .object else {
            return .notTheEvent("the answer is \(article(root.kind)), not the event object")
        }
        if root["triggerSource"] != nil { return .event(answer) }
        // Without the event's fields, an object made of response fields is the response alone.
        let responseKeys = Set((before.spec?.responseFields ?? []).compactMap { $0.path.count > 1 ? $0.path[1] : nil })
            .union(before.document.root["response"]?.members.map(\.key) ?? [])
        let keys = root.members.map(\.key)
        if !keys.isEmpty && keys.allSatisfy({ responseKeys.contains($0) }) || keys.isEmpty && !responseKeys.isEmpty {
            return .onlyResponse(root.value)
        }
        return .notTheEvent("the answer is an object without triggerSource: not the event Cognito sent")
    }

    private static func article(_ kind: JSONKind) -> String {
        switch kind {
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .object: return "an object"
        }
    }

    /// One field that differs between the event sent and the event returned.
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        /// The field's path.
        public let path: JSONPath
        /// The value sent, or nil when the field was absent.
        public let before: JSONValue?
        /// The value returned, or nil when the function removed it.
        public let after: JSONValue?

        /// Whether Cognito reads this change: only fields under `response` count.
        public var isInResponse: Bool { path.first == .key("response") }

        /// `response.autoConfirmUser: false -> true`, with "(absent)" for a missing side.
        public var description: String {
            let from = before.map(\.compactText) ?? "(absent)"
            let to = after.map(\.compactText) ?? "(absent)"
            return TerminalText.escaped("\(path.dottedString): \(from) -> \(to)")
        }
    }

    /// Every field that differs, in the order of the returned event (removed fields where they were).
    /// Objects are compared member by member; arrays and scalars as whole values.
    public static func changes(from before: TriggerEvent, to after: TriggerEvent) -> [Change] {
        var changes: [Change] = []
        compare(before.document.root.value, after.document.root.value, at: [], into: &changes)
        return changes
    }

    private static func compare(_ before: JSONValue?, _ after: JSONValue?, at path: JSONPath, into changes: inout [Change]) {
        if case .object(let old)? = before, case .object(let new)? = after {
            // The last of repeated keys is the one Cognito reads.
            var oldByKey: [String: JSONValue] = [:]
            for member in old { oldByKey[member.key] = member.value }
            var newByKey: [String: JSONValue] = [:]
            for member in new { newByKey[member.key] = member.value }
            var seen = Set<String>()
            for member in old where !seen.contains(member.key) {
                seen.insert(member.key)
                compare(oldByKey[member.key], newByKey[member.key], at: path + [.key(member.key)], into: &changes)
            }
            for member in new where !seen.contains(member.key) {
                seen.insert(member.key)
                compare(nil, newByKey[member.key], at: path + [.key(member.key)], into: &changes)
            }
            return
        }
        if before.map({ $0.compactText }) != after.map({ $0.compactText }) {
            changes.append(Change(path: path, before: before, after: after))
        }
    }

    /// The name Cognito gives the trigger in the errors apps receive, such as `PreSignUp`.
    public static func cognitoName(of trigger: Trigger) -> String {
        switch trigger {
        case .preSignUp: return "PreSignUp"
        case .postConfirmation: return "PostConfirmation"
        case .userMigration: return "UserMigration"
        case .customMessage: return "CustomMessage"
        case .preAuthentication: return "PreAuthentication"
        case .postAuthentication: return "PostAuthentication"
        case .preTokenGenerationV1, .preTokenGenerationV2, .preTokenGenerationV3: return "PreTokenGeneration"
        case .defineAuthChallenge: return "DefineAuthChallenge"
        case .createAuthChallenge: return "CreateAuthChallenge"
        case .verifyAuthChallengeResponse: return "VerifyAuthChallengeResponse"
        case .customEmailSender: return "CustomEmailSender"
        case .customSMSSender: return "CustomSMSSender"
        case .inboundFederation: return "InboundFederation"
        }
    }

    /// Whether Cognito waits for this trigger's answer (all but the custom senders, per the guide).
    public static func isSynchronous(_ trigger: Trigger?) -> Bool {
        trigger != .customEmailSender && trigger != .customSMSSender
    }

    /// The guide's statement on time limits, as one sentence.
    public static let timeLimitFact = "The Cognito developer guide: a trigger function must respond within 5 seconds; if it does not, Cognito retries the call, and after 3 unsuccessful attempts the function times out. The 5-second limit cannot be changed."

    /// What Cognito does when the function reports an error with `message` (or crashes, or runs
    /// out of time, which Cognito also receives as an error).
    public static func afterError(_ trigger: Trigger?, message: String?) -> [String] {
        guard let trigger else { return ["The event has no known trigger source, so what Cognito does is unknown; Cognito fails the operation that called a failing trigger."] }
        if !isSynchronous(trigger) {
            return ["Cognito does not wait for custom sender triggers: the message is not delivered by this call."]
        }
        let name = cognitoName(of: trigger)
        var lines = ["Cognito fails the \(operation(of: trigger)): the app's request ends with an error instead of going on."]
        if let message {
            lines.append("Apps typically receive UserLambdaValidationException: \(name) failed with error \(TerminalText.escaped(message)). (the wording apps observe; the guide does not spell it out)")
        }
        return lines
    }

    /// What Cognito does with an answer it cannot use (not JSON, not UTF-8, not the event).
    public static let afterUnreadableAnswer = "Cognito cannot use this answer: it fails the operation with InvalidLambdaResponseException (the API reference: thrown when Cognito encounters an invalid Lambda response)."

    /// What Cognito does with an answer that is only the `response` object.
    public static let afterOnlyResponse = "Cognito expects the whole event back, with the response filled in (the guide: the function returns the same event object with any changes in the response). This answer is only the response object, so Cognito does not find it under response: return the event itself."

    private static func operation(of trigger: Trigger) -> String {
        switch trigger {
        case .preSignUp: return "sign-up"
        case .postConfirmation: return "confirmation"
        case .userMigration: return "sign-in or password reset of the unknown user"
        case .customMessage: return "request that sends the message"
        case .preAuthentication, .postAuthentication, .defineAuthChallenge, .createAuthChallenge, .verifyAuthChallengeResponse: return "sign-in"
        case .preTokenGenerationV1, .preTokenGenerationV2, .preTokenGenerationV3: return "token issue (sign-in or refresh)"
        case .inboundFederation: return "federated sign-in"
        case .customEmailSender, .customSMSSender: return "delivery"
        }
    }

    /// What Cognito does with a returned event, in sentences.
    public static func afterAnswer(_ event: TriggerEvent) -> [String] {
        let document = event.document
        let answer = ReturnedResponse(document: document)
        var lines: [String] = []
        switch event.trigger {
        case .preSignUp where document[["triggerSource"]]?.stringValue == "PreSignUp_AdminCreateUser":
            lines.append("Cognito creates the user with the administrator's settings; the auto-confirm and auto-verify flags are ignored for AdminCreateUser.")
        case .preSignUp:
            lines = preSignUpLines(answer)
        case .postConfirmation, .postAuthentication:
            lines.append("Cognito reads nothing from the response and goes on.")
        case .preAuthentication:
            lines.append("Cognito lets the sign-in go on (only an error from the function stops it).")
        case .customMessage:
            lines = customMessageLines(answer)
        case .userMigration:
            lines = userMigrationLines(answer)
        case .preTokenGenerationV1:
            lines = tokenGenerationV1Lines(answer)
        case .preTokenGenerationV2, .preTokenGenerationV3:
            lines = tokenGenerationV2Lines(answer)
        case .defineAuthChallenge:
            lines = defineAuthChallengeLines(answer)
        case .createAuthChallenge:
            lines = createAuthChallengeLines(answer)
        case .verifyAuthChallengeResponse:
            lines.append(answer.bool("answerCorrect") ? "Cognito records the answer as correct; define auth challenge decides what comes next." : "Cognito records the answer as wrong; define auth challenge decides what comes next.")
        case .customEmailSender, .customSMSSender:
            lines.append("Cognito does not read an answer from custom sender triggers: the function delivers the message itself.")
        case .inboundFederation:
            if let keys = answer.names(answer.value("userAttributesToMap")) {
                lines.append("Cognito maps these attributes to the user: \(keys).")
            } else {
                lines.append("Cognito maps the attributes it would map without the function.")
            }
        case nil:
            lines.append("The event has no known trigger source: what Cognito does with it is unknown.")
        }
        return lines.map(TerminalText.escaped)
    }

    /// The response of a returned event, read by key path below `response`.
    private struct ReturnedResponse {
        let document: JSONDocument

        func bool(_ key: String...) -> Bool { document[["response"] + key.map { .key($0) }]?.boolValue == true }
        func string(_ key: String...) -> String? { document[["response"] + key.map { .key($0) }]?.stringValue }
        /// The value at the path, or nil when it is absent or null.
        func value(_ key: String...) -> JSONValue? {
            let found = document[["response"] + key.map { .key($0) }]
            if case .null? = found { return nil }
            return found
        }
        /// The keys of a non-empty map, or the values of a non-empty list, joined by commas.
        func names(_ value: JSONValue?) -> String? {
            switch value {
            case .object(let members)? where !members.isEmpty: return members.map(\.key).joined(separator: ", ")
            case .array(let elements)? where !elements.isEmpty: return elements.map { $0.stringValue ?? $0.compactText }.joined(separator: ", ")
            default: return nil
            }
        }
    }

    private static func preSignUpLines(_ answer: ReturnedResponse) -> [String] {
        var steps: [String] = []
        steps.append(answer.bool("autoConfirmUser") ? "confirms the user" : "leaves the user unconfirmed (the user confirms with a code)")
        if answer.bool("autoVerifyEmail") { steps.append("marks the email as verified") }
        if answer.bool("autoVerifyPhone") { steps.append("marks the phone number as verified") }
        return ["Cognito creates the user, " + joined(steps) + "."]
    }

    private static func customMessageLines(_ answer: ReturnedResponse) -> [String] {
        var lines: [String] = []
        let email = answer.string("emailMessage"), sms = answer.string("smsMessage"), subject = answer.string("emailSubject")
        if email == nil && sms == nil && subject == nil {
            lines.append("Cognito sends its default message.")
        } else {
            if let subject { lines.append("Cognito sends the email with the subject \"\(subject)\".") }
            if let email { lines.append("Cognito sends the email message: \(email)") }
            if let sms { lines.append("Cognito sends the SMS message: \(sms)") }
        }
        return lines
    }

    private static func userMigrationLines(_ answer: ReturnedResponse) -> [String] {
        var lines: [String] = []
        let status = answer.string("finalUserStatus")
        var line = "Cognito creates the user with the returned attributes"
        if status == "CONFIRMED" { line += ", confirmed, and signs the user in with the password just typed" }
        if status == "RESET_REQUIRED" { line += "; the user must reset the password before signing in" }
        lines.append(line + ".")
        if answer.string("messageAction") == "SUPPRESS" { lines.append("Cognito sends no welcome message.") }
        if answer.bool("forceAliasCreation") { lines.append("Cognito moves an email or phone alias from another user to this one if needed.") }
        return lines
    }

    private static func tokenGenerationV1Lines(_ answer: ReturnedResponse) -> [String] {
        var lines: [String] = []
        if let added = answer.names(answer.value("claimsOverrideDetails", "claimsToAddOrOverride")) { lines.append("Cognito adds or overrides these claims in the ID token: \(added).") }
        if let removed = answer.names(answer.value("claimsOverrideDetails", "claimsToSuppress")) { lines.append("Cognito removes these claims from the ID token: \(removed).") }
        if answer.value("claimsOverrideDetails", "groupOverrideDetails") != nil { lines.append("Cognito uses the returned groups and roles in the token.") }
        if lines.isEmpty { lines.append("Cognito issues the ID token unchanged.") }
        return lines
    }

    private static func tokenGenerationV2Lines(_ answer: ReturnedResponse) -> [String] {
        var lines: [String] = []
        for (token, key) in [("ID token", "idTokenGeneration"), ("access token", "accessTokenGeneration")] {
            if let added = answer.names(answer.value("claimsAndScopeOverrideDetails", key, "claimsToAddOrOverride")) { lines.append("Cognito adds or overrides these claims in the \(token): \(added).") }
            if let removed = answer.names(answer.value("claimsAndScopeOverrideDetails", key, "claimsToSuppress")) { lines.append("Cognito removes these claims from the \(token): \(removed).") }
        }
        if let scopes = answer.names(answer.value("claimsAndScopeOverrideDetails", "accessTokenGeneration", "scopesToAdd")) { lines.append("Cognito adds these scopes to the access token: \(scopes).") }
        if let scopes = answer.names(answer.value("claimsAndScopeOverrideDetails", "accessTokenGeneration", "scopesToSuppress")) { lines.append("Cognito removes these scopes from the access token: \(scopes).") }
        if answer.value("claimsAndScopeOverrideDetails", "groupOverrideDetails") != nil { lines.append("Cognito uses the returned groups and roles in the tokens.") }
        if lines.isEmpty { lines.append("Cognito issues the tokens unchanged.") }
        return lines
    }

    private static func defineAuthChallengeLines(_ answer: ReturnedResponse) -> [String] {
        if answer.bool("failAuthentication") {
            return ["Cognito fails the sign-in."]
        } else if answer.bool("issueTokens") {
            return ["Cognito issues tokens: the user is signed in."]
        } else if let challenge = answer.string("challengeName") {
            return ["Cognito asks the user for the challenge \(challenge) next."]
        } else {
            return ["Cognito neither issues tokens nor fails the sign-in, and no challenge is named."]
        }
    }

    private static func createAuthChallengeLines(_ answer: ReturnedResponse) -> [String] {
        var lines: [String] = []
        if let keys = answer.names(answer.value("publicChallengeParameters")) { lines.append("Cognito sends the app these public challenge parameters: \(keys).") }
        if let keys = answer.names(answer.value("privateChallengeParameters")) { lines.append("Cognito keeps these private challenge parameters for the verify step: \(keys).") }
        if lines.isEmpty { lines.append("Cognito sends the challenge with no parameters.") }
        return lines
    }

    private static func joined(_ parts: [String]) -> String {
        if parts.count <= 1 { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
    }
}

extension CognitoVerdict {
    /// Everything said about one answer: how it reads, what changed, its problems and Cognito's reaction.
    public struct Report: Sendable {
        /// The answer as read.
        public let answer: Answer
        /// Field changes from the event sent (empty unless the answer is the event).
        public let changes: [Change]
        /// `validate()` on the returned event (empty unless the answer is the event).
        public let problems: [Problem]
        /// What Cognito does, in sentences.
        public let cognitoDoes: [String]

        /// Changes Cognito does not read (outside `response`).
        public var ignoredChanges: [Change] { changes.filter { !$0.isInResponse } }

        /// True when the answer is the event, without errors and without changes outside `response`.
        public var isClean: Bool {
            guard case .event = answer else { return false }
            return ignoredChanges.isEmpty && !problems.contains { $0.severity == .error }
        }
    }

    /// Reads an answer to `before` and says everything about it.
    public static func report(answer bytes: [UInt8], to before: TriggerEvent) -> Report {
        let answer = read(bytes, answering: before)
        switch answer {
        case .event(let returned):
            let problems = returned.validate()
            var does: [String] = []
            if returned.document[["triggerSource"]]?.stringValue != before.document[["triggerSource"]]?.stringValue {
                does.append("The answer's triggerSource differs from the event's; Cognito reads the answer as the trigger it called.")
            }
            if problems.contains(where: { $0.severity == .error }) {
                does.append("The response has errors (listed above) that Cognito rejects; the rest is read as follows.")
            }
            // The verdict is about the trigger Cognito called, read from the answer's response.
            var called = before
            if let response = returned.document.node(at: ["response"])?.value {
                try? called.document.setValue(response, at: ["response"], createMissing: true)
            } else if called.document.node(at: ["response"]) != nil {
                try? called.document.removeValue(at: ["response"])
            }
            does += afterAnswer(called)
            return Report(answer: answer, changes: changes(from: before, to: returned), problems: problems, cognitoDoes: does)
        case .onlyResponse:
            return Report(answer: answer, changes: [], problems: [], cognitoDoes: [afterOnlyResponse])
        case .notTheEvent, .notUTF8, .notJSON:
            return Report(answer: answer, changes: [], problems: [], cognitoDoes: [afterUnreadableAnswer])
        }
    }
}
