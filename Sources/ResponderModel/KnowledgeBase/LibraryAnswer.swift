/// An approved question/answer pair, reused when a buyer asks the same thing again.
public struct LibraryAnswer: Sendable, Hashable, Codable {
    public var id: String
    public var question: String
    /// Other wordings of the same question that the approved answer answers exactly as it stands
    /// ("Which hosting regions hold our data?" for "Where is customer data stored and processed?"):
    /// a buyer's question is compared with each, and none counts for more than the question itself.
    /// Empty for learned answers.
    public var alternateQuestions: [String]
    /// `Yes`, `No`, `Partial`, `N/A`, or nil for a free-text answer.
    public var choice: String?
    public var answer: String
    public var topic: String
    /// The controls and clauses the answer rests on, each with its framework.
    public var controls: [ControlRef]
    public var evidence: [String]
    public var systems: [String]
    public var assessments: [String]
    public var approvedBy: String
    /// `YYYY-MM-DD`
    public var approvedDate: String
    public var source: String
    /// Aspects of the answer buyers ask about on their own (which TLS versions, as against whether
    /// data is encrypted in transit), each with its own statement and stance; empty for most answers.
    public var facets: [AnswerFacet]

    public init(
        id: String, question: String, choice: String?, answer: String, topic: String, controls: [ControlRef],
        evidence: [String], systems: [String], assessments: [String], approvedBy: String,
        approvedDate: String, source: String, facets: [AnswerFacet] = [], alternateQuestions: [String] = []
    ) {
        self.id = id
        self.question = question
        self.alternateQuestions = alternateQuestions
        self.choice = choice
        self.answer = answer
        self.topic = topic
        self.controls = controls
        self.evidence = evidence
        self.systems = systems
        self.assessments = assessments
        self.approvedBy = approvedBy
        self.approvedDate = approvedDate
        self.source = source
        self.facets = facets
    }
}
