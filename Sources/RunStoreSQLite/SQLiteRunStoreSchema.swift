import GRDB
import KnowledgeBase

/// The run store's schema in SQLite as named, append-only migrations.
///
/// The names are those the knowledge-base store used when runs lived in it (`v2-runs`,
/// `v3-run-question-citations`, `v4-frameworks`), so such an older file opens as a run store and
/// only gains what is new. `PostgresRunStoreSchema` applies the same names. Never edit a migration
/// that has shipped: add a new named one.
enum SQLiteRunStoreSchema {
    static let v2 = "v2-runs"
    static let v3 = "v3-run-question-citations"
    static let v4 = "v4-frameworks"
    /// Reviewer notes, decision revisions and the revision each decision was based on.
    static let v5 = "v5-decision-notes-and-revisions"
    /// The export log: each export of a run and the files it wrote with their SHA-256.
    static let exportRecords = "v6-export-records"
    /// The draft each decision was made on.
    static let v7 = "v7-decision-draft-hash"

    /// Migrations a store file may carry that belong to no run-store version: those of the
    /// knowledge-base store, which held runs before they moved out (see `KnowledgeBaseSchema`).
    static let foreign: Set<String> = [KnowledgeBaseSchema.v1, KnowledgeBaseSchema.v5]

    /// The migrations in `db` that neither this schema nor ``foreign`` knows: a newer responder wrote them.
    static func unknownMigrations(_ db: Database) throws -> [String] {
        let migrator = self.migrator
        return try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).subtracting(foreign).sorted()
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v2) { db in
            // `audit_log` is append-only: the store never updates or deletes it, and triggers refuse anyone who tries.
            try db.execute(
                sql: """
                    CREATE TABLE run (
                        id TEXT PRIMARY KEY NOT NULL,
                        path TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        kb_version TEXT NOT NULL,
                        as_of TEXT NOT NULL,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE run_question (
                        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        key TEXT NOT NULL,
                        sheet TEXT NOT NULL,
                        row INTEGER NOT NULL,
                        question_id TEXT NOT NULL,
                        text TEXT NOT NULL,
                        choice_column TEXT,
                        text_column TEXT,
                        allowed TEXT,
                        draft_choice TEXT,
                        draft_text TEXT NOT NULL,
                        confidence TEXT NOT NULL,
                        flags TEXT NOT NULL,
                        PRIMARY KEY (run_id, position)
                    );
                    CREATE INDEX run_question_by_key ON run_question(run_id, key);
                    CREATE TABLE decision (
                        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                        key TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('approved', 'edited', 'rejected')),
                        choice TEXT,
                        text TEXT,
                        reviewer TEXT NOT NULL,
                        decided_at TEXT NOT NULL,
                        PRIMARY KEY (run_id, key)
                    );
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        run_id TEXT NOT NULL,
                        key TEXT NOT NULL,
                        action TEXT NOT NULL,
                        reviewer TEXT NOT NULL,
                        at TEXT NOT NULL,
                        before TEXT,
                        after TEXT,
                        kb_version TEXT NOT NULL
                    );
                    CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                    CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
                    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                    """)
        }
        migrator.registerMigration(v3) { db in
            try db.execute(sql: "ALTER TABLE run_question ADD COLUMN citations TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration(v4) { db in
            // Runs' citations written before frameworks (`control:A.5.2`) become `control:iso42001:A.5.2`.
            let rows = try Row.fetchAll(db, sql: "SELECT run_id, position, citations FROM run_question WHERE citations != ''")
            for row in rows {
                let citations: String = row["citations"]
                let qualified = citations.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                    for kind in ["control:", "clause:"] where line.hasPrefix(kind) && !line.dropFirst(kind.count).contains(":") {
                        return kind + "iso42001:" + line.dropFirst(kind.count)
                    }
                    return String(line)
                }.joined(separator: "\n")
                guard qualified != citations else { continue }
                try db.execute(
                    sql: "UPDATE run_question SET citations = ? WHERE run_id = ? AND position = ?",
                    arguments: [qualified, row["run_id"] as String, row["position"] as Int])
            }
        }
        migrator.registerMigration(v5) { db in
            // Decisions made before revisions count as revision 1 based on nothing.
            try db.execute(
                sql: """
                    ALTER TABLE decision ADD COLUMN notes TEXT;
                    ALTER TABLE decision ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
                    ALTER TABLE decision ADD COLUMN based_on INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE audit_log ADD COLUMN notes TEXT;
                    CREATE INDEX audit_log_by_run ON audit_log(run_id, id);
                    CREATE INDEX run_question_by_id ON run_question(run_id, question_id);
                    """)
        }
        migrator.registerMigration(exportRecords) { db in
            // Kept when a run is re-recorded (same ID), like its decisions: what went out stays on record.
            try db.execute(
                sql: """
                    CREATE TABLE run_export (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                        exported_at TEXT NOT NULL,
                        exported_by TEXT NOT NULL
                    );
                    CREATE INDEX run_export_by_run ON run_export(run_id, id);
                    CREATE TABLE run_export_file (
                        export_id INTEGER NOT NULL REFERENCES run_export(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        name TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        PRIMARY KEY (export_id, position)
                    );
                    """)
        }
        migrator.registerMigration(v7) { db in
            try db.execute(sql: "ALTER TABLE decision ADD COLUMN draft_hash TEXT")
        }
        return migrator
    }
}
