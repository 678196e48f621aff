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

    /// The framework the draft rests on: its best match's, else that of the first control or
    /// clause it cites (a reused library answer); nil when no control backs it.
    public var framework: FrameworkCode? {
        matches.first?.framework ?? answer.citations.lazy.compactMap(\.framework).first
    }

    /// Whether the draft holds an answer (a choice or text).
    public var isDrafted: Bool { !(answer.text.isEmpty && answer.choice == nil) }
}
