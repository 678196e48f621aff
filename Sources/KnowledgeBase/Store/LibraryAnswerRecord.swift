import GRDB
import ResponderModel

/// One row of `library_answer`: an approved question/answer pair.
struct LibraryAnswerRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "library_answer"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: String
    var question: String
    var choice: String?
    var answer: String
    var topic: String
    var approvedBy: String
    var approvedDate: String
    var source: String

    init(_ answer: LibraryAnswer) {
        id = answer.id
        question = answer.question
        choice = answer.choice
        self.answer = answer.answer
        topic = answer.topic
        approvedBy = answer.approvedBy
        approvedDate = answer.approvedDate
        source = answer.source
    }
}
