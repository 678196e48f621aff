import GRDB
import ResponderModel

/// One row of the FTS5 table `search_index`: a catalogue entry, a library question or an evidence title.
///
/// Columns a kind does not use stay empty, so they add nothing to that row's score.
struct SearchIndexRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "search_index"

    /// `catalogue` or `library`.
    var kind: String
    /// Framework-qualified catalogue ref (`iso27001:A.8.24`) or library answer ID.
    var ref: String
    var title = ""
    var keywords = ""
    var examples = ""
    var description = ""
    var statement = ""
    var question = ""

    /// A catalogue entry, with the implementation statement of its SoA line (if any).
    init(_ entry: CatalogueEntry, statement: String?) {
        kind = KnowledgeBaseStore.Hit.catalogueKind
        ref = entry.ref.description
        title = entry.title
        keywords = entry.keywords.joined(separator: "\n")
        examples = entry.examples.joined(separator: "\n")
        description = entry.description
        self.statement = statement ?? ""
    }

    /// An evidence item, searched by its title.
    init(_ item: EvidenceItem) {
        kind = KnowledgeBaseStore.Hit.evidenceKind
        ref = item.id
        title = item.title
    }

    init(_ answer: LibraryAnswer) {
        kind = KnowledgeBaseStore.Hit.libraryKind
        ref = answer.id
        question = answer.question
        // Its alternate questions are found like a catalogue entry's example questions.
        examples = answer.alternateQuestions.joined(separator: "\n")
    }
}
