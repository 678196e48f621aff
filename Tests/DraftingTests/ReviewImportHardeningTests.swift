import Drafting
import Foundation
import ResponderModel
import RunStore
import RunStoreSQLite
import Spreadsheet
import Testing

/// Review import against what issue 16 found: a workbook exported before a re-draft approving the
/// new text (item 2), and reviewer cells Excel stored as formulas (item 5).
@Suite struct ReviewImportHardeningTests {
    typealias Scratch = ReviewWorkbookTests.Scratch

    @Test func aWorkbookExportedBeforeARedraftIsRefusedForTheRowsWhoseDraftChanged() async throws {
        let scratch = try await Scratch()
        let filled = try await scratch.filledWorkbook(["J2": "Approve", "J3": "Approve", "J4": "Reject"])
        // The same inputs drafted again (a newly learned answer, say): Q-2's draft is new text.
        var redrafted = ReviewWorkbookTests.drafts(texts: ReviewWorkbookTests.texts)
        redrafted[1].answer.text = "A newer draft nobody has read."
        #expect(
            try await scratch.store.recordRun(
                RunDraft(
                    path: "buyer.xlsx", contentHash: "hash", kbVersion: "kb-1",
                    asOf: "2026-01-01", createdAt: "2026-01-01T01:00:00Z",
                    drafted: redrafted)) == scratch.runID)
        let outcome = try await scratch.importing(filled)
        #expect(outcome.applied == ["AI!Q-1", "AI!Q-3"])
        #expect(outcome.skipped.map(\.location.description) == [filled.path + "[Review]!G3"])
        #expect(outcome.skipped.first?.message.contains("the draft changed since this was exported") == true, "\(outcome.skipped)")
        let decisions = try await scratch.store.decisions(run: scratch.runID)
        #expect(decisions.map(\.key) == ["AI!Q-1", "AI!Q-3"])
        #expect(!decisions.contains { $0.text == "A newer draft nobody has read." })
    }

    struct FormulaCell: Sendable, CustomTestStringConvertible {
        var name: String
        var formula: String?
        var cached: CellValue
        /// The edited answer recorded, or nil when the row must be refused.
        var recorded: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        FormulaCell(
            name: "text typed with a leading = (Excel: #NAME?)", formula: "Approved by legal", cached: .error("#NAME?"),
            recorded: "=Approved by legal"),
        FormulaCell(
            name: "a string literal formula", formula: #""We test ""every"" model.""#, cached: .text(#"We test "every" model."#),
            recorded: #"We test "every" model."#),
        FormulaCell(name: "a string literal with no cached value", formula: #""Yes, yearly.""#, cached: .empty, recorded: "Yes, yearly."),
        FormulaCell(name: "a working formula copying another cell", formula: "G2", cached: .text("Drafted 5."), recorded: nil),
        FormulaCell(name: "a formula with no cached value", formula: "CONCAT(G2,\" more\")", cached: .empty, recorded: nil),
        FormulaCell(name: "an error value typed or pasted", formula: nil, cached: .error("#N/A"), recorded: nil),
        FormulaCell(name: "two literals joined", formula: #""a"&"b""#, cached: .text("ab"), recorded: nil),
    ])
    func anEditedAnswerStoredAsAFormulaIsReadAsTypedOrRefused(_ formula: FormulaCell) async throws {
        let scratch = try await Scratch()
        let filled = try await scratch.filledWorkbook(["J2": "Edit", "L2": "placeholder", "J3": "Approve"])
        var workbook = try SpreadsheetReader.read(path: filled.path).workbook
        let index = try #require(workbook.sheets.firstIndex { $0.name == "Review" })
        let row = try #require(workbook.sheets[index].rows.firstIndex { $0.number == 2 })
        let column = try #require(workbook.sheets[index].rows[row].cells.firstIndex { $0.address == CellAddress("L2")! })
        workbook.sheets[index].rows[row].cells[column].formula = formula.formula
        workbook.sheets[index].rows[row].cells[column].value = formula.cached

        let outcome = try await ReviewImporter.apply(
            workbook, path: filled.path, store: scratch.store, reviewer: "ana",
            at: "2026-01-02T00:00:00Z")
        let decisions = try await scratch.store.decisions(run: scratch.runID)
        if let recorded = formula.recorded {
            #expect(outcome.applied == ["AI!Q-1", "AI!Q-2"] && outcome.skipped.isEmpty, "\(outcome.skipped)")
            #expect(decisions.first?.status == .edited && decisions.first?.text == recorded)
        } else {
            #expect(outcome.applied == ["AI!Q-2"], "the other row still goes in")
            #expect(outcome.skipped.map(\.location.description) == [filled.path + "[Review]!L2"])
            #expect(outcome.skipped.first?.message.contains("not applied") == true, "\(outcome.skipped)")
            #expect(decisions.map(\.key) == ["AI!Q-2"], "nothing is stored as edited")
        }
        #expect(!decisions.contains { ($0.text ?? "").hasPrefix("#") }, "never an error value in an answer")
    }
}
