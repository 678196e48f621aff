import Foundation
import KnowledgeBase
import Questionnaire
import ResponderModel
import Spreadsheet
import Testing
import TestSupport
@testable import Drafting

/// A CAIQ-style questionnaire in our own words across security, privacy and AI domains: every
/// question the sample knowledge base can answer gets a draft, and only the three that nothing can
/// answer (price, address, sponsorship) come back `out_of_scope`.
@Suite struct WholeQuestionnaireTests {
    static let content = SampleKnowledgeBase.content

    @Test func onlyQuestionsNothingCanAnswerAreOutOfScope() throws {
        let path = Fixtures.folder().appendingPathComponent("caiq-like.csv").path
        let questions = QuestionDetector().detect(in: try SpreadsheetReader.read(path: path).workbook).questions
        #expect(questions.count == 30)
        let drafted = Drafter(content: Self.content, asOf: "2026-11-23").draft(questions)
        let unanswered = drafted.filter { $0.answer.flags.contains(.outOfScope) || $0.answer.flags.contains(.noMatch) }.map(\.question.id)
        #expect(unanswered == ["OTH-01.1", "OTH-02.1", "OTH-03.1"])
        #expect(drafted.filter { $0.question.id.hasPrefix("OTH") }.allSatisfy { $0.answer.flags.contains(.outOfScope) })
        // Security questions rest on the security frameworks, AI questions on ISO/IEC 42001.
        let frameworks = Dictionary(drafted.map { ($0.question.id, $0.matches.first?.framework) }) { first, _ in first }
        #expect(frameworks["CEK-01.1"] != .iso42001 && frameworks["IAM-01.1"] != .iso42001)
        #expect(frameworks["AIG-01.1"] == .iso42001 && frameworks["AIG-04.1"] == .iso42001)
    }
}
