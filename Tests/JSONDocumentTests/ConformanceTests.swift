import Foundation
import Testing
import TestSupport
@testable import JSONDocument

/// JSONTestSuite (`y_` must parse, `n_` must fail, `i_` must not crash) and real Cognito events.
@Suite struct ConformanceTests {
    @Test("the conformance data is present (a CI run fails without it)")
    func dataIsPresent() {
        if !Conformance.isAvailable {
            if Conformance.isCI {
                Issue.record("CI=true but \(Conformance.skipReason)")
            } else {
                print("note: \(Conformance.skipReason); conformance tests are skipped")
            }
        }
    }

    @Test("JSONTestSuite: every y_ accepted and round-trips, every n_ rejected, no i_ crashes",
          .enabled(if: Conformance.isAvailable, Comment(rawValue: Conformance.skipReason)))
    func jsonTestSuite() throws {
        let files = Conformance.jsonTestSuiteFiles
        #expect(files.count > 300)
        var counts: [String: (accepted: Int, rejected: Int)] = ["y": (0, 0), "n": (0, 0), "i": (0, 0)]
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            let prefix = String(name.prefix(1))
            let bytes = Repository.bytes(of: file)
            let result = Result { () throws(JSONParseError) in try JSONDocument(bytes: bytes) }
            switch result {
            case .success(let document):
                counts[prefix, default: (0, 0)].accepted += 1
                #expect(prefix != "n", "\(name) must be rejected")
                #expect(document.bytes == bytes, "\(name) must round-trip byte for byte")
                _ = document.root.value  // reading every value must not crash either
            case .failure(let error):
                counts[prefix, default: (0, 0)].rejected += 1
                #expect(prefix != "y", "\(name) must be accepted, got \(error.message)")
                #expect(error.offset <= bytes.count && error.line >= 1 && error.column >= 1)
            }
        }
        for prefix in ["y", "n", "i"] {
            let c = counts[prefix] ?? (0, 0)
            print("JSONTestSuite \(prefix)_: \(c.accepted) accepted, \(c.rejected) rejected")
        }
        #expect(counts["y"]?.rejected == 0)
        #expect(counts["n"]?.accepted == 0)
    }

    @Test("every real Cognito event round-trips byte for byte",
          .enabled(if: Conformance.isAvailable, Comment(rawValue: Conformance.skipReason)))
    func cognitoEventsRoundTrip() throws {
        let files = Conformance.cognitoEvents
        #expect(files.count >= 30)
        for file in files {
            let bytes = Repository.bytes(of: file)
            let document = try JSONDocument(bytes: bytes)
            #expect(document.bytes == bytes, "\(file)")
        }
        print("cognito-events: \(files.count) events round-tripped")
    }

    @Test("setting one response value in a real event changes only that value's bytes",
          .enabled(if: Conformance.isAvailable, Comment(rawValue: Conformance.skipReason)))
    func cognitoEventsSingleEdit() throws {
        for file in Conformance.cognitoEvents {
            let bytes = Repository.bytes(of: file)
            var document = try JSONDocument(bytes: bytes)
            let marker: JSONValue = "edited-by-test"
            if let response = document.node(at: ["response"]), response.kind == .object,
               let first = response.children.first(where: { _ in true }), let key = first.key {
                // Replace an existing response value: the bytes outside its span stay the same.
                let span = first.span
                try document.setValue(marker, at: ["response", .key(key)])
                let edited = document.bytes
                let replacement = Array(marker.compactText.utf8)
                #expect(Array(edited[..<span.lowerBound]) == Array(bytes[..<span.lowerBound]), "\(file)")
                #expect(Array(edited[span.lowerBound..<(span.lowerBound + replacement.count)]) == replacement, "\(file)")
                #expect(Array(edited[(span.lowerBound + replacement.count)...]) == Array(bytes[span.upperBound...]), "\(file)")
            } else {
                // No response (custom senders) or an empty one: add a key; the old text is a prefix and suffix.
                try document.setValue(marker, at: ["response", "note"], createMissing: true)
                let edited = document.bytes
                let prefix = zip(edited, bytes).prefix { $0 == $1 }.count
                let suffix = zip(edited.reversed(), bytes.reversed()).prefix { $0 == $1 }.count
                #expect(prefix + suffix >= bytes.count, "\(file): only the inserted text may differ")
            }
            do { let done = document.undo(); #expect(done) }
            #expect(document.bytes == bytes)
        }
    }
}
