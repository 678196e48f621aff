import GRDB
import ResponderModel

/// One row of `applicability`: a Statement of Applicability line.
struct ApplicabilityRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "applicability"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var framework: String
    var control: String
    var applicable: Bool
    var justification: String?
    var status: String
    var targetDate: String?
    var statement: String
    var owner: String
    /// Evidence IDs joined by newline.
    var evidence: String

    init(_ entry: ApplicabilityEntry) {
        framework = entry.framework.rawValue
        control = entry.control
        applicable = entry.applicable
        justification = entry.justification
        status = entry.status.rawValue
        targetDate = entry.targetDate
        statement = entry.statement
        owner = entry.owner
        evidence = entry.evidence.joined(separator: "\n")
    }
}
