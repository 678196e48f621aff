import ResponderModel
import RunStore
import Testing

/// Issue 15, item 4: what a re-draft keeps of the decisions of earlier runs, without a store.
@Suite struct CarriedDecisionsTests {
    static func question(
        _ text: String = "Do you red-team models?", choice: String? = "Yes",
        draft: String = "We red-team every model."
    ) -> RunQuestion {
        RunQuestion(
            position: 0, key: "AI!Q-1", sheet: "AI", row: 2, questionId: "Q-1", text: text, choiceColumn: "C",
            textColumn: "D", allowed: ["Yes", "No"], draftChoice: choice, draftText: draft, confidence: "high", flags: [])
    }

    static func earlier(
        _ status: ReviewDecision.Status, on question: RunQuestion = question(), choice: String? = "Yes",
        text: String? = nil, at: String = "2026-01-01T00:00:00Z", run: String = "aaa"
    ) -> LearnedAnswers.Reviewed {
        let values: (String?, String?) =
            switch status {
            case .approved: (question.draftChoice, question.draftText)
            case .edited: (choice, text)
            case .rejected: (nil, nil)
            }
        let decision = ReviewDecision(
            runId: run, key: question.key, status: status, choice: values.0, text: values.1,
            reviewer: "ana", decidedAt: at, draftHash: question.draftHash)
        return LearnedAnswers.Reviewed(
            run: RunSummary(
                id: run, path: "/b.xlsx", contentHash: "h", kbVersion: "kb", asOf: "2026-01-01",
                createdAt: at), question: question, decision: decision)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var earlier: [LearnedAnswers.Reviewed]
        var now: RunQuestion
        var carried: ReviewDecision.Status?
        var previouslyRejected: Bool
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "approved, same draft", earlier: [earlier(.approved)], now: question(), carried: .approved, previouslyRejected: false),
        Case(
            name: "approved, draft changed", earlier: [earlier(.approved)], now: question(draft: "We test some models."),
            carried: nil, previouslyRejected: false),
        Case(
            name: "approved, question reworded", earlier: [earlier(.approved)], now: question("Do you red-team all models?"),
            carried: nil, previouslyRejected: false),
        Case(
            name: "approved, whitespace only", earlier: [earlier(.approved)], now: question("Do you  red-team\nmodels?"),
            carried: .approved, previouslyRejected: false),
        Case(
            name: "edited, same draft", earlier: [earlier(.edited, text: "Ours.")], now: question(), carried: .edited,
            previouslyRejected: false),
        Case(
            name: "edited, the new draft is the edit (reused as learned)", earlier: [earlier(.edited, text: "Ours.")],
            now: question(draft: "Ours."), carried: .edited, previouslyRejected: false),
        Case(name: "rejected, same draft", earlier: [earlier(.rejected)], now: question(), carried: nil, previouslyRejected: true),
        Case(
            name: "rejected, draft changed", earlier: [earlier(.rejected)], now: question(choice: "No"), carried: nil,
            previouslyRejected: false),
        Case(
            name: "the latest decision counts", earlier: [earlier(.rejected, at: "2026-02-01T00:00:00Z", run: "bbb"), earlier(.approved)],
            now: question(), carried: nil, previouslyRejected: true),
    ])
    func aRedraftKeepsOnlyWhatWasDecidedOnTheSameText(_ example: Case) {
        let plan = CarriedDecisions.plan(for: [example.now], earlier: example.earlier)
        let requests = plan.requests["ana"] ?? []
        #expect(requests.map(\.status) == (example.carried.map { [$0] } ?? []))
        #expect(plan.previouslyRejected == (example.previouslyRejected ? ["AI!Q-1"] : []))
        for request in requests {
            #expect(request.base == 0, "never over a decision the new run already has")
            #expect(request.seenDraft == example.now.draftHash)
            #expect(request.notes?.hasPrefix("carried forward from run aaa (ana, 2026-01-01T00:00:00Z)") == true)
            if request.status == .edited { #expect(request.text == "Ours." && request.choice == "Yes") }
        }
    }
}
