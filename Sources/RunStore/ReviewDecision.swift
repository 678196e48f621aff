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
    /// What the reviewer wrote beside the decision (the workbook's Reviewer notes); nil when none.
    public var notes: String?
    public var reviewer: String
    /// ISO 8601 UTC
    public var decidedAt: String
    /// 1 for the question's first decision, one more for each change after it.
    public var revision: Int
    /// The revision the reviewer saw when deciding (0: no decision yet), see ``DecisionRequest/base``.
    public var basedOn: Int
    /// The draft the decision was made on (``RunQuestion/draftHash``); nil for decisions recorded
    /// before drafts were fingerprinted.
    public var draftHash: String?

    public init(
        runId: String, key: String, status: Status, choice: String?, text: String?, notes: String? = nil,
        reviewer: String, decidedAt: String, revision: Int = 1, basedOn: Int = 0, draftHash: String? = nil
    ) {
        self.runId = runId
        self.key = key
        self.status = status
        self.choice = choice
        self.text = text
        self.notes = notes
        self.reviewer = reviewer
        self.decidedAt = decidedAt
        self.revision = revision
        self.basedOn = basedOn
        self.draftHash = draftHash
    }
}
