import Foundation
import Testing
import KnowledgeBase
import ResponderModel
import TestSupport
@testable import Drafting

/// A questionnaire's own recurring words (the buyer's name) are left out of matching: the rarest
/// terms of all, they would otherwise outweigh the subject in every measure of how much of a
/// question a source covers, and right drafts would drop to low.
@Suite struct FileWideWordTests {
    static let drafter = AnswerPrecisionTests.drafter
    static let matcher = QuestionMatcher(content: AnswerPrecisionTests.content)

    static let questionnaire = [
        "Is all Initech data encrypted at rest?",
        "Will Initech be notified in advance of material changes to the AI models you use?",
        "Do third-party model providers retain or use Initech data to train their own models?",
        "Describe how Initech data is deleted at the end of the contract.",
        "Are access rights reviewed at least quarterly?",
    ]

    @Test func aWordManyQuestionsRepeatThatTheKnowledgeBaseNeverUsesIsFileWide() {
        // "initech" is unknown to the knowledge base and in four questions; "data" is in three but
        // is the knowledge base's own word; "quarterly" is in one.
        #expect(Self.matcher.fileWideWords(Self.questionnaire) == ["initech"])
    }

    @Test func aWordTooFewQuestionsUseIsKept() {
        let texts = ["Is Initech data encrypted at rest?"] + (1...40).map { "Question \($0) about access reviews?" }
        #expect(Self.matcher.fileWideWords(texts).contains("initech") == false)
    }

    @Test(
        arguments: zip(
            0..<4,
            [
                "Is all data encrypted at rest?",
                "Will you be notified in advance of material changes to the AI models you use?",
                "Do third-party model providers retain or use our data to train their own models?",
                "Describe how our data is deleted at the end of the contract.",
            ]))
    func aQuestionNamingTheBuyerIsDraftedAsOneThatDoesNot(index: Int, plain: String) {
        let questions = Self.questionnaire.enumerated().map { Question(id: "Q\($0.offset)", sheet: "Sheet", row: $0.offset + 2, text: $0.element) }
        let named = Self.drafter.draft(questions)[index].answer
        let unnamed = Self.drafter.draft(Question(id: "P", sheet: "Sheet", row: 2, text: plain)).answer
        #expect(named.source == unnamed.source)
        #expect(named.choice == unnamed.choice)
        #expect(named.confidence == unnamed.confidence, "\(named.score) vs \(unnamed.score)")
    }
}
