import GRDB

/// One row of `run_question`: a question of a run with where its answer goes and its draft.
///
/// `allowed`, `flags` and `citations` (`kind:id`) are joined by newline (a dropdown value never holds one).
struct RunQuestionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run_question"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var runId: String
    var position: Int
    var key: String
    var sheet: String
    var row: Int
    var questionId: String
    var text: String
    var choiceColumn: String?
    var textColumn: String?
    var allowed: String?
    var draftChoice: String?
    var draftText: String
    var confidence: String
    var flags: String
    var citations: String
}
