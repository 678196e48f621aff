/// A subject the organisation's registers answer with facts (inventory counts, latest assessments,
/// suppliers, oversight, incidents, certifications). Catalogue entries name the topics their
/// questions raise (`topics: [risk_assessment]`), so a match to the entry brings in those facts.
public enum FactTopic: String, Sendable, Hashable, Codable, CaseIterable {
    case inventory
    case customerDataTraining = "customer_data_training"
    case riskAssessment = "risk_assessment"
    case impactAssessment = "impact_assessment"
    case bias
    case suppliers
    case internalAudit = "internal_audit"
    case managementReview = "management_review"
    case humanOversight = "human_oversight"
    case monitoring
    case incidents
    case certification
    case governanceBody = "governance_body"
}
