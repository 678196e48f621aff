import Testing
import ResponderModel
@testable import Drafting

/// Every review flag is produced by at least one question against a small in-memory knowledge base.
@Suite struct DraftFlagTests {
    static let content: KnowledgeBaseContent = {
        func entry(_ id: String, _ title: String, _ keywords: [String], _ examples: [String]) -> CatalogueEntry {
            CatalogueEntry(
                id: id, kind: id.hasPrefix("A.") ? .control : .clause, title: title, group: "",
                description: "What buyers check about \(title.lowercased()).", keywords: keywords, examples: examples)
        }
        let catalogue = [
            entry("A.2.2", "AI policy", ["ai policy", "policy document"], ["Do you have an AI policy?", "Provide your AI policy."]),
            entry(
                "A.6.2.8", "AI system recording of event logs", ["event logs", "audit trail", "logging"],
                ["Do AI systems keep event logs?", "Provide a sample of AI event logs."]),
            entry(
                "A.8.3", "External reporting", ["report adverse impacts", "feedback channel"],
                ["Can users report adverse impacts of the AI system?"]),
            entry(
                "A.7.3", "Acquisition of data", ["data acquisition", "licensed datasets", "scraping"],
                ["How do you acquire training datasets?"]),
            entry(
                "A.5.2", "AI system impact assessment process", ["impact assessment"],
                ["Do you run AI system impact assessments?"]),
            entry(
                "A.4.2", "Resource documentation", ["inventory", "register of ai systems"],
                ["Do you keep an inventory of AI systems?"]),
        ]
        let applicability = [
            ApplicabilityEntry(
                control: "A.2.2", applicable: true, status: .implemented,
                statement: "Our AI policy is approved by the board.", owner: "CTO", evidence: ["EV-1", "EV-9"]),
            ApplicabilityEntry(
                control: "A.6.2.8", applicable: true, status: .implemented,
                statement: "AI systems log every inference request.", owner: "CTO", evidence: ["EV-2"]),
            ApplicabilityEntry(
                control: "A.8.3", applicable: true, status: .planned, targetDate: "2027-03-31",
                statement: "A public reporting form is being built.", owner: "CTO", evidence: []),
            ApplicabilityEntry(
                control: "A.7.3", applicable: false, justification: "We acquire no external data.",
                status: .notApplicable, statement: "", owner: "CTO", evidence: []),
            ApplicabilityEntry(
                control: "A.5.2", applicable: true, status: .implemented,
                statement: "Every AI system is impact-assessed before release.", owner: "CTO", evidence: ["EV-1"]),
        ]
        let evidence = [
            EvidenceItem(
                id: "EV-1", title: "AI Policy", kind: .policy, version: "2", owner: "CTO", approved: "2026-01-01",
                nextReview: "2027-01-01", confidentiality: .public, location: "https://example.com/ai-policy"),
            EvidenceItem(
                id: "EV-2", title: "Logging Standard", kind: .procedure, version: "1", owner: "CTO", approved: "2024-01-01",
                nextReview: "2025-01-01", confidentiality: .internal, location: "wiki/logging"),
            EvidenceItem(
                id: "EV-9", title: "Board minutes", kind: .record, version: "1", owner: "CTO", approved: "2026-01-01",
                nextReview: "2027-01-01", confidentiality: .internal, location: "wiki/minutes"),
        ]
        let system = AISystem(
            id: "AIS-1", name: "Helper", purpose: "Answers tickets", role: .deployer, source: .thirdParty,
            vendor: "Vendor", model: "M1", dataCategories: [], trainsOnCustomerData: false, euAiActTier: .limited,
            riskLevel: .low, owner: "CTO", approval: .init(status: .approved), humanOversight: "Agents review",
            lifecycle: .init(status: .production), monitoring: nil, assessments: ["IA-1"])
        let assessment = Assessment(
            id: "IA-1", kind: .impact, title: "Impact of Helper", systems: ["AIS-1"], date: "2025-01-10",
            assessor: "Office", outcome: "Fine", findings: [], nextReview: "2026-01-10")
        func library(_ id: String, _ question: String, _ choice: String?) -> LibraryAnswer {
            LibraryAnswer(
                id: id, question: question, choice: choice, answer: "Answer \(id).", topic: "security", controls: [],
                evidence: [], systems: [], assessments: [], approvedBy: "Compliance", approvedDate: "2026-01-01", source: "Q1")
        }
        return KnowledgeBaseContent(
            version: "test", catalogue: catalogue, crosswalks: [], thesaurus: Thesaurus(),
            organisation: Organisation(name: "Org", products: [], certifications: [], governance: nil),
            applicability: applicability, evidence: evidence, systems: [system], assessments: [assessment], incidents: [],
            library: [
                library("LIB-1", "Do you encrypt customer data at rest?", "Yes"),
                library("LIB-2", "Is MFA enforced for administrator accounts?", "Yes"),
                library("LIB-3", "Is MFA enforced for administrator accounts?", "No"),
            ],
            frameworks: [CatalogueFramework(code: .iso42001, title: "ISO/IEC 42001", version: "2023", subjects: ["ai", "model", "models"])])
    }()

