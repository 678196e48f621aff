import Foundation
import Spreadsheet
import Testing
import TestSupport
import ZIPFoundation

/// Exports into look-alikes of real buyer workbooks (`Tests/QuestionnaireTests/Fixtures/RealLayouts`):
/// free-text answer cells get the reviewed narrative, and nothing but the answer cells changes.
@Suite(.serialized) struct RealWorkbookExportEndToEndTests {
    typealias Scratch = ReviewExportEndToEndTests.Scratch
    static let fixtures = Fixtures.repositoryRoot().appendingPathComponent("Tests/QuestionnaireTests/Fixtures/RealLayouts")

    /// Edits every drafted question of a run with its own narrative; returns key to the text a
    /// free-text cell must then hold (the draft's choice stays, so it leads the narrative).
    static func editAll(_ scratch: Scratch, run id: String, _ questions: [[String: Any]]) throws -> [String: String] {
        var expected: [String: String] = [:]
        for (index, question) in questions.enumerated() {
            let key = ReviewExportEndToEndTests.key(question)
            let narrative = "Narrative answer \(index + 1): we test models for bias before every release."
            let outcome = try scratch.run(["review", "edit", id, key, "--text", narrative, "--reviewer", "ana"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let choice = ReviewExportEndToEndTests.answer(question).choice
            expected[key] = choice.map { "\($0). \(narrative)" } ?? narrative
        }
        return expected
    }

    @Test(arguments: [("plain-response.csv", "B"), ("plain-text-answers.xlsx", "C")])
    func freeTextAnswerCellsGetTheNarrative(_ file: String, _ answerColumn: String) throws {
        let scratch = try Scratch(copying: Self.fixtures.appendingPathComponent(file))
        let (id, questions) = try scratch.draft()
        #expect(!questions.isEmpty)
        let expected = try Self.editAll(scratch, run: id, questions)
        let filled = scratch.folder.appendingPathComponent("filled" + (file.hasSuffix(".csv") ? ".csv" : ".xlsx"))
        let export = try scratch.run(["export", id, "--out", filled.path])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("\(questions.count) reviewed answers"), "\(export.stderr)")

        let original = try SpreadsheetReader.read(path: scratch.input.path).workbook
        let written = try SpreadsheetReader.read(path: filled.path).workbook
        // A CSV's one sheet is named after its file, which differs between input and output.
        func writtenSheet(_ name: String) -> Sheet? { written.format == .csv ? written.sheets.first : written.sheet(named: name) }
        var answerCells = Set<String>()
        for question in questions {
            let sheet = try #require(question["sheet"] as? String)
            let row = try #require(question["row"] as? Int)
            answerCells.insert("\(sheet)!\(answerColumn)\(row)")
            let text = writtenSheet(sheet)?.cell(at: CellAddress("\(answerColumn)\(row)")!)?.value.displayText ?? ""
            #expect(text == expected[ReviewExportEndToEndTests.key(question)], "\(sheet)!\(answerColumn)\(row)")
        }
        // Every other cell, the buyer's notes included, is as the buyer wrote it.
        for sheet in original.sheets {
            let other = try #require(writtenSheet(sheet.name))
            var addresses = Set(sheet.rows.flatMap { $0.cells.map(\.address) })
            addresses.formUnion(other.rows.flatMap { $0.cells.map(\.address) })
            for address in addresses where !answerCells.contains("\(sheet.name)!\(address)") {
                #expect(other.cell(at: address)?.value == sheet.cell(at: address)?.value, "\(sheet.name)!\(address)")
            }
        }
    }

    @Test func hecvat4ExportTouchesOnlyVendorAnswerCells() throws {
        let scratch = try Scratch(copying: Self.fixtures.appendingPathComponent("hecvat4.xlsx"))
        let (id, questions) = try scratch.draft()
        #expect(questions.count == 62)
        let filled = scratch.folder.appendingPathComponent("filled.xlsx")
        let export = try scratch.run(["export", id, "--out", filled.path, "--include-drafts"])
        #expect(export.status == 0, "\(export.stderr)")

        // Only the five vendor tabs' parts may change; analyst, hidden and every other part stay byte-identical.
        let before = try ReviewExportEndToEndTests.entries(scratch.input)
        let after = try ReviewExportEndToEndTests.entries(filled)
        let original = try SpreadsheetReader.read(path: scratch.input.path).workbook
        let vendorParts = Set(["START HERE", "Organization", "Product", "AI", "Privacy"].compactMap { original.sheet(named: $0)?.partPath })
        #expect(Set(before.keys) == Set(after.keys))
        for (path, data) in before where !vendorParts.contains(path) {
            #expect(after[path] == data, "\(path) changed")
        }

        // On the vendor tabs, only empty answer cells of detected questions change: no formula,
        // header label, echo row or section row.
        let written = try SpreadsheetReader.read(path: filled.path).workbook
        var answerCells = Set<String>()
        for question in questions {
            let sheet = try #require(question["sheet"] as? String)
            let row = try #require(question["row"] as? Int)
            for cell in question["answerCells"] as? [[String: Any]] ?? [] {
                answerCells.insert("\(sheet)!\(cell["column"] as? String ?? "")\(row)")
            }
        }
        var changed = 0
        for name in ["START HERE", "Organization", "Product", "AI", "Privacy"] {
            let sheet = try #require(original.sheet(named: name))
            let other = try #require(written.sheet(named: name))
            var addresses = Set(sheet.rows.flatMap { $0.cells.map(\.address) })
            addresses.formUnion(other.rows.flatMap { $0.cells.map(\.address) })
            for address in addresses {
                let old = sheet.cell(at: address), new = other.cell(at: address)
                guard old?.value != new?.value || old?.formula != new?.formula else { continue }
                changed += 1
                #expect(answerCells.contains("\(name)!\(address)"), "\(name)!\(address) is not an answer cell")
                #expect(old?.formula == nil && (old?.value.isEmpty ?? true), "\(name)!\(address) held buyer content")
            }
        }
        #expect(changed > 0)
    }

    /// A questionnaire the vendor already answered (HECVAT 3, completed): its answers are the buyer's
    /// text now, so export names each cell it leaves alone, and replaces them only when asked.
    @Test func cellsHoldingTheBuyersTextAreRefusedUnlessOverwriting() throws {
        let scratch = try Scratch(copying: Self.fixtures.appendingPathComponent("hecvat3.xlsx"))
        let (id, questions) = try scratch.draft()
        let filled = scratch.folder.appendingPathComponent("filled.xlsx")
        let refused = try scratch.run(["export", id, "--out", filled.path, "--include-drafts"])
        #expect(refused.status == 0, "\(refused.stderr)")
        let original = try SpreadsheetReader.read(path: scratch.input.path).workbook
        let kept = try SpreadsheetReader.read(path: filled.path).workbook
        let sheet = "HECVAT - Full | Vendor Response"
        // A Yes/No row whose draft took a choice, in a cell the vendor had already answered.
        let answered = try #require(
            questions.first { question in
                guard question["sheet"] as? String == sheet, let row = question["row"] as? Int else { return false }
                let cells = question["answerCells"] as? [[String: Any]] ?? []
                let dropdown = cells.contains { $0["column"] as? String == "C" && $0["kind"] as? String == "choice" }
                return dropdown && ReviewExportEndToEndTests.answer(question).choice != nil
                    && !ReviewExportEndToEndTests.cell(original, sheet, "C\(row)").isEmpty
            }, "the fixture has answered Yes/No rows and drafts with a choice")
        let row = try #require(answered["row"] as? Int)
        #expect(refused.stderr.contains("not written, \(sheet)!C\(row): already holds the buyer's text"), "\(refused.stderr)")
        #expect(ReviewExportEndToEndTests.cell(kept, sheet, "C\(row)") == ReviewExportEndToEndTests.cell(original, sheet, "C\(row)"))

        let overwritten = scratch.folder.appendingPathComponent("overwritten.xlsx")
        let replaced = try scratch.run(["export", id, "--out", overwritten.path, "--include-drafts", "--overwrite-existing"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(!replaced.stderr.contains("already holds the buyer's text"))
        let written = try SpreadsheetReader.read(path: overwritten.path).workbook
        let choice = try #require(ReviewExportEndToEndTests.answer(answered).choice)
        #expect(ReviewExportEndToEndTests.cell(written, sheet, "C\(row)") == choice)
        // Formulas are never written over, even when overwriting: the question column is all lookups.
        #expect(written.sheet(named: sheet)?.cell(at: CellAddress("B\(row)")!)?.formula != nil)
    }
}
