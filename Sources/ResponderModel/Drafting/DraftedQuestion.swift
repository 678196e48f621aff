/// A questionnaire question with its matches and drafted answer.
public struct DraftedQuestion: Sendable, Hashable, Codable {
    public var question: Question
    public var intent: Intent
    public var matches: [ControlMatch]
    public var answer: DraftAnswer

    public init(question: Question, intent: Intent, matches: [ControlMatch], answer: DraftAnswer) {
        self.question = question
        self.intent = intent
        self.matches = matches
        self.answer = answer
    }
}
