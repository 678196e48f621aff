import GRDB

/// The store's schema as named, append-only migrations.
///
/// Never edit a migration that has shipped: databases already carry it in `grdb_migrations`.
/// Add a new named migration instead.
package enum KnowledgeBaseSchema {
    /// Identifier of the first migration, recorded in `grdb_migrations`.
    package static let v1 = "v1-knowledge-base"
    /// Identifier of the migration that adds draft runs, review decisions and the audit log.
    package static let v2 = "v2-runs"
    package static let v3 = "v3-run-question-citations"
    /// Identifier of the migration that qualifies every stored control ID with its framework.
    package static let v4 = "v4-frameworks"
    /// Identifier of the migration that drops the run tables v2 made: runs live in the run store
    /// (`RunStoreSQLite`), and this file is only the knowledge base's search index.
    package static let v5 = "v5-drop-run-tables"

    /// Every migration in order.
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1) { db in
            // Lists (keywords, examples, evidence IDs, ISO refs) are joined by newline: they are
            // only ever read back whole, and newline never occurs inside one item.
            try db.execute(
                sql: """
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    CREATE TABLE catalogue_entry (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL,
                        title TEXT NOT NULL,
                        grp TEXT NOT NULL,
                        description TEXT NOT NULL,
                        keywords TEXT NOT NULL,
                        examples TEXT NOT NULL
                    );
                    CREATE TABLE crosswalk_entry (
                        framework TEXT NOT NULL,
                        version TEXT NOT NULL,
                        id TEXT NOT NULL,
                        title TEXT NOT NULL,
                        iso42001 TEXT NOT NULL,
                        PRIMARY KEY (framework, version, id)
                    );
                    CREATE TABLE applicability (
                        control TEXT PRIMARY KEY NOT NULL,
                        applicable INTEGER NOT NULL,
                        justification TEXT,
                        status TEXT NOT NULL,
                        target_date TEXT,
                        statement TEXT NOT NULL,
                        owner TEXT NOT NULL,
                        evidence TEXT NOT NULL
                    );
                    CREATE TABLE evidence (
                        id TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        version TEXT NOT NULL,
                        owner TEXT NOT NULL,
                        approved TEXT NOT NULL,
                        next_review TEXT NOT NULL,
                        confidentiality TEXT NOT NULL,
                        location TEXT NOT NULL
                    );
                    CREATE TABLE ai_system (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL,
                        purpose TEXT NOT NULL,
                        role TEXT NOT NULL,
                        source TEXT NOT NULL,
                        vendor TEXT,
                        model TEXT,
                        eu_ai_act_tier TEXT NOT NULL,
                        risk_level TEXT NOT NULL,
                        owner TEXT NOT NULL,
                        approval_status TEXT NOT NULL,
                        lifecycle_status TEXT NOT NULL,
                        trains_on_customer_data INTEGER NOT NULL,
                        human_oversight TEXT
                    );
                    CREATE TABLE assessment (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL,
                        title TEXT NOT NULL,
                        date TEXT NOT NULL,
                        assessor TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        next_review TEXT
                    );
                    CREATE TABLE assessment_system (
                        assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
                        system_id TEXT NOT NULL
                    );
                    CREATE INDEX assessment_system_by_assessment ON assessment_system(assessment_id);
                    CREATE TABLE finding (
                        assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
                        id TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        treatment TEXT NOT NULL
                    );
                    CREATE INDEX finding_by_assessment ON finding(assessment_id);
                    CREATE TABLE incident (
                        id TEXT PRIMARY KEY NOT NULL,
                        date TEXT NOT NULL,
                        system TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        customers_notified INTEGER NOT NULL,
                        status TEXT NOT NULL
                    );
                    CREATE TABLE library_answer (
                        id TEXT PRIMARY KEY NOT NULL,
                        question TEXT NOT NULL,
                        choice TEXT,
                        answer TEXT NOT NULL,
                        topic TEXT NOT NULL,
                        approved_by TEXT NOT NULL,
                        approved_date TEXT NOT NULL,
                        source TEXT NOT NULL
                    );
                    CREATE VIRTUAL TABLE search_index USING fts5(
                        kind UNINDEXED, ref UNINDEXED,
                        title, keywords, examples, description, statement, question,
                        tokenize = 'porter unicode61'
                    );
                    """)
        }
        migrator.registerMigration(v2) { db in
            // Runs outlive knowledge-base rebuilds, so none of these tables is touched by
            // `synchronise`. `audit_log` is append-only: the store never updates or deletes it, and triggers refuse
            // anyone who tries.
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
            // What each draft rested on (`kind:id` per line, top control first), so approved answers can
            // become library answers with their citations and evidence packs can group by control.
            try db.execute(sql: "ALTER TABLE run_question ADD COLUMN citations TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration(v4) { db in
            // IDs collide across frameworks (ISO 27001's A.5.2 is not ISO 42001's), so the
            // framework joins the key. Every row stored so far is ISO/IEC 42001's.
            try db.execute(
                sql: """
                    CREATE TABLE catalogue_entry_v4 (
                        framework TEXT NOT NULL,
                        id TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        title TEXT NOT NULL,
                        grp TEXT NOT NULL,
                        description TEXT NOT NULL,
                        keywords TEXT NOT NULL,
                        examples TEXT NOT NULL,
                        related TEXT NOT NULL DEFAULT '',
                        topics TEXT NOT NULL DEFAULT '',
                        PRIMARY KEY (framework, id)
                    );
                    INSERT INTO catalogue_entry_v4 (framework, id, kind, title, grp, description, keywords, examples)
                        SELECT 'iso42001', id, kind, title, grp, description, keywords, examples FROM catalogue_entry;
                    DROP TABLE catalogue_entry;
                    ALTER TABLE catalogue_entry_v4 RENAME TO catalogue_entry;
                    CREATE TABLE applicability_v4 (
                        framework TEXT NOT NULL,
                        control TEXT NOT NULL,
                        applicable INTEGER NOT NULL,
                        justification TEXT,
                        status TEXT NOT NULL,
                        target_date TEXT,
                        statement TEXT NOT NULL,
                        owner TEXT NOT NULL,
                        evidence TEXT NOT NULL,
                        PRIMARY KEY (framework, control)
                    );
                    INSERT INTO applicability_v4 (framework, control, applicable, justification, status, target_date, statement, owner, evidence)
                        SELECT 'iso42001', control, applicable, justification, status, target_date, statement, owner, evidence
                        FROM applicability;
                    DROP TABLE applicability;
                    ALTER TABLE applicability_v4 RENAME TO applicability;
                    UPDATE search_index SET ref = 'iso42001:' || ref WHERE kind = 'catalogue' AND instr(ref, ':') = 0;
                    """)
            // Runs' citations (`control:A.5.2`) become `control:iso42001:A.5.2`.
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
            // An index file is a cache; a file that holds runs is a store from before runs moved
            // out, opened here by mistake: its runs are kept, never dropped with the tables.
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM run") ?? 0 > 0 { return }
            try db.execute(
                sql: """
                    DROP TABLE audit_log;
                    DROP TABLE decision;
                    DROP TABLE run_question;
                    DROP TABLE run;
                    """)
        }
        return migrator
    }
}
