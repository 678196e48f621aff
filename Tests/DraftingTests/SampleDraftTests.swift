import Foundation
import Testing
import KnowledgeBase
import Questionnaire
import ResponderModel
import Spreadsheet
import TestSupport
@testable import Drafting

/// Drafts the bundled sample questionnaires in-process and checks what every answer rests on.
@Suite struct SampleDraftTests {
    static let root = Fixtures.repositoryRoot()
    static let content = SampleKnowledgeBase.content

    static let drafted: [DraftedQuestion] = {
        let drafter = Drafter(content: content, asOf: "2026-11-23")
        let folder = root.appendingPathComponent("Samples/questionnaires").path
        return DraftPipeline.expandInputs([folder]).flatMap { path -> [DraftedQuestion] in
            guard let (workbook, _) = try? SpreadsheetReader.read(path: path) else { return [] }
            return drafter.draft(QuestionDetector().detect(in: workbook).questions)
        }
    }()

    @Test func theSamplesAreDrafted() {
        #expect(SampleDraftTests.drafted.count >= 70)
        let answered = SampleDraftTests.drafted.filter { !$0.answer.text.isEmpty }
        #expect(Double(answered.count) / Double(SampleDraftTests.drafted.count) > 0.85)
    }

    @Test func everyCitationResolvesToAKnowledgeBaseEntry() {
        let content = SampleDraftTests.content
        let known: [Citation.Kind: Set<String>] = [
            .control: Set(content.catalogue.filter { $0.kind == .control }.map(\.id)),
            .clause: Set(content.catalogue.filter { $0.kind == .clause }.map(\.id)),
            .evidence: Set(content.evidence.map(\.id)),
            .system: Set(content.systems.map(\.id)),
            .assessment: Set(content.assessments.map(\.id)),
            .library: Set(content.library.map(\.id)),
            .crosswalk: Set(content.crosswalks.flatMap { $0.entries.map(\.reference) }),
            .incident: Set(content.incidents.map(\.id)),
            .certification: Set(content.organisation.certifications.map(\.id)),
        ]
        var checked = 0
        for drafted in SampleDraftTests.drafted {
            for citation in drafted.answer.citations {
                #expect(known[citation.kind]?.contains(citation.id) == true, "\(drafted.question.key) cites \(citation.kind) \(citation.id)")
                checked += 1
            }
            if !drafted.answer.text.isEmpty {
                #expect(!drafted.answer.citations.isEmpty, "\(drafted.question.key) has text but no citation")
            }
        }
        #expect(checked > 100)
    }

    @Test func noInternalEvidenceIsNamedOrCited() {
        let internalItems = SampleDraftTests.content.evidence.filter { $0.confidentiality == .internal }
        for drafted in SampleDraftTests.drafted {
            for item in internalItems {
                #expect(!drafted.answer.text.contains(item.title), "\(drafted.question.key) names \(item.title)")
                #expect(!drafted.answer.text.contains(item.id), "\(drafted.question.key) names \(item.id)")
                #expect(!drafted.answer.citations.contains(Citation(kind: .evidence, id: item.id)))
            }
        }
    }

    @Test func choicesAreValuesTheBuyersDropdownsAllow() {
        for drafted in SampleDraftTests.drafted {
            guard let choice = drafted.answer.choice,
                let allowed = drafted.question.answerCells.first(where: { $0.kind == .choice })?.allowed
            else { continue }
            #expect(allowed.contains(choice), "\(drafted.question.key): \(choice) not in \(allowed)")
        }
    }
}

/// `--system` limits every inventory and assessment fact to one AI system.
@Suite struct SystemScopeTests {
    @Test func inventoryAndAssessmentFactsNameOnlyTheChosenSystem() throws {
        let content = SampleDraftTests.content
        let system = try #require(content.systems.first { $0.id == "AIS-005" })
        let drafter = Drafter(content: content, asOf: "2026-11-23", systemScope: system.id)
        for text in ["Do you keep an inventory of your AI systems?", "When was the last AI risk assessment of the system performed?"] {
            let answer = drafter.draft(Question(id: "Q", sheet: "AI", row: 2, text: text)).answer
            let systems = answer.citations.filter { $0.kind == .system }.map(\.id)
            #expect(!systems.isEmpty, "\(text)")
            #expect(systems.allSatisfy { $0 == system.id }, "\(text): \(systems)")
            let assessments = answer.citations.filter { $0.kind == .assessment }.map(\.id)
            for id in assessments {
                let assessment = try #require(content.assessments.first { $0.id == id })
                #expect(assessment.systems.contains(system.id), "\(id) does not cover \(system.id)")
            }
        }
        let inventory = drafter.draft(Question(id: "Q", sheet: "AI", row: 2, text: "Do you keep an inventory of your AI systems?")).answer
        #expect(inventory.text.contains(system.name))
    }
}
