import JSONDocument
import Testing
import TerminalText
@testable import CognitoTriggers

@Suite("EventPrinter")
struct EventPrinterTests {
    static let event = Wrap.event("PreSignUp_SignUp", """
          "request": {
            "userAttributes": {
              "email": "jane.doe@example.com",
              "name": "\\u001b[31mRED\\u001b[0m \\u202egnp.exe\\u0007",
              "email_verified": true
            },
            "extra": [1, {"deep": null}]
          },
          "response": {
            "autoConfirmUser": false,
            "autoVerifyPhone": false,
            "autoVerifyEmail": false
          },
          "note": "added by hand"
        """)

    // MARK: Fields

    @Test("fields lists every value in file order with what the catalogue says")
    func fields() throws {
        let fields = EventPrinter.fields(of: try TriggerEvent(text: Self.event))
        let rows = fields.map { "\($0.path.dottedString) \($0.typeLabel) \($0.isKnown) \($0.section?.rawValue ?? "-") \($0.description != nil)" }
        #expect(rows == [
            "version string true common true",
            "triggerSource enum true common true",
            "region string true common true",
            "userPoolId string true common true",
            "userName string true common true",
            "callerContext object true common true",
            "callerContext.awsSdkVersion string true common true",
            "callerContext.clientId string true common true",
            "request object true request true",
            "request.userAttributes map true request true",
            "request.userAttributes.email string true request false",
            "request.userAttributes.name string true request false",
            "request.userAttributes.email_verified string true request false",
            "request.extra list false request false",
            "request.extra[0] number false request false",
            "request.extra[1] object false request false",
            "request.extra[1].deep null false request false",
            "response object true response true",
            "response.autoConfirmUser boolean true response true",
            "response.autoVerifyPhone boolean true response true",
            "response.autoVerifyEmail boolean true response true",
            "note string false - false",
        ])
        #expect(fields[12].value == .bool(true))
        #expect(fields[9].description == Catalogue.field(at: ["request", "userAttributes"], in: .preSignUp)?.summary)
    }

    @Test("List elements, session entries and claim values are typed from their parents")
    func nestedKinds() throws {
        let text = Wrap.event("TokenGeneration_Authentication", version: "2", """
              "request": {
                "userAttributes": {},
                "groupConfiguration": {"groupsToOverride": ["a"], "iamRolesToOverride": [], "preferredRole": null},
                "scopes": ["openid"]
              },
              "response": {
                "claimsAndScopeOverrideDetails": {
                  "idTokenGeneration": {
                    "claimsToAddOrOverride": {"level": 3, "office": {"city": "Seattle"}}
                  }
                }
              }
            """)
        let fields = EventPrinter.fields(of: try TriggerEvent(text: text))
        func row(_ dotted: String) -> String? {
            fields.first { $0.path.dottedString == dotted }.map { "\($0.typeLabel) \($0.isKnown)" }
        }
        #expect(row("request.groupConfiguration.groupsToOverride[0]") == "string true")
        #expect(row("request.scopes[0]") == "string true")
        let claims = "response.claimsAndScopeOverrideDetails.idTokenGeneration.claimsToAddOrOverride"
        #expect(row(claims) == "map true")
        #expect(row(claims + ".level") == "number true")
        #expect(row(claims + ".office") == "object true")
        #expect(row(claims + ".office.city") == "string true")

        let define = Wrap.event("DefineAuthChallenge_Authentication", """
              "request": {
                "userAttributes": {},
                "session": [{"challengeName": "SRP_A", "challengeResult": true, "mine": 1}]
              },
              "response": {}
            """)
        let sessionFields = EventPrinter.fields(of: try TriggerEvent(text: define))
        let session = sessionFields.filter { $0.path.dottedString.hasPrefix("request.session") }
            .map { "\($0.path.dottedString) \($0.typeLabel) \($0.isKnown) \($0.description != nil)" }
        #expect(session == [
            "request.session list true true",
            "request.session[0] object true true",
            "request.session[0].challengeName enum true true",
            "request.session[0].challengeResult boolean true true",
            "request.session[0].mine number false false",
        ])
    }

    // MARK: Text

    @Test("The text starts with the trigger title, the source and what it means")
    func header() throws {
        let text = EventPrinter.text(of: try TriggerEvent(text: Self.event))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Pre sign-up: PreSignUp_SignUp")
        #expect(lines[1] == "  A user signed up through the SignUp API or the hosted sign-up page.")
        #expect(lines[2] == "")
        #expect(lines[3] == "version (string): \"1\"")
    }

    @Test("Headers of unknown and placeholder sources, and of JSON without a source")
    func otherHeaders() throws {
        let unknown = try TriggerEvent(text: Wrap.event("Foo_Bar", "  \"request\": {}"))
        #expect(EventPrinter.header(of: unknown) == [
            "Unknown trigger: \"Foo_Bar\"",
            "  This tool does not know this trigger source; the event is shown as a plain",
            "  document.",
        ])
        let placeholder = try TriggerEvent(text: Wrap.event("CustomMessage_SignUp/CustomMessage_ResendCode", "  \"request\": {}"))
        #expect(EventPrinter.header(of: placeholder) == [
            "Custom message: CustomMessage_SignUp/CustomMessage_ResendCode",
            "  Not a trigger source Cognito sends; read as Custom message from its prefix.",
        ])
        #expect(EventPrinter.header(of: try TriggerEvent(text: "[1]")) == [
            "Not a trigger event",
            "  There is no triggerSource string, so the JSON is shown as a plain document.",
        ])
        let evil = try TriggerEvent(text: Wrap.event("X\\u001b[2J", "  \"request\": {}"))
        #expect(EventPrinter.header(of: evil)[0] == "Unknown trigger: \"X\\u001b[2J\"")
    }

    @Test("Tree lines: key, type and value, indented by depth; descriptions below known fields")
    func treeLines() throws {
        let text = EventPrinter.text(of: try TriggerEvent(text: Self.event), options: .init(width: 80))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("  userAttributes (map):"))
        #expect(lines.contains("    email (string): \"jane.doe@example.com\""))
        #expect(lines.contains("    name (string): \"\\u001b[31mRED\\u001b[0m \\u202egnp.exe\\u0007\""))
        #expect(lines.contains("    email_verified (string): true"))
        #expect(lines.contains("  extra (list):  (not in the catalogue)"))
        #expect(lines.contains("    [0] (number): 1  (not in the catalogue)"))
        #expect(lines.contains("      deep (null): null  (not in the catalogue)"))
        #expect(lines.contains("note (string): \"added by hand\"  (not in the catalogue)"))
        #expect(lines.contains("  autoConfirmUser (boolean): false"))
        // The description follows its field, four spaces further in.
        let index = try #require(lines.firstIndex(of: "  autoConfirmUser (boolean): false"))
        #expect(lines[index + 1].hasPrefix("      Set to true to confirm the new user"))
        // Nothing raw reaches the terminal.
        #expect(!text.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
    }

    @Test("Descriptions wrap to the width", arguments: [40, 60, 100])
    func wrapping(width: Int) throws {
        let text = EventPrinter.text(of: try TriggerEvent(text: Self.event), options: .init(width: width))
        // Description lines are the indented ones without a "(type)".
        for line in text.split(separator: "\n") where line.hasPrefix("    ") && !line.contains("(") {
            #expect(line.count <= width, "\(line)")
        }
    }

    @Test("Colour dims only the descriptions")
    func color() throws {
        let event = try TriggerEvent(text: Self.event)
        let plain = EventPrinter.text(of: event, options: .init(width: 80, color: false))
        let colored = EventPrinter.text(of: event, options: .init(width: 80, color: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(colored.contains("      \u{1B}[2mSet to true to confirm the new user"))
        #expect(colored.replacingOccurrences(of: "\u{1B}[2m", with: "").replacingOccurrences(of: "\u{1B}[22m", with: "") == plain)
        for line in colored.split(separator: "\n") where line.contains("\u{1B}") {
            #expect(line.hasSuffix("\u{1B}[22m"))
        }
    }

    @Test("The text ends with the problems")
    func problems() throws {
        let text = EventPrinter.text(of: try TriggerEvent(text: Self.event))
        #expect(text.hasSuffix("""

            Problems (1):
              request.userAttributes.email_verified: warning: a boolean where Cognito sends strings; read as "true"

            """))
        let clean = try TriggerEvent(text: Wrap.event("PostConfirmation_ConfirmSignUp", "  \"request\": {\n    \"userAttributes\": {}\n  }"))
        #expect(EventPrinter.text(of: clean).hasSuffix("\nNo problems.\n"))
    }

    @Test("Problem lines escape values taken from the event")
    func problemEscaping() {
        let problem = Problem(.warning, ["request", "providerType"], "\"\u{1B}[2J\" is not one of OIDC", source: "test")
        #expect(EventPrinter.problemLines([problem]) == ["Problems (1):", "  request.providerType: warning: \"\\u001b[2J\" is not one of OIDC"])
    }

    @Test("Keys that are not plain are quoted and escaped")
    func keys() {
        #expect(EventPrinter.keyText(.key("cognito:user_status")) == "cognito:user_status")
        #expect(EventPrinter.keyText(.key("two words")) == "\"two words\"")
        #expect(EventPrinter.keyText(.key("")) == "\"\"")
        #expect(EventPrinter.keyText(.key("k\u{1B}")) == "\"k\\u001b\"")
        #expect(EventPrinter.keyText(.index(3)) == "[3]")
    }

    // MARK: JSON

    @Test("The JSON form has the file, trigger, source, fields and problems")
    func json() throws {
        let output = EventPrinter.json(of: try TriggerEvent(text: Self.event), file: "events/signup.json")
        #expect(output.hasSuffix("}\n"))
        let value = try JSONValue(parsing: output)
        #expect(value["file"] == "events/signup.json")
        #expect(value["trigger"] == "preSignUp")
        #expect(value["title"] == "Pre sign-up")
        #expect(value["triggerSource"] == "PreSignUp_SignUp")
        #expect(value["triggerSourceDescription"] == "A user signed up through the SignUp API or the hosted sign-up page.")
        let fields = try #require(value["fields"]?.arrayValue)
        let email = try #require(fields.first { $0["path"] == "request.userAttributes.email" })
        #expect(email == [
            "path": "request.userAttributes.email", "type": "string", "section": "request",
            "value": "jane.doe@example.com", "known": true, "description": nil,
        ])
        let autoConfirm = try #require(fields.first { $0["path"] == "response.autoConfirmUser" })
        #expect(autoConfirm["type"] == "boolean")
        #expect(autoConfirm["value"] == false)
        #expect(autoConfirm["description"]?.stringValue?.hasPrefix("Set to true to confirm") == true)
        let note = try #require(fields.first { $0["path"] == "note" })
        #expect(note["known"] == false)
        #expect(note["section"] == .null)
        // Containers carry their whole value.
        let extra = try #require(fields.first { $0["path"] == "request.extra" })
        #expect(extra["value"] == [1, ["deep": nil]])
        #expect(value["problems"] == [[
            "severity": "warning", "path": "request.userAttributes.email_verified",
            "message": "a boolean where Cognito sends strings; read as \"true\"",
            "source": "JSON types and values of the field catalogue",
        ]])
    }

    @Test("The JSON form escapes terminal-steering characters but keeps the values")
    func jsonEscaping() throws {
        let output = EventPrinter.json(of: try TriggerEvent(text: Self.event), file: "x\u{202E}.json")
        #expect(!output.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
        let value = try JSONValue(parsing: output)
        #expect(value["file"] == "x\u{202E}.json")
        let name = try #require(value["fields"]?.arrayValue?.first { $0["path"] == "request.userAttributes.name" })
        #expect(name["value"] == .string("\u{1B}[31mRED\u{1B}[0m \u{202E}gnp.exe\u{07}"))
    }

    @Test("The JSON of an unknown trigger has nulls")
    func jsonUnknown() throws {
        let value = try JSONValue(parsing: EventPrinter.json(of: try TriggerEvent(text: "{\"a\": 1}"), file: "f"))
        #expect(value["trigger"] == .null)
        #expect(value["triggerSource"] == .null)
        #expect(value["fields"] == [["path": "a", "type": "number", "section": nil, "value": 1, "known": false, "description": nil]])
        #expect(value["problems"] == [[
            "severity": "error", "path": "triggerSource", "message": "not a Cognito trigger event: there is no triggerSource",
            "source": "AWS Cognito Developer Guide: Lambda trigger common parameters",
        ]])
    }

    // MARK: Parse errors

    static func parseError(_ text: String, file: String = "bad.json") -> String? {
        do {
            _ = try JSONDocument(text: text)
            return nil
        } catch {
            return EventPrinter.parseError(error, in: Array(text.utf8), file: file)
        }
    }

    @Test("A parse error shows FILE:LINE:COLUMN, the line, and a caret under the column")
    func parseErrorOutput() {
        #expect(Self.parseError("{\n  \"a\": 1\n  \"b\": 2\n}\n") == """
            bad.json:3:3: expected ',' or '}' after an object member
             3 |   "b": 2
               |   ^

            """)
    }

    @Test("Caret under the error at the end of a truncated file")
    func parseErrorAtEnd() {
        #expect(Self.parseError("{\n  \"a\": [1,\n") == """
            bad.json:3:1: expected a value, found the end of the text
             3 | \("")
               | ^

            """)
    }

    // How the excerpt is cut, escaped and pointed at is TerminalText's (ExcerptTests); these
    // check the command's format around it.

    @Test("The file name is escaped; CRLF and BOM are left out of the line")
    func parseErrorFileAndLineEndings() throws {
        let output = try #require(Self.parseError("\u{FEFF}{\r\n  \"a\" 1\r\n}", file: "a\u{1B}b.json"))
        #expect(output == """
            a\\u001bb.json:2:7: expected ':' after an object key, found '1'
             2 |   "a" 1
               |       ^

            """)
    }

    // MARK: Triggers

    @Test("The trigger list names every trigger and source with their descriptions")
    func triggersText() {
        let text = EventPrinter.triggersText()
        for spec in Catalogue.triggers {
            #expect(text.contains("\(spec.title) [\(spec.shortLabel)], event version \(spec.trigger.eventVersion)\n"))
            for source in spec.sources { #expect(text.contains("\n    \(source.source.rawValue)\n")) }
        }
        #expect(text.contains("  Response: This trigger has no response fields."))
        #expect(!text.contains("\u{1B}"))
        #expect(EventPrinter.triggersText(options: .init(color: true)).contains("\u{1B}[2m"))
    }

    @Test("The trigger list as JSON")
    func triggersJSON() throws {
        let value = try JSONValue(parsing: EventPrinter.triggersJSON())
        let triggers = try #require(value.arrayValue)
        #expect(triggers.count == 15)
        #expect(triggers.compactMap { $0["trigger"]?.stringValue } == Trigger.allCases.map(\.rawValue))
        let v3 = try #require(triggers.first { $0["trigger"] == "preTokenGenerationV3" })
        #expect(v3["version"] == 3)
        #expect(v3["sources"]?.arrayValue?.count == 6)
        #expect(v3["responseNote"] == .null)
        let sources = triggers.flatMap { $0["sources"]?.arrayValue ?? [] }.compactMap { $0["triggerSource"]?.stringValue }
        #expect(Set(sources) == Set(TriggerSource.known.map(\.rawValue)))
        let pre = try #require(triggers.first { $0["trigger"] == "preAuthentication" })
        #expect(pre["responseNote"]?.stringValue?.isEmpty == false)
    }

    @Test("show wraps descriptions by screen columns: a CJK description fills no line past the width")
    func wrapsByColumns() throws {
        // The wrapping show and triggers use for descriptions: by columns, so two per CJK character
        // (wrapping by Characters made such lines twice the width).
        let text = "名前の確認を行うトリガーです。" + String(repeating: "長い説明文がここに続きます。", count: 8)
        let wrapped = EventPrinter.wrap(text, width: 40)
        #expect(wrapped.count > 1)
        #expect(wrapped.allSatisfy { TerminalText.displayWidth(of: $0) <= 40 })
        #expect(wrapped.joined() == text)
    }
}
