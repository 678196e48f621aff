/// What a draft's confidence score was computed from, so a reviewer (and the answer-level
/// evaluation) can see why a draft is high or low.
public struct ConfidenceSignals: Sendable, Hashable, Codable {
    /// The best catalogue entry's score (BM25F plus closest-example similarity).
    public var matchScore: Double
    /// Cosine similarity of the question to the best entry's closest example question.
    public var exampleSimilarity: Double
    /// How far the best entry leads the second (0...1).
    public var margin: Double
    /// The share of the question's term weight the answer's source (facet, or the entry and its
    /// statement) contains.
    public var coverage: Double
    /// The same share in what the organisation states (the facet, or the line's statement, and
    /// the control's title and description), without the catalogue's example questions and
    /// keywords; absent for a library answer, whose texts are all the organisation's own.
    public var statedCoverage: Double?
    /// Distinct question terms the best entry matched; a match resting on one word cannot be high.
    public var matchedTerms: Int
    /// The chosen facet's fit, when the answer comes from a facet.
    public var facetFit: Double?
    /// The reused library answer's question similarity, when the answer comes from the library.
    public var librarySimilarity: Double?
    /// The closest library answer's question similarity when the answer does not come from it: an
    /// approved answer to a similar question competes with the source used.
    public var rivalLibrarySimilarity: Double?
    /// A library answer or facet that fit the question but was not used as its source, because the
    /// wording it fit asserts something else of the nouns they share ("copied into" where the
    /// question asks "kept separate"): which one, that wording and both sides' predicates.
    public var differentClaim: String?
    /// Qualifiers the question names that neither the answer nor its source's wording does
    /// ("independent party" for "Has an independent firm tested ...?"), by their groups' names.
    public var unsupportedQualifiers: String?
    /// The words of the answer's statement that deny what the question asks ("no engineer has
    /// standing administrative access"), when they turned its control's Yes into a No.
    public var denial: String?

    public init(
        matchScore: Double, exampleSimilarity: Double, margin: Double, coverage: Double, statedCoverage: Double? = nil, matchedTerms: Int,
        facetFit: Double? = nil, librarySimilarity: Double? = nil, rivalLibrarySimilarity: Double? = nil,
        differentClaim: String? = nil, unsupportedQualifiers: String? = nil, denial: String? = nil
    ) {
        self.matchScore = matchScore
        self.exampleSimilarity = exampleSimilarity
        self.margin = margin
        self.coverage = coverage
        self.statedCoverage = statedCoverage
        self.matchedTerms = matchedTerms
        self.facetFit = facetFit
        self.librarySimilarity = librarySimilarity
        self.rivalLibrarySimilarity = rivalLibrarySimilarity
        self.differentClaim = differentClaim
        self.unsupportedQualifiers = unsupportedQualifiers
        self.denial = denial
    }
}
