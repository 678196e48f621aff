/// The run store's schema in PostgreSQL: the same named, append-only migrations as
/// `SQLiteRunStoreSchema`, each a list of statements, recorded in `responder_migrations`.
///
/// The audit log is append-only here too: triggers refuse every UPDATE, DELETE and TRUNCATE.
enum PostgresRunStoreSchema {
    /// Serialises migrations of processes that open the same database at once.
    static let migrationLock = 0x7265_7370

    static let migrations: [(name: String, statements: [String])] = [
        (
            "v2-runs",
            [
                """
                CREATE TABLE run (
                    id TEXT PRIMARY KEY,
                    path TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    kb_version TEXT NOT NULL,
                    as_of TEXT NOT NULL,
                    created_at TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE run_question (
                    run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    sheet TEXT NOT NULL,
                    "row" INTEGER NOT NULL,
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
                )
                """,
                "CREATE INDEX run_question_by_key ON run_question(run_id, key)",
                """
                CREATE TABLE decision (
                    run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('approved', 'edited', 'rejected')),
                    choice TEXT,
                    text TEXT,
                    reviewer TEXT NOT NULL,
                    decided_at TEXT NOT NULL,
                    PRIMARY KEY (run_id, key)
                )
                """,
                """
                CREATE TABLE audit_log (
                    id BIGSERIAL PRIMARY KEY,
                    run_id TEXT NOT NULL,
                    key TEXT NOT NULL,
                    action TEXT NOT NULL,
                    reviewer TEXT NOT NULL,
                    at TEXT NOT NULL,
                    before TEXT,
                    after TEXT,
                    kb_version TEXT NOT NULL
                )
                """,
                """
                CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_log is append-only';
                END
                $$
                """,
                """
                CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()
                """,
                """
                CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()
                """,
                """
                CREATE TRIGGER audit_log_is_append_only_truncate BEFORE TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()
                """,
            ]
        ),
        ("v3-run-question-citations", ["ALTER TABLE run_question ADD COLUMN citations TEXT NOT NULL DEFAULT ''"]),
        // SQLite's v4 qualified citations written before frameworks; no PostgreSQL store holds any.
        ("v4-frameworks", []),
        (
            "v5-decision-notes-and-revisions",
            [
                "ALTER TABLE decision ADD COLUMN notes TEXT",
                "ALTER TABLE decision ADD COLUMN revision INTEGER NOT NULL DEFAULT 1",
                "ALTER TABLE decision ADD COLUMN based_on INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE audit_log ADD COLUMN notes TEXT",
                "CREATE INDEX audit_log_by_run ON audit_log(run_id, id)",
                "CREATE INDEX run_question_by_id ON run_question(run_id, question_id)",
            ]
        ),
        // The export log: each export of a run and the files it wrote with their SHA-256.
        (
            "v6-export-records",
            [
                """
                CREATE TABLE run_export (
                    id BIGSERIAL PRIMARY KEY,
                    run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    exported_at TEXT NOT NULL,
                    exported_by TEXT NOT NULL
                )
                """,
                "CREATE INDEX run_export_by_run ON run_export(run_id, id)",
                """
                CREATE TABLE run_export_file (
                    export_id BIGINT NOT NULL REFERENCES run_export(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    PRIMARY KEY (export_id, position)
                )
                """,
            ]
        ),
        ("v7-decision-draft-hash", ["ALTER TABLE decision ADD COLUMN draft_hash TEXT"]),
    ]
}
