import GRDB
import ResponderModel

/// One row of `evidence`: a document in the evidence register.
struct EvidenceRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "evidence"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: String
    var title: String
    var kind: String
    var version: String
    var owner: String
    var approved: String
    var nextReview: String
    var confidentiality: String
    var location: String

    init(_ item: EvidenceItem) {
        id = item.id
        title = item.title
        kind = item.kind.rawValue
        version = item.version
        owner = item.owner
        approved = item.approved
        nextReview = item.nextReview
        confidentiality = item.confidentiality.rawValue
        location = item.location
    }
}
