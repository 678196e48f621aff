/// The subjects a question can touch on that the inventory, assessments and registers answer with facts.
package enum Topic: String, Sendable, CaseIterable {
    case inventory
    case customerDataTraining
    case riskAssessment
    case impactAssessment
    case bias
    case suppliers
    case internalAudit
    case managementReview
    case humanOversight
    case monitoring
    case incidents
    case certification
    case governanceBody

    /// Topics implied by the question's wording (raw lower-cased words) and its best-matched control.
    package static func detect(words: [String], control: String?) -> [Topic] {
        let set = Set(words)
        let text = " " + words.joined(separator: " ") + " "
        func has(_ items: String...) -> Bool { items.contains { set.contains($0) || text.contains(" \($0) ") } }
        func hasPrefix(_ items: String...) -> Bool { words.contains { word in items.contains { word.hasPrefix($0) } } }
        var topics: [Topic] = []
        let control = control ?? ""
        if has("inventory", "register", "registry", "catalog", "catalogue") && hasPrefix("ai", "model", "system", "tool", "ml")
            || has("how many") && hasPrefix("model", "system", "ai") || control == "A.4.2" && has("inventory", "register", "list") {
            topics.append(.inventory)
        } else if has("ai act", "aia") && hasPrefix("classif", "tier", "categor", "high") {
            // How systems are classified under the EU AI Act is answered by the inventory's tiers.
            topics.append(.inventory)
        }
        if hasPrefix("train", "fine", "finetun", "retrain") && has("customer", "customers", "client", "clients", "our data", "my data", "your customers") {
            topics.append(.customerDataTraining)
        }
        if has("risk") && hasPrefix("assess", "register", "evaluat") || ["6.1.2", "8.2", "6.1.3", "8.3"].contains(control) {
            topics.append(.riskAssessment)
        }
        if has("impact") && hasPrefix("assess", "evaluat") || has("dpia", "fria", "aiia")
            || ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"].contains(control) {
            topics.append(.impactAssessment)
        }
        if hasPrefix("bias", "fair", "discriminat", "demographic", "disparate") { topics.append(.bias) }
        if hasPrefix("supplier", "vendor", "subprocessor", "provider") || has("third party", "third-party", "foundation model", "foundation models")
            || ["A.10.3"].contains(control) {
            topics.append(.suppliers)
        }
        if has("internal audit", "internal audits", "audit", "audits", "audited") && !has("audit trail", "audit log", "audit logs")
            || control == "9.2" {
            topics.append(.internalAudit)
        }
        if has("management review", "management reviews") || control == "9.3" { topics.append(.managementReview) }
        if has("oversight", "hitl", "human in the loop", "human review", "human-in-the-loop", "human reviewer", "qualified human", "override")
            || control == "A.9.2" {
            topics.append(.humanOversight)
        }
        if hasPrefix("monitor", "drift", "degrad") || control == "A.6.2.6" { topics.append(.monitoring) }
        if hasPrefix("incident") { topics.append(.incidents) }
        let namesStandard = has("42001", "27001", "soc 2", "soc2", "iso", "iso iec")
        if namesStandard && hasPrefix("certif", "report", "attest", "audit", "hold", "accredit", "complian")
            || hasPrefix("certif") && hasPrefix("ai", "aims", "management", "responsible") {
            topics.append(.certification)
        }
        if has("committee", "board", "council", "steering") || ["5.1", "5.3", "A.3.2"].contains(control) {
            topics.append(.governanceBody)
        }
        return topics
    }
}
