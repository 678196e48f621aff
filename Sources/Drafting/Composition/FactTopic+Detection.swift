import ResponderModel

extension FactTopic {
    /// Topics whose facts hold for the whole organisation (its certifications); every other topic's
    /// facts come from the AI registers and belong only in answers about AI.
    package static let organisationWide: Set<FactTopic> = [.certification]

    /// Topics implied by the question's wording (raw lower-cased words) and the `topics` its
    /// best-matched catalogue entry lists (which IDs raise which topics is catalogue data).
    package static func detect(words: [String], entry: CatalogueEntry?) -> [FactTopic] {
        let set = Set(words)
        func containsPhrase(_ phrase: [Substring]) -> Bool {
            guard phrase.count > 1, phrase.count <= words.count else { return false }
            return (0...(words.count - phrase.count)).contains { start in
                phrase.indices.allSatisfy { words[start + $0] == phrase[$0] }
            }
        }
        func has(_ items: String...) -> Bool {
            items.contains { set.contains($0) || containsPhrase($0.split(separator: " ")) }
        }
        func hasPrefix(_ items: String...) -> Bool { words.contains { word in items.contains { word.hasPrefix($0) } } }
        var topics: [FactTopic] = []
        let listed = Set(entry?.topics ?? [])
        if has("inventory", "register", "registry", "catalog", "catalogue") && hasPrefix("ai", "model", "system", "tool", "ml")
            || has("how many") && hasPrefix("model", "system", "ai") || listed.contains(.inventory) && has("inventory", "register", "list")
        {
            topics.append(.inventory)
        } else if has("ai act", "aia") && hasPrefix("classif", "tier", "categor", "high") {
            // How systems are classified under the EU AI Act is answered by the inventory's tiers.
            topics.append(.inventory)
        }
        if hasPrefix("train", "fine", "finetun", "retrain") && has("customer", "customers", "client", "clients", "our data", "my data", "your customers")
            || listed.contains(.customerDataTraining)
        {
            topics.append(.customerDataTraining)
        }
        // Risk assessed, not any "risk" beside any "assessment": "high-risk processing" in a DPIA
        // question is not a question about the AI risk assessments.
        func near(_ first: (String) -> Bool, _ second: (String) -> Bool, within span: Int) -> Bool {
            words.indices.contains { index in
                first(words[index]) && words[(index + 1)..<min(words.count, index + 1 + span)].contains(where: second)
            }
        }
        let isRisk = { (word: String) in word == "risk" || word == "risks" }
        let assesses = { (word: String) in ["assess", "register", "evaluat", "analys"].contains { word.hasPrefix($0) } }
        if near(isRisk, assesses, within: 1) || near(assesses, isRisk, within: 3) || listed.contains(.riskAssessment) {
            topics.append(.riskAssessment)
        }
        // A DPIA is the privacy team's record, not the AI system impact assessment the register
        // holds: a question about one gets the other's facts only when it names AI as well.
        let dataProtection = has("dpia", "dpias", "data protection impact", "privacy impact", "pia")
        if (has("impact") && hasPrefix("assess", "evaluat") || has("fria", "aiia"))
            && !(dataProtection && !has("ai", "artificial intelligence", "aiia", "fria", "algorithmic"))
            || listed.contains(.impactAssessment)
        {
            topics.append(.impactAssessment)
        }
        if hasPrefix("bias", "fair", "discriminat", "demographic", "disparate") || listed.contains(.bias) { topics.append(.bias) }
        if hasPrefix("supplier", "vendor", "subprocessor", "provider") || has("third party", "third-party", "foundation model", "foundation models")
            || listed.contains(.suppliers)
        {
            topics.append(.suppliers)
        }
        if has("internal audit", "internal audits", "audit", "audits", "audited") && !has("audit trail", "audit log", "audit logs")
            || listed.contains(.internalAudit)
        {
            topics.append(.internalAudit)
        }
        if has("management review", "management reviews") || listed.contains(.managementReview) { topics.append(.managementReview) }
        if has("oversight", "hitl", "human in the loop", "human review", "human-in-the-loop", "human reviewer", "qualified human", "override")
            || listed.contains(.humanOversight)
        {
            topics.append(.humanOversight)
        }
        if hasPrefix("monitor", "drift", "degrad") || listed.contains(.monitoring) { topics.append(.monitoring) }
        // The incident register answers what happened ("Have you had an AI incident in the last
        // year?"), not how incidents are handled: a question about the response plan or its tests
        // gets no incident count.
        let asksWhatHappened =
            has("had", "have there been", "has there been", "occurred", "experienced", "suffered", "history", "past", "last", "recent", "ever")
            || has("how many")
        if hasPrefix("incident") && asksWhatHappened || listed.contains(.incidents) { topics.append(.incidents) }
        let namesStandard = has("42001", "27001", "soc 2", "soc2", "iso", "iso iec")
        if namesStandard && hasPrefix("certif", "report", "attest", "audit", "hold", "accredit", "complian")
            || hasPrefix("certif") && hasPrefix("ai", "aims", "management", "responsible") || listed.contains(.certification)
        {
            topics.append(.certification)
        }
        if has("committee", "board", "council", "steering") || listed.contains(.governanceBody) {
            topics.append(.governanceBody)
        }
        return topics
    }
}
