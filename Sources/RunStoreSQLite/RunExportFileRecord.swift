import GRDB

/// One row of `run_export_file`: one file an export wrote and the SHA-256 of its bytes.
struct RunExportFileRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run_export_file"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var exportId: Int64
    var position: Int
    var name: String
    var sha256: String
}
