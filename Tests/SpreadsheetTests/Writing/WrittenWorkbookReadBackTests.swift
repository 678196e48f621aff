import Foundation
import Testing
@testable import Spreadsheet
import TestSupport

/// Reads what the writers produce with the project's own reader, as the later pipeline will.
@Suite("Written workbooks read back")
struct WrittenWorkbookReadBackTests {
    @Test func patchedAnswersReadBackAndTheRestIsKept() throws {
        let input = Fixtures.folder().appendingPathComponent("questionnaire_to_patch.xlsx")
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let output = folder.appendingPathComponent("answered.xlsx")
        try XLSXCellPatcher.patch(input, edits: XLSXCellPatcherTests.edits, output: output)

        let before = try SpreadsheetReader.read(path: input.path).workbook
        let after = try SpreadsheetReader.read(path: output.path).workbook
        let sheet = try #require(after.sheet(named: "AI"))
        #expect(sheet.cell(at: CellAddress("C3")!)?.value == .text("Yes"))
        #expect(sheet.cell(at: CellAddress("C5")!)?.value == .text("No"))
        #expect(sheet.cell(at: CellAddress("D4")!)?.value == .text("=SUM(1)"))
        #expect(sheet.cell(at: CellAddress("C7")!)?.value == .text("Line 1\nR&D <ok>"))
        #expect(sheet.cell(at: CellAddress("B12")!)?.value == .text("after the last row"))
        #expect(sheet.cell(at: CellAddress("B3")!)?.value == .text("Do you have an AI policy?"))
        #expect(!sheet.isLocked(at: CellAddress("D4")!), "a new answer cell takes its column's unlocked style")

        let old = try #require(before.sheet(named: "AI"))
        #expect(sheet.isProtected && old.isProtected)
        #expect(sheet.merges == old.merges)
        #expect(sheet.validations == old.validations)
        #expect(sheet.validations.contains { $0.origin == .x14 })
        #expect(after.definedNames == before.definedNames)
        #expect(after.sheets.map(\.visibility) == before.sheets.map(\.visibility))
    }

    @Test func reviewWorkbookReadsBack() throws {
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let url = folder.appendingPathComponent("review.xlsx")
        try XLSXWorkbookWriter.write([XLSXWorkbookWriterTests.review, XLSXWorkbookWriterTests.lists], to: url)

        let workbook = try SpreadsheetReader.read(path: url.path).workbook
        #expect(workbook.sheets.map(\.name) == ["Review", "Lists"])
        #expect(workbook.sheets.map(\.visibility) == [.visible, .hidden])
        let review = try #require(workbook.sheet(named: "Review"))
        #expect(review.cell(at: CellAddress("C2")!)?.value == .text("Yes.\nSee POL-1 & <annex>"))
        #expect(review.cell(at: CellAddress("C3")!)?.value == .number("42"))
        #expect(review.cell(at: CellAddress("D3")!)?.value == .number("0.5"))
        #expect(review.listValidation(at: CellAddress("D2")!)?.allowedValues == ["Approve", "Edit", "Reject"])
    }
}
