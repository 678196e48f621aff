import GRDB
import ResponderModel

/// One row of `finding`: a finding of one assessment.
struct FindingRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "finding"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var assessmentId: String
    var id: String
    var severity: String
    var summary: String
    var treatment: String

    init(assessmentId: String, _ finding: Assessment.Finding) {
        self.assessmentId = assessmentId
        id = finding.id
        severity = finding.severity.rawValue
        summary = finding.summary
        treatment = finding.treatment.rawValue
    }
}
