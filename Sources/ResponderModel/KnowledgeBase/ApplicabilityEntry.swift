/// One Statement of Applicability line: how the organisation implements a control or clause.
public struct ApplicabilityEntry: Sendable, Hashable, Codable {
    /// A catalogue ID (`A.5.2`, `9.3`).
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

    public init(control: String, applicable: Bool, justification: String? = nil, status: ControlStatus,
                targetDate: String? = nil, statement: String, owner: String, evidence: [String]) {
        self.control = control
        self.applicable = applicable
        self.justification = justification
        self.status = status
        self.targetDate = targetDate
        self.statement = statement
        self.owner = owner
        self.evidence = evidence
    }
}
