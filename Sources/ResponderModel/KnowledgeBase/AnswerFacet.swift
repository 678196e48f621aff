/// One aspect of a control that buyers ask about on its own ("is training data watermarked?" as
/// against "where does training data come from?"), with the statement, stance and evidence that
/// answer that aspect. Drafting picks the facet that fits the question; a Statement of
/// Applicability line without facets answers every question with its one statement.
public struct AnswerFacet: Sendable, Hashable, Codable {
    /// Unique within its control (`watermarking`); cited as `iso42001:A.7.5#watermarking`.
    public var id: String
    /// The aspect in a few words, in our own wording.
    public var aspect: String
    /// Questions this facet answers, in our own words: they decide which facet fits.
    public var examples: [String]
    /// Multi-word terms that name the aspect (`watermark`, `content credentials`).
    public var keywords: [String]
    public var statement: String
    /// What a yes/no question about this aspect is answered with; `.none` for a facet that only
    /// describes.
    public var stance: FacetStance
    public var evidence: [String]
    /// The AI systems the facet is about (inventory IDs); empty when it holds for the organisation.
    public var systems: [String]

    public init(
        id: String, aspect: String, examples: [String], keywords: [String] = [], statement: String,
        stance: FacetStance, evidence: [String] = [], systems: [String] = []
    ) {
        self.id = id
        self.aspect = aspect
        self.examples = examples
        self.keywords = keywords
        self.statement = statement
        self.stance = stance
        self.evidence = evidence
        self.systems = systems
    }
}

/// The answer a facet gives to a yes/no question about its aspect.
public enum FacetStance: String, Sendable, Hashable, Codable, CaseIterable {
    case yes
    case no
    case partial
    case notApplicable = "n/a"
    /// The facet describes and takes no side.
    case none
}
