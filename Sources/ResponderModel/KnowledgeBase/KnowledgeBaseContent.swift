/// Everything the tool knows, loaded and validated: the shipped mappings plus one organisation's data.
public struct KnowledgeBaseContent: Sendable, Hashable {
    /// Hash of every input file's content; recorded in every output.
    public var version: String
    public var catalogue: [CatalogueEntry]
    public var crosswalks: [Crosswalk]
    public var thesaurus: Thesaurus
    public var organisation: Organisation
    public var applicability: [ApplicabilityEntry]
    public var evidence: [EvidenceItem]
    public var systems: [AISystem]
    public var assessments: [Assessment]
    public var incidents: [Incident]
    public var library: [LibraryAnswer]

    public init(version: String, catalogue: [CatalogueEntry], crosswalks: [Crosswalk], thesaurus: Thesaurus,
                organisation: Organisation, applicability: [ApplicabilityEntry], evidence: [EvidenceItem],
                systems: [AISystem], assessments: [Assessment], incidents: [Incident], library: [LibraryAnswer]) {
        self.version = version
        self.catalogue = catalogue
        self.crosswalks = crosswalks
        self.thesaurus = thesaurus
        self.organisation = organisation
        self.applicability = applicability
        self.evidence = evidence
        self.systems = systems
        self.assessments = assessments
        self.incidents = incidents
        self.library = library
    }
}
