import Foundation
import GRDB
import ResponderModel
import Testing
@testable import KnowledgeBase

@Suite struct RunStoreTests {
    // MARK: Recording

    @Test func runIDIsStableAndDependsOnEveryInput() {
        let base = KnowledgeBaseStore.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01")
        #expect(base.count == 12)
        #expect(base.allSatisfy { $0.isHexDigit })
        #expect(base == KnowledgeBaseStore.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01"))
        let others = [
            KnowledgeBaseStore.runID(path: "b.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-01"),
            KnowledgeBaseStore.runID(path: "a.xlsx", contentHash: "i", kbVersion: "kb-1", asOf: "2026-01-01"),
            KnowledgeBaseStore.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-2", asOf: "2026-01-01"),
            KnowledgeBaseStore.runID(path: "a.xlsx", contentHash: "h", kbVersion: "kb-1", asOf: "2026-01-02"),
        ]
        #expect(!others.contains(base))
    }

    @Test func recordRunStoresQuestionsInOrder() throws {
        let scratch = try ScratchDatabase()
        let id = try scratch.store.recordRun(questions: Self.drafts())
        let questions = try scratch.store.questions(run: id)
        #expect(questions.map(\.key) == ["AI!Q-1", "AI!Q-2", "AI!Q-3", "AI!7"])
        #expect(questions[0].choiceColumn == "C")
        #expect(questions[0].textColumn == "D")
        #expect(questions[0].allowed == ["Yes", "No", "N/A"])
        #expect(questions[0].draftChoice == "Yes")
        #expect(questions[0].flags == ["library_reuse", "stale_evidence"])
        #expect(questions[3].choiceColumn == nil)
        #expect(questions[3].allowed == nil)
        #expect(questions[3].flags == [])
        #expect(try scratch.store.runs().map(\.id) == [id])
    }

    @Test func recordingTheSameInputsAgainReplacesQuestionsAndKeepsDecisions() throws {
        let scratch = try ScratchDatabase()
        let id = try scratch.store.recordRun(questions: Self.drafts())
        try scratch.store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t1")
        let again = try scratch.store.recordRun(createdAt: "2026-01-02T00:00:00Z", questions: Array(Self.drafts().prefix(2)))
        #expect(again == id)
        #expect(try scratch.store.runs().count == 1)
        #expect(try scratch.store.runs().first?.createdAt == "2026-01-02T00:00:00Z")
        #expect(try scratch.store.questions(run: id).map(\.key) == ["AI!Q-1", "AI!Q-2"])
        #expect(try scratch.store.decisions(run: id).map(\.key) == ["AI!Q-1"])
    }

    @Test func aBatchIsOneTransaction() throws {
        struct Interrupted: Error {}
        let scratch = try ScratchDatabase()
        let id = try scratch.store.recordRun(questions: Self.drafts())
        let requests = [
            DecisionRequest(key: "Q-1", status: .approved),
            DecisionRequest(key: "Q-9", status: .approved),
            DecisionRequest(key: "Q-2", status: .edited, text: "Edited."),
            DecisionRequest(key: "Q-3", status: .rejected),
        ]
        // Interrupted after the third request: nothing of the batch remains.
        #expect(throws: Interrupted.self) {
            try scratch.store.decide(run: id, requests, reviewer: "ana", at: "t1") { if $0 == 3 { throw Interrupted() } }
        }
        #expect(try scratch.store.decisions(run: id).isEmpty)
        #expect(try scratch.store.auditLogCount() == 0)

