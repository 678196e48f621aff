/// One verdict to record, as part of a batch given to ``RunStore/decide(run:_:reviewer:at:afterEach:)``.
public struct DecisionRequest: Sendable, Hashable {
    /// The question's `key`, or its bare ID when that names one question of the run.
    public var key: String
    public var status: ReviewDecision.Status
    /// For `edited` only: the new choice (nil keeps the draft's).
    public var choice: String?
    /// For `edited` only: the new text (nil keeps the draft's).
    public var text: String?
    /// The reviewer's notes, stored with the decision; nil or blank for none.
    public var notes: String?
    /// The decision revision the reviewer saw (0: undecided), or nil to decide on whatever is
    /// current. A change whose base is no longer current is refused as stale.
    public var base: Int?
    /// The draft the reviewer saw, as ``RunQuestion/draftHash`` (a review workbook keeps it per
    /// row; a web page sends back the one it showed), or nil to decide on the current draft. A
    /// request whose draft is no longer the question's draft (the run was drafted again since) is
    /// refused, so nobody approves text they never read.
    public var seenDraft: String?

    public init(
        key: String, status: ReviewDecision.Status, choice: String? = nil, text: String? = nil,
        notes: String? = nil, base: Int? = nil, seenDraft: String? = nil
    ) {
        self.key = key
        self.status = status
        self.choice = choice
        self.text = text
        self.notes = notes
        self.base = base
        self.seenDraft = seenDraft
    }
}
