import Foundation
import GRDB
import RunStore

/// The embedded run store: one SQLite file in WAL mode, through GRDB.
///
/// Several processes on one machine may use the same file: readers never wait, and a writer
/// waits up to ``busyTimeout`` for another's transaction instead of failing. Decisions are
/// written in `BEGIN IMMEDIATE` transactions, so two reviewers never both read a stale state.
/// SQL errors (`GRDB.DatabaseError`) name the SQL, never the bound values.
public final class SQLiteRunStore: RunStore {
    /// How long a writer waits for another process's transaction.
    public static let busyTimeout: TimeInterval = 60

    public let location: String
    private let pool: DatabasePool

    /// Opens (or creates) the store at `path`, creating its parent folder, checks it and migrates the schema.
    ///
    /// The check is SQLite's `PRAGMA quick_check` (every page and index entry read, without
    /// cross-checking indexes against tables: `responder store check` does that), so a damaged
    /// file is refused before anything is read from it or written to it.
    /// - Throws: ``RunStoreError`` `.damaged` when the file fails the check or is not a database,
    ///   `.newerSchema` when a newer responder migrated it; a file-system error when the folder
    ///   cannot be made; a `DatabaseError` when a migration fails.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.label = "SQLiteRunStore"
        configuration.busyMode = .timeout(Self.busyTimeout)
        location = path
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let (damage, unknown) = try pool.read { db in
                (try Self.problems(db, pragma: "quick_check"), try SQLiteRunStoreSchema.unknownMigrations(db))
            }
            if let first = damage.first {
                try? pool.close()
                throw Self.damaged(path, first)
            }
            if !unknown.isEmpty {
                try? pool.close()
                throw RunStoreError(
                    .newerSchema,
                    "the store \(path) was written by a newer responder (it has migrations this "
                        + "version does not know: \(unknown.joined(separator: ", "))); nothing was read or written. "
                        + "Use that newer responder")
            }
            try SQLiteRunStoreSchema.migrator.migrate(pool)
            self.pool = pool
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw Self.damaged(path, error.message ?? "\(error.resultCode)")
        }
    }

    public func check() async throws -> StoreCheck {
        try await pool.read { db in
            var problems = try Self.problems(db, pragma: "integrity_check")
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append("table \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? 0) names a missing \(row[2] as String? ?? "?") row")
            }
            problems += try Self.missingAuditTriggers(db)
            return StoreCheck(
                checked: "SQLite's integrity_check (every page, index and constraint), the foreign keys and the "
                    + "audit log's append-only triggers", problems: problems)
        }
    }

    public func recordRun(_ draft: RunDraft) async throws -> String {
        let id = draft.id
        try await write { db in
            try RunRecord(
                id: id, path: draft.path, contentHash: draft.contentHash, kbVersion: draft.kbVersion,
                asOf: draft.asOf, createdAt: draft.createdAt
            ).upsert(db)
            try RunQuestionRecord.filter(Column("run_id") == id).deleteAll(db)
            for question in draft.questions { try RunQuestionRecord(runId: id, question).insert(db) }
        }
        return id
    }

    public func runs() async throws -> [RunSummary] {
        try await pool.read { db in
            try RunRecord.order(Column("created_at"), Column("id")).fetchAll(db).map(\.summary)
        }
    }

    public func run(_ id: String) async throws -> RunSummary? {
        try await pool.read { db in try RunRecord.fetchOne(db, key: id)?.summary }
    }

    public func questions(run id: String) async throws -> [RunQuestion] {
        try await pool.read { db in
            guard try RunRecord.exists(db, key: id) else { throw DecisionRules.unknownRun(id) }
            return try Self.questions(run: id, db)
        }
    }

    public func decisions(run id: String) async throws -> [ReviewDecision] {
        try await pool.read { db in
            guard try RunRecord.exists(db, key: id) else { throw DecisionRules.unknownRun(id) }
            return try Self.decisions(run: id, db)
        }
    }

    public func decide(
        run id: String, _ requests: [DecisionRequest], reviewer: String, at: String,
        afterEach: @escaping @Sendable (Int) throws -> Void
    ) async throws -> [DecisionResult] {
        try DecisionRules.checkReviewer(reviewer)
        return try await write { db in
            guard let run = try RunRecord.fetchOne(db, key: id)?.summary else { throw DecisionRules.unknownRun(id) }
            // Only the questions the requests can name, and their decisions: a decision costs the
            // same in a run of 20 questions as in one of 4,000.
            let keys = DecisionRules.lookupKeys(requests)
            let questions =
                try RunQuestionRecord
                .filter(Column("run_id") == id && (keys.contains(Column("key")) || keys.contains(Column("question_id"))))
                .order(Column("position")).fetchAll(db).map(\.question)
            let current = Dictionary(
                try DecisionRecord
                    .filter(Column("run_id") == id && questions.map(\.key).contains(Column("key")))
                    .fetchAll(db).compactMap(\.decision).map { ($0.key, $0) }
            ) { first, _ in first }
            let steps = DecisionRules.plan(
                run: run, questions: questions, current: current,
                requests: requests, reviewer: reviewer, at: at)
            for (index, step) in steps.enumerated() {
                if let decision = step.decision, let audit = step.audit {
                    try DecisionRecord(decision).upsert(db)
                    try AuditLogRecord(audit, id: nil).insert(db)
                }
                try afterEach(index + 1)
            }
            return steps.map(\.result)
        }
    }

    public func auditLog(run: String?) async throws -> [AuditEntry] {
        try await pool.read { db in
            var request = AuditLogRecord.order(Column("id"))
            if let run { request = request.filter(Column("run_id") == run) }
            return try request.fetchAll(db).map(\.entry)
        }
    }

    public func recordExport(_ export: RunExport) async throws -> Int64 {
        try await write { db in
            guard try RunRecord.exists(db, key: export.runId) else { throw DecisionRules.unknownRun(export.runId) }
            return try Self.insert(export, id: nil, db)
        }
    }

    public func exports(run: String?) async throws -> [RunExport] {
        try await pool.read { db in
            var request = RunExportRecord.order(Column("id"))
            if let run { request = request.filter(Column("run_id") == run) }
            let records = try request.fetchAll(db)
            let files = Dictionary(
                grouping:
                    try RunExportFileRecord
                    .filter(records.compactMap(\.id).contains(Column("export_id")))
                    .order(Column("export_id"), Column("position")).fetchAll(db), by: \.exportId)
            return records.map { record in
                RunExport(
                    id: record.id ?? 0, runId: record.runId, exportedAt: record.exportedAt, exportedBy: record.exportedBy,
                    files: (files[record.id ?? 0] ?? []).map { RunExport.File(name: $0.name, sha256: $0.sha256) })
            }
        }
    }

    public func restore(_ contents: RunStoreContents) async throws {
        let location = self.location
        try await write { db in
            guard try RunRecord.fetchCount(db) == 0 else {
                throw RunStoreError(.notEmpty, "the store \(location) already holds runs; copy into an empty store")
            }
            for run in contents.runs {
                let summary = run.summary
                try RunRecord(
                    id: summary.id, path: summary.path, contentHash: summary.contentHash, kbVersion: summary.kbVersion,
                    asOf: summary.asOf, createdAt: summary.createdAt
                ).insert(db)
                for question in run.questions { try RunQuestionRecord(runId: summary.id, question).insert(db) }
                for decision in run.decisions { try DecisionRecord(decision).insert(db) }
            }
            for entry in contents.audit { try AuditLogRecord(entry, id: entry.id).insert(db) }
            for export in contents.exports { _ = try Self.insert(export, id: export.id, db) }
        }
    }

    public func close() async throws {
        // Committed pages go into the database file itself, so the file alone (copied, backed up,
        // checked) holds the store; a reader in another process may keep some in the WAL for now.
        _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        try pool.close()
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: the write lock is taken (waiting up to
    /// ``busyTimeout``) before anything is read, so no other writer can slip in between.
    private func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { preconditionFailure("a committed transaction always sets its result") }
            return result
        }
    }

    /// Inserts an export and its files; `id` nil takes the next ID.
    private static func insert(_ export: RunExport, id: Int64?, _ db: Database) throws -> Int64 {
        try RunExportRecord(id: id, runId: export.runId, exportedAt: export.exportedAt, exportedBy: export.exportedBy).insert(db)
        let exportID = id ?? db.lastInsertedRowID
        for (position, file) in export.files.enumerated() {
            try RunExportFileRecord(exportId: exportID, position: position, name: file.name, sha256: file.sha256).insert(db)
        }
        return exportID
    }

    /// The lines of `PRAGMA quick_check` or `integrity_check` other than "ok".
    private static func problems(_ db: Database, pragma: String) throws -> [String] {
        try String.fetchAll(db, sql: "PRAGMA \(pragma)").filter { $0 != "ok" }
    }

    private static func missingAuditTriggers(_ db: Database) throws -> [String] {
        let present = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
        return ["audit_log_is_append_only_update", "audit_log_is_append_only_delete"].filter { !present.contains($0) }
            .map { "the audit log's trigger \($0) is missing: the log is no longer protected against changes" }
    }

    private static func damaged(_ path: String, _ detail: String) -> RunStoreError {
        RunStoreError(
            .damaged,
            "the store \(path) is damaged (\(detail)); nothing was read or written. Restore it from a "
                + "backup (sqlite3's .recover may save what is still readable)")
    }

    private static func questions(run id: String, _ db: Database) throws -> [RunQuestion] {
        try RunQuestionRecord.filter(Column("run_id") == id).order(Column("position")).fetchAll(db).map(\.question)
    }

    private static func decisions(run id: String, _ db: Database) throws -> [ReviewDecision] {
        let order = Dictionary(try questions(run: id, db).map { ($0.key, $0.position) }) { first, _ in first }
        return try DecisionRecord.filter(Column("run_id") == id).fetchAll(db)
            .sorted { (order[$0.key] ?? .max, $0.key) < (order[$1.key] ?? .max, $1.key) }
            .compactMap(\.decision)
    }
}
