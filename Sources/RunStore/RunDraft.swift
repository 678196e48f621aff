import ResponderModel

/// One drafted questionnaire to record as a run (``RunStore/recordRun(_:)``).
public struct RunDraft: Sendable, Hashable {
    /// The input's absolute path.
    public var path: String
    /// ``RunIdentity/fingerprint(_:)`` of the input's bytes.
    public var contentHash: String
    public var kbVersion: String
    /// `YYYY-MM-DD`
    public var asOf: String
    /// The `--system` scope the drafts were limited to; nil for none.
    public var systemScope: String?
    /// The framework codes matching was limited to (`--framework`); nil for every claimed framework.
    public var frameworks: [String]?
    /// ISO 8601 UTC
    public var createdAt: String
    /// The questions in questionnaire order (positions from 0).
    public var questions: [RunQuestion]

    /// The run ID this draft is recorded under.
    public var id: String {
        RunIdentity.runID(
            path: path, contentHash: contentHash, kbVersion: kbVersion, asOf: asOf, systemScope: systemScope,
            frameworks: frameworks)
    }

    public init(
        path: String, contentHash: String, kbVersion: String, asOf: String, systemScope: String? = nil,
        frameworks: [String]? = nil, createdAt: String, questions: [RunQuestion]
    ) {
        self.path = path
        self.contentHash = contentHash
        self.kbVersion = kbVersion
        self.asOf = asOf
        self.systemScope = systemScope
        self.frameworks = frameworks
        self.createdAt = createdAt
        self.questions = questions
    }

    /// A draft of drafted questions, numbered in order.
    public init(
        path: String, contentHash: String, kbVersion: String, asOf: String, systemScope: String? = nil,
        frameworks: [String]? = nil, createdAt: String, drafted: [DraftedQuestion]
    ) {
        self.init(
            path: path, contentHash: contentHash, kbVersion: kbVersion, asOf: asOf, systemScope: systemScope,
            frameworks: frameworks, createdAt: createdAt,
            questions: drafted.enumerated().map { RunQuestion(position: $0.offset, $0.element) })
    }
}
