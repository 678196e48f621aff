import GRDB
import ResponderModel

/// One row of `crosswalk_entry`.
struct CrosswalkEntryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "crosswalk_entry"

    var framework: String
    var version: String
    var id: String
    var title: String
    /// ISO/IEC 42001 refs joined by newline.
    var iso42001: String

    init(_ entry: CrosswalkEntry) {
        framework = entry.framework
        version = entry.version
        id = entry.id
        title = entry.title
        iso42001 = entry.iso42001.joined(separator: "\n")
    }
}
