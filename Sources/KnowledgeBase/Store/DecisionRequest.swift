/// One verdict to record, as part of a batch given to ``KnowledgeBaseStore/decide(run:_:reviewer:at:afterEach:)``.
public struct DecisionRequest: Sendable, Hashable {
    /// The question's `key`, or its bare ID when that names one question of the run.
    public var key: String
    public var status: ReviewDecision.Status
    /// For `edited` only: the new choice (nil keeps the draft's).
    public var choice: String?
    /// For `edited` only: the new text (nil keeps the draft's).
    public var text: String?

    public init(key: String, status: ReviewDecision.Status, choice: String? = nil, text: String? = nil) {
        self.key = key
        self.status = status
        self.choice = choice
        self.text = text
    }
}
