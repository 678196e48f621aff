import ResponderModel
import RunStore
import Testing

/// The rules that turn reviews into library answers, without a store.
@Suite struct LearnedAnswersTests {
    static func drafted(_ id: String, row: Int, text: String, citations: [Citation]) -> DraftedQuestion {
        let cells = [AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No"]), AnswerCell(column: "D", kind: .text)]
        return DraftedQuestion(question: Question(id: id, sheet: "AI", row: row, text: text, answerCells: cells), intent: .yesno,
                               matches: [], answer: DraftAnswer(choice: "Yes", text: "Draft \(id).", citations: citations,
                                                                confidence: .high, score: 0.9, flags: []))
    }

    static let questions = [
        drafted("Q-1", row: 2, text: "Do you have an AI policy?",
                citations: [Citation(kind: .control, id: "A.2.2"), Citation(kind: .evidence, id: "EV-001"),
                            Citation(kind: .system, id: "AIS-001")]),
        drafted("Q-2", row: 3, text: "Is customer data used for training?", citations: [Citation(kind: .clause, id: "6.1.2")]),
        drafted("Q-3", row: 4, text: "Do you sell data?", citations: []),
        drafted("Q-4", row: 5, text: "Undecided question?", citations: []),
    ]

    @Test func yamlLibraryWinsOnIDOrQuestion() {
        func answer(_ id: String, _ question: String) -> LibraryAnswer {
            LibraryAnswer(id: id, question: question, choice: nil, answer: "a", topic: "t", controls: [], evidence: [], systems: [],
                          assessments: [], approvedBy: "x", approvedDate: "2026-01-01", source: "s")
        }
        let yaml = [answer("LIB-001", "Do you have an AI policy?")]
        let learned = [answer("LIB-001", "Other?"), answer("LIB-R-1", "do you  have an AI POLICY?"), answer("LIB-R-2", "New?")]
        #expect(LearnedAnswers.merging(learned, into: yaml).map(\.id) == ["LIB-001", "LIB-R-2"])
    }
}
