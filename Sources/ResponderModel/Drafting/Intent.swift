/// What a question asks for.
public enum Intent: String, Sendable, Hashable, Codable, CaseIterable {
    case yesno
    case describe
    case evidence
    case count
    case list
    case date
    /// A requirement statement the vendor is asked to affirm ("The vendor shall ...").
    case statement
}
