import GRDB

/// One row of `decision`: a reviewer's current verdict on one question of a run.
struct DecisionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "decision"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var runId: String
    var key: String
    var status: String
    var choice: String?
    var text: String?
    var notes: String?
    var reviewer: String
    var decidedAt: String
    var revision: Int
    var basedOn: Int
    var draftHash: String?
}
