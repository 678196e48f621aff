/// One entry of the AI system inventory, including shadow AI found in use.
public struct AISystem: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable { case provider, deployer, user }
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        case inHouse = "in_house"
        case thirdParty = "third_party"
    }
    public enum RiskTier: String, Sendable, Hashable, Codable, CaseIterable { case prohibited, high, limited, minimal }
    public enum RiskLevel: String, Sendable, Hashable, Codable, CaseIterable { case low, medium, high, critical }
    public enum ApprovalStatus: String, Sendable, Hashable, Codable, CaseIterable {
        case approved
        case underReview = "under_review"
        case unapproved
    }
    public enum LifecycleStatus: String, Sendable, Hashable, Codable, CaseIterable { case development, pilot, production, retired }

    public struct Approval: Sendable, Hashable, Codable {
        public var status: ApprovalStatus
        public var by: String?
        /// `YYYY-MM-DD`
        public var date: String?

        public init(status: ApprovalStatus, by: String? = nil, date: String? = nil) {
            self.status = status
            self.by = by
            self.date = date
        }
    }

    public struct Lifecycle: Sendable, Hashable, Codable {
        public var status: LifecycleStatus
        public var since: String?
        public var retired: String?

        public init(status: LifecycleStatus, since: String? = nil, retired: String? = nil) {
            self.status = status
            self.since = since
            self.retired = retired
        }
    }

    public var id: String
    public var name: String
    public var purpose: String
    public var role: Role
    public var source: Source
    public var vendor: String?
    public var model: String?
    public var dataCategories: [String]
    public var trainsOnCustomerData: Bool
    public var euAiActTier: RiskTier
    public var riskLevel: RiskLevel
    public var owner: String
    public var approval: Approval
    /// How people oversee the system; nil or empty when there is no mechanism.
    public var humanOversight: String?
    public var lifecycle: Lifecycle
    public var monitoring: String?
    /// Assessment IDs linked to the system.
    public var assessments: [String]

    public init(
        id: String, name: String, purpose: String, role: Role, source: Source, vendor: String? = nil,
        model: String? = nil, dataCategories: [String], trainsOnCustomerData: Bool, euAiActTier: RiskTier,
        riskLevel: RiskLevel, owner: String, approval: Approval, humanOversight: String? = nil,
        lifecycle: Lifecycle, monitoring: String? = nil, assessments: [String]
    ) {
        self.id = id
        self.name = name
        self.purpose = purpose
        self.role = role
        self.source = source
        self.vendor = vendor
        self.model = model
        self.dataCategories = dataCategories
        self.trainsOnCustomerData = trainsOnCustomerData
        self.euAiActTier = euAiActTier
        self.riskLevel = riskLevel
        self.owner = owner
        self.approval = approval
        self.humanOversight = humanOversight
        self.lifecycle = lifecycle
        self.monitoring = monitoring
        self.assessments = assessments
    }
}
