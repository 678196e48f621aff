/// What became of one ``DecisionRequest`` of a batch.
public enum DecisionResult: Sendable, Hashable {
    /// Recorded or changed, under the question's key, and appended to the audit log.
    case recorded(key: String)
    /// Already decided exactly so: nothing written.
    case unchanged(key: String)
    /// Refused (unknown or ambiguous key, a choice the dropdown does not allow, an incomplete
    /// edit, a stale base); the rest of the batch still applies.
    case refused(ReviewError)
}
