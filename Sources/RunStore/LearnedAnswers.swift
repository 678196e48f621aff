import Foundation
import KnowledgeBase
import ResponderModel

/// Reviewed answers turned into library answers, so the library learns from every review.
public enum LearnedAnswers {
    /// The topic given to answers learned from reviews (runs do not record one).
    public static let topic = "reviewed"

    /// One decided question with the run it belongs to.
    public struct Reviewed: Sendable, Hashable {
        public var run: RunSummary
        public var question: RunQuestion
        public var decision: ReviewDecision

        public init(run: RunSummary, question: RunQuestion, decision: ReviewDecision) {
            self.run = run
            self.question = question
            self.decision = decision
        }
    }

    /// Every approved or edited answer as a library answer, sorted by ID.
    ///
    /// IDs are `LIB-R-<run>-<hash of the key>`. The question is the run's question text, the answer
    /// the final choice and text, controls and evidence come from the draft's citations, and the
    /// source is the run's file name. When the same question (compared case- and space-insensitively)
    /// was decided in several runs, the latest decision wins, a rejection included: it withdraws
    /// what was learned before. A later rejection or edit of a draft that reused a learned answer
    /// withdraws that answer too (a reviewer turned it down or corrected it), whatever its
    /// question. Decisions with an empty text and no choice, and decisions whose time does not
    /// start with a real `YYYY-MM-DD` date (so `library export` always loads back) give nothing.
    public static func build(_ reviewed: [Reviewed]) -> [LibraryAnswer] {
        let ordered =
            reviewed
            .sorted { ($0.decision.decidedAt, $0.run.id, $0.decision.key) < ($1.decision.decidedAt, $1.run.id, $1.decision.key) }
        var latest: [String: LibraryAnswer] = [:]
        for item in ordered {
            let decision = item.decision
            let cited = item.question.citations.compactMap { Citation(encoded: $0) }
            if decision.status != .approved {
                let reused = Set(cited.filter { $0.kind == .library }.map(\.id))
                latest = latest.filter { !reused.contains($0.value.id) }
            }
            guard decision.status != .rejected else {
                latest[normalised(item.question.text)] = nil
                continue
            }
            let text = decision.text ?? ""
            let date = String(decision.decidedAt.prefix(10))
            guard decision.choice != nil || !text.isEmpty, CalendarDate(date) != nil else { continue }
            var hash = ContentHash()
            hash.add(decision.key.utf8)
            latest[normalised(item.question.text)] = LibraryAnswer(
                id: "LIB-R-\(item.run.id)-\(hash.hex.prefix(8))", question: item.question.text, choice: decision.choice,
                answer: text, topic: topic,
                controls: cited.compactMap(\.controlRef),
                evidence: cited.filter { $0.kind == .evidence }.map(\.id),
                systems: cited.filter { $0.kind == .system }.map(\.id),
                assessments: cited.filter { $0.kind == .assessment }.map(\.id),
                approvedBy: decision.reviewer, approvedDate: date,
                source: URL(fileURLWithPath: item.run.path).lastPathComponent)
        }
        return latest.values.sorted { $0.id < $1.id }
    }

    /// `library` followed by the learned answers whose ID and question it does not already hold
    /// (the YAML library wins on conflict).
    public static func merging(_ learned: [LibraryAnswer], into library: [LibraryAnswer]) -> [LibraryAnswer] {
        let ids = Set(library.map(\.id))
        let questions = Set(library.map { normalised($0.question) })
        return library + learned.filter { !ids.contains($0.id) && !questions.contains(normalised($0.question)) }
    }

    private static func normalised(_ question: String) -> String {
        question.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
