/// One document in the evidence register.
public struct EvidenceItem: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case policy, procedure, record, report, certificate
    }

    public var id: String
    public var title: String
    public var kind: Kind
    public var version: String
    public var owner: String
    /// `YYYY-MM-DD`
    public var approved: String
    /// `YYYY-MM-DD`
    public var nextReview: String
    public var confidentiality: Confidentiality
    public var location: String

    public init(
        id: String, title: String, kind: Kind, version: String, owner: String, approved: String,
        nextReview: String, confidentiality: Confidentiality, location: String
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.version = version
        self.owner = owner
        self.approved = approved
        self.nextReview = nextReview
        self.confidentiality = confidentiality
        self.location = location
    }
}
