import Foundation
import Spreadsheet
import Testing
import TestSupport

/// Drafts a sample questionnaire with the built binary, reviews it through a review workbook
/// filled in as Excel would, and exports the reviewed answers into the buyer's file.
@Suite(.serialized) struct ReviewWorkbookEndToEndTests {
    typealias Scratch = ReviewExportEndToEndTests.Scratch

    /// The drafted question's choice and text cells (column letters), from the draft JSON.
    static func columns(_ question: [String: Any]) -> (choice: String?, text: String?, allowed: [String]?) {
        let cells = question["answerCells"] as? [[String: Any]] ?? []
        let choice = cells.first { $0["kind"] as? String == "choice" }
        let text = cells.first { $0["kind"] as? String == "text" }
        return (choice?["column"] as? String, text?["column"] as? String, choice?["allowed"] as? [String])
    }

    @Test func reviewWorkbookDecisionsReachTheExportedQuestionnaire() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, questions) = try scratch.draft()
        let review = scratch.folder.appendingPathComponent("review.xlsx")
        let export = try scratch.run(["review", "export", id, "--out", review.path])
        #expect(export.status == 0, "stderr: \(export.stderr)")

        let blank = try SpreadsheetReader.read(path: review.path).workbook
        let reviewSheet = try #require(blank.sheet(named: "Review"))
        #expect(reviewSheet.listValidation(at: CellAddress("J2")!)?.allowedValues == ["Approve", "Edit", "Reject"])
        let byKey = Dictionary(questions.map { (ReviewExportEndToEndTests.key($0), $0) }) { first, _ in first }
        #expect(byKey.count == questions.count)

        // Approve every other row whose drafted choice the dropdown allows; edit every fourth.
        var edits: [XLSXCellEdit] = []
        var approved: [String] = [], edited: [String: (choice: String?, text: String)] = [:], emptyApprovals: [Int] = []
        for row in 2...(questions.count + 1) {
            let key = ReviewExportEndToEndTests.cell(blank, "Review", "A\(row)")
            let question = try #require(byKey[key], "row \(row) key \(key)")
            let columns = Self.columns(question)
            func set(_ column: String, _ text: String) {
                edits.append(XLSXCellEdit(part: reviewSheet.partPath, cell: CellAddress("\(column)\(row)")!, text: text))
            }
            let draftChoice = ReviewExportEndToEndTests.answer(question).choice
            let hasDraft = draftChoice != nil || !ReviewExportEndToEndTests.answer(question).text.isEmpty
            if row % 2 == 0, draftChoice.map({ columns.allowed?.contains($0) ?? true }) ?? true {
                set("J", "Approve")
                if hasDraft { approved.append(key) } else { emptyApprovals.append(row) }
            } else if row % 4 == 1 {
                let choice = columns.choice == nil ? nil : columns.allowed?.first { $0 != draftChoice }
                let text = "Reviewed in the workbook (row \(row))."
                set("J", "Edit")
                if let choice { set("K", choice) }
                set("L", text)
                edited[key] = (choice, text)
            }
        }
        #expect(approved.count >= questions.count / 2 - 3)
        #expect(edited.count >= questions.count / 4 - 1)
        let filledReview = scratch.folder.appendingPathComponent("review-filled.xlsx")
        try XLSXCellPatcher.patch(review, edits: edits, output: filledReview)

        let decided = approved.count + edited.count
        let first = try scratch.run(["review", "import", filledReview.path, "--reviewer", "ana"])
        // An approval of a row with no drafted answer is refused with its cell; the others are recorded.
        #expect(first.status == (emptyApprovals.isEmpty ? 0 : 1), "stderr: \(first.stderr)")
        #expect(first.stdout.contains("\(decided) applied, 0 unchanged, \(emptyApprovals.count) skipped"), "\(first.stdout)")
        for row in emptyApprovals { #expect(first.stderr.contains("[Review]!J\(row): error:"), "\(first.stderr)") }
        let again = try scratch.run(["review", "import", filledReview.path, "--reviewer", "ana"])
        #expect(again.status == (emptyApprovals.isEmpty ? 0 : 1))
        #expect(again.stdout.contains("0 applied, \(decided) unchanged, \(emptyApprovals.count) skipped"), "\(again.stdout)")

        let filled = scratch.folder.appendingPathComponent("filled.xlsx")
        let exported = try scratch.run(["export", id, "--out", filled.path])
        #expect(exported.status == 0, "stderr: \(exported.stderr)")
        #expect(exported.stderr.contains("\(decided) reviewed answers"), "\(exported.stderr)")

        let original = try SpreadsheetReader.read(path: scratch.input.path).workbook
        let written = try SpreadsheetReader.read(path: filled.path).workbook
        for (key, question) in byKey {
            let sheet = try #require(question["sheet"] as? String)
            let row = try #require(question["row"] as? Int)
            let columns = Self.columns(question)
            let expected: (choice: String?, text: String?)
            if approved.contains(key) {
                let draft = ReviewExportEndToEndTests.answer(question)
                expected = (draft.choice, draft.text)
            } else if let edit = edited[key] {
                expected = (edit.choice ?? ReviewExportEndToEndTests.answer(question).choice, edit.text)
            } else {
                expected = (
                    columns.choice.map { ReviewExportEndToEndTests.cell(original, sheet, "\($0)\(row)") },
                    columns.text.map { ReviewExportEndToEndTests.cell(original, sheet, "\($0)\(row)") }
                )
            }
            if let column = columns.choice {
                #expect(ReviewExportEndToEndTests.cell(written, sheet, "\(column)\(row)") == expected.choice ?? "", "\(key)")
            }
            if let column = columns.text {
                #expect(ReviewExportEndToEndTests.cell(written, sheet, "\(column)\(row)") == expected.text ?? "", "\(key)")
            }
        }
        for sheet in original.sheets {
            #expect(written.sheet(named: sheet.name)?.validations == sheet.validations, "\(sheet.name) keeps its dropdowns")
        }
        #expect(original.sheets.contains { !$0.validations.isEmpty })
    }

    @Test func importOfAWorkbookFromAnUnknownRunFails() throws {
        let scratch = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let (id, _) = try scratch.draft()
        let review = scratch.folder.appendingPathComponent("review.xlsx")
        #expect(try scratch.run(["review", "export", id, "--out", review.path]).status == 0)
        let other = try Scratch(sample: "globex-ai-vendor-assessment.xlsx")
        let outcome = try other.run(["review", "import", review.path, "--reviewer", "ana"])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("[Run]!A1: run '\(id)' is not in the store"), "\(outcome.stderr)")
    }
}
