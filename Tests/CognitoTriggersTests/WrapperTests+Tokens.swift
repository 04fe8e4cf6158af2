import JSONDocument
import Testing
@testable import CognitoTriggers

@Suite("Wrapper: pre token generation V1")
struct PreTokenGenerationV1WrapperTests {
    static let text = Wrap.event("TokenGeneration_HostedAuth", """
          "request": {
            "userAttributes": {
              "sub": "0a1b2c3d",
              "email_verified": "true"
            },
            "groupConfiguration": {
              "groupsToOverride": [
                "readers"
              ],
              "iamRolesToOverride": [
                "arn:aws:iam::123456789012:role/readers"
              ],
              "preferredRole": null
            },
            "clientMetadata": {
              "a": "b"
            }
          },
          "response": {
            "claimsOverrideDetails": null
          }
        """)

    static func event(_ text: String = text) throws -> PreTokenGenerationEvent {
        try #require(try Wrap.typed(text).preTokenGenerationV1)
    }

    @Test func readsRequest() throws {
        let e = try Self.event()
        #expect(try e.request.userAttributes == ["sub": "0a1b2c3d", "email_verified": "true"])
        #expect(try e.request.clientMetadata == ["a": "b"])
        #expect(e.request.groupConfiguration.groupsToOverride == ["readers"])
        #expect(e.request.groupConfiguration.iamRolesToOverride == ["arn:aws:iam::123456789012:role/readers"])
        #expect(e.request.groupConfiguration.preferredRole == nil)
        #expect(try e.request.scopes == [])
    }

    @Test("userAttributes and clientMetadata read [:] when absent (machine-to-machine events have none)")
    func absentMaps() throws {
        let e = try Self.event(Wrap.event("TokenGeneration_HostedAuth", "  \"request\": {},\n  \"response\": {}"))
        #expect(try e.request.userAttributes == [:])
        #expect(try e.request.clientMetadata == [:])
        #expect(e.request.groupConfiguration.groupsToOverride == nil)
    }

    @Test("claimsOverrideDetails is created on first access where the event holds null")
    func claimsOverrideDetailsCreatedFromNull() throws {
        var e = try Self.event()
        let details = e.response.claimsOverrideDetails
        #expect(details.claimsToAddOrOverride == nil)
        #expect(details.claimsToSuppress == nil)
        #expect(details.groupOverrideDetails.groupsToOverride == nil)
        #expect(e.document.text == (try Wrap.replacing(Self.text, "\"claimsOverrideDetails\": null", "\"claimsOverrideDetails\": {}")))
    }

    @Test("claimsOverrideDetails is created on first access where the response lacks it")
    func claimsOverrideDetailsCreatedWhenAbsent() throws {
        let text = try Wrap.replacing(Self.text, "{\n    \"claimsOverrideDetails\": null\n  }", "{}")
        var e = try Self.event(text)
        _ = e.response.claimsOverrideDetails
        #expect(e.document.text == (try Wrap.replacing(text, "\"response\": {}", "\"response\": {\n    \"claimsOverrideDetails\": {}\n  }")))
    }

    @Test func claimsToAddOrOverride() throws {
        var e = try Self.event()
        e.response.claimsOverrideDetails.claimsToAddOrOverride = ["tier": "gold", "locale": "de"]
        let expected = try Wrap.replacing(Self.text, "\"claimsOverrideDetails\": null", """
            "claimsOverrideDetails": {
                  "claimsToAddOrOverride": {
                    "locale": "de",
                    "tier": "gold"
                  }
                }
            """)
        #expect(e.document.text == expected)
        #expect(e.response.claimsOverrideDetails.claimsToAddOrOverride == ["tier": "gold", "locale": "de"])
    }

    @Test func claimsToSuppress() throws {
        var e = try Self.event()
        e.response.claimsOverrideDetails.claimsToSuppress = ["email", "phone_number"]
        let expected = try Wrap.replacing(Self.text, "\"claimsOverrideDetails\": null", """
            "claimsOverrideDetails": {
                  "claimsToSuppress": [
                    "email",
                    "phone_number"
                  ]
                }
            """)
        #expect(e.document.text == expected)
        #expect(e.response.claimsOverrideDetails.claimsToSuppress == ["email", "phone_number"])
    }

