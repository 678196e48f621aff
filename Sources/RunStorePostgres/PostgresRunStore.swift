import Foundation
import Logging
import NIOSSL
import PostgresNIO
import RunStore

/// The team run store: one PostgreSQL database, through postgres-nio's connection pool.
///
/// Every decision batch runs in one transaction that first locks its run's row
/// (`SELECT ... FOR UPDATE`), so reviewers deciding the same run at once are served one after the
/// other and each sees what the others committed. Errors name the SQL, never the bound values.
public final class PostgresRunStore: RunStore {
    public let location: String
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger = Logger(label: "responder.PostgresRunStore")

    private init(settings: PostgresStoreSettings) {
        let tls: PostgresClient.Configuration.TLS
        switch settings.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.user,
            password: settings.password, database: settings.database, tls: tls)
        configuration.options.maximumConnections = 4
        client = PostgresClient(configuration: configuration)
        location = settings.description
        let client = self.client
        runner = Task { await client.run() }
    }

    /// Connects to the database `settings` names and migrates its schema.
    /// - Throws: ``RunStoreError`` `.unavailable` when the server cannot be reached or refuses
    ///   the login; ``PostgresStoreError`` when a migration fails.
    public static func open(_ settings: PostgresStoreSettings) async throws -> PostgresRunStore {
        // One plain connection first: the pool retries a failing server quietly, this fails at once
        // with the server's reason.
        do {
            let tls: PostgresConnection.Configuration.TLS
            switch settings.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            let configuration = PostgresConnection.Configuration(
                host: settings.host, port: settings.port, username: settings.user,
                password: settings.password, database: settings.database, tls: tls)
            let probe = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "responder.probe"))
            try? await probe.close()
        } catch let error as PSQLError {
            throw RunStoreError(.unavailable, "cannot reach the store \(settings): \(PostgresStoreError(error, store: settings.description).message)")
        } catch {
            throw RunStoreError(.unavailable, "cannot reach the store \(settings): \(error)")
        }
        let store = PostgresRunStore(settings: settings)
        do {
            try await store.migrate()
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    public func recordRun(_ draft: RunDraft) async throws -> String {
        let id = draft.id
        try await transaction { connection in
            try await self.execute(
                """
                INSERT INTO run (id, path, content_hash, kb_version, as_of, created_at) VALUES (\(id), \(draft.path), \
                \(draft.contentHash), \(draft.kbVersion), \(draft.asOf), \(draft.createdAt)) ON CONFLICT (id) DO UPDATE SET \
                path = EXCLUDED.path, content_hash = EXCLUDED.content_hash, kb_version = EXCLUDED.kb_version, \
                as_of = EXCLUDED.as_of, created_at = EXCLUDED.created_at
                """, on: connection)
            try await self.execute("DELETE FROM run_question WHERE run_id = \(id)", on: connection)
            for question in draft.questions { try await self.insert(question, run: id, on: connection) }
        }
        return id
    }

    public func runs() async throws -> [RunSummary] {
        try await connection { connection in
            try await self.summaries(
                "SELECT id, path, content_hash, kb_version, as_of, created_at FROM run ORDER BY created_at, id",
                on: connection)
        }
    }

    public func run(_ id: String) async throws -> RunSummary? {
        try await connection { connection in try await self.summary(id, lock: false, on: connection) }
    }

    public func questions(run id: String) async throws -> [RunQuestion] {
        try await connection { connection in
            guard try await self.summary(id, lock: false, on: connection) != nil else { throw DecisionRules.unknownRun(id) }
            return try await self.questions(run: id, on: connection)
        }
    }

    public func decisions(run id: String) async throws -> [ReviewDecision] {
        try await connection { connection in
            guard try await self.summary(id, lock: false, on: connection) != nil else { throw DecisionRules.unknownRun(id) }
            return try await self.decisions(run: id, on: connection)
        }
    }

    public func decide(
        run id: String, _ requests: [DecisionRequest], reviewer: String, at: String,
        afterEach: @escaping @Sendable (Int) throws -> Void
    ) async throws -> [DecisionResult] {
        try DecisionRules.checkReviewer(reviewer)
        return try await transaction { connection in
            guard let run = try await self.summary(id, lock: true, on: connection) else { throw DecisionRules.unknownRun(id) }
            // Only the questions the requests can name, and their decisions.
            let keys = DecisionRules.lookupKeys(requests)
            let questions = try await self.questions(run: id, keys: keys, on: connection)
            let current = Dictionary(
                try await self.decisions(run: id, keys: questions.map(\.key), on: connection)
                    .map { ($0.key, $0) }
            ) { first, _ in first }
            let steps = DecisionRules.plan(
                run: run, questions: questions, current: current,
                requests: requests, reviewer: reviewer, at: at)
            for (index, step) in steps.enumerated() {
                if let decision = step.decision, let audit = step.audit {
                    try await self.upsert(decision, on: connection)
                    try await self.append(audit, id: nil, on: connection)
                }
                try afterEach(index + 1)
            }
            return steps.map(\.result)
        }
    }

    public func auditLog(run: String?) async throws -> [AuditEntry] {
        try await connection { connection in
            let columns = "id, run_id, key, action, reviewer, at, before, after, kb_version, notes"
            let query: PostgresQuery =
                run.map { "SELECT \(unescaped: columns) FROM audit_log WHERE run_id = \($0) ORDER BY id" }
                ?? "SELECT \(unescaped: columns) FROM audit_log ORDER BY id"
            var entries: [AuditEntry] = []
            let rows = try await self.query(query, on: connection)
            for try await (id, runId, key, action, reviewer, at, before, after, kbVersion, notes)
                in rows.decode((Int64, String, String, String, String, String, String?, String?, String, String?).self)
            {
                entries.append(
                    AuditEntry(
                        id: id, runId: runId, key: key, action: action, reviewer: reviewer, at: at, before: before,
                        after: after, kbVersion: kbVersion, notes: notes))
            }
            return entries
        }
    }

    public func recordExport(_ export: RunExport) async throws -> Int64 {
        try await transaction { connection in
            guard try await self.summary(export.runId, lock: false, on: connection) != nil else {
                throw DecisionRules.unknownRun(export.runId)
            }
            return try await self.insert(export, id: nil, on: connection)
        }
    }

    public func exports(run: String?) async throws -> [RunExport] {
        try await connection { connection in
            let query: PostgresQuery =
                run.map { "SELECT id, run_id, exported_at, exported_by FROM run_export WHERE run_id = \($0) ORDER BY id" }
                ?? "SELECT id, run_id, exported_at, exported_by FROM run_export ORDER BY id"
            var exports: [RunExport] = []
            for try await (id, runId, exportedAt, exportedBy) in try await self.query(query, on: connection)
                .decode((Int64, String, String, String).self)
            {
                exports.append(RunExport(id: id, runId: runId, exportedAt: exportedAt, exportedBy: exportedBy, files: []))
            }
            guard !exports.isEmpty else { return [] }
            let ids = exports.map(\.id)
            var files: [Int64: [RunExport.File]] = [:]
            let rows = try await self.query(
                "SELECT export_id, name, sha256 FROM run_export_file WHERE export_id = ANY(\(ids)) ORDER BY export_id, position",
                on: connection)
            for try await (exportId, name, sha256) in rows.decode((Int64, String, String).self) {
                files[exportId, default: []].append(RunExport.File(name: name, sha256: sha256))
            }
            return exports.map { export in
                var export = export
                export.files = files[export.id] ?? []
                return export
            }
        }
    }

    public func restore(_ contents: RunStoreContents) async throws {
        let location = self.location
        try await transaction { connection in
            let rows = try await self.query("SELECT count(*) FROM run", on: connection)
            var count = 0
            for try await (value) in rows.decode(Int.self) { count = value }
            guard count == 0 else {
                throw RunStoreError(.notEmpty, "the store \(location) already holds runs; copy into an empty store")
            }
            for run in contents.runs {
                let summary = run.summary
                try await self.execute(
                    """
                    INSERT INTO run (id, path, content_hash, kb_version, as_of, created_at) VALUES (\(summary.id), \
                    \(summary.path), \(summary.contentHash), \(summary.kbVersion), \(summary.asOf), \(summary.createdAt))
                    """, on: connection)
                for question in run.questions { try await self.insert(question, run: summary.id, on: connection) }
                for decision in run.decisions { try await self.upsert(decision, on: connection) }
            }
            for entry in contents.audit { try await self.append(entry, id: entry.id, on: connection) }
            if !contents.audit.isEmpty {
                try await self.execute(
                    "SELECT setval(pg_get_serial_sequence('audit_log', 'id'), (SELECT max(id) FROM audit_log))",
                    on: connection)
            }
            for export in contents.exports { _ = try await self.insert(export, id: export.id, on: connection) }
            if !contents.exports.isEmpty {
                try await self.execute(
                    "SELECT setval(pg_get_serial_sequence('run_export', 'id'), (SELECT max(id) FROM run_export))",
                    on: connection)
            }
        }
    }

    /// PostgreSQL checks its own pages (data checksums, `amcheck`), which needs the server's
    /// administrator; this checks what the store itself relies on: the audit log's append-only
    /// triggers. The schema version is checked on every open.
    public func check() async throws -> StoreCheck {
        try await connection { connection in
            var present = Set<String>()
            let rows = try await self.query(
                """
                SELECT tgname::text FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal
                """, on: connection)
            for try await (name) in rows.decode(String.self) { present.insert(name) }
            let problems = ["audit_log_is_append_only_update", "audit_log_is_append_only_delete", "audit_log_is_append_only_truncate"]
                .filter { !present.contains($0) }
                .map { "the audit log's trigger \($0) is missing: the log is no longer protected against changes" }
            return StoreCheck(
                checked: "the schema version and the audit log's append-only triggers (PostgreSQL checks its own "
                    + "pages: data checksums and amcheck are the database administrator's)", problems: problems)
        }
    }

    public func close() async throws {
        runner.cancel()
        _ = await runner.value
    }

    deinit { runner.cancel() }

    // MARK: Statements

    private func summary(_ id: String, lock: Bool, on connection: PostgresConnection) async throws -> RunSummary? {
        try await summaries(
            """
            SELECT id, path, content_hash, kb_version, as_of, created_at FROM run WHERE id = \(id)\(unescaped: lock ? " FOR UPDATE" : "")
            """, on: connection
        ).first
    }

    private func summaries(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> [RunSummary] {
        var summaries: [RunSummary] = []
        let rows = try await self.query(query, on: connection)
        for try await (id, path, contentHash, kbVersion, asOf, createdAt) in rows.decode((String, String, String, String, String, String).self) {
            summaries.append(RunSummary(id: id, path: path, contentHash: contentHash, kbVersion: kbVersion, asOf: asOf, createdAt: createdAt))
        }
        return summaries
    }

    /// The run's questions, or only those whose key or bare ID is in `keys`.
    private func questions(run id: String, keys: [String]? = nil, on connection: PostgresConnection) async throws -> [RunQuestion] {
        let columns = """
            position, key, sheet, "row", question_id, text, choice_column, text_column, allowed, draft_choice, draft_text, \
            confidence, flags, citations
            """
        let query: PostgresQuery =
            keys.map {
                "SELECT \(unescaped: columns) FROM run_question WHERE run_id = \(id) AND (key = ANY(\($0)) OR question_id = ANY(\($0))) ORDER BY position"
            } ?? "SELECT \(unescaped: columns) FROM run_question WHERE run_id = \(id) ORDER BY position"
        let rows = try await self.query(query, on: connection)
        var questions: [RunQuestion] = []
        for try await (
            position, key, sheet, row, questionId, text, choiceColumn, textColumn, allowed, draftChoice, draftText,
            confidence, flags, citations
        )
            in rows.decode((Int, String, String, Int, String, String, String?, String?, String?, String?, String, String, String, String).self)
        {
            questions.append(
                RunQuestion(
                    position: position, key: key, sheet: sheet, row: row, questionId: questionId, text: text, choiceColumn: choiceColumn,
                    textColumn: textColumn,
                    allowed: allowed.map { $0.isEmpty ? [] : $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) },
                    draftChoice: draftChoice, draftText: draftText, confidence: confidence,
                    flags: flags.isEmpty ? [] : flags.split(separator: "\n").map(String.init),
                    citations: citations.isEmpty ? [] : citations.split(separator: "\n").map(String.init)))
        }
        return questions
    }

    /// The run's decisions in questionnaire order, or only those of `keys`.
    private func decisions(run id: String, keys: [String]? = nil, on connection: PostgresConnection) async throws -> [ReviewDecision] {
        let query: PostgresQuery =
            keys.map {
                "SELECT key, status, choice, text, notes, reviewer, decided_at, revision, based_on, draft_hash FROM decision WHERE run_id = \(id) AND key = ANY(\($0))"
            } ?? """
                SELECT d.key, d.status, d.choice, d.text, d.notes, d.reviewer, d.decided_at, d.revision, d.based_on, d.draft_hash \
                FROM decision d LEFT JOIN (SELECT key, min(position) AS position FROM run_question WHERE run_id = \(id) GROUP BY key) q \
                ON q.key = d.key WHERE d.run_id = \(id) ORDER BY q.position NULLS LAST, d.key
                """
        let rows = try await self.query(query, on: connection)
        var decisions: [ReviewDecision] = []
        for try await (key, status, choice, text, notes, reviewer, decidedAt, revision, basedOn, draftHash)
            in rows.decode((String, String, String?, String?, String?, String, String, Int, Int, String?).self)
        {
            guard let status = ReviewDecision.Status(rawValue: status) else { continue }
            decisions.append(
                ReviewDecision(
                    runId: id, key: key, status: status, choice: choice, text: text, notes: notes,
                    reviewer: reviewer, decidedAt: decidedAt, revision: revision, basedOn: basedOn,
                    draftHash: draftHash))
        }
        return decisions
    }

    private func insert(_ question: RunQuestion, run id: String, on connection: PostgresConnection) async throws {
        try await execute(
            """
            INSERT INTO run_question (run_id, position, key, sheet, "row", question_id, text, choice_column, text_column, allowed, \
            draft_choice, draft_text, confidence, flags, citations) VALUES (\(id), \(question.position), \(question.key), \
            \(question.sheet), \(question.row), \(question.questionId), \(question.text), \(question.choiceColumn), \
            \(question.textColumn), \(question.allowed?.joined(separator: "\n")), \(question.draftChoice), \(question.draftText), \
            \(question.confidence), \(question.flags.joined(separator: "\n")), \(question.citations.joined(separator: "\n")))
            """, on: connection)
    }

    private func upsert(_ decision: ReviewDecision, on connection: PostgresConnection) async throws {
        try await execute(
            """
            INSERT INTO decision (run_id, key, status, choice, text, notes, reviewer, decided_at, revision, based_on, draft_hash) VALUES \
            (\(decision.runId), \(decision.key), \(decision.status.rawValue), \(decision.choice), \(decision.text), \(decision.notes), \
            \(decision.reviewer), \(decision.decidedAt), \(decision.revision), \(decision.basedOn), \(decision.draftHash)) \
            ON CONFLICT (run_id, key) DO UPDATE \
            SET status = EXCLUDED.status, choice = EXCLUDED.choice, text = EXCLUDED.text, notes = EXCLUDED.notes, \
            reviewer = EXCLUDED.reviewer, decided_at = EXCLUDED.decided_at, revision = EXCLUDED.revision, based_on = EXCLUDED.based_on, \
            draft_hash = EXCLUDED.draft_hash
            """, on: connection)
    }

    private func append(_ entry: AuditEntry, id: Int64?, on connection: PostgresConnection) async throws {
        if let id {
            try await execute(
                """
                INSERT INTO audit_log (id, run_id, key, action, reviewer, at, before, after, kb_version, notes) VALUES (\(id), \
                \(entry.runId), \(entry.key), \(entry.action), \(entry.reviewer), \(entry.at), \(entry.before), \(entry.after), \
                \(entry.kbVersion), \(entry.notes))
                """, on: connection)
        } else {
            try await execute(
                """
                INSERT INTO audit_log (run_id, key, action, reviewer, at, before, after, kb_version, notes) VALUES (\(entry.runId), \
                \(entry.key), \(entry.action), \(entry.reviewer), \(entry.at), \(entry.before), \(entry.after), \(entry.kbVersion), \
                \(entry.notes))
                """, on: connection)
        }
    }

    /// Inserts an export and its files; `id` nil takes the next ID.
    private func insert(_ export: RunExport, id: Int64?, on connection: PostgresConnection) async throws -> Int64 {
        let query: PostgresQuery =
            id.map {
                """
                INSERT INTO run_export (id, run_id, exported_at, exported_by) VALUES (\($0), \(export.runId), \(export.exportedAt), \
                \(export.exportedBy)) RETURNING id
                """
            } ?? "INSERT INTO run_export (run_id, exported_at, exported_by) VALUES (\(export.runId), \(export.exportedAt), \(export.exportedBy)) RETURNING id"
        var exportID: Int64 = 0
        for try await (value) in try await self.query(query, on: connection).decode(Int64.self) { exportID = value }
        for (position, file) in export.files.enumerated() {
            try await execute(
                """
                INSERT INTO run_export_file (export_id, position, name, sha256) VALUES (\(exportID), \(position), \(file.name), \
                \(file.sha256))
                """, on: connection)
        }
        return exportID
    }

    // MARK: Plumbing

    private func migrate() async throws {
        try await transaction { connection in
            try await self.execute("SELECT pg_advisory_xact_lock(\(PostgresRunStoreSchema.migrationLock))", on: connection)
            try await self.execute(
                """
                CREATE TABLE IF NOT EXISTS responder_migrations (identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, on: connection)
            var applied = Set<String>()
            for try await (identifier) in try await self.query("SELECT identifier FROM responder_migrations", on: connection)
                .decode(String.self)
            {
                applied.insert(identifier)
            }
            let unknown = applied.subtracting(PostgresRunStoreSchema.migrations.map(\.name)).sorted()
            guard unknown.isEmpty else {
                throw RunStoreError(
                    .newerSchema,
                    "the store \(self.location) was written by a newer responder (it has migrations "
                        + "this version does not know: \(unknown.joined(separator: ", "))); nothing was read or "
                        + "written. Use that newer responder")
            }
            for migration in PostgresRunStoreSchema.migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await self.execute(PostgresQuery(unsafeSQL: statement), on: connection)
                }
                try await self.execute("INSERT INTO responder_migrations (identifier) VALUES (\(migration.name))", on: connection)
            }
        }
    }

    private func connection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch let error as PSQLError {
            throw PostgresStoreError(error, store: location)
        }
    }

    private func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PSQLError {
            throw PostgresStoreError(error, store: location)
        } catch let error as PostgresTransactionError {
            let cause = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
            if let psql = cause as? PSQLError { throw PostgresStoreError(psql, store: location) }
            if let cause { throw cause }
            throw PostgresStoreError(message: "the transaction failed", sql: nil, store: location)
        }
    }

    private func query(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: logger)
    }

    private func execute(_ query: PostgresQuery, on connection: PostgresConnection) async throws {
        _ = try await connection.query(query, logger: logger)
    }
}
