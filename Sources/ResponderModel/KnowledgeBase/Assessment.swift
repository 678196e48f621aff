/// A risk, impact, bias or supplier assessment, an internal audit or a management review.
public struct Assessment: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case risk, impact, bias, supplier
        case internalAudit = "internal_audit"
        case managementReview = "management_review"
    }

    public struct Finding: Sendable, Hashable, Codable {
        public enum Severity: String, Sendable, Hashable, Codable, CaseIterable { case low, medium, high, critical }
        public enum Treatment: String, Sendable, Hashable, Codable, CaseIterable {
            case open
            case inProgress = "in_progress"
            case closed
            case accepted
        }

        public var id: String
        public var severity: Severity
        public var summary: String
        public var treatment: Treatment

        public init(id: String, severity: Severity, summary: String, treatment: Treatment) {
            self.id = id
            self.severity = severity
            self.summary = summary
            self.treatment = treatment
        }
    }

    public var id: String
    public var kind: Kind
    public var title: String
    public var systems: [String]
    /// `YYYY-MM-DD`
    public var date: String
    public var assessor: String
    public var outcome: String
    public var findings: [Finding]
    /// `YYYY-MM-DD`
    public var nextReview: String?

    public init(
        id: String, kind: Kind, title: String, systems: [String], date: String, assessor: String,
        outcome: String, findings: [Finding], nextReview: String?
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.systems = systems
        self.date = date
        self.assessor = assessor
        self.outcome = outcome
        self.findings = findings
        self.nextReview = nextReview
    }
}
