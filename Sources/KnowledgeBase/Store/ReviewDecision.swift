/// A reviewer's current verdict on one question of a run.
public struct ReviewDecision: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// The draft goes out as drafted.
        case approved
        /// The reviewer's choice and text go out.
        case edited
        /// Nothing goes out for this question.
        case rejected
    }

    public var runId: String
    public var key: String
    public var status: Status
    /// The answer that goes out (nil for a rejection or when the question wants no choice).
    public var choice: String?
    public var text: String?
    public var reviewer: String
    /// ISO 8601 UTC
    public var decidedAt: String

    public init(runId: String, key: String, status: Status, choice: String?, text: String?, reviewer: String, decidedAt: String) {
        self.runId = runId
        self.key = key
        self.status = status
        self.choice = choice
        self.text = text
        self.reviewer = reviewer
        self.decidedAt = decidedAt
    }
}