    @Test("The three group setters create groupOverrideDetails on demand", arguments: ["groups", "roles", "preferred"])
    func groupSetters(which: String) throws {
        var e = try Self.event()
        let member: String
        switch which {
        case "groups":
            e.response.claimsOverrideDetails.setGroupConfigurationGroupsToOverride(["admins"])
            member = "\"groupsToOverride\": [\n          \"admins\"\n        ]"
            #expect(e.response.claimsOverrideDetails.groupOverrideDetails.groupsToOverride == ["admins"])
        case "roles":
            e.response.claimsOverrideDetails.setGroupConfigurationIAMRolesToOverride(["arn:aws:iam::123456789012:role/a"])
            member = "\"iamRolesToOverride\": [\n          \"arn:aws:iam::123456789012:role/a\"\n        ]"
            #expect(e.response.claimsOverrideDetails.groupOverrideDetails.iamRolesToOverride == ["arn:aws:iam::123456789012:role/a"])
        default:
            e.response.claimsOverrideDetails.setGroupConfigurationPreferredRole("arn:aws:iam::123456789012:role/a")
            member = "\"preferredRole\": \"arn:aws:iam::123456789012:role/a\""
            #expect(e.response.claimsOverrideDetails.groupOverrideDetails.preferredRole == "arn:aws:iam::123456789012:role/a")
        }
        let expected = try Wrap.replacing(Self.text, "\"claimsOverrideDetails\": null",
            "\"claimsOverrideDetails\": {\n      \"groupOverrideDetails\": {\n        \(member)\n      }\n    }")
        #expect(e.document.text == expected)
    }

    @Test("All three group setters fill one groupOverrideDetails object")
    func allGroupSetters() throws {
        var e = try Self.event()
        e.response.claimsOverrideDetails.setGroupConfigurationGroupsToOverride(["admins"])
        e.response.claimsOverrideDetails.setGroupConfigurationIAMRolesToOverride([])
        e.response.claimsOverrideDetails.setGroupConfigurationPreferredRole("arn:aws:iam::123456789012:role/a")
        let groups = e.response.claimsOverrideDetails.groupOverrideDetails
        #expect(groups.groupsToOverride == ["admins"])
        #expect(groups.iamRolesToOverride == [])
        #expect(groups.preferredRole == "arn:aws:iam::123456789012:role/a")
        #expect(e.document[["response", "claimsOverrideDetails", "groupOverrideDetails"]] == [
            "groupsToOverride": ["admins"], "iamRolesToOverride": [], "preferredRole": "arn:aws:iam::123456789012:role/a",
        ])
    }

    @Test("setGroupOverrideDetails([:]) writes {}, which suppresses the groups")
    func emptyGroupOverride() throws {
        var e = try Self.event()
        e.response.claimsOverrideDetails.setGroupOverrideDetails([:])
        let expected = try Wrap.replacing(Self.text, "\"claimsOverrideDetails\": null",
            "\"claimsOverrideDetails\": {\n      \"groupOverrideDetails\": {}\n    }")
        #expect(e.document.text == expected)
        #expect(e.response.claimsOverrideDetails.groupOverrideDetails.groupsToOverride == nil)
    }

    @Test("setGroupOverrideDetails replaces the whole object")
    func replaceGroupOverride() throws {
        var e = try Self.event()
        e.response.claimsOverrideDetails.setGroupConfigurationPreferredRole("old")
        e.response.claimsOverrideDetails.setGroupOverrideDetails(["groupsToOverride": ["a"]])
        #expect(e.document[["response", "claimsOverrideDetails", "groupOverrideDetails"]] == ["groupsToOverride": ["a"]])
    }

    @Test("Response values of the wrong type read as nil")
    func wrongResponseTypes() throws {
        let text = try Wrap.replacing(Self.text, "\"claimsOverrideDetails\": null",
            "\"claimsOverrideDetails\": {\"claimsToSuppress\": \"email\", \"claimsToAddOrOverride\": [1]}")
        var e = try Self.event(text)
        #expect(e.response.claimsOverrideDetails.claimsToSuppress == nil)
        #expect(e.response.claimsOverrideDetails.claimsToAddOrOverride == nil)
        #expect(e.document.text == text)
    }

    @Test("A groupConfiguration of the wrong shape reads as nil lists")
    func wrongGroupConfiguration() throws {
        let text = try Wrap.replacing(Self.text, "\"readers\"\n      ]", "3\n      ]")
        #expect(try Self.event(text).request.groupConfiguration.groupsToOverride == nil)
    }
}