    static let drafter = Drafter(content: content, asOf: "2026-11-23")

    @Test(arguments: [
        ("What uptime SLA do you offer and what service credits apply?", nil, AnswerFlag.outOfScope),
        ("What uptime SLA do you offer and what service credits apply?", nil, .lowConfidence),
        ("Describe the AI model's quantum entanglement readiness.", nil, .noMatch),
        ("Do you encrypt customer data at rest?", nil, .libraryReuse),
        ("Is MFA enforced for administrator accounts?", nil, .conflictingLibraryAnswers),
        ("Provide a sample of AI event logs.", nil, .staleEvidence),
        ("Provide a sample of AI event logs.", nil, .evidenceWithheld),
        ("Do you run AI system impact assessments?", nil, .overdueAssessment),
        ("Can users report adverse impacts of the AI system?", nil, .plannedControl),
        ("How do you acquire training datasets for AI?", nil, .notApplicable),
        ("Do you have an AI policy?", ["Option A", "Option B"] as [String]?, .valueNotAllowed),
        ("When was the AI policy last translated into French?", nil, .needsSME),
    ])
    func raisesFlag(text: String, allowed: [String]?, flag: AnswerFlag) {
        var question = Question(id: "Q", sheet: "AI", row: 2, text: text)
        if let allowed { question.answerCells = [AnswerCell(column: "C", kind: .choice, allowed: allowed)] }
        let drafted = DraftFlagTests.drafter.draft(question)
        #expect(drafted.answer.flags.contains(flag), "flags were \(drafted.answer.flags.map(\.rawValue))")
    }

    @Test func internalEvidenceIsNeverNamedOrCited() {
        for text in ["Provide your AI policy.", "Provide a sample of AI event logs.", "Do you have an AI policy?"] {
            let answer = DraftFlagTests.drafter.draft(Question(id: "Q", sheet: "AI", row: 2, text: text)).answer
            #expect(!answer.text.contains("Logging Standard") && !answer.text.contains("Board minutes"))
            #expect(!answer.citations.contains { $0.id == "EV-2" || $0.id == "EV-9" })
        }
    }

    @Test func choiceFollowsTheStatementOfApplicabilityInTheBuyersSpelling() {
        var question = Question(id: "Q", sheet: "AI", row: 2, text: "Do you have an AI policy?")
        question.answerCells = [AnswerCell(column: "C", kind: .choice, allowed: ["Y", "N", "NA"])]
        let answer = DraftFlagTests.drafter.draft(question).answer
        #expect(answer.choice == "Y")
        #expect(answer.citations.contains(Citation(kind: .control, framework: .iso42001, id: "A.2.2")))
        #expect(answer.citations.contains(Citation(kind: .evidence, id: "EV-1")))
        #expect(answer.text.hasPrefix("Our AI policy is approved by the board."))
    }

    @Test func notApplicableControlsAnswerNAWithTheJustification() {
        let answer = DraftFlagTests.drafter.draft(Question(id: "Q", sheet: "AI", row: 2, text: "Do you acquire external training datasets?")).answer
        #expect(answer.choice == "N/A")
        #expect(answer.text.contains("We acquire no external data."))
    }
}
