import Foundation
@testable import Drafting
import KnowledgeBase
import ResponderModel
import Testing
import TestSupport

/// How standard questionnaires write their questions: numbered sub-questions that lean on the first
/// of their stem, and "established, documented, approved, ..." boilerplate.
@Suite struct QuestionnaireConventionTests {
    static let content = SampleKnowledgeBase.content
    static let drafter = Drafter(content: content, asOf: "2026-11-23")

    static func question(_ id: String, _ row: Int, _ text: String) -> Question {
        Question(id: id, sheet: "CAIQ", row: row, text: text, answerCells: [AnswerCell(column: "C", kind: .text)])
    }

    @Test func aNumberedSubQuestionIsMatchedWithTheFirstOfItsStem() {
        let drafted = Self.drafter.draft([
            Self.question("BCR-09.1", 2, "Is a disaster recovery plan in place and tested?"),
            Self.question("BCR-09.2", 3, "Is it updated at least annually or upon significant changes?"),
            Self.question("CCC-01.2", 4, "Is it updated at least annually or upon significant changes?"),
        ])
        let lead = drafted[0].matches.first
        #expect(lead != nil)
        #expect(
            drafted[1].matches.first?.control == lead?.control && drafted[1].matches.first?.framework == lead?.framework,
            "the sub-question takes its stem's subject")
        #expect(!drafted[1].answer.flags.contains(.outOfScope))
        // A lone sub-question with no lead of its stem names no subject of its own.
        #expect(drafted[2].matches.first?.control != lead?.control)
    }

    @Test(arguments: [
        (
            "Are audit policies established, documented, approved, communicated, applied, evaluated, and maintained?",
            "Are audit policies ?"
        ),
        ("Is a plan defined, implemented and tested for backups?", "Is a plan  for backups?"),
        ("Is the policy reviewed yearly?", "Is the policy reviewed yearly?"),
    ])
    func boilerplateParticiplesAreNotMatched(_ text: String, _ stripped: String) {
        #expect(QuestionMatcher.stripBoilerplate(text) == stripped)
    }
}