@Suite("Wrapper: pre token generation V2 and V3")
struct PreTokenGenerationV2WrapperTests {
    static let text = Wrap.event("TokenGeneration_Authentication", version: "2", """
          "request": {
            "userAttributes": {
              "sub": "0a1b2c3d"
            },
            "groupConfiguration": {
              "groupsToOverride": [],
              "iamRolesToOverride": [],
              "preferredRole": null
            },
            "scopes": [
              "openid",
              "aws.cognito.signin.user.admin"
            ]
          },
          "response": {
            "claimsAndScopeOverrideDetails": null
          }
        """)

    static func event(_ text: String = text) throws -> PreTokenGenerationV2Event {
        try #require(try Wrap.typed(text).preTokenGenerationV2)
    }

    @Test func readsRequest() throws {
        let e = try Self.event()
        #expect(try e.request.scopes == ["openid", "aws.cognito.signin.user.admin"])
        #expect(try e.request.userAttributes == ["sub": "0a1b2c3d"])
        #expect(try e.request.clientMetadata == [:])
        #expect(e.request.groupConfiguration.groupsToOverride == [])
    }

    @Test("A scopes value that is not a list of strings is a FieldError")
    func scopesWrongType() throws {
        let text = try Wrap.replacing(Self.text, "\"openid\",", "1,")
        let e = try Self.event(text)
        #expect(Wrap.error { () throws(FieldError) in try e.request.scopes }?.description
            == "request.scopes: expected a list of strings, found an array")
    }

    @Test("claimsAndScopeOverrideDetails is created on first access where the event holds null")
    func detailsCreated() throws {
        var e = try Self.event()
        _ = e.response.claimsAndScopeOverrideDetails
        #expect(e.document.text == (try Wrap.replacing(Self.text, "\"claimsAndScopeOverrideDetails\": null", "\"claimsAndScopeOverrideDetails\": {}")))
    }

    @Test("idTokenGeneration and accessTokenGeneration are created on first access, also where they are null")
    func tokenGenerationCreated() throws {
        let text = try Wrap.replacing(Self.text, "\"claimsAndScopeOverrideDetails\": null",
            "\"claimsAndScopeOverrideDetails\": {\n      \"idTokenGeneration\": null\n    }")
        var e = try Self.event(text)
        _ = e.response.claimsAndScopeOverrideDetails.idTokenGeneration
        _ = e.response.claimsAndScopeOverrideDetails.accessTokenGeneration
        let expected = try Wrap.replacing(text, "\"idTokenGeneration\": null",
            "\"idTokenGeneration\": {},\n      \"accessTokenGeneration\": {}")
        #expect(e.document.text == expected)
    }

    @Test("ID token setters write through with any JSON claim values")
    func idTokenSetters() throws {
        var e = try Self.event()
        e.response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride = [
            "tier": "gold", "level": 3, "beta": true, "teams": ["a", "b"], "office": ["city": "Seattle"],
        ]
        e.response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToSuppress = ["phone_number"]
        let expected = try Wrap.replacing(Self.text, "\"claimsAndScopeOverrideDetails\": null", """
            "claimsAndScopeOverrideDetails": {
                  "idTokenGeneration": {
                    "claimsToAddOrOverride": {
                      "beta": true,
                      "level": 3,
                      "office": {
                        "city": "Seattle"
                      },
                      "teams": [
                        "a",
                        "b"
                      ],
                      "tier": "gold"
                    },
                    "claimsToSuppress": [
                      "phone_number"
                    ]
                  }
                }
            """)
        #expect(e.document.text == expected)
        let id = e.response.claimsAndScopeOverrideDetails.idTokenGeneration
        #expect(id.claimsToAddOrOverride?["level"] == 3)
        #expect(id.claimsToSuppress == ["phone_number"])
        #expect(id.scopesToAdd == nil)
        #expect(TriggerEvent(document: e.document).validate() == [])
    }

    @Test("Access token setters write through", arguments: ["claims", "suppress", "add", "remove"])
    func accessTokenSetters(which: String) throws {
        var e = try Self.event()
        let member: String
        switch which {
        case "claims":
            e.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride = ["tenant": "t-1"]
            member = "\"claimsToAddOrOverride\": {\n          \"tenant\": \"t-1\"\n        }"
            #expect(e.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride == ["tenant": "t-1"])
        case "suppress":
            e.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToSuppress = ["email"]
            member = "\"claimsToSuppress\": [\n          \"email\"\n        ]"
            #expect(e.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToSuppress == ["email"])
        case "add":
            e.response.claimsAndScopeOverrideDetails.accessTokenGeneration.scopesToAdd = ["api/read"]
            member = "\"scopesToAdd\": [\n          \"api/read\"\n        ]"
            #expect(e.response.claimsAndScopeOverrideDetails.accessTokenGeneration.scopesToAdd == ["api/read"])
        default:
            e.response.claimsAndScopeOverrideDetails.accessTokenGeneration.scopesToSuppress = ["aws.cognito.signin.user.admin"]
            member = "\"scopesToSuppress\": [\n          \"aws.cognito.signin.user.admin\"\n        ]"
            #expect(e.response.claimsAndScopeOverrideDetails.accessTokenGeneration.scopesToSuppress == ["aws.cognito.signin.user.admin"])
        }
        let expected = try Wrap.replacing(Self.text, "\"claimsAndScopeOverrideDetails\": null",
            "\"claimsAndScopeOverrideDetails\": {\n      \"accessTokenGeneration\": {\n        \(member)\n      }\n    }")
        #expect(e.document.text == expected)
    }

    @Test("groupOverrideDetails: setters create it; setGroupOverrideDetails([:]) writes {}")
    func groupOverride() throws {
        var e = try Self.event()
        e.response.claimsAndScopeOverrideDetails.groupOverrideDetails.groupsToOverride = ["admins"]
        #expect(e.response.claimsAndScopeOverrideDetails.groupOverrideDetails.groupsToOverride == ["admins"])
        e.response.claimsAndScopeOverrideDetails.setGroupOverrideDetails([:])
        let expected = try Wrap.replacing(Self.text, "\"claimsAndScopeOverrideDetails\": null",
            "\"claimsAndScopeOverrideDetails\": {\n      \"groupOverrideDetails\": {}\n    }")
        #expect(e.document.text == expected)
        #expect(e.response.claimsAndScopeOverrideDetails.groupOverrideDetails.groupsToOverride == nil)
    }

    @Test("V3 client credentials events use the same wrapper")
    func clientCredentials() throws {
        let text = Wrap.event("TokenGeneration_ClientCredentials", version: "3", """
              "request": {
                "userAttributes": {},
                "scopes": [
                  "example-api/items.read"
                ]
              },
              "response": {
                "claimsAndScopeOverrideDetails": null
              }
            """)
        var e = try #require(try Wrap.typed(text).preTokenGenerationV3)
        #expect(try e.request.scopes == ["example-api/items.read"])
        #expect(e.request.groupConfiguration.groupsToOverride == nil)
        e.response.claimsAndScopeOverrideDetails.accessTokenGeneration.scopesToAdd = ["example-api/items.write"]
        #expect(e.document[["response", "claimsAndScopeOverrideDetails", "accessTokenGeneration", "scopesToAdd"]]
            == ["example-api/items.write"])
        #expect(TriggerEvent(document: e.document).validate() == [])
    }
}
