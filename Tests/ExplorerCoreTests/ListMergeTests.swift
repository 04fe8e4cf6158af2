@testable import ExplorerCore
import Testing

/// The list takes each batch of summaries in by merging it (`mergeIntoVisible`); these tests hold
/// it to the list recomputed from scratch (`recomputeVisible`), batch after batch.
@Suite("The list after batches")
struct ListMergeTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let labels = ["PreSignUp", "CustomMsg", "PostAuth", "not JSON", "unknown", "JSON", "Ünïcode", ""]
    static let sources = ["PreSignUp_SignUp", "PreSignUp_AdminCreateUser", "CustomMessage_SignUp", "PostAuthentication_Authentication", ""]
    static let users = ["", "a@example.com", "someone.with.a.much.longer.address@example.org", "bob", "signer"]
    static let statuses: [FileStatus] = [.valid, .warnings, .errors, .unreadable]

    /// File names of varied lengths; some name the filter's word, so pending entries match by path.
    static func paths(_ count: Int) -> [String] {
        (0..<count).map { index in
            let stem = index % 7 == 0 ? "signup-\(index)" : index % 11 == 0 ? "a-rather-long-file-name-\(index)" : "e\(index)"
            return "/events/\(stem).json"
        }
    }

    static func summary(of path: String, _ random: inout Seeded) -> FileSummary {
        var summary = FileSummary(path: path, triggerLabel: labels[random.next(labels.count)],
                                  triggerSource: sources[random.next(sources.count)],
                                  user: users[random.next(users.count)], status: statuses[random.next(statuses.count)])
        summary.userName = random.next(3) == 0 ? "Signer\(random.next(100))" : ""
        return summary
    }

    /// What a recomputed list would show, next to what the state shows.
    static func expectSameAsRecomputed(_ state: ExplorerState, _ context: String) {
        var reference = state
        reference.recomputeVisible()
        #expect(state.visible == reference.visible, "\(context): the rows")
        #expect(state.listCursor == reference.listCursor, "\(context): the cursor")
        #expect(state.listScroll == reference.listScroll, "\(context): the scroll")
        #expect(state.listNameWidth == reference.listNameWidth, "\(context): the name column")
        #expect(state.listUserWidth == reference.listUserWidth, "\(context): the user column")
        #expect(state.listCountsWidth == reference.listCountsWidth, "\(context): the problem counts column")
        #expect(state.render(width: 120, height: 30).text == reference.render(width: 120, height: 30).text, "\(context): the screen")
    }

    @Test("batches arriving out of order give the list built at once, for both orders, with and without a filter",
          arguments: [(false, ""), (true, ""), (false, "sign"), (true, "sign")])
    func batchesMatchRecomputedList(sortByTrigger: Bool, filter: String) {
        let paths = Self.paths(700)
        var random = Seeded(state: sortByTrigger ? 17 : 29)
        var state = ExplorerState(paths: [], options: ExplorerOptions(batchSize: 50), width: 120, height: 30)
        _ = state.apply(.expanded(files: paths, problems: []))
        state.filter = filter
        state.sortByTrigger = sortByTrigger
        state.recomputeVisible()
        // The cursor on a row well inside the list, so it has to follow its file as rows arrive.
        state.listCursor = min(40, state.visible.count - 1)
        state.recomputeVisible()
        var order = Array(paths.indices)
        for index in order.indices.reversed() { order.swapAt(index, random.next(index + 1)) }
        var final: [String: FileSummary] = [:]
        var start = 0
        var batch = 0
        while start < order.count {
            let end = min(order.count, start + 1 + random.next(90))
            let summaries = order[start..<end].map { Self.summary(of: paths[$0], &random) }
            for summary in summaries { final[summary.name] = summary }
            _ = state.apply(.loaded(summaries))
            Self.expectSameAsRecomputed(state, "batch \(batch)")
            start = end
            batch += 1
        }
        #expect(state.progress == (paths.count, paths.count))
        // Summaries again for files already summarized: rows move, leave the filter and narrow the columns.
        for round in 0..<6 {
            let summaries = (0..<40).map { _ in Self.summary(of: paths[random.next(paths.count)], &random) }
            for summary in summaries { final[summary.name] = summary }
            _ = state.apply(.loaded(summaries))
            Self.expectSameAsRecomputed(state, "again, round \(round)")
        }
        // The whole list built from one batch of the final summaries is the same.
        var atOnce = ExplorerState(paths: [], options: ExplorerOptions(batchSize: 50), width: 120, height: 30)
        _ = atOnce.apply(.expanded(files: paths, problems: []))
        atOnce.filter = filter
        atOnce.sortByTrigger = sortByTrigger
        _ = atOnce.apply(.loaded(paths.compactMap { final[$0] }))
        #expect(state.visible == atOnce.visible)
        #expect(state.listNameWidth == atOnce.listNameWidth && state.listUserWidth == atOnce.listUserWidth)
        if sortByTrigger {
            #expect(state.visible != state.visible.sorted(), "the trigger order differs from the order found")
        }
        if !filter.isEmpty {
            #expect(state.visible.count < paths.count && !state.visible.isEmpty, "the filter keeps some rows, not all")
        }
    }

    @Test("a column narrows when its widest entry leaves the filter")
    func columnsNarrow() {
        // The user column: the widest user's file has the shortest name.
        let paths = ["/e/a.json", "/e/bb-longest.json"]
        var state = ExplorerState(paths: [], width: 120, height: 30)
        _ = state.apply(.expanded(files: paths, problems: []))
        _ = state.apply(.loaded([FileSummary(path: paths[0], triggerLabel: "PreSignUp", triggerSource: "PreSignUp_SignUp", user: "a-very-long-user-name@example.com", status: .valid),
                                 FileSummary(path: paths[1], triggerLabel: "PreSignUp", triggerSource: "PreSignUp_SignUp", user: "bo", status: .valid)]))
        #expect(state.listUserWidth == "a-very-long-user-name@example.com".utf8.count)
        #expect(state.listNameWidth == "bb-longest".utf8.count)
        state.filter = "presignup"
        state.recomputeVisible()
        _ = state.apply(.loaded([FileSummary(path: paths[0], triggerLabel: "PostAuth", triggerSource: "PostAuthentication_Authentication", user: "a-very-long-user-name@example.com", status: .valid)]))
        #expect(state.visible == [1])
        #expect(state.listUserWidth == 2)
        #expect(state.listNameWidth == "bb-longest".utf8.count)
        // The name column: the file with the longest name leaves, its user not the widest.
        _ = state.apply(.loaded([FileSummary(path: paths[0], triggerLabel: "PreSignUp", triggerSource: "PreSignUp_SignUp", user: "wide-user", status: .valid),
                                 FileSummary(path: paths[1], triggerLabel: "PreSignUp", triggerSource: "PreSignUp_SignUp", user: "u", status: .valid)]))
        #expect(state.visible == [0, 1])
        #expect(state.listNameWidth == "bb-longest".utf8.count)
        _ = state.apply(.loaded([FileSummary(path: paths[1], triggerLabel: "PostAuth", triggerSource: "PostAuthentication_Authentication", user: "u", status: .valid)]))
        #expect(state.visible == [0])
        #expect(state.listNameWidth == 1)
        #expect(state.listUserWidth == "wide-user".utf8.count)
    }
}
