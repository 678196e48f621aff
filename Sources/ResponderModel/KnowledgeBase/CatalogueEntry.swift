/// A clause requirement or control of one framework (ISO/IEC 42001, ISO/IEC 27001, SOC 2), with our
/// own description and the ways buyers ask about it.
public struct CatalogueEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case clause
        case control
    }

    /// The framework the entry belongs to; its ID means nothing without it.
    public var framework: FrameworkCode
    /// `6.1.2`, `A.5.2` or `CC6.1`, written exactly so.
    public var id: String
    public var kind: Kind
    public var title: String
    /// Clause heading or Annex A objective (`A.5 Assessing impacts of AI systems`).
    public var group: String
    public var description: String
    public var keywords: [String]
    /// Example questions; each must retrieve this entry in the top 3.
    public var examples: [String]
    /// Overlapping entries of other frameworks (a crosswalk).
    public var related: [ControlRef]
    /// The register facts a question matched to this entry asks for.
    public var topics: [FactTopic]

    /// The entry's framework-qualified reference.
    public var ref: ControlRef { ControlRef(framework, id) }

    public init(
        framework: FrameworkCode = .iso42001, id: String, kind: Kind, title: String, group: String, description: String,
        keywords: [String], examples: [String], related: [ControlRef] = [], topics: [FactTopic] = []
    ) {
        self.framework = framework
        self.related = related
        self.topics = topics
        self.id = id
        self.kind = kind
        self.title = title
        self.group = group
        self.description = description
        self.keywords = keywords
        self.examples = examples
    }
}
