import KnowledgeBase

/// Everything a run store holds, in a store-independent form: what `responder store copy` moves.
public struct RunStoreContents: Sendable, Hashable {
    /// One run with its questions and current decisions.
    public struct Run: Sendable, Hashable {
        public var summary: RunSummary
        public var questions: [RunQuestion]
        public var decisions: [ReviewDecision]

        public init(summary: RunSummary, questions: [RunQuestion], decisions: [ReviewDecision]) {
            self.summary = summary
            self.questions = questions
            self.decisions = decisions
        }
    }

    public var runs: [Run]
    /// The audit log, oldest first, with its IDs.
    public var audit: [AuditEntry]
    /// The export log, oldest first, with its IDs.
    public var exports: [RunExport]

    public init(runs: [Run], audit: [AuditEntry], exports: [RunExport] = []) {
        self.runs = runs
        self.audit = audit
        self.exports = exports
    }

    /// How many runs, questions, decisions and audit entries there are, and the audit checksum:
    /// two stores with equal counts hold the same amount of everything.
    public var counts: Counts {
        Counts(
            runs: runs.count, questions: runs.reduce(0) { $0 + $1.questions.count },
            decisions: runs.reduce(0) { $0 + $1.decisions.count }, auditEntries: audit.count,
            auditChecksum: Self.checksum(audit))
    }

    /// The figures ``counts`` reports.
    public struct Counts: Sendable, Hashable, CustomStringConvertible {
        public var runs: Int
        public var questions: Int
        public var decisions: Int
        public var auditEntries: Int
        /// A fingerprint of every audit entry's fields in log order.
        public var auditChecksum: String

        public var description: String {
            "\(runs) runs, \(questions) questions, \(decisions) decisions, \(auditEntries) audit entries "
                + "(audit checksum \(auditChecksum))"
        }
    }

    /// A fingerprint of the audit log: every field of every entry, in order.
    public static func checksum(_ audit: [AuditEntry]) -> String {
        var hash = ContentHash()
        for entry in audit {
            for field in [
                String(entry.id), entry.runId, entry.key, entry.action, entry.reviewer, entry.at,
                entry.before ?? "\u{0}", entry.after ?? "\u{0}", entry.kbVersion, entry.notes ?? "\u{0}",
            ] {
                hash.add(field.utf8)
            }
        }
        return hash.hex
    }
}
