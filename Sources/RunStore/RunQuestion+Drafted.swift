import ResponderModel

extension RunQuestion {
    /// The stored form of a drafted question: its cells, its draft and what the draft cited.
    public init(position: Int, _ drafted: DraftedQuestion) {
        let question = drafted.question
        let choiceCell = question.answerCells.first { $0.kind == .choice }
        self.init(
            position: position, key: question.key, sheet: question.sheet, row: question.row,
            questionId: question.id, text: question.text, choiceColumn: choiceCell?.column,
            textColumn: question.answerCells.first { $0.kind == .text }?.column,
            allowed: choiceCell?.allowed, draftChoice: drafted.answer.choice,
            draftText: drafted.answer.text, confidence: drafted.answer.confidence.rawValue,
            flags: drafted.answer.flags.map(\.rawValue),
            citations: drafted.answer.citations.map(\.encoded))
    }
}
