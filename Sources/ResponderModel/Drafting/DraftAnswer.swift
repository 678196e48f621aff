/// A drafted answer: the choice, the narrative, what it rests on, and how far to trust it.
public struct DraftAnswer: Sendable, Hashable, Codable {
    /// `Yes`, `No`, `Partial`, `N/A` or the buyer's own spelling of it from the dropdown; nil when
    /// the question wants no choice or none could be supported.
    public var choice: String?
    public var text: String
    public var citations: [Citation]
    public var confidence: Confidence
    /// 0...1
    public var score: Double
    public var flags: [AnswerFlag]
    /// Where a reused library answer came from (`LIB-012, approved by ... on ...`).
    public var provenance: String?
    /// The facet the answer was drafted from (`iso42001:A.7.5#watermarking`), when it came from one.
    public var facet: String?
    /// The signals the confidence score was computed from.
    public var signals: ConfidenceSignals?
    /// What the answer rests on (facet, library answer, Statement of Applicability line or register
    /// facts); nil when nothing was drafted.
    public var source: AnswerSource?

    public init(
        choice: String?, text: String, citations: [Citation], confidence: Confidence, score: Double,
        flags: [AnswerFlag], provenance: String? = nil, facet: String? = nil, signals: ConfidenceSignals? = nil,
        source: AnswerSource? = nil
    ) {
        self.choice = choice
        self.text = text
        self.citations = citations
        self.confidence = confidence
        self.score = score
        self.flags = flags
        self.provenance = provenance
        self.facet = facet
        self.signals = signals
        self.source = source
    }
}
