import ExplorerCore
import Testing
import TestSupport

@Suite("Keymaps")
struct KeymapTests {
    @Test("no key is bound twice in a mode", arguments: Mode.allCases)
    func keysAreUniquePerMode(mode: Mode) {
        var seen: [Key: Command] = [:]
        for binding in Keymap.bindings(for: mode) {
            for key in binding.keys {
                #expect(seen[key] == nil, "\(mode): \(key.displayName) is bound to \(seen[key].map(\.rawValue) ?? "") and \(binding.action.rawValue)")
                seen[key] = binding.action
            }
        }
    }

    @Test("every mode has bindings, each with keys, help and at least one hint", arguments: Mode.allCases)
    func everyModeIsDescribed(mode: Mode) {
        let bindings = Keymap.bindings(for: mode)
        #expect(!bindings.isEmpty)
        for binding in bindings {
            #expect(!binding.keys.isEmpty)
            #expect(!binding.help.isEmpty)
        }
        #expect(!Keymap.hints(for: mode).isEmpty)
    }

    @Test("text fields leave printable keys for typing", arguments: [Mode.textInput, .rawEdit])
    func textFieldsBindNoPrintableKey(mode: Mode) {
        for binding in Keymap.bindings(for: mode) {
            for key in binding.keys {
                if case .character = key { Issue.record("\(mode): \(key.displayName) cannot be typed") }
            }
        }
    }

    @Test("keys the brief names do what it says")
    func namedKeys() {
        let cases: [(Key, Mode, Command)] = [
            (.character("j"), .list, .moveDown), (.down, .tree, .moveDown), (.character("k"), .response, .moveUp),
            (.tab, .list, .nextPane), (.backTab, .tree, .previousPane),
            (.enter, .tree, .activate), (.right, .tree, .expand), (.left, .tree, .collapse),
            (.character("e"), .tree, .expandAll), (.character("E"), .response, .collapseAll),
            (.character("g"), .tree, .top), (.character("G"), .list, .bottom), (.pageDown, .response, .pageDown),
            (.character("/"), .list, .search), (.character("/"), .tree, .search),
            (.character("n"), .tree, .nextMatch), (.character("N"), .response, .previousMatch),
            (.character("s"), .list, .toggleSort), (.character("?"), .list, .help), (.character("q"), .tree, .quit),
            (.character("u"), .response, .undo), (.ctrl("r"), .response, .redo),
            (.character("w"), .response, .save), (.ctrl("s"), .list, .save), (.character("W"), .tree, .saveAs),
            (.character("d"), .response, .unset), (.character("z"), .response, .setNull),
            (.character("r"), .tree, .rawEdit), (.character("a"), .response, .addEntry),
            (.character("o"), .response, .openEditor), (.character(" "), .response, .toggle),
            (.escape, .textInput, .cancel), (.ctrl("w"), .textInput, .deleteWordBackward),
            (.character("s"), .confirm, .answerSave), (.character("d"), .confirm, .answerDiscard), (.escape, .confirm, .answerCancel),
        ]
        for (key, mode, command) in cases {
            #expect(Keymap.command(for: key, in: mode) == command, "\(key.displayName) in \(mode)")
        }
        for mode in [Mode.list, .tree, .response] {
            #expect(Keymap.command(for: .character("t"), in: mode) == .triggerMap, "t opens the trigger map in \(mode)")
        }
        for key in [Key.escape, .character("t"), .character("q")] {
            #expect(Keymap.command(for: key, in: .triggerMap) == .close, "\(key.displayName) closes the map")
        }
    }

    @Test("the help screen lists every binding of every mode")
    func helpListsEveryBinding() throws {
        var harness = ExplorerHarness([Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json"], width: 120, height: 40)
        try harness.press("?")
        #expect(harness.state.mode == .help)
        var seen = harness.text
        for _ in 0..<20 {
            try harness.press("NPage")
            seen += "\n" + harness.text
        }
        for mode in Mode.allCases {
            #expect(seen.contains(mode.title), "help shows the heading \(mode.title)")
            for binding in Keymap.bindings(for: mode) {
                #expect(seen.contains(binding.keyLabel), "help shows the keys \(binding.keyLabel)")
                #expect(seen.contains(binding.help), "help shows \(binding.help)")
            }
        }
        try harness.press("Escape")
        #expect(harness.state.mode == .list)
    }

    @Test("the status bar shows the hints of the current mode", arguments: [
        ("", Mode.list), ("Tab", .tree), ("Tab Tab", .response), ("Tab Tab Down Enter", .textInput), ("?", .help),
    ])
    func statusBarHints(script: String, mode: Mode) throws {
        var harness = ExplorerHarness([Repository.fixtures + "/custom-message/CustomMessage_SignUp.json"], width: 140, height: 30)
        try harness.press(script)
        #expect(harness.state.mode == mode)
        let hintLine = harness.screen.lines.last ?? ""
        for hint in Keymap.hints(for: mode) {
            #expect(hintLine.contains("\(hint.key) \(hint.help)"), "\(mode) hint \(hint.help) in \(hintLine)")
        }
    }
}
