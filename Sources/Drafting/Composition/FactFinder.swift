import ResponderModel

/// Turns the inventory, assessments, incidents and certifications into sentences an answer may
/// carry. Every sentence is built only from knowledge-base fields, and cites them.
package struct FactFinder: Sendable {
    private let content: KnowledgeBaseContent
    /// `YYYY-MM-DD`: the day "overdue" and "stale" are judged against.
    private let asOf: String
    /// When set, every inventory and assessment fact is limited to this one AI system.
    private let systemScope: String?

    package init(content: KnowledgeBaseContent, asOf: String, systemScope: String?) {
        self.content = content
        self.asOf = asOf
        self.systemScope = systemScope
    }

    /// Systems in scope: the one chosen with `--system`, or all but retired ones.
    private var liveSystems: [AISystem] {
        content.systems.filter { system in
            if let systemScope { return system.id == systemScope }
            return system.lifecycle.status != .retired
        }
    }

    private func assessments(of kind: Assessment.Kind) -> [Assessment] {
        content.assessments
            .filter { $0.kind == kind }
            .filter { assessment in systemScope.map { assessment.systems.contains($0) } ?? true }
            .sorted { ($0.date, $0.id) > ($1.date, $1.id) }
    }

    private func overdueFlags(_ assessment: Assessment) -> [AnswerFlag] {
        if let next = assessment.nextReview, next < asOf { return [.overdueAssessment] }
        return []
    }

    package func facts(for topic: FactTopic) -> [Fact] {
        switch topic {
        case .inventory: inventoryFacts()
        case .customerDataTraining: customerDataFacts()
        case .riskAssessment: assessmentFacts(.risk, label: "AI risk assessment")
        case .impactAssessment: assessmentFacts(.impact, label: "AI system impact assessment")
        case .bias: assessmentFacts(.bias, label: "bias and fairness evaluation")
        case .suppliers: supplierFacts()
        case .internalAudit: assessmentFacts(.internalAudit, label: "internal audit of the AI management system")
        case .managementReview: assessmentFacts(.managementReview, label: "management review of the AI management system")
        case .humanOversight: oversightFacts()
        case .monitoring: monitoringFacts()
        case .incidents: incidentFacts()
        case .certification: certificationFacts()
        case .governanceBody: governanceFacts()
        }
    }

    private func systemCitations(_ systems: [AISystem]) -> [Citation] {
        systems.map { Citation(kind: .system, id: $0.id) }
    }

    private func inventoryFacts() -> [Fact] {
        if let systemScope {
            guard let system = content.systems.first(where: { $0.id == systemScope }) else { return [] }
            var sentence = "\(system.name) (\(system.id)) is recorded in our AI system inventory: \(lowercasedFirst(system.purpose))."
            sentence += " We act as its \(system.role.rawValue); it is \(system.source == .inHouse ? "built in-house" : "a third-party system")"
            if let vendor = system.vendor { sentence += " from \(vendor)" }
            if let model = system.model { sentence += " (\(model))" }
            sentence += ", classified \(system.euAiActTier.rawValue)-risk under the EU AI Act and \(system.riskLevel.rawValue) on our internal scale."
            return [Fact(sentence, citations: [Citation(kind: .system, id: system.id)])]
        }
        let live = liveSystems
        guard !live.isEmpty else { return [] }
        let production = live.filter { $0.lifecycle.status == .production }.count
        let pilot = live.filter { $0.lifecycle.status == .pilot || $0.lifecycle.status == .development }.count
        let retired = content.systems.filter { $0.lifecycle.status == .retired }.count
        var sentence = "Our AI system inventory currently records \(live.count) AI systems in use or in development (\(production) in production, \(pilot) in pilot or development)"
        sentence += retired > 0 ? ", and keeps \(retired) retired systems on record." : "."
        let tiers = AISystem.RiskTier.allCases.compactMap { tier -> String? in
            let count = live.filter { $0.euAiActTier == tier }.count
            return count > 0 ? "\(count) \(tier.rawValue)-risk" : nil
        }
        var facts = [Fact(sentence, citations: systemCitations(live))]
        if !tiers.isEmpty {
            facts.append(Fact("By EU AI Act risk tier: \(tiers.joined(separator: ", ")).", citations: systemCitations(live)))
        }
        let thirdParty = live.filter { $0.source == .thirdParty }.count
        if thirdParty > 0 {
            facts.append(
                Fact(
                    "\(thirdParty) of them are third-party systems and \(live.count - thirdParty) are built in-house; tools found in use without approval are recorded too.",
                    citations: systemCitations(live)))
        }
        return facts
    }

    private func customerDataFacts() -> [Fact] {
        let live = liveSystems
        guard !live.isEmpty else { return [] }
        let training = live.filter(\.trainsOnCustomerData)
        if training.isEmpty {
            let subject = systemScope != nil ? "\(live[0].name) is not" : "None of the \(live.count) AI systems in our inventory is"
            return [Fact("\(subject) trained on customer data.", citations: systemCitations(live))]
        }
        let names = training.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
        return [
            Fact(
                "Customer data is used to train only \(names); no other AI system in our inventory is trained on customer data.",
                citations: systemCitations(live))
        ]
    }

    private func assessmentFacts(_ kind: Assessment.Kind, label: String) -> [Fact] {
        let all = assessments(of: kind)
        guard let latest = all.first else { return [] }
        var sentence = "Our most recent \(label), \(latest.id), was completed on \(latest.date)"
        if !latest.systems.isEmpty {
            let names = latest.systems.compactMap { id in content.systems.first { $0.id == id }?.name }
            if !names.isEmpty { sentence += " and covered \(names.joined(separator: ", "))" }
        }
        sentence += "."
        if let next = latest.nextReview { sentence += " Its next review is due \(next)." }
        var citations = [Citation(kind: .assessment, id: latest.id)] + latest.systems.map { Citation(kind: .system, id: $0) }
        var facts = [Fact(sentence, citations: citations, flags: overdueFlags(latest))]
        if all.count > 1 {
            let covered = Set(all.flatMap(\.systems)).count
            var more = "We hold \(all.count) such assessments"
            more += covered > 0 ? " covering \(covered) AI systems." : "."
            citations = all.map { Citation(kind: .assessment, id: $0.id) }
            facts.append(Fact(more, citations: citations, flags: all.flatMap(overdueFlags)))
        }
        return facts
    }

    private func supplierFacts() -> [Fact] {
        let thirdParty = liveSystems.filter { $0.source == .thirdParty && $0.vendor != nil }
        var facts: [Fact] = []
        if !thirdParty.isEmpty {
            var vendors: [String: [String]] = [:]
            for system in thirdParty {
                vendors[system.vendor!, default: []].append(system.model ?? system.name)
            }
            let list = vendors.keys.sorted().map { vendor in
                "\(vendor) (\(Array(Set(vendors[vendor]!)).sorted().joined(separator: ", ")))"
            }
            facts.append(Fact("Third-party AI providers in use: \(list.joined(separator: "; ")).", citations: systemCitations(thirdParty)))
        }
        if let latest = assessments(of: .supplier).first {
            var sentence = "Our most recent AI supplier assessment, \(latest.id), was completed on \(latest.date)"
            if let next = latest.nextReview { sentence += "; the next is due \(next)" }
            facts.append(Fact(sentence + ".", citations: [Citation(kind: .assessment, id: latest.id)], flags: overdueFlags(latest)))
        }
        return facts
    }

    private func oversightFacts() -> [Fact] {
        let live = liveSystems.filter { $0.lifecycle.status == .production || $0.lifecycle.status == .pilot || systemScope != nil }
        let overseen = live.filter { !($0.humanOversight ?? "").isEmpty }
        guard !overseen.isEmpty else { return [] }
        var facts: [Fact] = []
        if systemScope == nil {
            facts.append(
                Fact(
                    "\(overseen.count) of our \(live.count) AI systems in production or pilot have a documented human-oversight mechanism.",
                    citations: systemCitations(live)))
        }
        let highFirst = overseen.sorted { lhs, rhs in
            let left = lhs.euAiActTier == .high || lhs.riskLevel == .high || lhs.riskLevel == .critical
            let right = rhs.euAiActTier == .high || rhs.riskLevel == .high || rhs.riskLevel == .critical
            return (left ? 0 : 1, lhs.id) < (right ? 0 : 1, rhs.id)
        }
        for system in highFirst.prefix(2) {
            facts.append(
                Fact(
                    "For \(system.name): \(lowercasedFirst(system.humanOversight!))\(terminated(system.humanOversight!))",
                    citations: [Citation(kind: .system, id: system.id)]))
        }
        return facts
    }

    private func monitoringFacts() -> [Fact] {
        let monitored = liveSystems.filter { $0.lifecycle.status == .production && !($0.monitoring ?? "").isEmpty }
        return monitored.sorted { ($0.riskLevel == .high || $0.riskLevel == .critical ? 0 : 1, $0.id) < ($1.riskLevel == .high || $1.riskLevel == .critical ? 0 : 1, $1.id) }
            .prefix(2)
            .map { Fact("Monitoring of \($0.name): \(lowercasedFirst($0.monitoring!))\(terminated($0.monitoring!))", citations: [Citation(kind: .system, id: $0.id)]) }
    }

    private func incidentFacts() -> [Fact] {
        let since = oneYearBefore(asOf)
        let recent = content.incidents
            .filter { $0.date >= since && $0.date <= asOf }
            .filter { incident in systemScope.map { incident.system == $0 } ?? true }
            .sorted { $0.id < $1.id }
        if recent.isEmpty {
            return [Fact("No AI incidents were recorded in our incident log in the twelve months to \(asOf).", citations: [])]
        }
        let serious = recent.filter { $0.severity == .high || $0.severity == .critical }.count
        let notified = recent.filter(\.customersNotified).count
        var sentence = "Our AI incident log records \(recent.count) incident\(recent.count == 1 ? "" : "s") in the twelve months to \(asOf)"
        sentence += " (\(serious) of high or critical severity); affected customers were notified in \(notified) of them."
        return [Fact(sentence, citations: recent.map { Citation(kind: .incident, id: $0.id) })]
    }

    private func certificationFacts() -> [Fact] {
        content.organisation.certifications.sorted { $0.id < $1.id }.compactMap { certification in
            var citations = [Citation(kind: .certification, id: certification.id)]
            citations += certification.evidence.compactMap { id in
                content.evidence.first { $0.id == id && $0.confidentiality != .internal }.map { Citation(kind: .evidence, id: $0.id) }
            }
            switch certification.status {
            case .certified:
                var sentence = "We hold \(certification.standard)"
                if let start = certification.periodStart, let end = certification.periodEnd {
                    sentence += " for the period \(start) to \(end)"
                } else {
                    sentence = "We are certified to \(certification.standard)"
                }
                if let body = certification.body { sentence += ", issued by \(body)" }
                if let id = certification.certificateId { sentence += " (certificate \(id))" }
                if let expires = certification.expires { sentence += ", valid until \(expires)" }
                if let scope = certification.scope { sentence += "; scope: \(lowercasedFirst(scope))" }
                return Fact(sentence + terminated(sentence), citations: citations)
            case .inProgress:
                return Fact("Certification to \(certification.standard) is in progress.", citations: citations)
            case .planned:
                return nil
            }
        }
    }

    private func governanceFacts() -> [Fact] {
        guard let governance = content.organisation.governance else { return [] }
        return [Fact("AI governance is overseen by our \(governance.body), which meets \(governance.cadence).", citations: [])]
    }

    private func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase, !(text.dropFirst().first?.isUppercase ?? false) else { return text }
        return first.lowercased() + text.dropFirst()
    }

    private func terminated(_ text: String) -> String {
        text.hasSuffix(".") || text.hasSuffix("!") || text.hasSuffix("?") ? "" : "."
    }

    private func oneYearBefore(_ date: String) -> String {
        guard let year = Int(date.prefix(4)) else { return date }
        return String(year - 1) + date.dropFirst(4)
    }
}
