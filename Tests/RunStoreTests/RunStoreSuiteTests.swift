import Foundation
import ResponderModel
import RunStore
import Testing

/// The run store's behaviour, one set of cases run against every store (SQLite and PostgreSQL).
@Suite struct RunStoreSuiteTests {
    // MARK: Recording

    @Test func runIDIsStableAndDependsOnEveryInput() {
        let base = RunIdentity.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01")
        #expect(base.count == 12)
        #expect(base.allSatisfy { $0.isHexDigit })
        #expect(base == RunIdentity.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01"))
        let others = [
            RunIdentity.runID(path: "b.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01"),
            RunIdentity.runID(path: "a.xlsx", contentHash: "i", kbVersion: "kb-1", asOf: "2026-01-01"),
            RunIdentity.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-2", asOf: "2026-01-01"),
            RunIdentity.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-02"),
        ]
        #expect(!others.contains(base))
    }

    @Test(arguments: StoreKind.enabled)
    func recordRunStoresQuestionsInOrder(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Self.drafts())
        let questions = try await store.questions(run: id)
        #expect(questions.map(\.key) == ["AI!Q-1", "AI!Q-2", "AI!Q-3", "AI!7"])
        #expect(questions[0].choiceColumn == "C")
        #expect(questions[0].textColumn == "D")
        #expect(questions[0].allowed == ["Yes", "No", "N/A"])
        #expect(questions[0].draftChoice == "Yes")
        #expect(questions[0].flags == ["library_reuse", "stale_evidence"])
        #expect(questions[3].choiceColumn == nil)
        #expect(questions[3].allowed == nil)
        #expect(questions[3].flags == [])
        #expect(try await store.runs().map(\.id) == [id])
        await scratch.close()
    }

    @Test(arguments: StoreKind.enabled)
    func recordingTheSameInputsAgainReplacesQuestionsAndKeepsDecisions(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Self.drafts())
        try await store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t1")
        let again = try await store.record(Array(Self.drafts().prefix(2)), createdAt: "2026-01-02T00:00:00Z")
        #expect(again == id)
        #expect(try await store.runs().count == 1)
        #expect(try await store.runs().first?.createdAt == "2026-01-02T00:00:00Z")
        #expect(try await store.questions(run: id).map(\.key) == ["AI!Q-1", "AI!Q-2"])
        #expect(try await store.decisions(run: id).map(\.key) == ["AI!Q-1"])
        await scratch.close()
    }

    @Test(arguments: StoreKind.enabled)
    func aBatchIsOneTransaction(kind: StoreKind) async throws {
        struct Interrupted: Error {}
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Self.drafts())
        let requests = [
            DecisionRequest(key: "Q-1", status: .approved),
            DecisionRequest(key: "Q-9", status: .approved),
            DecisionRequest(key: "Q-2", status: .edited, text: "Edited."),
            DecisionRequest(key: "Q-3", status: .rejected),
        ]
        // Interrupted after the third request: nothing of the batch remains.
        await #expect(throws: Interrupted.self) {
            try await store.decide(run: id, requests, reviewer: "ana", at: "t1") { if $0 == 3 { throw Interrupted() } }
        }
        #expect(try await store.decisions(run: id).isEmpty)
        #expect(try await store.auditLog(run: nil).isEmpty)

        // Uninterrupted: a refused request does not stop the others.
        let results = try await store.decide(run: id, requests, reviewer: "ana", at: "t1")
        #expect(results[0] == .recorded(key: "AI!Q-1"))
        guard case .refused(let error) = results[1] else { Issue.record("Q-9 was not refused: \(results[1])"); return }
        #expect(error.kind == .unknownKey)
        #expect(results[2...] == [.recorded(key: "AI!Q-2"), .recorded(key: "AI!Q-3")])
        #expect(try await store.auditLog(run: nil).count == 3)
        await scratch.close()
    }

    @Test(arguments: StoreKind.enabled)
    func runsAreListedNewestLast(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let late = try await store.record([], path: "late.xlsx", createdAt: "2026-02-01T00:00:00Z")
        let early = try await store.record([], path: "early.xlsx", createdAt: "2026-01-01T00:00:00Z")
        #expect(try await store.runs().map(\.id) == [early, late])
        #expect(try await store.run(late)?.path == "late.xlsx")
        #expect(try await store.run("000000000000") == nil)
        await scratch.close()
    }

    // MARK: Deciding

    @Test(arguments: StoreKind.enabled)
    func approveTakesTheDraftAndEditKeepsWhatIsNotGiven(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Self.drafts())
        try await store.decide(run: id, key: "AI!Q-1", status: .approved, choice: "No", text: "ignored", reviewer: "ana", at: "t1")
        try await store.decide(run: id, key: "Q-2", status: .edited, choice: "No", reviewer: "ana", at: "t2")
        try await store.decide(run: id, key: "AI!7", status: .rejected, reviewer: "bo", at: "t3")
        let decisions = try await store.decisions(run: id)
        #expect(decisions.map(\.status) == [.approved, .edited, .rejected])
        #expect(decisions[0].choice == "Yes" && decisions[0].text == "Drafted one.")
        #expect(decisions[1].choice == "No" && decisions[1].text == "Drafted two.")
        #expect(decisions[2].choice == nil && decisions[2].text == nil && decisions[2].reviewer == "bo")
        await scratch.close()
    }

    @Test(arguments: StoreKind.enabled)
    func decidingTheSameThingTwiceAddsNoAuditRow(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Self.drafts())
        #expect(try await store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t1").changed)
        #expect(try await store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t2").changed == false)
        #expect(try await store.auditLog(run: nil).count == 1)
        #expect(try await store.decisions(run: id).first?.decidedAt == "t1")
        await scratch.close()
    }

    @Test(arguments: StoreKind.enabled)
    func auditLogOnlyGrowsAndRecordsBeforeAndAfter(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Self.drafts())
        var counts: [Int] = []
        for (status, text) in [(ReviewDecision.Status.approved, nil), (.edited, "Mine."), (.rejected, nil), (.approved, nil)]
            as [(ReviewDecision.Status, String?)]
        {
            try await store.decide(run: id, key: "Q-1", status: status, text: text, reviewer: "ana", at: "t")
            counts.append(try await store.auditLog(run: nil).count)
        }
        try await store.record(Self.drafts())
        #expect(counts == [1, 2, 3, 4])
        let entries = try await store.auditLog(run: id)
        #expect(entries.count == 4)
        #expect(entries.map(\.action) == ["approved", "edited", "rejected", "approved"])
        #expect(entries.map(\.id) == [1, 2, 3, 4])
        #expect(entries[0].before == nil)
        #expect(entries[1].before == #"{"choice":"Yes","status":"approved","text":"Drafted one."}"#)
        #expect(entries[1].after == #"{"choice":"Yes","status":"edited","text":"Mine."}"#)
        #expect(entries.allSatisfy { $0.kbVersion == "kb-1" })
        #expect(try await store.decisions(run: id).first?.revision == 4)
        await scratch.close()
    }

    @Test(
        arguments: StoreKind.enabled.flatMap { kind in
            ["UPDATE audit_log SET reviewer = 'mallory'", "DELETE FROM audit_log"].map { (kind, $0) }
        })
    func auditLogRefusesChanges(kind: StoreKind, sql: String) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Self.drafts())
        try await store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t")
        await #expect(throws: (any Error).self) { try await scratch.executeRaw(sql) }
        if kind == .postgres {
            await #expect(throws: (any Error).self) { try await scratch.executeRaw("TRUNCATE audit_log") }
        }
        let entries = try await store.auditLog(run: nil)
        #expect(entries.map(\.reviewer) == ["ana"])
        await scratch.close()
    }

    static let refusalCases: [(String, String, String, ReviewDecision.Status, String?, String?, ReviewError.Kind)] = [
        ("unknown run", "ffffffffffff", "Q-1", .approved, nil, nil, .unknownRun),
        ("unknown key", "", "Q-9", .approved, nil, nil, .unknownKey),
        ("choice not in dropdown", "", "Q-1", .edited, "Maybe", nil, .choiceNotAllowed),
        ("edit without value", "", "Q-1", .edited, nil, nil, .incomplete),
        ("choice for a text-only question", "", "AI!7", .edited, "Yes", nil, .incomplete),
        ("approving a drafted choice the dropdown lacks", "", "Q-3", .approved, nil, nil, .choiceNotAllowed),
    ]

    @Test(arguments: StoreKind.enabled.flatMap { kind in refusalCases.map { (kind, $0.0) } })
    func refusals(kind: StoreKind, name: String) async throws {
        let (_, run, key, status, choice, text, expected) = try #require(Self.refusalCases.first { $0.0 == name })
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Self.drafts())
        let error = await #expect(throws: ReviewError.self) {
            try await store.decide(
                run: run.isEmpty ? id : run, key: key, status: status, choice: choice, text: text,
                reviewer: "ana", at: "t")
        }
        #expect(error?.kind == expected, "\(name)")
        #expect(try await store.auditLog(run: nil).isEmpty)
        await scratch.close()
    }

    @Test(arguments: StoreKind.enabled)
    func bareIDRepeatedAcrossSheetsIsAmbiguous(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        var other = Self.drafts()[0]
        other.question.sheet = "Other"
        let id = try await store.record(Self.drafts() + [other])
        let error = await #expect(throws: ReviewError.self) {
            try await store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t")
        }
        #expect(error?.kind == .ambiguousKey)
        #expect(try await store.decide(run: id, key: "Other!Q-1", status: .approved, reviewer: "ana", at: "t").key == "Other!Q-1")
        await scratch.close()
    }

    @Test(arguments: StoreKind.enabled)
    func approvingAQuestionWithNoDraftedAnswerIsRefusedButAnEditIsNot(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let unanswered = [
            Self.drafted("Q-1", row: 5, choice: nil, text: "", flags: [.noMatch]),
            Self.drafted("Q-2", row: 6, choice: nil, text: "  \n", flags: [.noMatch]),
            Self.drafted("Q-3", row: 7, choice: "No", text: "", flags: []),
        ]
        let id = try await store.record(unanswered)
        let results = try await store.decide(
            run: id,
            [
                DecisionRequest(key: "Q-1", status: .approved),
                DecisionRequest(key: "Q-2", status: .approved),
                DecisionRequest(key: "Q-3", status: .approved),
            ],
            reviewer: "ana", at: "t1")
        for (index, key) in ["AI!Q-1", "AI!Q-2"].enumerated() {
            guard case .refused(let error) = results[index] else { Issue.record("\(key) was approved: \(results[index])"); continue }
            #expect(error.kind == .nothingToApprove)
            #expect(error.message.contains(key) && error.message.contains("review edit"))
        }
        #expect(results[2] == .recorded(key: "AI!Q-3"))
        let edit = try await store.decide(
            run: id, [DecisionRequest(key: "Q-1", status: .edited, text: "Written by the reviewer.")],
            reviewer: "ana", at: "t2")
        #expect(edit == [.recorded(key: "AI!Q-1")])
        #expect(try await store.decisions(run: id).map(\.key) == ["AI!Q-1", "AI!Q-3"])
        await scratch.close()
    }

    // MARK: Two reviewers and notes

    /// Bob rejects AIG-05; Ana's older workbook (based on what she saw before) re-approves it:
    /// that row is refused naming Bob and when, the rest of her batch goes ahead.
    @Test(arguments: StoreKind.enabled)
    func aStaleBaseIsRefusedNamingWhoDecidedAndWhen(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Self.drafts())
        try await store.decide(run: id, key: "Q-1", status: .approved, reviewer: "Ana", at: "2026-11-01T09:00:00Z")
        // Ana exports her workbook now: Q-1 at revision 1, Q-2 undecided (0).
        try await store.decide(run: id, key: "Q-1", status: .rejected, base: 1, reviewer: "Bob", at: "2026-11-02T10:30:00Z")
        let results = try await store.decide(
            run: id,
            [
                DecisionRequest(key: "Q-1", status: .edited, text: "Ana's answer.", base: 1),
                DecisionRequest(key: "Q-2", status: .approved, notes: "fine", base: 0),
            ], reviewer: "Ana", at: "2026-11-03T08:00:00Z")
        guard case .refused(let error) = results[0] else { Issue.record("the stale row was applied: \(results[0])"); return }
        #expect(error.kind == .stale)
        #expect(error.message.contains("Bob rejected it at 2026-11-02T10:30:00Z"), "\(error.message)")
        #expect(results[1] == .recorded(key: "AI!Q-2"))
        let decisions = try await store.decisions(run: id)
        #expect(decisions.map(\.reviewer) == ["Bob", "Ana"])
        #expect(decisions[0].status == .rejected && decisions[0].revision == 2 && decisions[0].basedOn == 1)
        // Deciding what is already decided is no change, whatever the base.
        #expect(try await store.decide(run: id, key: "Q-1", status: .rejected, base: 0, reviewer: "Ana", at: "t").changed == false)
        #expect(try await store.auditLog(run: id).count == 3)
        await scratch.close()
    }

    @Test(arguments: StoreKind.enabled)
    func notesAreStoredWithTheDecisionAndAudited(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Self.drafts())
        try await store.decide(run: id, key: "Q-1", status: .approved, notes: "Checked with legal.", reviewer: "ana", at: "t1")
        // The same verdict without notes keeps them; a blank note clears them (a change).
        #expect(try await store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t2").changed == false)
        #expect(try await store.decisions(run: id).first?.notes == "Checked with legal.")
        #expect(try await store.decide(run: id, key: "Q-1", status: .approved, notes: "  ", reviewer: "ana", at: "t3").changed)
        #expect(try await store.decisions(run: id).first?.notes == nil)
        let entries = try await store.auditLog(run: id)
        #expect(entries.map(\.notes) == ["Checked with legal.", nil])
        #expect(entries[0].after == #"{"choice":"Yes","notes":"Checked with legal.","status":"approved","text":"Drafted one."}"#)
        await scratch.close()
    }

    // MARK: Learned answers and copying

    @Test(arguments: StoreKind.enabled)
    func approvedAndEditedDecisionsBecomeLibraryAnswers(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let questions = LearnedAnswersTests.questions
        let run = try await store.record(questions, path: "/in/buyer one.xlsx", createdAt: "2026-11-01T00:00:00Z")
        #expect(try await store.questions(run: run)[0].citations == ["control:A.2.2", "evidence:EV-001", "system:AIS-001"])
        try await store.decide(run: run, key: "Q-1", status: .approved, reviewer: "Ana", at: "2026-11-02T10:00:00Z")
        try await store.decide(
            run: run, key: "Q-2", status: .edited, choice: "No", text: "Never.", reviewer: "Ben",
            at: "2026-11-03T10:00:00Z")
        try await store.decide(run: run, key: "Q-3", status: .rejected, reviewer: "Ana", at: "2026-11-03T10:00:00Z")

        let learned = try await store.learnedAnswers()
        #expect(learned.count == 2)
        let policy = try #require(learned.first { $0.question == "Do you have an AI policy?" })
        #expect(policy.id.hasPrefix("LIB-R-\(run)-"))
        #expect(policy.choice == "Yes" && policy.answer == "Draft Q-1.")
        #expect(policy.controls == ["A.2.2"] && policy.evidence == ["EV-001"] && policy.systems == ["AIS-001"])
        #expect(policy.approvedBy == "Ana" && policy.approvedDate == "2026-11-02" && policy.source == "buyer one.xlsx")
        let training = try #require(learned.first { $0.question == "Is customer data used for training?" })
        #expect(training.choice == "No" && training.answer == "Never.")
        #expect(training.approvedBy == "Ben" && training.topic == LearnedAnswers.topic)
        #expect(try await store.learnedAnswers() == learned, "deterministic")

        // A later run deciding the same question differently replaces the earlier answer.
        let later = try await store.record(questions, path: "/in/buyer two.xlsx", createdAt: "2026-11-05T00:00:00Z")
        try await store.decide(
            run: later, key: "Q-2", status: .edited, text: "Only with consent.", reviewer: "Cy",
            at: "2026-11-06T10:00:00Z")
        let updated = try await store.learnedAnswers().filter { $0.question == "Is customer data used for training?" }
        #expect(updated.map(\.answer) == ["Only with consent."])
        #expect(updated.first?.source == "buyer two.xlsx")
        await scratch.close()
    }

    @Test(arguments: StoreKind.enabled.flatMap { from in StoreKind.enabled.map { (from, $0) } })
    func restoreCopiesEverythingVerifiably(from: StoreKind, to: StoreKind) async throws {
        let source = try await from.scratch()
        let id = try await source.store.record(Self.drafts())
        try await source.store.decide(run: id, key: "Q-1", status: .approved, notes: "ok", reviewer: "ana", at: "t1")
        try await source.store.decide(run: id, key: "Q-1", status: .rejected, reviewer: "bob", at: "t2")
        try await source.store.decide(run: id, key: "Q-2", status: .edited, text: "Mine.", reviewer: "ana", at: "t3")
        try await source.store.recordExport(
            RunExport(
                runId: id, exportedAt: "t4", exportedBy: "ana",
                files: [RunExport.File(name: "buyer.xlsx", sha256: "abc")]))
        let contents = try await source.store.contents()
        #expect(contents.exports.count == 1)
        let destination = try await to.scratch()
        try await destination.store.restore(contents)
        let copied = try await destination.store.contents()
        #expect(copied == contents)
        #expect(copied.counts.auditEntries == 3 && copied.counts.decisions == 2 && copied.counts.questions == 4)
        #expect(copied.counts.auditChecksum == contents.counts.auditChecksum)
        // The log goes on numbering after the copied entries; a second copy is refused.
        try await destination.store.decide(run: id, key: "Q-3", status: .rejected, reviewer: "cy", at: "t4")
        #expect(try await destination.store.auditLog(run: nil).map(\.id) == [1, 2, 3, 4])
        try await destination.store.recordExport(RunExport(runId: id, exportedAt: "t5", exportedBy: "cy", files: []))
        #expect(try await destination.store.exports(run: nil).map(\.id) == [1, 2], "export IDs go on after the copied ones")
        let error = await #expect(throws: RunStoreError.self) { try await destination.store.restore(contents) }
        #expect(error?.kind == .notEmpty)
        await source.close()
        await destination.close()
    }

    @Test(arguments: StoreKind.enabled)
    func concurrentReviewersLoseNothing(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let drafts = (1...40).map { Self.drafted("Q-\($0)", row: $0 + 1, choice: "Yes", text: "Draft \($0).", flags: []) }
        let id = try await scratch.store.record(drafts)
        // Two stores on the same database, as two processes would have.
        let second = try await RunStoreOpenerForTests.open(scratch.location)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, store) in [scratch.store, second].enumerated() {
                group.addTask {
                    for number in stride(from: index + 1, through: 40, by: 2) {
                        try await store.decide(run: id, key: "Q-\(number)", status: .approved, reviewer: "r\(index)", at: "t")
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await scratch.store.decisions(run: id).count == 40)
        #expect(try await scratch.store.auditLog(run: id).count == 40)
        try await second.close()
        await scratch.close()
    }

    // MARK: Exports

    @Test(arguments: StoreKind.enabled)
    func exportsAreRecordedWithTheirFilesAndKeptOnReRecording(kind: StoreKind) async throws {
        let scratch = try await kind.scratch()
        let store = scratch.store
        let id = try await store.record(Self.drafts())
        let other = try await store.record(Self.drafts(), path: "other.csv")
        #expect(try await store.exports(run: nil).isEmpty)
        let files = [
            RunExport.File(name: "buyer.xlsx", sha256: String(repeating: "a", count: 64)),
            RunExport.File(name: "buyer.evidence.html", sha256: String(repeating: "b", count: 64)),
        ]
        let first = try await store.recordExport(RunExport(runId: id, exportedAt: "2026-01-02T00:00:00.000Z", exportedBy: "ana", files: files))
        let second = try await store.recordExport(RunExport(runId: other, exportedAt: "2026-01-03T00:00:00.000Z", exportedBy: "bo", files: []))
        let third = try await store.recordExport(
            RunExport(
                runId: id, exportedAt: "2026-01-04T00:00:00.000Z", exportedBy: "cy",
                files: [files[0]]))
        #expect([first, second, third] == [1, 2, 3])
        let exports = try await store.exports(run: id)
        #expect(
            exports == [
                RunExport(id: 1, runId: id, exportedAt: "2026-01-02T00:00:00.000Z", exportedBy: "ana", files: files),
                RunExport(id: 3, runId: id, exportedAt: "2026-01-04T00:00:00.000Z", exportedBy: "cy", files: [files[0]]),
            ])
        #expect(try await store.exports(run: nil).map(\.id) == [1, 2, 3])
        // Drafting the same file again keeps what went out.
        try await store.record(Array(Self.drafts().prefix(1)), createdAt: "2026-01-05T00:00:00Z")
        #expect(try await store.exports(run: id) == exports)
        let error = await #expect(throws: ReviewError.self) {
            try await store.recordExport(RunExport(runId: "000000000000", exportedAt: "t", exportedBy: "ana", files: files))
        }
        #expect(error?.kind == .unknownRun)
        #expect(try await store.exports(run: nil).count == 3)
        await scratch.close()
    }

    @Test func changesSinceTheLastExportAreTheDecisionsMadeAfterIt() {
        func decision(_ key: String, _ status: ReviewDecision.Status, _ at: String) -> ReviewDecision {
            ReviewDecision(runId: "r", key: key, status: status, choice: nil, text: nil, reviewer: "ana", decidedAt: at)
        }
        let decisions = [
            decision("AI!Q-1", .approved, "2026-01-01T10:00:00.000Z"), decision("AI!Q-2", .approved, "2026-01-02T10:00:00.001Z"),
            decision("AI!Q-3", .edited, "2026-01-03T10:00:00.000Z"), decision("AI!Q-4", .rejected, "2026-01-04T10:00:00.000Z"),
        ]
        #expect(ExportChanges.since(nil, decisions: decisions) == nil, "a first export has nothing to compare with")
        let last = RunExport(runId: "r", exportedAt: "2026-01-02T10:00:00.000Z", exportedBy: "ana", files: [])
        let changes = ExportChanges.since(last, decisions: decisions)
        #expect(changes == ExportChanges(since: last.exportedAt, approved: ["AI!Q-2"], edited: ["AI!Q-3"], rejected: ["AI!Q-4"]))
        var latest = last
        latest.exportedAt = "2026-01-05T00:00:00.000Z"
        #expect(ExportChanges.since(latest, decisions: decisions)?.isEmpty == true)
    }

    // MARK: Fixture

    static func drafted(
        _ id: String, row: Int, cells: [AnswerCell]? = nil, choice: String?, text: String,
        flags: [AnswerFlag]
    ) -> DraftedQuestion {
        let yesNo = [AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No", "N/A"]), AnswerCell(column: "D", kind: .text)]
        return DraftedQuestion(
            question: Question(id: id, sheet: "AI", row: row, text: "Question \(row)?", answerCells: cells ?? yesNo),
            intent: .yesno, matches: [],
            answer: DraftAnswer(choice: choice, text: text, citations: [], confidence: .high, score: 0.9, flags: flags))
    }

    static func drafts() -> [DraftedQuestion] {
        [
            drafted("Q-1", row: 5, choice: "Yes", text: "Drafted one.", flags: [.libraryReuse, .staleEvidence]),
            drafted("Q-2", row: 6, choice: "Yes", text: "Drafted two.", flags: []),
            drafted("Q-3", row: 8, choice: "Maybe", text: "Drafted four.", flags: [.valueNotAllowed]),
            drafted("", row: 7, cells: [AnswerCell(column: "D", kind: .text)], choice: nil, text: "Drafted three.", flags: []),
        ]
    }
}

extension RunStore {
    @discardableResult
    func record(_ questions: [DraftedQuestion], path: String = "buyer.xlsx", createdAt: String = "2026-01-01T00:00:00Z") async throws -> String {
        try await recordRun(
            RunDraft(
                path: path, contentHash: "hash", kbVersion: "kb-1", asOf: "2026-01-01", createdAt: createdAt,
                drafted: questions))
    }
}
