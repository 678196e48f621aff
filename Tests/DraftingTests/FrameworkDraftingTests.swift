import Foundation
import Testing
import KnowledgeBase
import ResponderModel
import TestSupport
@testable import Drafting

/// Drafting against two frameworks whose IDs collide (ISO 42001 and ISO 27001 both have A.5.2 and
/// 6.1.2): every control travels with its framework, from the match to every output.
@Suite struct FrameworkDraftingTests {
    static let fixture = Fixtures.repositoryRoot().appendingPathComponent("Tests/KnowledgeBaseTests/Fixtures/frameworks").path

    static let content: KnowledgeBaseContent = {
        KnowledgeBaseLoader.load(mappings: fixture + "/Mappings", organisation: fixture + "/org").content
    }()

    static let drafter = Drafter(content: content, asOf: "2026-11-23")

    static let questions = [
        "Is TLS 1.2 enforced?",
        "Are information security roles and responsibilities defined?",
        "Do you run impact assessments on AI systems?",
        "Do you assess the risks of your AI systems?",
        "Do you perform information security risk assessments?",
        "Who is your CISO?",
        "What is the address of your head office?",
    ]

    static func drafted() -> [DraftedQuestion] {
        drafter.draft(questions.enumerated().map { Question(id: "Q-\($0.offset + 1)", sheet: "Security", row: $0.offset + 2, text: $0.element) })
    }

    @Test(arguments: questions)
    func everyCitationAndMatchResolvesToAnEntryOfItsNamedFramework(text: String) {
        let catalogue = Dictionary(Self.content.catalogue.map { ($0.ref, $0) }) { first, _ in first }
        let drafted = Self.drafter.draft(Question(id: "Q", sheet: "Security", row: 2, text: text))
        for match in drafted.matches {
            #expect(catalogue[match.ref]?.title == match.title, "\(match.ref)")
        }
        for citation in drafted.answer.citations where citation.kind == .control || citation.kind == .clause {
            let ref = try? #require(citation.controlRef, "\(citation) names no framework")
            let entry = ref.flatMap { catalogue[$0] }
            #expect(entry != nil, "\(citation.reference) is not in its framework's catalogue")
            #expect(entry.map { $0.kind == .control ? Citation.Kind.control : .clause } == citation.kind)
        }
    }

    @Test(arguments: [
        ("Are information security roles and responsibilities defined?", "iso27001:A.5.2", "Security roles are set out in the ISMS roles matrix"),
        ("Do you run impact assessments on AI systems?", "iso42001:A.5.2", "We assess the impact of every AI system"),
        ("Do you perform information security risk assessments?", "iso27001:6.1.2", "Information security risks are assessed every year"),
        ("Do you assess the risks of your AI systems?", "iso42001:6.1.2", "Every AI system has a documented AI risk assessment"),
    ])
    func theStatementComesFromTheMatchedFrameworksSoA(text: String, control: String, statement: String) {
        let drafted = Self.drafter.draft(Question(id: "Q", sheet: "Security", row: 2, text: text))
        #expect(drafted.matches.first?.ref.description == control)
        #expect(drafted.answer.citations.first?.reference == control)
        #expect(drafted.answer.text.hasPrefix(statement), "\(drafted.answer.text)")
    }

    @Test func aQuestionMatchingRelatedEntriesOfTwoFrameworksCitesBoth() {
        let drafted = Self.drafter.draft(Question(id: "Q", sheet: "Security", row: 2, text: "Do you assess the risks of your AI systems?"))
        let cited = drafted.answer.citations.filter { $0.kind == .clause }.map(\.reference)
        #expect(cited == ["iso42001:6.1.2", "iso27001:6.1.2"])
    }

    @Test func aPlainSecurityQuestionIsInScopeOnlyWhenAFrameworkAnswersIt() {
        let question = Question(id: "Q", sheet: "Security", row: 2, text: "Is TLS 1.2 enforced?")
        let withISO27001 = Self.drafter.draft(question)
        #expect(withISO27001.matches.first?.ref.description == "iso27001:A.8.24")
        #expect(!withISO27001.answer.flags.contains(.outOfScope) && !withISO27001.answer.flags.contains(.noMatch))
        #expect(withISO27001.answer.text.contains("TLS 1.2 or higher is enforced"))

        let only42001 = Drafter(content: Self.content, asOf: "2026-11-23", frameworks: [.iso42001]).draft(question)
        #expect(only42001.matches.isEmpty)
        #expect(only42001.answer.flags.contains(.outOfScope))
        #expect(only42001.answer.text.isEmpty)
    }

    @Test(arguments: [[FrameworkCode.iso42001], [.iso27001], [.iso42001, .iso27001]])
    func frameworkOptionLimitsMatching(frameworks: [FrameworkCode]) {
        let drafter = Drafter(content: Self.content, asOf: "2026-11-23", frameworks: Set(frameworks))
        #expect(drafter.frameworks == frameworks)
        for text in Self.questions {
            let drafted = drafter.draft(Question(id: "Q", sheet: "Security", row: 2, text: text))
            #expect(drafted.matches.allSatisfy { frameworks.contains($0.framework) }, "\(text): \(drafted.matches.map(\.ref))")
        }
    }

    @Test func nothingAnswersAnOfficeAddress() {
        let drafted = Self.drafter.draft(Question(id: "Q", sheet: "Security", row: 2, text: "What is the address of your head office?"))
        #expect(drafted.answer.flags.contains(.outOfScope))
    }

    @Test func theSummaryCountsDraftedAnswersPerFramework() {
        let summary = DraftSummary(Self.drafted())
        #expect(summary.draftedByFramework[.iso27001] ?? 0 >= 3)
        #expect(summary.draftedByFramework[.iso42001] ?? 0 >= 2)
    }

    /// A colliding ID (`A.5.2`, `6.1.2`) never appears without its framework in any output.
    @Test(arguments: DraftFormat.allCases)
    func noOutputPrintsACollidingIDUnqualified(format: DraftFormat) throws {
        let file = DraftedFile(path: "buyer.csv", questions: Self.drafted(), diagnostics: [], failed: false)
        let run = DraftRun(
            kbVersion: "test", asOf: "2026-11-23", systemScope: nil, files: [file],
            frameworkTitles: [.iso42001: "ISO/IEC 42001", .iso27001: "ISO/IEC 27001"])
        let text = String(decoding: format.render(run), as: UTF8.self)
        if format == .json {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let questions = ((document["files"] as? [[String: Any]])?.first?["questions"] as? [[String: Any]]) ?? []
            #expect(questions.count == Self.questions.count)
            for question in questions {
                for match in question["matches"] as? [[String: Any]] ?? [] {
                    #expect(["iso42001", "iso27001"].contains(match["framework"] as? String), "\(match)")
                }
                let answer = question["answer"] as? [String: Any] ?? [:]
                for citation in answer["citations"] as? [[String: Any]] ?? [] where ["control", "clause"].contains(citation["kind"] as? String) {
                    #expect(["iso42001", "iso27001"].contains(citation["framework"] as? String), "\(citation)")
                }
            }
        } else {
            for id in ["A.5.2", "6.1.2"] {
                var rest = text[...]
                while let range = rest.range(of: id) {
                    let before = text[..<range.lowerBound].suffix(9)
                    #expect(before == "iso42001:" || before == "iso27001:", "\(id) unqualified after '\(before)'")
                    rest = rest[range.upperBound...]
                }
            }
            #expect(text.contains("iso42001:A.5.2") && text.contains("iso27001:A.5.2"))
        }
    }
}
