import ResponderModel

/// Where draft runs, review decisions, the append-only audit log and (through them) learned
/// answers live: a workspace's store, shared by every front end.
///
/// A store is checked when it is opened and refused, for reading and writing alike, when it is
/// damaged or its schema is newer than this binary knows.
///
/// Implementations (`SQLiteRunStore`, `PostgresRunStore`) hold no rules of their own: every
/// decision goes through ``DecisionRules/plan(run:questions:current:requests:reviewer:at:)`` inside
/// one write transaction, so both behave alike. Errors from the database name the SQL, never the
/// bound values.
public protocol RunStore: Sendable {
    /// Where the store is, printable: a file path, or a URL without its password.
    var location: String { get }

    /// Records one drafted questionnaire as a run, replacing the questions of an earlier run with
    /// the same ID in the same transaction (its decisions and audit log are kept).
    /// - Returns: the run ID (``RunDraft/id``).
    @discardableResult
    func recordRun(_ draft: RunDraft) async throws -> String

    /// Every recorded run, oldest first (by `createdAt`, then ID).
    func runs() async throws -> [RunSummary]

    /// One run, or nil when there is no run with that ID.
    func run(_ id: String) async throws -> RunSummary?

    /// The questions of a run in questionnaire order.
    /// - Throws: ``ReviewError`` `.unknownRun`.
    func questions(run id: String) async throws -> [RunQuestion]

    /// The decisions of a run, in questionnaire order.
    /// - Throws: ``ReviewError`` `.unknownRun`.
    func decisions(run id: String) async throws -> [ReviewDecision]

    /// Records a batch of verdicts in ONE transaction, appending every change to the audit log:
    /// if the process dies, the database fails or `afterEach` throws, the store is left exactly as
    /// it was. A refused request (see ``DecisionRules``) does not stop the others.
    /// - Parameters:
    ///   - at: ISO 8601 UTC.
    ///   - afterEach: called inside the transaction with the number of requests handled so far;
    ///     throwing from it rolls the whole batch back.
    /// - Returns: one result per request, in order.
    /// - Throws: ``ReviewError`` for an unknown run or an empty reviewer (nothing is written);
    ///   database errors; whatever `afterEach` throws.
    func decide(
        run id: String, _ requests: [DecisionRequest], reviewer: String, at: String,
        afterEach: @escaping @Sendable (Int) throws -> Void
    ) async throws -> [DecisionResult]

    /// The audit log, oldest first: one run's entries, or every entry when `run` is nil.
    func auditLog(run: String?) async throws -> [AuditEntry]

    /// Records one export of a run, with its files, in one transaction.
    /// - Returns: the export's ID (``RunExport/id``; the one given is ignored).
    /// - Throws: ``ReviewError`` `.unknownRun`.
    @discardableResult
    func recordExport(_ export: RunExport) async throws -> Int64

    /// The recorded exports, oldest first: one run's, or every run's when `run` is nil.
    func exports(run: String?) async throws -> [RunExport]

    /// Writes `contents` (runs, questions, decisions, audit entries and exports with their IDs) into this
    /// store, which must hold no run yet, in one transaction.
    /// - Throws: ``RunStoreError`` `.notEmpty` when the store already holds runs.
    func restore(_ contents: RunStoreContents) async throws

    /// Checks the whole store (SQLite: `PRAGMA integrity_check` and the foreign keys; both: the
    /// audit log's append-only triggers). Opening a store already runs a quick check and refuses
    /// a damaged one or one a newer responder migrated (``RunStoreError`` `.damaged`, `.newerSchema`).
    func check() async throws -> StoreCheck

    /// Releases the store's connections; the store cannot be used afterwards.
    func close() async throws
}

extension RunStore {
    /// Records one verdict (see ``decide(run:_:reviewer:at:afterEach:)``).
    /// - Returns: the key the decision was stored under and whether anything changed.
    /// - Throws: ``ReviewError`` when it is refused.
    @discardableResult
    public func decide(
        run id: String, key: String, status: ReviewDecision.Status, choice: String? = nil,
        text: String? = nil, notes: String? = nil, base: Int? = nil, reviewer: String,
        at: String
    ) async throws -> (key: String, changed: Bool) {
        let request = DecisionRequest(key: key, status: status, choice: choice, text: text, notes: notes, base: base)
        switch try await decide(run: id, [request], reviewer: reviewer, at: at, afterEach: { _ in })[0] {
        case .recorded(let key): return (key, true)
        case .unchanged(let key): return (key, false)
        case .refused(let error): throw error
        }
    }

    /// Records a batch (see ``decide(run:_:reviewer:at:afterEach:)``) with nothing to call between requests.
    public func decide(
        run id: String, _ requests: [DecisionRequest], reviewer: String,
        at: String
    ) async throws -> [DecisionResult] {
        try await decide(run: id, requests, reviewer: reviewer, at: at, afterEach: { _ in })
    }

    /// Every approved or edited answer of every run as a library answer (``LearnedAnswers/build(_:)``).
    public func learnedAnswers() async throws -> [LibraryAnswer] {
        var reviewed: [LearnedAnswers.Reviewed] = []
        for run in try await runs() {
            // Most runs are drafts nobody reviewed: their questions are not read at all (decoding
            // them was a fifth of `draft`'s time in a store of a few hundred runs).
            let decisions = try await decisions(run: run.id)
            guard !decisions.isEmpty else { continue }
            let questions = Dictionary(try await questions(run: run.id).map { ($0.key, $0) }) { first, _ in first }
            for decision in decisions {
                guard let question = questions[decision.key] else { continue }
                reviewed.append(LearnedAnswers.Reviewed(run: run, question: question, decision: decision))
            }
        }
        return LearnedAnswers.build(reviewed)
    }

    /// Every decided question of the runs of the same questionnaire as `draft` (the same path or
    /// the same content, for a file that moved), other than `draft`'s own run.
    public func reviewedEarlier(than draft: RunDraft) async throws -> [LearnedAnswers.Reviewed] {
        var reviewed: [LearnedAnswers.Reviewed] = []
        for run in try await runs() where run.id != draft.id && (run.path == draft.path || run.contentHash == draft.contentHash) {
            let decisions = try await decisions(run: run.id)
            guard !decisions.isEmpty else { continue }
            let questions = Dictionary(try await questions(run: run.id).map { ($0.key, $0) }) { first, _ in first }
            for decision in decisions {
                guard let question = questions[decision.key] else { continue }
                reviewed.append(LearnedAnswers.Reviewed(run: run, question: question, decision: decision))
            }
        }
        return reviewed
    }

    /// Everything the store holds, for copying it to another store.
    public func contents() async throws -> RunStoreContents {
        var runs: [RunStoreContents.Run] = []
        for run in try await self.runs() {
            runs.append(
                RunStoreContents.Run(
                    summary: run, questions: try await questions(run: run.id),
                    decisions: try await decisions(run: run.id)))
        }
        return RunStoreContents(runs: runs, audit: try await auditLog(run: nil), exports: try await exports(run: nil))
    }
}
