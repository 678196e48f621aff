import Foundation
import GRDB
import ResponderModel

/// Reviewed answers turned into library answers, so the library learns from every review.
extension KnowledgeBaseStore {
    /// The topic given to answers learned from reviews (runs do not record one).
    public static let learnedTopic = "reviewed"

    /// Every approved or edited answer of every run as a library answer, sorted by ID.
    ///
    /// IDs are `LIB-R-<run>-<hash of the key>`. The question is the run's question text, the answer
    /// the final choice and text, controls and evidence come from the draft's citations, and the
    /// source is the run's file name. When the same question (compared case- and space-insensitively)
    /// was decided in several runs, the latest decision wins. Rejected and undecided questions,
    /// decisions with an empty text and no choice, and decisions whose time does not start with a
    /// real `YYYY-MM-DD` date (so `library export` always loads back) give nothing.
    public func approvedAnswers() throws -> [LibraryAnswer] {
        try dbQueue.read { db in
            let runs = Dictionary(try RunRecord.fetchAll(db).map { ($0.id, $0) }) { first, _ in first }
            var questions: [String: RunQuestionRecord] = [:]
            for record in try RunQuestionRecord.fetchAll(db) where questions["\(record.runId)\n\(record.key)"] == nil {
                questions["\(record.runId)\n\(record.key)"] = record
            }
            let decisions = try DecisionRecord
                .filter([ReviewDecision.Status.approved.rawValue, ReviewDecision.Status.edited.rawValue].contains(Column("status")))
                .fetchAll(db)
                .sorted { ($0.decidedAt, $0.runId, $0.key) < ($1.decidedAt, $1.runId, $1.key) }
            var latest: [String: LibraryAnswer] = [:]
            for decision in decisions {
                guard let run = runs[decision.runId], let question = questions["\(decision.runId)\n\(decision.key)"]?.question
                else { continue }
                let text = decision.text ?? ""
                let decided = String(decision.decidedAt.prefix(10))
                guard decision.choice != nil || !text.isEmpty, CalendarDate(decided) != nil else { continue }
                let cited = question.citations.compactMap { Citation(encoded: $0) }
                var hash = ContentHash()
                hash.add(decision.key.utf8)
                let answer = LibraryAnswer(
                    id: "LIB-R-\(run.id)-\(hash.hex.prefix(8))", question: question.text, choice: decision.choice,
                    answer: text, topic: Self.learnedTopic,
                    controls: cited.compactMap(\.controlRef),
                    evidence: cited.filter { $0.kind == .evidence }.map(\.id),
                    systems: cited.filter { $0.kind == .system }.map(\.id),
                    assessments: cited.filter { $0.kind == .assessment }.map(\.id),
                    approvedBy: decision.reviewer, approvedDate: decided,
                    source: URL(fileURLWithPath: run.path).lastPathComponent)
                latest[Self.normalised(question.text)] = answer
            }
            return latest.values.sorted { $0.id < $1.id }
        }
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
