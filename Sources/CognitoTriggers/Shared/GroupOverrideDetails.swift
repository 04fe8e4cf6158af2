import JSONDocument

/// The user's groups and IAM roles: in the request, what the pool has; in the response, what the
/// tokens should say instead.
public struct GroupOverrideDetails: EventView {
    public var document: JSONDocument
    public let basePath: JSONPath

    /// Group names to put in the `cognito:groups` claim.
    public var groupsToOverride: [String]? { get { self["groupsToOverride", .stringList] } set { self["groupsToOverride", .stringList] = newValue } }
    /// IAM role ARNs to put in the `cognito:roles` claim.
    public var iamRolesToOverride: [String]? { get { self["iamRolesToOverride", .stringList] } set { self["iamRolesToOverride", .stringList] = newValue } }
    /// The IAM role ARN to put in the `cognito:preferred_role` claim.
    public var preferredRole: String? { get { self["preferredRole", .string] } set { self["preferredRole", .string] = newValue } }
}

/// What a pre token generation V1 function returns: claims to add, claims to remove, and groups.
public struct ClaimsOverrideDetails: EventView {
    public var document: JSONDocument
    public let basePath: JSONPath

    /// Claims to add to the ID token or to replace there; V1 values are strings.
    public var claimsToAddOrOverride: [String: String]? { get { self["claimsToAddOrOverride", .stringMap] } set { self["claimsToAddOrOverride", .stringMap] = newValue } }
    /// Claim names to remove from the ID token.
    public var claimsToSuppress: [String]? { get { self["claimsToSuppress", .stringList] } set { self["claimsToSuppress", .stringList] = newValue } }
    /// The groups and roles override; setting it to an empty object removes the user's groups.
    ///
    /// Reading gives a view whether or not the object exists; its setters create it on demand.
    public var groupOverrideDetails: GroupOverrideDetails {
        get { GroupOverrideDetails(document: document, basePath: path("groupOverrideDetails")) }
        set { document = newValue.document }
    }

    /// Replaces the whole `groupOverrideDetails` object (an empty map suppresses all groups).
    public mutating func setGroupOverrideDetails(_ value: [String: JSONValue]) {
        write("groupOverrideDetails", JSONValue.valueObject(value))
    }

    /// Sets `groupOverrideDetails.groupsToOverride`, creating the object when needed.
    public mutating func setGroupConfigurationGroupsToOverride(_ groups: [String]) {
        groupOverrideDetails.groupsToOverride = groups
    }

    /// Sets `groupOverrideDetails.iamRolesToOverride`, creating the object when needed.
    public mutating func setGroupConfigurationIAMRolesToOverride(_ roles: [String]) {
        groupOverrideDetails.iamRolesToOverride = roles
    }

    /// Sets `groupOverrideDetails.preferredRole`, creating the object when needed.
    public mutating func setGroupConfigurationPreferredRole(_ role: String) {
        groupOverrideDetails.preferredRole = role
    }
}

/// What a pre token generation V2 or V3 function returns for one token.
public struct TokenGeneration: EventView {
    public var document: JSONDocument
    public let basePath: JSONPath

    /// Claims to add or replace; V2 and V3 values may be strings, numbers, booleans, lists or objects.
    public var claimsToAddOrOverride: [String: JSONValue]? { get { self["claimsToAddOrOverride", .valueMap] } set { self["claimsToAddOrOverride", .valueMap] = newValue } }
    /// Claim names to remove.
    public var claimsToSuppress: [String]? { get { self["claimsToSuppress", .stringList] } set { self["claimsToSuppress", .stringList] = newValue } }
    /// OAuth scopes to add (access token only).
    public var scopesToAdd: [String]? { get { self["scopesToAdd", .stringList] } set { self["scopesToAdd", .stringList] = newValue } }
    /// OAuth scopes to remove (access token only).
    public var scopesToSuppress: [String]? { get { self["scopesToSuppress", .stringList] } set { self["scopesToSuppress", .stringList] = newValue } }
}

/// What a pre token generation V2 or V3 function returns for all tokens.
public struct ClaimsAndScopeOverrideDetails: EventView {
    public var document: JSONDocument
    public let basePath: JSONPath

    /// The ID token's changes; created on first access, also where the event holds `null`.
    public var idTokenGeneration: TokenGeneration {
        mutating get { objectMember("idTokenGeneration", TokenGeneration.init) }
        set { document = newValue.document }
    }
    /// The access token's changes; created on first access, also where the event holds `null`.
    public var accessTokenGeneration: TokenGeneration {
        mutating get { objectMember("accessTokenGeneration", TokenGeneration.init) }
        set { document = newValue.document }
    }
    /// The groups and roles override.
    public var groupOverrideDetails: GroupOverrideDetails {
        get { GroupOverrideDetails(document: document, basePath: path("groupOverrideDetails")) }
        set { document = newValue.document }
    }

    /// Replaces the whole `groupOverrideDetails` object (an empty map suppresses all groups).
    public mutating func setGroupOverrideDetails(_ value: [String: JSONValue]) {
        write("groupOverrideDetails", JSONValue.valueObject(value))
    }
}