        // Uninterrupted: a refused request does not stop the others.
        let results = try scratch.store.decide(run: id, requests, reviewer: "ana", at: "t1")
        #expect(results[0] == .recorded(key: "AI!Q-1"))
        guard case .refused(let error) = results[1] else { Issue.record("Q-9 was not refused: \(results[1])"); return }
        #expect(error.kind == .unknownKey)
        #expect(results[2...] == [.recorded(key: "AI!Q-2"), .recorded(key: "AI!Q-3")])
        #expect(try scratch.store.auditLogCount() == 3)
    }

    @Test func runsAreListedNewestLast() throws {
        let scratch = try ScratchDatabase()
        let late = try scratch.store.recordRun(path: "late.xlsx", createdAt: "2026-02-01T00:00:00Z", questions: [])
        let early = try scratch.store.recordRun(path: "early.xlsx", createdAt: "2026-01-01T00:00:00Z", questions: [])
        #expect(try scratch.store.runs().map(\.id) == [early, late])
        #expect(try scratch.store.run(late)?.path == "late.xlsx")
        #expect(try scratch.store.run("000000000000") == nil)
    }

    // MARK: Deciding

    @Test func approveTakesTheDraftAndEditKeepsWhatIsNotGiven() throws {
        let scratch = try ScratchDatabase()
        let id = try scratch.store.recordRun(questions: Self.drafts())
        try scratch.store.decide(run: id, key: "AI!Q-1", status: .approved, choice: "No", text: "ignored", reviewer: "ana", at: "t1")
        try scratch.store.decide(run: id, key: "Q-2", status: .edited, choice: "No", reviewer: "ana", at: "t2")
        try scratch.store.decide(run: id, key: "AI!7", status: .rejected, reviewer: "bo", at: "t3")
        let decisions = try scratch.store.decisions(run: id)
        #expect(decisions.map(\.status) == [.approved, .edited, .rejected])
        #expect(decisions[0].choice == "Yes" && decisions[0].text == "Drafted one.")
        #expect(decisions[1].choice == "No" && decisions[1].text == "Drafted two.")
        #expect(decisions[2].choice == nil && decisions[2].text == nil && decisions[2].reviewer == "bo")
    }

    @Test func decidingTheSameThingTwiceAddsNoAuditRow() throws {
        let scratch = try ScratchDatabase()
        let id = try scratch.store.recordRun(questions: Self.drafts())
        #expect(try scratch.store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t1").changed)
        #expect(try scratch.store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t2").changed == false)
        #expect(try scratch.store.auditLogCount() == 1)
        #expect(try scratch.store.decisions(run: id).first?.decidedAt == "t1")
    }

    @Test func auditLogOnlyGrowsAndRecordsBeforeAndAfter() throws {
        let scratch = try ScratchDatabase()
        let id = try scratch.store.recordRun(questions: Self.drafts())
        var counts: [Int] = []
        for (status, text) in [(ReviewDecision.Status.approved, nil), (.edited, "Mine."), (.rejected, nil), (.approved, nil)] as [(ReviewDecision.Status, String?)] {
            try scratch.store.decide(run: id, key: "Q-1", status: status, text: text, reviewer: "ana", at: "t")
            counts.append(try scratch.store.auditLogCount())
        }
        try scratch.store.recordRun(questions: Self.drafts())
        #expect(counts == [1, 2, 3, 4])
        #expect(try scratch.store.auditLogCount() == 4)
        let rows = try scratch.read { db in
            try Row.fetchAll(db, sql: "SELECT action, before, after, kb_version FROM audit_log ORDER BY id")
        }
        #expect(rows.map { $0["action"] as String } == ["approved", "edited", "rejected", "approved"])
        #expect(rows[0]["before"] as String? == nil)
        #expect(rows[1]["before"] as String? == #"{"choice":"Yes","status":"approved","text":"Drafted one."}"#)
        #expect(rows[1]["after"] as String? == #"{"choice":"Yes","status":"edited","text":"Mine."}"#)
        #expect(rows.allSatisfy { $0["kb_version"] as String == "kb-1" })
    }

    @Test(arguments: ["UPDATE audit_log SET reviewer = 'mallory'", "DELETE FROM audit_log"])
    func auditLogRefusesChanges(sql: String) throws {
        let scratch = try ScratchDatabase()
        let id = try scratch.store.recordRun(questions: Self.drafts())
        try scratch.store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t")
        #expect(throws: DatabaseError.self) {
            try DatabaseQueue(path: scratch.url.appendingPathComponent("kb.sqlite").path).write { db in try db.execute(sql: sql) }
        }
        #expect(try scratch.store.auditLogCount() == 1)
        #expect(try scratch.read { db in try String.fetchOne(db, sql: "SELECT reviewer FROM audit_log") } == "ana")
    }

    @Test(arguments: [
        ("unknown run", "ffffffffffff", "Q-1", ReviewDecision.Status.approved, String?.none, String?.none, ReviewError.Kind.unknownRun),
        ("unknown key", "", "Q-9", .approved, nil, nil, .unknownKey),
        ("choice not in dropdown", "", "Q-1", .edited, "Maybe", nil, .choiceNotAllowed),
        ("edit without value", "", "Q-1", .edited, nil, nil, .incomplete),
        ("choice for a text-only question", "", "AI!7", .edited, "Yes", nil, .incomplete),
        ("approving a drafted choice the dropdown lacks", "", "Q-3", .approved, nil, nil, .choiceNotAllowed),
    ])
    func refusals(name: String, run: String, key: String, status: ReviewDecision.Status, choice: String?, text: String?,
                  expected: ReviewError.Kind) throws {
        let scratch = try ScratchDatabase()
        let id = try scratch.store.recordRun(questions: Self.drafts())
        let error = #expect(throws: ReviewError.self) {
            try scratch.store.decide(run: run.isEmpty ? id : run, key: key, status: status, choice: choice, text: text,
                                     reviewer: "ana", at: "t")
        }
        #expect(error?.kind == expected, "\(name)")
        #expect(try scratch.store.auditLogCount() == 0)
    }

    @Test func bareIDRepeatedAcrossSheetsIsAmbiguous() throws {
        let scratch = try ScratchDatabase()
        var other = Self.drafts()[0]
        other.question.sheet = "Other"
        let id = try scratch.store.recordRun(questions: Self.drafts() + [other])
        let error = #expect(throws: ReviewError.self) {
            try scratch.store.decide(run: id, key: "Q-1", status: .approved, reviewer: "ana", at: "t")
        }
        #expect(error?.kind == .ambiguousKey)
        #expect(try scratch.store.decide(run: id, key: "Other!Q-1", status: .approved, reviewer: "ana", at: "t").key == "Other!Q-1")
    }

    // MARK: Fixture

    static func drafts() -> [DraftedQuestion] {
        func drafted(_ id: String, row: Int, cells: [AnswerCell], choice: String?, text: String, flags: [AnswerFlag]) -> DraftedQuestion {
            DraftedQuestion(question: Question(id: id, sheet: "AI", row: row, text: "Question \(row)?", answerCells: cells),
                            intent: .yesno, matches: [],
                            answer: DraftAnswer(choice: choice, text: text, citations: [], confidence: .high, score: 0.9, flags: flags))
        }
        let yesNo = [AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No", "N/A"]), AnswerCell(column: "D", kind: .text)]
        return [
            drafted("Q-1", row: 5, cells: yesNo, choice: "Yes", text: "Drafted one.", flags: [.libraryReuse, .staleEvidence]),
            drafted("Q-2", row: 6, cells: yesNo, choice: "Yes", text: "Drafted two.", flags: []),
            drafted("Q-3", row: 8, cells: yesNo, choice: "Maybe", text: "Drafted four.", flags: [.valueNotAllowed]),
            drafted("", row: 7, cells: [AnswerCell(column: "D", kind: .text)], choice: nil, text: "Drafted three.", flags: []),
        ]
    }
}

/// A store in a temporary folder, removed when the test ends.
private final class ScratchDatabase {
    let url: URL
    let store: KnowledgeBaseStore

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("RunStoreTests-\(UUID().uuidString)")
        store = try KnowledgeBaseStore(path: url.appendingPathComponent("kb.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try DatabaseQueue(path: url.appendingPathComponent("kb.sqlite").path).read(body)
    }
}

private extension KnowledgeBaseStore {
    @discardableResult
    func recordRun(path: String = "buyer.xlsx", createdAt: String = "2026-01-01T00:00:00Z", questions: [DraftedQuestion]) throws -> String {
        try recordRun(path: path, contentHash: "hash", kbVersion: "kb-1", asOf: "2026-01-01", createdAt: createdAt, questions: questions)
    }
}
