/// A reason for compliance to look at a draft; reviewers filter on these.
public enum AnswerFlag: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case noMatch = "no_match"
    case outOfScope = "out_of_scope"
    case lowConfidence = "low_confidence"
    case libraryReuse = "library_reuse"
    case staleEvidence = "stale_evidence"
    case overdueAssessment = "overdue_assessment"
    case plannedControl = "planned_control"
    case notApplicable = "not_applicable"
    case evidenceWithheld = "evidence_withheld"
    case valueNotAllowed = "value_not_allowed"
    case needsSME = "needs_sme"
    case conflictingLibraryAnswers = "conflicting_library_answers"
    /// The matched control's statement does not address the aspect the question asks about.
    case partialAnswer = "partial_answer"
    /// A reused library or learned answer named internal evidence, so its text was withheld.
    case internalReference = "internal_reference"
    /// A reviewer rejected this very draft of this question in an earlier run of the same
    /// questionnaire; never more than medium confidence.
    case previouslyRejected = "previously_rejected"

    public static func < (lhs: AnswerFlag, rhs: AnswerFlag) -> Bool { lhs.rawValue < rhs.rawValue }
}
