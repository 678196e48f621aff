import GRDB

/// One row of `audit_log`: one change of a decision, appended and never changed.
///
/// `before` and `after` hold the decision as sorted-key JSON (`null` when there was none).
struct AuditLogRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "audit_log"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: Int64?
    var runId: String
    var key: String
    var action: String
    var reviewer: String
    var at: String
    var before: String?
    var after: String?
    var kbVersion: String
    var notes: String?
}
