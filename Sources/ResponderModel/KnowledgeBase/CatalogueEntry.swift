/// An ISO/IEC 42001 clause requirement or Annex A control, with our own description and the
/// ways buyers ask about it.
public struct CatalogueEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case clause
        case control
    }

    /// `6.1.2` or `A.5.2`, written exactly so.
    public var id: String
    public var kind: Kind
    public var title: String
    /// Clause heading or Annex A objective (`A.5 Assessing impacts of AI systems`).
    public var group: String
    public var description: String
    public var keywords: [String]
    /// Example questions; each must retrieve this entry in the top 3.
    public var examples: [String]

    public init(id: String, kind: Kind, title: String, group: String, description: String, keywords: [String], examples: [String]) {
        self.id = id
        self.kind = kind
        self.title = title
        self.group = group
        self.description = description
        self.keywords = keywords
        self.examples = examples
    }
}
