import GRDB

/// One row of `run`: one questionnaire drafted against one knowledge-base version.
struct RunRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: String
    var path: String
    var contentHash: String
    var kbVersion: String
    var asOf: String
    var createdAt: String
}
