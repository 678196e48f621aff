/// The organisation profile: who answers, what it sells, what it is certified for.
public struct Organisation: Sendable, Hashable, Codable {
    public struct Product: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var description: String
        public var systems: [String]

        public init(id: String, name: String, description: String, systems: [String]) {
            self.id = id
            self.name = name
            self.description = description
            self.systems = systems
        }
    }

    public struct Certification: Sendable, Hashable, Codable {
        public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
            case certified
            case inProgress = "in_progress"
            case planned
        }

        public var id: String
        public var standard: String
        public var status: Status
        public var body: String?
        public var certificateId: String?
        public var issued: String?
        public var expires: String?
        public var periodStart: String?
        public var periodEnd: String?
        public var scope: String?
        public var evidence: [String]

        public init(
            id: String, standard: String, status: Status, body: String? = nil, certificateId: String? = nil,
            issued: String? = nil, expires: String? = nil, periodStart: String? = nil,
            periodEnd: String? = nil, scope: String? = nil, evidence: [String] = []
        ) {
            self.id = id
            self.standard = standard
            self.status = status
            self.body = body
            self.certificateId = certificateId
            self.issued = issued
            self.expires = expires
            self.periodStart = periodStart
            self.periodEnd = periodEnd
            self.scope = scope
            self.evidence = evidence
        }
    }

    public struct Governance: Sendable, Hashable, Codable {
        public var body: String
        public var cadence: String

        public init(body: String, cadence: String) {
            self.body = body
            self.cadence = cadence
        }
    }

    public var name: String
    public var products: [Product]
    public var certifications: [Certification]
    public var governance: Governance?

    public init(name: String, products: [Product], certifications: [Certification], governance: Governance?) {
        self.name = name
        self.products = products
        self.certifications = certifications
        self.governance = governance
    }
}
