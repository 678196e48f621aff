import GRDB
import ResponderModel

/// One row of `incident`: an entry of the AI incident log.
struct IncidentRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "incident"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: String
    var date: String
    var system: String
    var severity: String
    var summary: String
    var customersNotified: Bool
    var status: String

    init(_ incident: Incident) {
        id = incident.id
        date = incident.date
        system = incident.system
        severity = incident.severity.rawValue
        summary = incident.summary
        customersNotified = incident.customersNotified
        status = incident.status.rawValue
    }
}
