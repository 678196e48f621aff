import GRDB
import ResponderModel

/// One row of `ai_system`: an AI system inventory entry.
struct AISystemRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "ai_system"
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: String
    var name: String
    var purpose: String
    var role: String
    var source: String
    var vendor: String?
    var model: String?
    var euAiActTier: String
    var riskLevel: String
    var owner: String
    var approvalStatus: String
    var lifecycleStatus: String
    var trainsOnCustomerData: Bool
    var humanOversight: String?

    init(_ system: AISystem) {
        id = system.id
        name = system.name
        purpose = system.purpose
        role = system.role.rawValue
        source = system.source.rawValue
        vendor = system.vendor
        model = system.model
        euAiActTier = system.euAiActTier.rawValue
        riskLevel = system.riskLevel.rawValue
        owner = system.owner
        approvalStatus = system.approval.status.rawValue
        lifecycleStatus = system.lifecycle.status.rawValue
        trainsOnCustomerData = system.trainsOnCustomerData
        humanOversight = system.humanOversight
    }
}
