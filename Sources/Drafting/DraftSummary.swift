import ResponderModel

/// How many questions got a confident draft, need review, or got none.
public struct DraftSummary: Sendable, Hashable {
    public var questions: Int
    public var high: Int
    public var needsReview: Int
    public var unanswered: Int
    /// Drafted answers (a choice or text) per framework they rest on; answers no control backs
    /// (facts only, or unmapped library answers) are not counted here.
    public var draftedByFramework: [FrameworkCode: Int]

    public init(_ drafted: [DraftedQuestion]) {
        questions = drafted.count
        var byFramework: [FrameworkCode: Int] = [:]
        for question in drafted where question.isDrafted {
            if let framework = question.framework { byFramework[framework, default: 0] += 1 }
        }
        draftedByFramework = byFramework
        unanswered = drafted.filter { $0.answer.text.isEmpty && $0.answer.choice == nil }.count
        high = drafted.filter { $0.answer.confidence == .high && !($0.answer.text.isEmpty && $0.answer.choice == nil) }.count
        needsReview = questions - high - unanswered
    }

    public init(adding summaries: [DraftSummary]) {
        questions = summaries.reduce(0) { $0 + $1.questions }
        high = summaries.reduce(0) { $0 + $1.high }
        needsReview = summaries.reduce(0) { $0 + $1.needsReview }
        unanswered = summaries.reduce(0) { $0 + $1.unanswered }
        draftedByFramework = summaries.reduce(into: [:]) { total, summary in
            total.merge(summary.draftedByFramework, uniquingKeysWith: +)
        }
    }

    /// Share of questions drafted with high confidence, in percent.
    public var highPercent: Double { questions == 0 ? 100 : Double(high) * 100 / Double(questions) }
}
