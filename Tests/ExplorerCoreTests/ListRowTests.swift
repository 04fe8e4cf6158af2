import ExplorerCore
import Foundation
import Testing
import TestSupport

/// What a row of the event list shows beside the name: the event's problems counted per
/// severity, and a list sized to its names as the terminal draws them.
@Suite struct ListRowTests {
    /// A pre sign-up event with two errors (strings where booleans belong) and one warning (a key twice).
    static let twoErrorsOneWarning = """
        {
          "version": "1",
          "triggerSource": "PreSignUp_SignUp",
          "region": "eu-west-1",
          "userPoolId": "eu-west-1_Qm7TzR2kX",
          "userName": "ana",
          "callerContext": {"awsSdkVersion": "aws-sdk-js-3.637.0", "clientId": "k2v8qx0m4rj7tn3d5pwa9ecz1h"},
          "request": {
            "userAttributes": {"email": "ana@example.com", "email": "ana@example.org"},
            "validationData": null
          },
          "response": {
            "autoConfirmUser": "true",
            "autoVerifyEmail": "no",
            "autoVerifyPhone": false
          }
        }
        """

    static let valid = String(decoding: Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"), as: UTF8.self)

    /// The list row that shows `name`, inside the list's borders.
    static func listRow(_ harness: ExplorerHarness, _ name: String) -> String? {
        let list = harness.state.layout.list
        return harness.text.split(separator: "\n").map(String.init).map { String($0.prefix(list.maxX).dropFirst(list.x + 1).dropLast()) }
            .first { $0.contains(name) }
    }

    @Test("a row counts its event's errors and warnings at its right, each in its mark's colour")
    func countsPerSeverity() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("broken.json", Self.twoErrorsOneWarning)
        try folder.write("fine.json", Self.valid)
        let harness = ExplorerHarness([folder.path], width: 120, height: 24)
        let row = try #require(Self.listRow(harness, "broken"))
        #expect(row.hasSuffix("2✗ 1!"), "the counts end the row: \(row)")
        let grid = harness.screen
        let y = try #require(grid.row(containing: "broken"))
        let right = harness.state.layout.list.maxX - 1
        // "2✗ 1!" then the border: the error count in the error colour, the warning count in the warning colour.
        let styles = (right - 5..<right).map { grid[x: $0, y: y].style.foreground }
        #expect(styles[0] == styles[1] && styles[3] == styles[4])
        #expect(styles[0] != styles[3], "errors and warnings are told apart by colour")
        let fine = try #require(Self.listRow(harness, "fine"))
        #expect(!fine.contains("✗") && !fine.dropFirst(1).contains("!"), "no problem, no count: \(fine)")
        #expect(fine.hasPrefix("✓") && fine.hasSuffix(" "))
    }

    @Test("a row with no problem shows no count beside one that has problems")
    func zeroProblemsShowNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("fine.json", Self.valid)
        try folder.write("warned.json", Self.twoErrorsOneWarning.replacingOccurrences(of: "\"true\"", with: "true")
            .replacingOccurrences(of: "\"no\"", with: "false"))
        let harness = ExplorerHarness([folder.path], width: 120, height: 24)
        let fine = try #require(Self.listRow(harness, "fine"))
        #expect(fine.hasPrefix("✓") && !fine.contains("✗") && !fine.contains("!") && !fine.contains("0"), "\(fine)")
        let warned = try #require(Self.listRow(harness, "warned"))
        #expect(warned.hasPrefix("!") && warned.hasSuffix(" 1!") && !warned.contains("✗"), "warnings only: no error count, not even 0✗: \(warned)")
    }

    @Test("a narrow list drops the counts before it cuts the name short; a wider one shows both")
    func narrowListDropsCounts() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let name = "custom-message-for-sign-up-broken"
        try folder.write(name + ".json", Self.twoErrorsOneWarning)
        // 60 columns: a list of 30, 14 of them for the name once the counts are dropped.
        let harness = ExplorerHarness([folder.path], width: 60, height: 20)
        let narrow = try #require(Self.listRow(harness, "custom-mes"))
        #expect(!narrow.contains("2✗") && !narrow.contains("1!"), "no room: the counts go, the name stays readable: \(narrow)")
        #expect(narrow.contains("custom-messag"), "\(narrow)")
        var wide = ExplorerHarness([folder.path], width: 160, height: 20)
        try wide.press("> > > >")
        let row = try #require(Self.listRow(wide, name))
        #expect(row.contains(name) && row.hasSuffix("2✗ 1!"), "\(row)")
    }

    @Test("an edit that fixes a problem updates the row's count; undo brings it back")
    func countFollowsEdits() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("broken.json", Self.twoErrorsOneWarning)
        var harness = ExplorerHarness([folder.path], width: 120, height: 24)
        #expect(try #require(Self.listRow(harness, "broken")).hasSuffix("2✗ 1!"))
        // The response editor's first row is autoConfirmUser ("true", an error): d removes it.
        try harness.press("Tab Tab d")
        #expect(!harness.documentText.contains("autoConfirmUser"))
        #expect(try #require(Self.listRow(harness, "broken")).hasSuffix("1✗ 1!"))
        try harness.press("u")
        #expect(try #require(Self.listRow(harness, "broken")).hasSuffix("2✗ 1!"))
    }
}

/// The list is as wide as its rows need in terminal columns, not in bytes: CJK names take two
/// columns a character, accented ones one.
@Suite struct ListWidthTests {
    /// A valid pre sign-up event whose user (its email) is `ana@example.org`.
    static let event = ListRowTests.twoErrorsOneWarning
        .replacingOccurrences(of: "\"email\": \"ana@example.com\", ", with: "")
        .replacingOccurrences(of: "\"true\"", with: "true").replacingOccurrences(of: "\"no\"", with: "false")

    /// The list's width with one event named `name` (without `.json`) in a wide terminal.
    static func listWidth(named name: String) throws -> (width: Int, row: String?) {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write(name + ".json", event)
        let harness = ExplorerHarness([folder.path], width: 200, height: 24)
        return (harness.state.layout.list.width, ListRowTests.listRow(harness, "ana@"))
    }

    @Test("a name is measured in columns: CJK two a character, accents (composed or combining) one", arguments: [
        ("東京の登録イベント", "123456789012345678"),
        ("café-événement-déjà", "cafe-evenement-deja"),
        ("cafe\u{301}-e\u{301}ve\u{301}nement", "cafe-evenement"),
    ])
    func measuredInColumns(name: String, sameWidthInASCII: String) throws {
        let wide = try Self.listWidth(named: name)
        let ascii = try Self.listWidth(named: sameWidthInASCII)
        #expect(wide.width == ascii.width, "\(name) takes as many columns as \(sameWidthInASCII)")
        #expect(wide.width < 56, "under the list's share of a 200-column screen, so sized to its content")
        let row = try #require(wide.row)
        #expect(row.contains(name) && row.contains("ana@example.org"), "the name and the user whole: \(row)")
    }

    @Test("a control character in a name counts as the escape the row draws (\\u001b is six columns)")
    func escapedNameIsMeasured() throws {
        let escaped = try Self.listWidth(named: "bell\u{1b}x")
        let ascii = try Self.listWidth(named: "bell123456x")
        #expect(escaped.width == ascii.width)
        #expect(try #require(escaped.row).contains("bell\\u001bx"))
    }
}
