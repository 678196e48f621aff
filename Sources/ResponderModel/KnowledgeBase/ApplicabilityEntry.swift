/// One Statement of Applicability line: how the organisation implements a control or clause.
public struct ApplicabilityEntry: Sendable, Hashable, Codable {
    /// The framework whose Statement of Applicability holds the line (`soa.yaml` is ISO/IEC 42001's,
    /// `soa-iso27001.yaml` ISO/IEC 27001's).
    public var framework: FrameworkCode
    /// A catalogue ID of that framework (`A.5.2`, `9.3`, `CC6.1`).
    public var control: String
    public var applicable: Bool
    public var justification: String?
    public var status: ControlStatus
    /// `YYYY-MM-DD`, for planned and partial controls.
    public var targetDate: String?
    /// Buyer-facing implementation statement.
    public var statement: String
    public var owner: String
    public var evidence: [String]
    /// Aspects of the control answered separately, each with its own statement and stance; empty
    /// when `statement` answers every question about the control.
    public var facets: [AnswerFacet]

    /// The line's framework-qualified control.
    public var ref: ControlRef { ControlRef(framework, control) }

    public init(
        framework: FrameworkCode = .iso42001, control: String, applicable: Bool, justification: String? = nil, status: ControlStatus,
        targetDate: String? = nil, statement: String, owner: String, evidence: [String], facets: [AnswerFacet] = []
    ) {
        self.framework = framework
        self.control = control
        self.applicable = applicable
        self.justification = justification
        self.status = status
        self.targetDate = targetDate
        self.statement = statement
        self.owner = owner
        self.evidence = evidence
        self.facets = facets
    }
}
