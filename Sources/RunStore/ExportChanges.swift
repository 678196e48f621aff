/// What reviewers changed in a run since it was last exported: the questions decided after that
/// export, by their decision now, so whoever exports again can tell the buyer what is new.
public struct ExportChanges: Sendable, Hashable {
    /// When the last export ran (ISO 8601 UTC).
    public var since: String
    /// Keys decided after the last export, in questionnaire order, by their current status.
    public var approved: [String]
    public var edited: [String]
    public var rejected: [String]

    public init(since: String, approved: [String], edited: [String], rejected: [String]) {
        self.since = since
        self.approved = approved
        self.edited = edited
        self.rejected = rejected
    }

    /// True when nothing was decided since the last export.
    public var isEmpty: Bool { approved.isEmpty && edited.isEmpty && rejected.isEmpty }

    /// The changes in `decisions` (questionnaire order) since `last`, or nil when the run was never exported.
    ///
    /// Decision times and export times are both ISO 8601 UTC to the millisecond, so they compare as text.
    public static func since(_ last: RunExport?, decisions: [ReviewDecision]) -> ExportChanges? {
        guard let last else { return nil }
        let later = decisions.filter { $0.decidedAt > last.exportedAt }
        return ExportChanges(
            since: last.exportedAt,
            approved: later.filter { $0.status == .approved }.map(\.key),
            edited: later.filter { $0.status == .edited }.map(\.key),
            rejected: later.filter { $0.status == .rejected }.map(\.key))
    }
}
