/// What a re-draft of a questionnaire already reviewed takes from its earlier runs: approved and
/// edited answers are kept where nothing changed, rejected drafts are not offered again as if new.
///
/// A decision carries only to a question with the same key and text whose new draft is the one
/// the decision was made on (``ReviewDecision/draftHash``, or the earlier run's draft for
/// decisions recorded before drafts were fingerprinted): the reviewer's verdict was on exactly
/// that text. An approved or edited answer also carries to a new draft that is exactly the
/// answer decided (the re-draft reused it as a learned answer): the reviewer wrote or passed that text.
public enum CarriedDecisions {
    /// The outcome for one new run.
    public struct Plan: Sendable, Hashable {
        /// Requests recording the kept decisions in the new run, grouped by the reviewer who
        /// made them; each is based on "undecided" (`base` 0), so a question already decided in
        /// the new run keeps its own decision.
        public var requests: [String: [DecisionRequest]] = [:]
        /// Keys of the new run whose draft a reviewer rejected before.
        public var previouslyRejected: Set<String> = []

        public init() {}
    }

    /// The plan for a new run's `questions`, given the decided questions of earlier runs of the
    /// same questionnaire (any order; the latest decision per key counts).
    public static func plan(for questions: [RunQuestion], earlier: [LearnedAnswers.Reviewed]) -> Plan {
        var latest: [String: LearnedAnswers.Reviewed] = [:]
        for item in earlier {
            let key = item.decision.key
            if let known = latest[key], (known.decision.decidedAt, known.run.id) >= (item.decision.decidedAt, item.run.id) { continue }
            latest[key] = item
        }
        var plan = Plan()
        for question in questions {
            guard let item = latest[question.key], sameText(item.question.text, question.text) else { continue }
            let decision = item.decision
            let decidedOn = decision.draftHash ?? item.question.draftHash
            let answered = decision.status == .rejected ? nil : RunIdentity.draftHash(choice: decision.choice, text: decision.text ?? "")
            guard decidedOn == question.draftHash || answered == question.draftHash else { continue }
            switch decision.status {
            case .rejected:
                plan.previouslyRejected.insert(question.key)
            case .approved, .edited:
                var notes = "carried forward from run \(item.run.id) (\(decision.reviewer), \(decision.decidedAt))"
                if let own = decision.notes { notes += ": " + own }
                plan.requests[decision.reviewer, default: []].append(
                    DecisionRequest(
                        key: question.key, status: decision.status,
                        choice: decision.status == .edited ? decision.choice : nil,
                        text: decision.status == .edited ? decision.text : nil,
                        notes: notes, base: 0, seenDraft: question.draftHash))
            }
        }
        return plan
    }

    private static func sameText(_ first: String, _ second: String) -> Bool {
        first.split(whereSeparator: \.isWhitespace) == second.split(whereSeparator: \.isWhitespace)
    }
}
