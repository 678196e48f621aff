import Foundation
import GRDB
import ResponderModel

/// The knowledge base's search index: every table of `KnowledgeBaseContent` in a SQLite file plus
/// an FTS5 index over catalogue entries (with the organisation's implementation statements),
/// library questions and the titles of evidence that may be named (`responder search`).
///
/// It is a cache of the knowledge-base files, kept in the workspace (never in the knowledge-base
/// folder) and rebuilt whenever their version changes. Runs, decisions and the audit log are not
/// here but in the workspace's run store (the `RunStore` module); the run tables that migrations
/// `v2`-`v4` created are left empty. The store owns one database connection and is not `Sendable`:
/// use it from one place.
/// SQL errors it throws (`GRDB.DatabaseError`) name the SQL but never the bound values, since
/// evidence and answers can be confidential.
public final class KnowledgeBaseStore {
    /// One search result.
    public struct Hit: Sendable, Hashable {
        static let catalogueKind = "catalogue"
        static let libraryKind = "library"
        static let evidenceKind = "evidence"

        /// `catalogue`, `library` or `evidence`.
        public var kind: String
        /// The framework-qualified catalogue ref (`iso42001:A.5.2`, see ``ControlRef``), library answer ID or evidence ID.
        public var ref: String
        /// Relevance, higher is better (negated FTS5 `bm25`); only comparable within one search.
        public var score: Double

        public init(kind: String, ref: String, score: Double) {
            self.kind = kind
            self.ref = ref
            self.score = score
        }
    }

    let dbQueue: DatabaseQueue

    /// Opens (or creates) the store at `path`, creating its parent folder, and migrates the schema.
    ///
    /// - Throws: a file-system error when the folder cannot be made, or a `DatabaseError` when
    ///   the file is not a usable database or a migration fails.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.label = "KnowledgeBaseStore"
        // Two processes may rebuild the index at once: the second waits instead of failing.
        configuration.busyMode = .timeout(30)
        dbQueue = try DatabaseQueue(path: path, configuration: configuration)
        try KnowledgeBaseSchema.migrator.migrate(dbQueue)
    }

    /// An index kept in memory only (for a workspace whose store is not a local file).
    /// - Throws: a `DatabaseError` when a migration fails.
    public init() throws {
        var configuration = Configuration()
        configuration.label = "KnowledgeBaseStore"
        dbQueue = try DatabaseQueue(configuration: configuration)
        try KnowledgeBaseSchema.migrator.migrate(dbQueue)
    }

    /// The `KnowledgeBaseContent.version` last stored, or nil for an empty store.
    public var storedVersion: String? {
        get throws {
            try dbQueue.read { db in try Self.storedVersion(db) }
        }
    }

    /// Makes the store hold `content`, rebuilding every table in one write transaction when the
    /// stored version differs from `content.version`.
    ///
    /// - Returns: true when it rebuilt; false when the store already held this version (then
    ///   nothing is written).
    /// - Throws: a `DatabaseError` (for instance a duplicate ID); the transaction is then rolled
    ///   back and the store keeps its previous content.
    @discardableResult
    public func synchronise(with content: KnowledgeBaseContent) throws -> Bool {
        try dbQueue.write { db in
            if try Self.storedVersion(db) == content.version { return false }
            try Self.deleteAll(db)
            try Self.insert(content, db)
            try MetaRecord(key: MetaRecord.kbVersionKey, value: content.version).upsert(db)
            return true
        }
    }

    /// Catalogue entries, library questions and evidence titles that share words with `text`, best first.
    ///
    /// Only the letters-and-digits words of `text` are searched (any of them may match), so any
    /// input is safe. Ties in score are broken by ref, then kind.
    /// - Returns: at most `limit` hits; none when `text` holds no word or `limit` is not positive.
    public func search(_ text: String, limit: Int = 10) throws -> [Hit] {
        let pattern = SearchPattern(text)
        guard !pattern.isEmpty, limit > 0 else { return [] }
        // Weights follow the column order: kind, ref, title, keywords, examples, description,
        // statement, question.
        let sql = """
            SELECT kind, ref, bm25(search_index, 0, 0, 10.0, 6.0, 4.0, 2.0, 1.5, 8.0) AS rank
            FROM search_index
            WHERE search_index MATCH ?
            ORDER BY rank, ref, kind
            LIMIT ?
            """
        return try dbQueue.read { db in
            try Row.fetchAll(db, sql: sql, arguments: [pattern.rawValue, limit]).map { row in
                Hit(kind: row["kind"], ref: row["ref"], score: -(row["rank"] as Double))
            }
        }
    }

    private static func storedVersion(_ db: Database) throws -> String? {
        try MetaRecord.fetchOne(db, key: MetaRecord.kbVersionKey)?.value
    }

    /// Children before parents, so foreign keys never object.
    private static func deleteAll(_ db: Database) throws {
        for table in [
            SearchIndexRecord.databaseTableName, FindingRecord.databaseTableName,
            AssessmentSystemRecord.databaseTableName, AssessmentRecord.databaseTableName,
            CatalogueEntryRecord.databaseTableName, CrosswalkEntryRecord.databaseTableName,
            ApplicabilityRecord.databaseTableName, EvidenceRecord.databaseTableName,
            AISystemRecord.databaseTableName, IncidentRecord.databaseTableName,
            LibraryAnswerRecord.databaseTableName,
        ] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
    }

    private static func insert(_ content: KnowledgeBaseContent, _ db: Database) throws {
        for entry in content.catalogue { try CatalogueEntryRecord(entry).insert(db) }
        for crosswalk in content.crosswalks {
            for entry in crosswalk.entries { try CrosswalkEntryRecord(entry).insert(db) }
        }
        for entry in content.applicability { try ApplicabilityRecord(entry).insert(db) }
        for item in content.evidence { try EvidenceRecord(item).insert(db) }
        for system in content.systems { try AISystemRecord(system).insert(db) }
        for assessment in content.assessments {
            try AssessmentRecord(assessment).insert(db)
            // A system listed twice is one link, not two.
            var linked = Set<String>()
            for system in assessment.systems where linked.insert(system).inserted {
                try AssessmentSystemRecord(assessmentId: assessment.id, systemId: system).insert(db)
            }
            for finding in assessment.findings {
                try FindingRecord(assessmentId: assessment.id, finding).insert(db)
            }
        }
        for incident in content.incidents { try IncidentRecord(incident).insert(db) }
        for answer in content.library { try LibraryAnswerRecord(answer).insert(db) }

        // The first SoA line for a control wins; the applicability primary key rejects a second.
        var statements: [ControlRef: String] = [:]
        for entry in content.applicability where statements[entry.ref] == nil {
            statements[entry.ref] = entry.statement
        }
        for entry in content.catalogue {
            try SearchIndexRecord(entry, statement: statements[entry.ref]).insert(db)
        }
        for answer in content.library { try SearchIndexRecord(answer).insert(db) }
        // Internal evidence is never named in anything responder writes, search results included.
        for item in content.evidence where item.confidentiality != .internal { try SearchIndexRecord(item).insert(db) }
    }
}
