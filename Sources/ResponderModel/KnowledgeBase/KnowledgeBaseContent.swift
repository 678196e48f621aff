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
    /// The frameworks catalogued in `Mappings/catalogue/`, in code order.
    public var frameworks: [CatalogueFramework]
    /// The Statement of Applicability file read for each framework (`soa.yaml`, `soa-iso27001.yaml`).
    public var applicabilityFiles: [FrameworkCode: String]

    public init(
        version: String, catalogue: [CatalogueEntry], crosswalks: [Crosswalk], thesaurus: Thesaurus,
        organisation: Organisation, applicability: [ApplicabilityEntry], evidence: [EvidenceItem],
        systems: [AISystem], assessments: [Assessment], incidents: [Incident], library: [LibraryAnswer],
        frameworks: [CatalogueFramework] = [], applicabilityFiles: [FrameworkCode: String] = [:]
    ) {
        self.version = version
        self.frameworks = frameworks
        self.applicabilityFiles = applicabilityFiles
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

extension KnowledgeBaseContent {
    /// The frameworks the organisation claims: those it keeps a Statement of Applicability for
    /// (a file, or SoA lines) and those a certification in `organisation.yaml` names, whatever its
    /// status (a buyer may ask about a certification in progress). Questions are scoped to these.
    public var claimedFrameworks: Set<FrameworkCode> {
        var claimed = Set(applicabilityFiles.keys).union(applicability.map(\.framework))
        for certification in organisation.certifications {
            if let code = FrameworkCode(certificationStandard: certification.standard) { claimed.insert(code) }
        }
        return claimed
    }

    /// The display name of a framework: its catalogue's `title`, or the code's default.
    public func title(of framework: FrameworkCode) -> String {
        frameworks.first { $0.code == framework }?.title ?? framework.defaultTitle
    }
}
