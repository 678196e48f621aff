/// Implementation status of a control in the Statement of Applicability.
public enum ControlStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case implemented
    case partial
    case planned
    case notApplicable = "not_applicable"
}
