import GRDB

/// One row of `run_export`: one export of a run, when and by whom.
struct RunExportRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run_export"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: Int64?
    var runId: String
    var exportedAt: String
    var exportedBy: String
}
