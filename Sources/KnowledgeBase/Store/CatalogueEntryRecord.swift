import GRDB
import ResponderModel

/// One row of `catalogue_entry`.
struct CatalogueEntryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "catalogue_entry"

    var framework: String
    var id: String
    var kind: String
    var title: String
    var grp: String
    var description: String
    /// Keywords joined by newline.
    var keywords: String
    /// Example questions joined by newline.
    var examples: String
    /// Related refs (`iso27001:A.8.24`) joined by newline.
    var related: String
    /// Fact topics joined by newline.
    var topics: String

    init(_ entry: CatalogueEntry) {
        framework = entry.framework.rawValue
        id = entry.id
        kind = entry.kind.rawValue
        title = entry.title
        grp = entry.group
        description = entry.description
        keywords = entry.keywords.joined(separator: "\n")
        examples = entry.examples.joined(separator: "\n")
        related = entry.related.map(\.description).joined(separator: "\n")
        topics = entry.topics.map(\.rawValue).joined(separator: "\n")
    }
}
