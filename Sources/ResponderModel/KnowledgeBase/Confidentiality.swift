/// Who may see a piece of evidence. Internal evidence never appears in buyer-facing output.
public enum Confidentiality: String, Sendable, Hashable, Codable, CaseIterable {
    /// May be named and linked for any buyer.
    case `public`
    /// Offered to buyers as "available under NDA", title allowed.
    case nda
    /// Never named, cited or counted in anything a customer sees.
    case `internal`
}
