@testable import CognitoTriggers
import Foundation
import JSONDocument
import Testing
import TestSupport

/// The planned, one-pass validation (issue 16) against the validation it replaced, kept in this
/// target as `referenceValidate()`: the same problems (severity, path, text, rule source) in the
/// same order, on every fixture, every real Cognito event and thousands of seeded mutations.
@Suite struct ValidationEquivalenceTests {
    /// The problems of both validations, side by side, for one event's text; nil when they agree.
    static func disagreement(_ bytes: [UInt8], name: String) -> String? {
        guard let event = try? TriggerEvent(bytes: bytes) else { return nil }
        let new = event.validate(), old = event.referenceValidate()
        if new == old { return nil }
        return "\(name):\nnew: \(new.map(\.description))\nold: \(old.map(\.description))"
    }

    @Test("every fixture, invalid ones included, gets the same problems from both validations")
    func fixtures() {
        let files = Repository.jsonFiles(under: Repository.fixtures)
        #expect(files.count > 60)
        for path in files {
            let failure = Self.disagreement(Repository.bytes(of: path), name: path)
            #expect(failure == nil, "\(failure ?? "")")
        }
    }

    @Test("every real Cognito event gets the same problems from both validations",
          .enabled(if: Conformance.isAvailable || Conformance.isCI, Comment(rawValue: Conformance.skipReason)))
    func conformanceEvents() throws {
        let files = Conformance.cognitoEvents
        #expect(!files.isEmpty, "no conformance events found")
        for path in files {
            let failure = Self.disagreement(Repository.bytes(of: path), name: path)
            #expect(failure == nil, "\(failure ?? "")")
        }
    }

    @Test("seeded mutations of every fixture (fields removed, wrong types, nulls, extra and unicode keys) get the same problems from both")
    func mutations() throws {
        var random = SplitMix(seed: 0x16_16_16)
        var checked = 0, withProblems = 0
        for path in Repository.validFixtures {
            let base = try JSONValue(parsing: String(decoding: Repository.bytes(of: path), as: UTF8.self))
            for round in 0..<40 {
                var value = base
                for _ in 0..<(1 + round % 5) { value = Self.mutate(value, &random, depth: 0) }
                let text = round % 3 == 0 ? value.compactText : value.prettyText()
                let event = try TriggerEvent(text: text)
                if !event.referenceValidate().isEmpty { withProblems += 1 }
                let failure = Self.disagreement(Array(text.utf8), name: "\(path) mutation \(round)")
                #expect(failure == nil, "\(failure ?? "")\n\(text)")
                checked += 1
            }
        }
        // The mutations must reach the rules: most mutated events have problems.
        #expect(checked > 2000)
        #expect(withProblems > checked / 2)
    }

    /// Keys the mutations add: the catalogue's own names in the wrong places, other triggers'
    /// response fields, and keys that need quoting or are not ASCII.
    static let extraKeys = ["email", "claimsOverrideDetails", "claimsAndScopeOverrideDetails", "autoConfirmUser",
                            "issueTokens", "smsMessage", "userAttributes", "clientMetadata", "custom:tier", "Zoë",
                            "ключ", "a.b", "with space", "\u{1F600}", "", "awsSdk", "scopesToAdd", "groupsToOverride",
                            "claimsToSuppress", "phone_number", "version", "triggerSource", "sub", "__proto__"]

    /// One change at a random place in the value: a member removed, a value replaced by one of
    /// another kind or null, a key added, or the trigger source changed.
    static func mutate(_ value: JSONValue, _ random: inout SplitMix, depth: Int) -> JSONValue {
        switch value {
        case .object(var members):
            let roll = random.next(100)
            if !members.isEmpty && (roll < 55 || depth == 0) {
                let index = random.next(members.count)
                // Go deeper, or change this member.
                if roll < 35 || (depth == 0 && roll < 70) {
                    members[index].value = mutate(members[index].value, &random, depth: depth + 1)
                } else if roll < 45 || depth == 0 && roll < 80 {
                    members.remove(at: index)
                } else {
                    members[index].value = replacement(for: members[index].value, &random)
                }
                return .object(members)
            }
            if roll < 80 {
                members.append(.init(extraKeys[random.next(extraKeys.count)], replacement(for: .null, &random)))
            } else if !members.isEmpty {
                // A key given twice.
                let index = random.next(members.count)
                members.append(.init(members[index].key, replacement(for: members[index].value, &random)))
            }
            return .object(members)
        case .array(var elements):
            if elements.isEmpty || random.next(4) == 0 {
                elements.append(replacement(for: .null, &random))
            } else {
                let index = random.next(elements.count)
                elements[index] = random.next(2) == 0 ? mutate(elements[index], &random, depth: depth + 1) : replacement(for: elements[index], &random)
                if random.next(4) == 0 { elements.append(elements[index]) }
            }
            return .array(elements)
        case .string(let text) where text.contains("_") && random.next(3) == 0:
            // A trigger source (or any name with a prefix) with another suffix.
            return .string(String(text.prefix { $0 != "_" }) + "_" + ["Unknown", "SignUp", "Authentication", "V2"][random.next(4)])
        default:
            return replacement(for: value, &random)
        }
    }

    /// A value of another kind than `old` (or null, or a few strings that rules look for).
    static func replacement(for old: JSONValue, _ random: inout SplitMix) -> JSONValue {
        let choices: [JSONValue] = [
            .null, .bool(true), .bool(false), .number(JSONNumber(42)), .number(JSONNumber(-1)),
            .string("true"), .string("text"), .string("{####}"), .string("1"), .string("4"), .string(""),
            .string(String(repeating: "x", count: 150)), .array([]), .array([.string("a"), .string("a")]),
            .array([.number(JSONNumber(1)), .string("sub")]), .object([]),
            .object([.init("email", .string("a@example.com")), .init("n", .number(JSONNumber(1)))]),
        ]
        var pick = choices[random.next(choices.count)]
        if pick == old { pick = choices[(random.next(choices.count - 1) + 1) % choices.count] }
        return pick
    }
}

/// A small seeded generator (SplitMix64), so the mutated corpus is the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in 0..<bound.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
