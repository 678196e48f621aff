import Foundation
import KnowledgeBase
import Questionnaire
import ResponderModel
import Spreadsheet
import Testing
import TestSupport
@testable import Drafting

/// Drafting spreads a questionnaire's questions over the cores; the drafts must be the serial ones,
/// in question order, however the questions are cut into chunks.
@Suite struct ParallelDraftingTests {
    static let root = Fixtures.repositoryRoot()
    static let drafter = Drafter(
        content: SampleKnowledgeBase.content,
        asOf: "2026-11-23")

    /// Every index once, in order, whether the count fills its chunks exactly, leaves a partial
    /// chunk or fits in one.
    @Test(arguments: [(0, 16), (1, 16), (16, 16), (17, 16), (1000, 16), (999, 1), (5, 2)])
    func valuesComeBackInIndexOrder(count: Int, chunkSize: Int) {
        let squares = ParallelMap.map(count: count, chunkSize: chunkSize) { index in "\(index * index)" }
        #expect(squares == (0..<count).map { "\($0 * $0)" })
    }

    /// Sample and fixture questionnaires draft the same in parallel as serially, including those
    /// with follow-up rows and numbered sub-questions, which are matched with the question they
    /// follow even when it falls in another chunk.
    @Test(arguments: [
        ("Samples/questionnaires/acme-retail-ai-questions.csv", false),
        ("Samples/questionnaires/globex-ai-vendor-assessment.xlsx", true),
        ("Tests/DraftingTests/Fixtures/caiq-like.csv", true),
    ])
    func parallelDraftsAreTheSerialDrafts(file: String, followsAnother: Bool) throws {
        let path = Self.root.appendingPathComponent(file).path
        let questions = QuestionDetector().detect(in: try SpreadsheetReader.read(path: path).workbook).questions
        #expect(questions.count > Drafter.chunkSize)
        #expect(questions.contains { $0.parentRow != nil || Drafter.stem(of: $0.id) != nil } == followsAnother)
        let serial = Self.drafter.draft(questions, chunkSize: .max)
        #expect(serial.map(\.question) == questions)
        for chunkSize in [1, 3, Drafter.chunkSize] {
            #expect(Self.drafter.draft(questions, chunkSize: chunkSize) == serial, "chunks of \(chunkSize)")
        }
        #expect(Self.drafter.draft(questions) == serial)
    }
}
