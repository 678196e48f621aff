import Foundation
import ResponderModel

/// Cross-file validation of a loaded knowledge base: errors for what breaks it (unknown or duplicate
/// IDs, dangling references, missing Statement of Applicability entries, inconsistent statuses) and
/// warnings for what an auditor or a buyer would catch (stale evidence, overdue assessments, gaps in
/// oversight and assessment coverage, library answers that leak or contradict).
public struct KnowledgeBaseChecker {
    private let content: KnowledgeBaseContent
    private let asOf: String
    private let mappingsFolder: String
    private var locator: SourceLocator
    private var diagnostics: [Diagnostic] = []

    /// - Parameters:
    ///   - asOf: `YYYY-MM-DD`, the day review dates are judged against.
    public init(content: KnowledgeBaseContent, organisation folder: String, mappings: String, asOf: String) {
        self.content = content
        self.asOf = asOf
        self.mappingsFolder = mappings
        locator = SourceLocator(folder: folder)
    }

    /// All findings, sorted by file, line and column.
    public static func check(_ content: KnowledgeBaseContent, organisation folder: String, mappings: String, asOf: String) -> [Diagnostic] {
        var checker = KnowledgeBaseChecker(content: content, organisation: folder, mappings: mappings, asOf: asOf)
        checker.run()
        return checker.diagnostics.sorted {
            ($0.location.file, $0.location.line ?? 0, $0.location.column ?? 0, $0.message)
                < ($1.location.file, $1.location.line ?? 0, $1.location.column ?? 0, $1.message)
        }
    }

