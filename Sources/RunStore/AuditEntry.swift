/// One entry of the append-only audit log: one change of one decision.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// Position in the log, from 1; entries are never changed or removed.
    public var id: Int64
    public var runId: String
    public var key: String
    /// The status decided (`approved`, `edited`, `rejected`).
    public var action: String
    public var reviewer: String
    /// ISO 8601 UTC
    public var at: String
    /// The decision before, as sorted-key JSON (``DecisionRules/auditJSON(_:)``); nil for the first.
    public var before: String?
    /// The decision after, as sorted-key JSON.
    public var after: String?
    /// The knowledge-base version of the run.
    public var kbVersion: String
    /// The reviewer's notes with this change; nil when none.
    public var notes: String?

    public init(
        id: Int64, runId: String, key: String, action: String, reviewer: String, at: String, before: String?,
        after: String?, kbVersion: String, notes: String?
    ) {
        self.id = id
        self.runId = runId
        self.key = key
        self.action = action
        self.reviewer = reviewer
        self.at = at
        self.before = before
        self.after = after
        self.kbVersion = kbVersion
        self.notes = notes
    }
}
