import ResponderModel

/// Reads one `inventory.yaml` system entry.
enum AISystemReader {
    static let keys: Set<String> = [
        "id", "name", "purpose", "role", "source", "vendor", "model", "dataCategories",
        "trainsOnCustomerData", "euAiActTier", "riskLevel", "owner", "approval",
        "humanOversight", "lifecycle", "monitoring", "assessments",
    ]
    static let dataCategories = [
        "customer_data", "personal_data", "special_category", "employee_data", "public_data",
        "synthetic_data", "internal_data",
    ]

    static func read(_ object: YAMLObject, _ diagnostics: inout DiagnosticCollector) -> AISystem? {
        let file = object.file
        guard let id = object.string("id", required: true, diagnostics: &diagnostics),
            let name = object.string("name", required: true, diagnostics: &diagnostics),
            let purpose = object.string("purpose", required: true, diagnostics: &diagnostics),
            let role = object.value("role", as: AISystem.Role.self, diagnostics: &diagnostics),
            let source = object.value("source", as: AISystem.Source.self, diagnostics: &diagnostics),
            let categories = object.strings("dataCategories", required: true, diagnostics: &diagnostics),
            let trains = object.bool("trainsOnCustomerData", diagnostics: &diagnostics),
            let tier = object.value("euAiActTier", as: AISystem.RiskTier.self, diagnostics: &diagnostics),
            let level = object.value("riskLevel", as: AISystem.RiskLevel.self, diagnostics: &diagnostics),
            let owner = object.string("owner", required: true, diagnostics: &diagnostics),
            let assessments = object.strings("assessments", required: false, diagnostics: &diagnostics)
        else { return nil }
        for (index, category) in categories.enumerated() where !dataCategories.contains(category) {
            let node = object.mapping["dataCategories"]?.sequence?[index]
            diagnostics.report(
                .error, at: node.map(file.location(of:)) ?? object.location(of: "dataCategories"),
                "invalid dataCategories '\(category)' (allowed: \(dataCategories.joined(separator: ", ")))")
        }
        let vendor = object.string("vendor", required: false, diagnostics: &diagnostics)
        if source == .thirdParty, vendor == nil {
            diagnostics.report(.error, at: file.location(of: object.node), "missing required key 'vendor' (required for third_party systems)")
        }
        guard let approvalNode = object.mapping["approval"], let lifecycleNode = object.mapping["lifecycle"] else {
            diagnostics.report(
                .error, at: file.location(of: object.node),
                "missing required key '\(object.mapping["approval"] == nil ? "approval" : "lifecycle")'")
            return nil
        }
        guard let approvalObject = YAMLObject(approvalNode, in: file, allowed: ["status", "by", "date"], diagnostics: &diagnostics),
            let approvalStatus = approvalObject.value("status", as: AISystem.ApprovalStatus.self, diagnostics: &diagnostics),
            let lifecycleObject = YAMLObject(lifecycleNode, in: file, allowed: ["status", "since", "retired"], diagnostics: &diagnostics),
            let lifecycleStatus = lifecycleObject.value("status", as: AISystem.LifecycleStatus.self, diagnostics: &diagnostics)
        else { return nil }
        let approval = AISystem.Approval(
            status: approvalStatus,
            by: approvalObject.string("by", required: false, diagnostics: &diagnostics),
            date: approvalObject.date("date", required: false, diagnostics: &diagnostics))
        let lifecycle = AISystem.Lifecycle(
            status: lifecycleStatus,
            since: lifecycleObject.date("since", required: false, diagnostics: &diagnostics),
            retired: lifecycleObject.date("retired", required: false, diagnostics: &diagnostics))
        return AISystem(
            id: id, name: name, purpose: purpose, role: role, source: source, vendor: vendor,
            model: object.string("model", required: false, diagnostics: &diagnostics),
            dataCategories: categories, trainsOnCustomerData: trains, euAiActTier: tier, riskLevel: level,
            owner: owner, approval: approval,
            humanOversight: object.string("humanOversight", required: false, diagnostics: &diagnostics),
            lifecycle: lifecycle,
            monitoring: object.string("monitoring", required: false, diagnostics: &diagnostics),
            assessments: assessments)
    }
}
