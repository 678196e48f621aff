/// How far a reviewer can trust a draft without reworking it.
public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
    case high
    case medium
    case low
}
