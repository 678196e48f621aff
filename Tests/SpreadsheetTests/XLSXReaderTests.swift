import Foundation
import ResponderModel
import Testing
import TestSupport
@testable import Spreadsheet

@Suite struct XLSXReaderTests {
    private func read(_ name: String) throws -> (workbook: Workbook, diagnostics: [Diagnostic]) {
        try SpreadsheetReader.read(path: fixturePath(name))
    }

    private func value(_ sheet: Sheet, _ reference: String) -> CellValue? {
        sheet.cell(at: CellAddress(reference)!)?.value
    }

    @Test func sheetsKeepOrderAndVisibility() throws {
        let workbook = try read("questionnaire.xlsx").workbook
        #expect(workbook.format == .xlsx)
        #expect(workbook.sheets.map(\.name) == ["AI", "Lists", "Master"])
        #expect(workbook.sheets.map(\.visibility) == [.visible, .hidden, .veryHidden])
        #expect(workbook.sheets.map(\.index) == [0, 1, 2])
        #expect(workbook.sheets.map(\.partPath) == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"])
    }

    @Test func definedNamesKeepTheirScope() throws {
        let names = try read("questionnaire.xlsx").workbook.definedNames
        #expect(
            names == [
                DefinedName(name: "AnswerList", reference: "Lists!$B$1:$B$2"),
                DefinedName(name: "LocalList", reference: "Lists!$B$1:$B$1"),
                DefinedName(name: "LocalList", reference: "Lists!$C$1:$C$2", localSheetIndex: 0),
            ])
    }

    @Test(arguments: [
        ("A2", CellValue.text("18.1.26")),
        ("B2", .text("Do you have an AI policy?")),
        ("B3", .text("Describe your AI risk process.")),
        ("B4", .text("Line one\nLine two")),
        ("B5", .text("  padded question  ")),
        ("D2", .number("18.1")),
        ("D3", .bool(true)),
        ("A8", .text("Section A")),
    ])
    func excelLikeValues(reference: String, expected: CellValue) throws {
        let sheet = try read("questionnaire.xlsx").workbook.sheets[0]
        #expect(value(sheet, reference) == expected)
    }

    @Test func formulaCellsKeepFormulaAndCachedResult() throws {
        let sheet = try read("questionnaire.xlsx").workbook.sheets[0]
        let cell = sheet.cell(at: CellAddress("B3")!)
        #expect(cell?.formula == "VLOOKUP(A3,Master!A:B,2,FALSE)")
        #expect(cell?.value == .text("Describe your AI risk process."))
    }

    @Test func protectedSheetHasUnlockedAnswerCells() throws {
        let sheet = try read("questionnaire.xlsx").workbook.sheets[0]
        #expect(sheet.isProtected)
        #expect((2...7).map { sheet.isLocked(at: CellAddress(row: $0, column: 3)) } == Array(repeating: false, count: 6))
        #expect(sheet.cell(at: CellAddress("C2")!)?.value == .empty)
        #expect(sheet.isLocked(at: CellAddress("B2")!))
        #expect(sheet.isLocked(at: CellAddress("C9")!))
        #expect(sheet.lastCell == CellAddress("D11"))
        #expect(try !read("questionnaire.xlsx").workbook.sheets[1].isProtected)
    }

    @Test func hiddenRowsAndMerges() throws {
        let sheet = try read("questionnaire.xlsx").workbook.sheets[0]
        #expect(sheet.rows.filter(\.isHidden).map(\.number) == [6])
        #expect(sheet.merges == [CellRange("A8:A9")!, CellRange("A11:C11")!])
        #expect(sheet.displayedValue(at: CellAddress("A9")!) == .text("Section A"))
        #expect(sheet.displayedValue(at: CellAddress("C11")!) == .text("End of worksheet"))
    }

    @Test func listValidationsResolveInlineRangesAndNames() throws {
        let (workbook, diagnostics) = try read("questionnaire.xlsx")
        let validations = workbook.sheets[0].validations
        #expect(validations.map(\.ranges) == ["C2", "C3", "C4", "C5", "C6"].map { [CellRange($0)!] })
        #expect(validations.map(\.formula) == ["\"Yes,No,N/A\"", "Lists!$A$1:$A$4", "AnswerList", "LocalList", "INDIRECT($A$6)"])
        #expect(
            validations.map(\.allowedValues) == [
                ["Yes", "No", "N/A"], ["Yes", "No", "N/A"], ["Compliant", "Not compliant"], ["Local one", "Local two"], nil,
            ])
        #expect(validations.allSatisfy { $0.kind == .list && $0.origin == .standard && $0.allowBlank })
        #expect(
            diagnostics.map(\.description) == [
                "\(fixturePath("questionnaire.xlsx"))[AI]!C6: warning: the dropdown list 'INDIRECT($A$6)' could not be resolved; its allowed values are unknown"
            ])
        #expect(workbook.sheets[0].listValidation(at: CellAddress("C4")!)?.allowedValues == ["Compliant", "Not compliant"])
    }

    @Test(arguments: [
        ("A1", CellValue.text("ID")),
        ("A2", .text("18.1.26")),
        ("B2", .text("Rich inline")),
        ("A3", .bool(true)),
        ("B3", .bool(false)),
        ("C3", .error("#REF!")),
        ("D3", .number("18.1")),
        ("E3", .number("42")),
        ("A4", .text("Question from a formula")),
        ("B5", .number("3")),
        ("A6", .text("no r, first")),
        ("B6", .text("no r, second")),
        ("E6", .text("explicit E6")),
        ("F6", .text("after E6")),
        ("E9", .text("last")),
    ])
    func inlineStringsWithoutSharedStringsPart(reference: String, expected: CellValue) throws {
        let sheet = try read("inline_strings.xlsx").workbook.sheets[0]
        #expect(value(sheet, reference) == expected)
    }

    @Test func lyingDimensionIsKeptButTheDataDecides() throws {
        let sheet = try read("inline_strings.xlsx").workbook.sheets[0]
        #expect(sheet.declaredDimension == "A1:B2")
        #expect(sheet.lastCell == CellAddress("F9"))
        #expect(sheet.cell(at: CellAddress("B5")!)?.formula == "")
        #expect(sheet.cell(at: CellAddress("B4")!)?.formula == "A3+1")
        #expect(sheet.cell(at: CellAddress("B2")!)?.isLocked == true)
    }

    @Test func x14ValidationOnHiddenQuotedSheet() throws {
        let (workbook, diagnostics) = try read("inline_strings.xlsx")
        #expect(workbook.sheets.map(\.visibility) == [.visible, .hidden])
        #expect(workbook.sheets[1].partPath == "xl/worksheets/sheet2.xml")
        #expect(
            workbook.sheets[0].validations == [
                DataValidation(
                    kind: .list, ranges: [CellRange("C2:C40")!, CellRange("E2")!], formula: "'My Lists'!$A$1:$A$3",
                    allowedValues: ["Fully", "Partly", "Not at all"], origin: .x14, allowBlank: true)
            ])
        #expect(diagnostics.isEmpty)
    }

    @Test func hugeDimensionAllocatesNothingPerClaimedRow() throws {
        let sheet = try read("huge_dimension.xlsx").workbook.sheets[0]
        #expect(sheet.declaredDimension == "A1:XFD1048576")
        #expect(sheet.rows.map(\.number) == [1, 3, 4, 1_048_576])
        #expect(sheet.rows.map(\.isHidden) == [false, true, false, true])
        #expect(sheet.lastCell == CellAddress("B4"))
        #expect(sheet.hiddenColumns == [2, 3])
        #expect(value(sheet, "B4") == .text("Bottom"))
    }

    @Test func sharedStringsRichPhoneticPreserveAndLineBreaks() throws {
        let sheet = try read("shared_strings.xlsx").workbook.sheets[0]
        #expect(
            (1...7).map { sheet.cell(at: CellAddress(row: $0, column: 1))?.value.displayText } == [
                "Plain", "Do you audit models?", "漢字", "  two leading, one trailing ", "First line\nSecond line",
                "Carriage\nreturn", "Literal _x0041_ underscore",
            ])
    }

    @Test func protectionComesFromCellAndColumnStyles() throws {
        let (workbook, diagnostics) = try read("column_styles.xlsx")
        let sheet = workbook.sheets[0]
        #expect(sheet.isProtected)
        #expect(sheet.unlockedColumns == [3])
        // B1: applyProtection="0" ignores locked="0"; D1: unlocked and empty, so it is kept as a cell.
        #expect(["A1", "B1", "C2", "C5", "D1", "D2"].map { sheet.isLocked(at: CellAddress($0)!) } == [true, true, true, false, false, true])
        #expect(sheet.rows.map { $0.cells.map(\.address.description) } == [["A1", "D1"], ["A2", "C2"]])
        #expect(sheet.cell(at: CellAddress("D1")!)?.value == .empty)
        #expect(sheet.lastCell == CellAddress("A2"))
        #expect(workbook.definedNames == [DefinedName(name: "Choices", reference: "Choices!$A:$A", localSheetIndex: 0, isHidden: true)])
        #expect(sheet.validations.map(\.allowedValues) == [["Alpha", "Beta"]])
        #expect(workbook.sheets[1].visibility == .veryHidden)
        #expect(diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("worksheets/sheet1.xml", "xl", "xl/worksheets/sheet1.xml"),
        ("/xl/worksheets/sheet1.xml", "xl", "xl/worksheets/sheet1.xml"),
        ("../xl/sharedStrings.xml", "xl", "xl/sharedStrings.xml"),
        ("./styles.xml", "xl", "xl/styles.xml"),
        ("xl/workbook.xml", "", "xl/workbook.xml"),
        ("sheet%201.xml", "xl/worksheets", "xl/worksheets/sheet 1.xml"),
    ])
    func relationshipTargetsResolveToEntryNames(target: String, folder: String, expected: String) {
        #expect(XLSXParts.resolve(target, from: folder) == expected)
    }

    @Test(arguments: [
        ("bad_shared_string.xlsx", SpreadsheetError.Kind.malformed, "bad_shared_string.xlsx[AI]!C17", "shared string index '99'"),
        ("malformed_sheet.xlsx", .malformed, "malformed_sheet.xlsx:xl/worksheets/sheet2.xml:14", "malformed XML"),
        ("invalid_reference.xlsx", .malformed, "invalid_reference.xlsx[Refs]:4", "invalid cell reference '1A'"),
        ("doctype_xxe.xlsx", .malformed, "doctype_xxe.xlsx:xl/worksheets/sheet1.xml:2", "DOCTYPE"),
        ("doctype_bomb.xlsx", .malformed, "doctype_bomb.xlsx:xl/worksheets/sheet1.xml:2", "DOCTYPE"),
        ("missing_workbook.xlsx", .malformed, "missing_workbook.xlsx", "workbook part xl/workbook.xml is missing"),
        ("zip_slip.xlsx", .malformed, "zip_slip.xlsx", "unsafe entry name '../evil.xml'"),
    ])
    func brokenWorkbooksNameTheirLocation(name: String, kind: SpreadsheetError.Kind, location: String, message: String) throws {
        let directory = Fixtures.folder().path
        let error = #expect(throws: SpreadsheetError.self) { try read(name) }
        #expect(error?.kind == kind)
        #expect(error?.location.description == "\(directory)/\(location)")
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func declaredSizesThatLieAreCaughtWhileExtracting() throws {
        var limits = ReadLimits()
        limits.maxPartBytes = 10_000
        let error = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: fixturePath("lying_sizes.xlsx"), limits: limits) }
        #expect(error?.kind == .limitExceeded)
        #expect(error?.location.file.hasSuffix("lying_sizes.xlsx:xl/worksheets/sheet1.xml") == true)
        #expect(error?.message == "the part expands beyond 10000 bytes")
        let sheet = try SpreadsheetReader.read(path: fixturePath("lying_sizes.xlsx")).workbook.sheets[0]
        #expect(sheet.lastCell == CellAddress("A8000"))
    }

    @Test func partAndTotalSizeCapsAreLimitErrors() throws {
        var limits = ReadLimits()
        limits.maxPartBytes = 1_000
        let part = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: fixturePath("questionnaire.xlsx"), limits: limits) }
        #expect(part?.kind == .limitExceeded)
        #expect(part?.location.file.hasSuffix("questionnaire.xlsx:xl/worksheets/sheet1.xml") == true)
        limits = ReadLimits()
        limits.maxTotalBytes = 3_000
        let total = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: fixturePath("questionnaire.xlsx"), limits: limits) }
        #expect(total?.kind == .limitExceeded)
        #expect(total?.message.contains("in total") == true)
        limits = ReadLimits()
        limits.maxCellsPerRow = 3
        let cells = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: fixturePath("inline_strings.xlsx"), limits: limits) }
        #expect(cells?.kind == .limitExceeded)
        limits = ReadLimits()
        limits.maxEntries = 3
        let entries = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: fixturePath("questionnaire.xlsx"), limits: limits) }
        #expect(entries?.kind == .limitExceeded)
    }

    // The cell loop runs in C in batches; a limit must still stop at the first cell over it, with
    // the line of that cell, and cells before it must still be read (here: rows 1 and 2 are fine).
    @Test(arguments: [(3, 20_000_000), (16_384, 4)])
    func cellLimitsStopAtTheFirstCellOverThem(perRow: Int, perSheet: Int) throws {
        var limits = ReadLimits()
        limits.maxCellsPerRow = perRow
        limits.maxCellsPerSheet = perSheet
        let error = #expect(throws: SpreadsheetError.self) { try SpreadsheetReader.read(path: fixturePath("inline_strings.xlsx"), limits: limits) }
        #expect(error?.kind == .limitExceeded)
        #expect(error?.location.description == fixturePath("inline_strings.xlsx") + "[Questions]:2")
        #expect(error?.message == "row 3 has more than \(perRow) cells or the sheet more than \(perSheet)")
    }
}
