import Foundation
import JSONDocument
import Testing
import TestSupport
@testable import CognitoTriggers

/// Smaller holes: unknown fields at any depth, values nested too deep, UTF-16 files.
@Suite struct HardeningTests {
    static var preSignUp: String {
        String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)
    }

    static func editError(_ arguments: [String], force: Bool = false) throws -> EditError? {
        var event = try TriggerEvent(text: Self.preSignUp)
        do {
            let assignments = try arguments.map { argument throws(EditError) in try FieldAssignment.parse(argument, in: .preSignUp) }
            _ = try EventEditing.apply(assignments, to: &event, force: force)
            return nil
        } catch {
            return error
        }
    }

    @Test("an unknown field is refused at any depth, named where it leaves the catalogue",
          arguments: ["response.foo=1", "response.foo.bar=1", "response.foo.bar.baz=\"x\""])
    func unknownFieldsAtAnyDepth(argument: String) throws {
        let error = try Self.editError([argument])
        #expect(error?.kind == .unknownField)
        #expect(error?.description == "response.foo: is not a response field of Pre sign-up; Cognito would ignore it (use --force to set it anyway)")
        #expect(try Self.editError([argument], force: true) == nil)
    }

    @Test func entriesOfAMapStayFree() throws {
        let text = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-token-generation-v2/TokenGeneration_Authentication.json"), as: UTF8.self)
        var event = try TriggerEvent(text: text)
        let assignment = try FieldAssignment.parse(#"response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride.tier="gold""#, in: event.trigger)
        let changes = try EventEditing.apply([assignment], to: &event)
        #expect(changes.count == 1)
    }

    @Test func aValueNestedTooDeepNamesTheLimitAndIsNotEchoed() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = #expect(throws: EditError.self) { try FieldAssignment.parse("response.autoConfirmUser=\(deep)", in: .preSignUp) }
        #expect(error?.description == "response.autoConfirmUser: the value (1200 bytes) nests deeper than 512 levels, the limit of a JSON document here; no Cognito field needs that")
    }

    @Test func aLongValueThatIsNotJSONIsEchoedCut() throws {
        let long = String(repeating: "x", count: 5_000)
        let error = #expect(throws: EditError.self) { try FieldAssignment.parse("response.autoConfirmUser=\(long)", in: .preSignUp) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("response.autoConfirmUser: \"\(String(repeating: "x", count: 60))\"… (5000 bytes) is not a JSON value"))
        #expect(message.count < 200)
    }

    static func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
        var bytes: [UInt8] = mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        return bytes
    }

    @Test("UTF-16 text is named as such, with or without a byte order mark", arguments: [
        (false, true), (true, true), (false, false), (true, false),
    ])
    func utf16IsRecognized(bigEndian: Bool, mark: Bool) {
        let outcome = EventFiles.classify(Self.utf16(Self.preSignUp, bigEndian: bigEndian, mark: mark))
        guard case .utf16(let order) = outcome else {
            Issue.record("classified as \(outcome)")
            return
        }
        #expect(order == bigEndian)
        #expect(EventFiles.utf16Message(bigEndian: false) == "the text is UTF-16 (little-endian), not UTF-8; JSON events must be UTF-8: convert it, for example with iconv -f UTF-16 -t UTF-8")
    }

    @Test func binaryDataIsStillBinary() {
        guard case .binary = EventFiles.classify([0x7B, 0x00, 0x00, 0x01, 0xFF, 0x00, 0x22, 0x00]) else {
            Issue.record("not binary")
            return
        }
    }
}
