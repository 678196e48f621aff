import GRDB
import ResponderModel

/// One row of `assessment`; its systems and findings live in `assessment_system` and `finding`.
struct AssessmentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "assessment"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: String
    var kind: String
    var title: String
    var date: String
    var assessor: String
    var outcome: String
    var nextReview: String?

    init(_ assessment: Assessment) {
        id = assessment.id
        kind = assessment.kind.rawValue
        title = assessment.title
        date = assessment.date
        assessor = assessment.assessor
        outcome = assessment.outcome
        nextReview = assessment.nextReview
    }
}
