import ResponderModel
import RunStore
import Testing

/// The rules that turn reviews into library answers, without a store.
@Suite struct LearnedAnswersTests {
    static func drafted(_ id: String, row: Int, text: String, citations: [Citation]) -> DraftedQuestion {
        let cells = [AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No"]), AnswerCell(column: "D", kind: .text)]
        return DraftedQuestion(
            question: Question(id: id, sheet: "AI", row: row, text: text, answerCells: cells), intent: .yesno,
            matches: [],
            answer: DraftAnswer(
                choice: "Yes", text: "Draft \(id).", citations: citations,
                confidence: .high, score: 0.9, flags: []))
    }

    static let questions = [
        drafted(
            "Q-1", row: 2, text: "Do you have an AI policy?",
            citations: [
                Citation(kind: .control, id: "A.2.2"), Citation(kind: .evidence, id: "EV-001"),
                Citation(kind: .system, id: "AIS-001"),
            ]),
        drafted("Q-2", row: 3, text: "Is customer data used for training?", citations: [Citation(kind: .clause, id: "6.1.2")]),
        drafted("Q-3", row: 4, text: "Do you sell data?", citations: []),
        drafted("Q-4", row: 5, text: "Undecided question?", citations: []),
    ]

    @Test func yamlLibraryWinsOnIDOrQuestion() {
        func answer(_ id: String, _ question: String) -> LibraryAnswer {
            LibraryAnswer(
                id: id, question: question, choice: nil, answer: "a", topic: "t", controls: [], evidence: [], systems: [],
                assessments: [], approvedBy: "x", approvedDate: "2026-01-01", source: "s")
        }
        let yaml = [answer("LIB-001", "Do you have an AI policy?")]
        let learned = [answer("LIB-001", "Other?"), answer("LIB-R-1", "do you  have an AI POLICY?"), answer("LIB-R-2", "New?")]
        #expect(LearnedAnswers.merging(learned, into: yaml).map(\.id) == ["LIB-001", "LIB-R-2"])
    }

    static func reviewed(
        run: String, key: String, text: String, status: ReviewDecision.Status, at: String,
        citations: [String] = []
    ) -> LearnedAnswers.Reviewed {
        let summary = RunSummary(id: run, path: "/buyers/\(run).xlsx", contentHash: run, kbVersion: "kb", asOf: "2026-01-01", createdAt: at)
        let question = RunQuestion(
            position: 0, key: key, sheet: "AI", row: 2, questionId: "", text: text, choiceColumn: nil,
            textColumn: "D", allowed: nil, draftChoice: nil, draftText: "Draft.", confidence: "high",
            flags: [], citations: citations)
        let decision = ReviewDecision(
            runId: run, key: key, status: status, choice: nil,
            text: status == .rejected ? nil : "Answer from \(run).", reviewer: "ana", decidedAt: at)
        return LearnedAnswers.Reviewed(run: summary, question: question, decision: decision)
    }

    /// Issue 16, item 6: a rejection (or a later edit) of a draft that reused a learned answer withdraws it.
    @Test func aLaterRejectionOrEditOfADraftThatReusedALearnedAnswerWithdrawsIt() throws {
        let approved = Self.reviewed(
            run: "aaa", key: "AI!2", text: "Do you red-team models?", status: .approved,
            at: "2026-01-01T00:00:00Z")
        let learned = try #require(LearnedAnswers.build([approved]).first)
        for status in [ReviewDecision.Status.rejected, .edited] {
            // Buyer B's paraphrase reused it, and a reviewer turned it down or corrected it.
            let later = Self.reviewed(
                run: "bbb", key: "AI!9", text: "Are your models adversarially tested?", status: status,
                at: "2026-02-01T00:00:00Z", citations: ["library:\(learned.id)"])
            let built = LearnedAnswers.build([approved, later])
            #expect(!built.map(\.id).contains(learned.id), "\(status) withdraws \(learned.id)")
            #expect(built.count == (status == .edited ? 1 : 0))
        }
        // A rejection made before the answer was learned does not withdraw it.
        let earlier = Self.reviewed(
            run: "ccc", key: "AI!9", text: "Other?", status: .rejected, at: "2025-12-01T00:00:00Z",
            citations: ["library:\(learned.id)"])
        #expect(LearnedAnswers.build([earlier, approved]).map(\.id) == [learned.id])
        // An approval of the reuse keeps it.
        let reused = Self.reviewed(
            run: "ddd", key: "AI!9", text: "Are your models adversarially tested?", status: .approved,
            at: "2026-02-01T00:00:00Z", citations: ["library:\(learned.id)"])
        #expect(LearnedAnswers.build([approved, reused]).map(\.id).contains(learned.id))
    }

    @Test func aLaterRejectionOfTheSameQuestionInAnotherRunWithdrawsWhatWasLearned() {
        let approved = Self.reviewed(
            run: "aaa", key: "AI!2", text: "Do you red-team models?", status: .approved,
            at: "2026-01-01T00:00:00Z")
        let rejected = Self.reviewed(
            run: "bbb", key: "AI!2", text: "Do you  red-team MODELS?", status: .rejected,
            at: "2026-02-01T00:00:00Z")
        #expect(LearnedAnswers.build([approved, rejected]).isEmpty)
        #expect(LearnedAnswers.build([rejected, approved]).isEmpty, "order given does not matter, time does")
    }
}
