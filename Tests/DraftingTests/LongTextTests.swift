import Drafting
import Foundation
import KnowledgeBase
import ResponderModel
import Spreadsheet
import RunStore
import Testing

/// Text longer than an Excel cell holds (32,767 characters): refused when a reviewer types it,
/// reported for its cell (the rest written) when a buyer's question or an older edit carries it.
@Suite struct LongTextTests {
    static let long = String(repeating: "x", count: 40_000)

    @Test(arguments: [(32_767, false), (32_768, true), (40_000, true)])
    func editsLongerThanACellAreRefused(length: Int, refused: Bool) {
        let reason = AnswerTextPolicy.refusal(ofEdit: String(repeating: "é", count: length))
        #expect((reason != nil) == refused)
        if refused { #expect(reason?.contains("\(length) characters") == true) }
    }

    @Test func aReviewWorkbookCutsAnOverlongQuestionAndStillImportsIt() async throws {
        let scratch = try await ReviewWorkbookTests.Scratch(texts: ["Do you keep an AI inventory? " + Self.long, "Do you assess AI risks?"])
        let url = scratch.url("review.xlsx")
        let cuts = try ReviewWorkbook.write(
            runID: scratch.runID, questions: try await scratch.store.questions(run: scratch.runID),
            decisions: [], to: url)
        #expect(cuts.count == 1 && cuts[0].hasPrefix("Review!E2: AI!Q-1's question has 40029 characters"), "\(cuts)")
        let review = try SpreadsheetReader.read(path: url.path).workbook.sheet(named: "Review")
        let shown = ReviewWorkbookTests.cell(review, "E2")
        #expect(shown.utf16.count == XLSXCellPatcher.maxCellCharacters && shown.hasPrefix("Do you keep an AI inventory? xxx"))
        let outcome = try await scratch.importing(try await scratch.filledWorkbook(["J2": "Approve"]))
        #expect(outcome.applied == ["AI!Q-1"] && outcome.skipped.isEmpty, "the cut question is still the run's question")
    }

    @Test func exportWritesTheOtherCellsAndNamesTheOverlongOne() async throws {
        let scratch = try await ReviewWorkbookTests.Scratch(texts: ["Question one?", "Question two?"])
        let buyer = scratch.url("buyer.xlsx")
        try XLSXWorkbookWriter.write(
            [
                XLSXSheetSpec(
                    name: "AI",
                    rows: [
                        [.text("ID"), .text("Question"), .text("Choice"), .text("Answer")],
                        [.text("x")], [.text("x")], [.text("x")],
                        [.text("Q-1"), .text("Question one?")], [.text("Q-2"), .text("Question two?")],
                    ])
            ], to: buyer)
        let store = scratch.store
        let runID = try await store.recordRun(
            RunDraft(
                path: buyer.path, contentHash: RunIdentity.fingerprint(try Data(contentsOf: buyer)),
                kbVersion: "kb-1", asOf: "2026-01-01", createdAt: "2026-01-01T00:00:00Z",
                drafted: ReviewWorkbookTests.drafts(texts: ["Question one?", "Question two?"])))
        // Recorded directly, as an edit accepted before edits were checked would be.
        try await store.decide(run: runID, key: "Q-1", status: .edited, choice: "Yes", text: Self.long, reviewer: "ana", at: "t1")
        try await store.decide(run: runID, key: "Q-2", status: .edited, choice: "No", text: "Short.", reviewer: "ana", at: "t1")
        let output = scratch.url("filled.xlsx")
        let outcome = try RunExporter.export(
            run: try #require(try await store.run(runID)), questions: try await store.questions(run: runID),
            decisions: try await store.decisions(run: runID), to: output)
        #expect(outcome.refused.count == 1 && outcome.refused[0].hasPrefix("AI!D5: the text has 40000 characters"), "\(outcome.refused)")
        let sheet = try SpreadsheetReader.read(path: output.path).workbook.sheet(named: "AI")
        #expect(["C5", "D5", "C6", "D6"].map { ReviewWorkbookTests.cell(sheet, $0) } == ["Yes", "", "No", "Short."])

        // An edit naming internal evidence, recorded before edits were checked, is refused for its cell too.
        try await store.decide(run: runID, key: "Q-2", status: .edited, choice: "No", text: "See EV-9.", reviewer: "ana", at: "t2")
        let scanner = InternalReferenceScanner(evidence: DraftFlagTests.content.evidence)
        let again = try RunExporter.export(
            run: try #require(try await store.run(runID)), questions: try await store.questions(run: runID),
            decisions: try await store.decisions(run: runID), internalReferences: scanner,
            to: scratch.url("filled-again.xlsx"))
        #expect(again.refused.map { String($0.prefix(6)) } == ["AI!D5:", "AI!D6:"], "\(again.refused)")
        #expect(again.refused.last?.contains("names internal evidence: EV-9") == true)
    }
}
