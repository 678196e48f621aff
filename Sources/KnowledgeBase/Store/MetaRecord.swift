import GRDB

/// One row of `meta`: a store-wide setting such as the stored content version.
struct MetaRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "meta"

    /// Key under which the stored `KnowledgeBaseContent.version` is kept.
    static let kbVersionKey = "kbVersion"

    var key: String
    var value: String
}
