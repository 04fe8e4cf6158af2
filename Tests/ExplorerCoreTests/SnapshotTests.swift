import ExplorerCore
import Testing
import TestSupport

/// Whole screens, text and styles, compared with files under `__Snapshots__/`.
///
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests` (the run fails on purpose),
/// then read the diff of the snapshot files before committing them.
@Suite("Screen snapshots")
struct SnapshotTests {
    struct Scene: Sendable, CustomStringConvertible {
        let name: String
        let paths: [String]
        let keys: String
        let width: Int
        let height: Int
        var colorMode: ColorMode = .full
        var description: String { name }
    }

    static let tutorial = "invalid/custom-message-missing-code.json"

    static let scenes: [Scene] = [
        Scene(name: "fixtures-100x30", paths: [""], keys: "", width: 100, height: 30),
        Scene(name: "fixtures-80x24-sorted-filtered", paths: [""], keys: "s / 'token' Enter j", width: 80, height: 24),
        Scene(name: "tutorial-response-80x24", paths: [tutorial], keys: "Tab Tab j", width: 80, height: 24),
        Scene(name: "tutorial-editing-100x30", paths: [tutorial], keys: "Tab Tab j Enter C-b C-b", width: 100, height: 30),
        Scene(name: "tutorial-fixed-100x30", paths: [tutorial], keys: "Tab Tab j Enter End C-b C-b C-b C-b C-b C-b C-b C-b C-b '<p>{####}</p>' Enter", width: 100, height: 30),
        Scene(name: "token-v2-response-100x30", paths: ["pre-token-generation-v2/TokenGeneration_Authentication.json"], keys: "Tab Tab", width: 100, height: 30),
        Scene(name: "migration-picker-80x24", paths: ["user-migration/UserMigration_Authentication.json"], keys: "Tab Tab j Enter", width: 80, height: 24),
        Scene(name: "raw-edit-error-100x30", paths: ["pre-sign-up/PreSignUp_SignUp.json"], keys: "Tab Tab r C-u '{bad' Enter", width: 100, height: 30),
        Scene(name: "quit-confirm-80x24", paths: ["pre-sign-up/PreSignUp_SignUp.json"], keys: "Tab Tab Enter q", width: 80, height: 24),
        Scene(name: "help-100x30", paths: ["pre-sign-up/PreSignUp_SignUp.json"], keys: "?", width: 100, height: 30),
        Scene(name: "pager-80x24", paths: ["invalid/custom-message-missing-code.json"], keys: "Tab Tab j v", width: 80, height: 24),
        Scene(name: "not-json-80x24", paths: ["invalid/malformed-missing-comma.json"], keys: "Tab", width: 80, height: 24),
        Scene(name: "unknown-event-80x24", paths: ["invalid/not-an-event.json"], keys: "Tab e", width: 80, height: 24),
        Scene(name: "hostile-strings-100x30", paths: ["invalid/control-characters.json"], keys: "Tab / 'custom:display' Enter", width: 100, height: 30),
        Scene(name: "no-response-100x30", paths: ["custom-email-sender/CustomEmailSender_SignUp.json"], keys: "Tab Tab", width: 100, height: 30),
        Scene(name: "no-color-80x24", paths: [tutorial], keys: "Tab Tab j", width: 80, height: 24, colorMode: .none),
        Scene(name: "eight-colors-80x24", paths: [tutorial], keys: "Tab Tab j", width: 80, height: 24, colorMode: .eight),
        Scene(name: "too-small-20x5", paths: [tutorial], keys: "", width: 20, height: 5),
        Scene(name: "empty-0x0", paths: [tutorial], keys: "", width: 0, height: 0),
        Scene(name: "minimum-60x16", paths: [tutorial], keys: "Tab Tab", width: 60, height: 16),
        Scene(name: "trigger-map-100x30", paths: ["pre-sign-up/PreSignUp_SignUp.json"], keys: "t Tab j", width: 100, height: 30),
        Scene(name: "trigger-map-80x24", paths: ["pre-sign-up/PreSignUp_SignUp.json"], keys: "t Tab j l", width: 80, height: 24),
        Scene(name: "trigger-map-new-event-100x30", paths: ["pre-sign-up/PreSignUp_SignUp.json"], keys: "t j Enter", width: 100, height: 30),
    ]

    @Test("screens match their snapshots", arguments: scenes)
    func scene(_ scene: Scene) throws {
        let paths = scene.paths.map { $0.isEmpty ? Repository.fixtures : Repository.fixtures + "/" + $0 }
        var harness = ExplorerHarness(paths, width: scene.width, height: scene.height, options: ExplorerOptions(colorMode: scene.colorMode))
        try harness.press(scene.keys)
        Snapshot.assertMatches(harness.screen, named: scene.name)
    }

    @Test("without colour no cell has a colour, and bars stay visible in reverse video")
    func noColorHasNoColor() throws {
        var harness = ExplorerHarness([Repository.fixtures + "/" + Self.tutorial], options: ExplorerOptions(colorMode: .none))
        try harness.press("Tab Tab j")
        let grid = harness.screen
        var reversed = 0
        for y in 0..<grid.height {
            for cell in grid.row(y) {
                #expect(cell.style.foreground == .default && cell.style.background == .default)
                if cell.style.reverse { reversed += 1 }
            }
        }
        #expect(reversed >= grid.width, "the status bar and the selection are in reverse video")
    }

    @Test("with 8 colours only the base colours appear")
    func eightColors() throws {
        var harness = ExplorerHarness([Repository.fixtures + "/" + Self.tutorial], options: ExplorerOptions(colorMode: .eight))
        try harness.press("Tab Tab j")
        let grid = harness.screen
        let base: Set<Color> = [.default, .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white]
        for y in 0..<grid.height {
            for cell in grid.row(y) {
                #expect(base.contains(cell.style.foreground) && base.contains(cell.style.background), "\(cell.style)")
            }
        }
    }
}
