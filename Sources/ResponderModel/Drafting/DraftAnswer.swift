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

    public init(choice: String?, text: String, citations: [Citation], confidence: Confidence, score: Double,
                flags: [AnswerFlag], provenance: String? = nil) {
        self.choice = choice
        self.text = text
        self.citations = citations
        self.confidence = confidence
        self.score = score
        self.flags = flags
        self.provenance = provenance
    }
}