    private mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, at: location, message))
    }

    private mutating func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, message))
    }

    private mutating func run() {
        checkDuplicates()
        checkCatalogueReferences()
        checkApplicability()
        checkInventory()
        checkAssessments()
        checkIncidents()
        checkEvidence()
        checkLibrary()
        checkOrganisation()
    }

    private var catalogueRefs: Set<ControlRef> { Set(content.catalogue.map(\.ref)) }
    private var evidenceByID: [String: EvidenceItem] { Dictionary(content.evidence.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }
    private var systemIDs: Set<String> { Set(content.systems.map(\.id)) }
    private var assessmentIDs: Set<String> { Set(content.assessments.map(\.id)) }

    private mutating func duplicates(_ ids: [String], key: String = "id", file: String, label: String) {
        var seen: [String: Int] = [:]
        for id in ids {
            let count = seen[id, default: 0]
            if count > 0 {
                error(locator.locate(id, key: key, in: file, occurrence: count), "duplicate \(label) ID '\(id)'")
            }
            seen[id] = count + 1
        }
    }

    private mutating func checkDuplicates() {
        for (framework, file) in content.applicabilityFiles.sorted(by: { $0.key < $1.key }) {
            duplicates(
                content.applicability.filter { $0.framework == framework }.map(\.control), key: "control", file: file,
                label: "\(content.title(of: framework)) Statement of Applicability control")
        }
        duplicates(content.evidence.map(\.id), file: "evidence.csv", label: "evidence")
        duplicates(content.systems.map(\.id), file: "inventory.yaml", label: "AI system")
        duplicates(content.assessments.map(\.id), file: "assessments.yaml", label: "assessment")
        duplicates(content.incidents.map(\.id), file: "incidents.yaml", label: "incident")
        duplicates(content.library.map(\.id), file: "library.yaml", label: "library answer")
        var seen = Set<ControlRef>()
        for entry in content.catalogue where !seen.insert(entry.ref).inserted {
            error(SourceLocation(file: KnowledgeBaseLoader.join(mappingsFolder, "catalogue")), "duplicate catalogue ID '\(entry.ref)'")
        }
    }

    private mutating func checkCatalogueReferences() {
        let known = catalogueRefs
        for entry in content.catalogue {
            for ref in entry.related where !known.contains(ref) {
                error(mappingLocation(entry.id, in: "catalogue"), "\(entry.ref) is related to unknown catalogue entry '\(ref)'")
            }
        }
        for crosswalk in content.crosswalks {
            for entry in crosswalk.entries {
                for ref in entry.iso42001 where !known.contains(ControlRef(.iso42001, ref)) {
                    error(mappingLocation(entry.id, in: "crosswalks"), "\(crosswalk.framework) \(entry.id) maps to unknown ISO/IEC 42001 ref '\(ref)'")
                }
            }
        }
    }

    private func mappingLocation(_ id: String, in subfolder: String) -> SourceLocation {
        let folder = KnowledgeBaseLoader.join(mappingsFolder, subfolder)
        var locator = SourceLocator(folder: folder)
        for path in KnowledgeBaseLoader.yamlFiles(in: folder) {
            let name = (path as NSString).lastPathComponent
            let location = locator.locate(id, in: name)
            if location.line != 1 { return location }
        }
        return SourceLocation(file: folder)
    }

    /// Each framework's Statement of Applicability against that framework's catalogue. A framework
    /// the organisation claims (an SoA file, or a certification in `organisation.yaml`) needs a
    /// line for every control it catalogues; claimed by certification alone, it needs the file.
    private mutating func checkApplicability() {
        let known = catalogueRefs
        let evidence = evidenceByID
        let catalogued = Set(content.catalogue.map(\.framework))
        for framework in content.claimedFrameworks.sorted() where catalogued.contains(framework) {
            let title = content.title(of: framework)
            guard let file = content.applicabilityFiles[framework] else {
                let certification = content.organisation.certifications.first { FrameworkCode(certificationStandard: $0.standard) == framework }
                let name = framework == .iso42001 ? "soa.yaml" : "soa-\(framework.rawValue).yaml"
                error(
                    certification.map { locator.locate($0.id, in: "organisation.yaml") }
                        ?? SourceLocation(file: KnowledgeBaseLoader.join(locatorFolder, "organisation.yaml"), line: 1, column: 1),
                    "the organisation claims \(title) but has no Statement of Applicability for it (\(name))")
                continue
            }
            let covered = Set(content.applicability.filter { $0.framework == framework }.map(\.control))
            for entry in content.catalogue where entry.framework == framework && entry.kind == .control && !covered.contains(entry.id) {
                let what = framework == .iso42001 ? "Annex A control" : "\(title) control"
                error(
                    SourceLocation(file: KnowledgeBaseLoader.join(locatorFolder, file), line: 1, column: 1),
                    "no Statement of Applicability entry for \(what) \(entry.id) (\(entry.title))")
            }
        }
        var occurrences: [ControlRef: Int] = [:]
        for entry in content.applicability {
            let file = content.applicabilityFiles[entry.framework] ?? "soa.yaml"
            let occurrence = occurrences[entry.ref, default: 0]
            occurrences[entry.ref] = occurrence + 1
            let at = locator.locate(entry.control, key: "control", in: file, occurrence: occurrence)
            if !known.contains(entry.ref) {
                error(at, "unknown control or clause '\(entry.control)' (not in the \(content.title(of: entry.framework)) catalogue)")
            }
            for id in entry.evidence where evidence[id] == nil {
                error(locator.locate(field: "evidence", ofItem: entry.control, key: "control", in: file), "\(entry.control) cites unknown evidence '\(id)'")
            }
            // A facet's evidence replaces the line's when it answers, so it must exist as much.
            for facet in entry.facets {
                for id in facet.evidence where evidence[id] == nil {
                    error(
                        locator.locate(field: "evidence", ofItem: facet.id, in: file),
                        "\(entry.control)#\(facet.id) cites unknown evidence '\(id)'")
                }
            }
            switch entry.status {
            case .planned, .partial:
                if entry.targetDate == nil { error(at, "\(entry.control) is \(entry.status.rawValue) but has no targetDate") }
            case .notApplicable:
                if (entry.justification ?? "").isEmpty { error(at, "\(entry.control) is not applicable but gives no justification") }
                if entry.applicable { error(at, "\(entry.control) has status not_applicable but applicable: true") }
            case .implemented:
                if entry.evidence.isEmpty { warning(at, "\(entry.control) is implemented but cites no evidence") }
            }
            if !entry.applicable && entry.status != .notApplicable {
                error(at, "\(entry.control) is marked not applicable but has status \(entry.status.rawValue)")
            }
        }
    }

    private var locatorFolder: String { locator.folderPath }

    private mutating func checkInventory() {
        let assessments = Dictionary(content.assessments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for system in content.systems {
            let at = locator.locate(system.id, in: "inventory.yaml")
            for id in system.assessments where assessments[id] == nil {
                error(locator.locate(field: "assessments", ofItem: system.id, in: "inventory.yaml"), "\(system.id) links unknown assessment '\(id)'")
            }
            let linked = content.assessments.filter { $0.systems.contains(system.id) || system.assessments.contains($0.id) }
            let live = system.lifecycle.status == .production || system.lifecycle.status == .pilot
            let highRisk = system.euAiActTier == .high || system.riskLevel == .high || system.riskLevel == .critical
            if highRisk && system.lifecycle.status != .retired {
                if !linked.contains(where: { $0.kind == .impact }) {
                    warning(at, "\(system.id) (\(system.name)) is high-risk but no AI system impact assessment covers it")
                }
                if (system.humanOversight ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    warning(at, "\(system.id) (\(system.name)) is high-risk but has no human-oversight mechanism")
                }
            }
            if live && !linked.contains(where: { $0.kind == .risk }) {
                warning(at, "\(system.id) (\(system.name)) is in \(system.lifecycle.status.rawValue) but no AI risk assessment covers it")
            }
            if live && system.approval.status == .unapproved {
                warning(at, "\(system.id) (\(system.name)) is unapproved (shadow AI) but still in \(system.lifecycle.status.rawValue)")
            }
        }
    }

    private mutating func checkAssessments() {
        let systems = systemIDs
        for assessment in content.assessments {
            for id in assessment.systems where !systems.contains(id) {
                error(locator.locate(field: "systems", ofItem: assessment.id, in: "assessments.yaml"), "\(assessment.id) covers unknown AI system '\(id)'")
            }
            if let next = assessment.nextReview, next < asOf {
                warning(
                    locator.locate(field: "nextReview", ofItem: assessment.id, in: "assessments.yaml"),
                    "\(assessment.id) (\(assessment.title)) is overdue: its review was due \(next)")
            }
        }
    }

    private mutating func checkIncidents() {
        let systems = systemIDs
        for incident in content.incidents where !systems.contains(incident.system) {
            error(locator.locate(field: "system", ofItem: incident.id, in: "incidents.yaml"), "\(incident.id) names unknown AI system '\(incident.system)'")
        }
    }

    private mutating func checkEvidence() {
        for item in content.evidence where item.nextReview < asOf {
            warning(locator.locate(item.id, in: "evidence.csv"), "\(item.id) (\(item.title)) is stale: its review was due \(item.nextReview)")
        }
    }

    private mutating func checkLibrary() {
        let known = catalogueRefs
        let evidence = evidenceByID
        let systems = systemIDs
        let assessments = assessmentIDs
        let internalReferences = InternalReferenceScanner(evidence: content.evidence)
        for answer in content.library {
            let at = locator.locate(answer.id, in: "library.yaml")
            let named = internalReferences.hits(in: answer.answer)
            if !named.isEmpty {
                warning(
                    locator.locate(field: "answer", ofItem: answer.id, in: "library.yaml"),
                    "\(answer.id)'s answer names internal evidence \(named.map(\.description).joined(separator: ", ")): "
                        + "drafts withhold it; reword it without the internal document")
            }
            for ref in answer.controls where !known.contains(ref) {
                error(locator.locate(field: "controls", ofItem: answer.id, in: "library.yaml"), "\(answer.id) cites unknown control or clause '\(ref)'")
            }
            for id in answer.evidence {
                if let item = evidence[id] {
                    if item.confidentiality == .internal {
                        warning(at, "\(answer.id) cites internal evidence \(id): internal documents must not be cited to buyers")
                    }
                } else {
                    error(at, "\(answer.id) cites unknown evidence '\(id)'")
                }
            }
            for facet in answer.facets {
                for id in facet.evidence where evidence[id] == nil {
                    error(
                        locator.locate(field: "evidence", ofItem: facet.id, in: "library.yaml"),
                        "\(answer.id)#\(facet.id) cites unknown evidence '\(id)'")
                }
            }
            for id in answer.systems where !systems.contains(id) { error(at, "\(answer.id) cites unknown AI system '\(id)'") }
            for id in answer.assessments where !assessments.contains(id) { error(at, "\(answer.id) cites unknown assessment '\(id)'") }
        }
        // Two approved answers to the same question must not disagree.
        var byQuestion: [String: LibraryAnswer] = [:]
        for answer in content.library {
            let key = KnowledgeBaseChecker.normalised(answer.question)
            if let earlier = byQuestion[key] {
                if let left = earlier.choice, let right = answer.choice, left.lowercased() != right.lowercased() {
                    warning(
                        locator.locate(answer.id, in: "library.yaml"),
                        "\(answer.id) answers '\(right)' to the same question \(earlier.id) answers '\(left)'")
                }
            } else {
                byQuestion[key] = answer
            }
        }
        checkAlternateQuestions()
    }

    /// An alternate wording must be a question of its own, and one wording must lead to one answer:
    /// an alternate that repeats another entry's question or alternate would make two answers compete.
    private mutating func checkAlternateQuestions() {
        var owners: [String: String] = [:]
        for answer in content.library where owners[KnowledgeBaseChecker.normalised(answer.question)] == nil {
            owners[KnowledgeBaseChecker.normalised(answer.question)] = answer.id
        }
        for answer in content.library where !answer.alternateQuestions.isEmpty {
            let at = locator.locate(field: "alternateQuestions", ofItem: answer.id, in: "library.yaml")
            var own: Set<String> = [KnowledgeBaseChecker.normalised(answer.question)]
            for alternate in answer.alternateQuestions {
                let key = KnowledgeBaseChecker.normalised(alternate)
                if key.isEmpty {
                    error(at, "\(answer.id) has an empty alternate question")
                } else if !own.insert(key).inserted {
                    error(at, "\(answer.id)'s alternate question '\(alternate)' repeats its own question or another of its alternates")
                } else if let owner = owners[key], owner != answer.id {
                    error(at, "\(answer.id)'s alternate question '\(alternate)' is \(owner)'s question or alternate too: the two answers would compete for it")
                } else {
                    owners[key] = answer.id
                }
            }
        }
    }

    private mutating func checkOrganisation() {
        let evidence = evidenceByID
        let systems = systemIDs
        for product in content.organisation.products {
            for id in product.systems where !systems.contains(id) {
                error(locator.locate(product.id, in: "organisation.yaml"), "product \(product.id) names unknown AI system '\(id)'")
            }
        }
        for certification in content.organisation.certifications {
            for id in certification.evidence where evidence[id] == nil {
                error(locator.locate(certification.id, in: "organisation.yaml"), "certification \(certification.id) cites unknown evidence '\(id)'")
            }
            if let expires = certification.expires, expires < asOf, certification.status == .certified {
                warning(locator.locate(certification.id, in: "organisation.yaml"), "certification \(certification.id) expired on \(expires)")
            }
        }
    }

    static func normalised(_ question: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in question.lowercased().unicodeScalars where scalar == " " || CharacterSet.alphanumerics.contains(scalar) {
            kept.append(scalar)
        }
        return String(kept).split(separator: " ").joined(separator: " ")
    }
}
