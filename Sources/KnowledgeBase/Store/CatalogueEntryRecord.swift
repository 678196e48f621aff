import GRDB
import ResponderModel

/// One row of `catalogue_entry`.
struct CatalogueEntryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "catalogue_entry"

    var id: String
    var kind: String
    var title: String
    var grp: String
    var description: String
    /// Keywords joined by newline.
    var keywords: String
    /// Example questions joined by newline.
    var examples: String

    init(_ entry: CatalogueEntry) {
        id = entry.id
        kind = entry.kind.rawValue
        title = entry.title
        grp = entry.group
        description = entry.description
        keywords = entry.keywords.joined(separator: "\n")
        examples = entry.examples.joined(separator: "\n")
    }
}
