import GRDB

/// One row of `assessment_system`: an AI system covered by an assessment.
struct AssessmentSystemRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "assessment_system"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var assessmentId: String
    var systemId: String
}
