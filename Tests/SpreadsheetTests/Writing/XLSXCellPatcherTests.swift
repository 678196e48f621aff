import Foundation
import Testing
@testable import Spreadsheet
import TestSupport

@Suite("XLSXCellPatcher")
struct XLSXCellPatcherTests {
    static let sheet = "xl/worksheets/sheet1.xml"
    static let edits = [
        XLSXCellEdit(part: sheet, cell: CellAddress("C3")!, text: "Yes"),  // existing, shared string, styled
        XLSXCellEdit(part: sheet, cell: CellAddress("C5")!, text: "No"),  // existing formula cell
        XLSXCellEdit(part: sheet, cell: CellAddress("D4")!, text: "=SUM(1)"),  // missing cell in an existing row
        XLSXCellEdit(part: sheet, cell: CellAddress("C7")!, text: "Line 1\nR&D <ok>\u{1}"),  // missing row between rows
        XLSXCellEdit(part: sheet, cell: CellAddress("B12")!, text: "after the last row"),
    ]

    /// The new cells as the patcher must write them (styles: kept, or the column's style 2).
    static let expectedCells = [
        #"<c r="C3" s="2" t="inlineStr"><is><t xml:space="preserve">Yes</t></is></c>"#,
        #"<c r="C5" s="2" t="inlineStr"><is><t xml:space="preserve">No</t></is></c>"#,
        #"<c r="D4" s="2" t="inlineStr"><is><t xml:space="preserve">=SUM(1)</t></is></c>"#,
        "<c r=\"C7\" s=\"2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Line 1\nR&amp;D &lt;ok&gt;</t></is></c>",
        #"<c r="B12" s="1" t="inlineStr"><is><t xml:space="preserve">after the last row</t></is></c>"#,
    ]

    @Test func patchesOnlyTheTargetCells() throws {
        let input = Fixtures.folder().appendingPathComponent("questionnaire_to_patch.xlsx")
        let before = try Data(contentsOf: input)
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let output = folder.appendingPathComponent("answered.xlsx")

        try XLSXCellPatcher.patch(input, edits: Self.edits, output: output)

        #expect(try Data(contentsOf: input) == before, "the input must not change")
        let original = try WritingTestFiles.entries(of: input)
        let patched = try WritingTestFiles.entries(of: output)
        #expect(patched.map(\.name) == original.map(\.name), "same entries in the same order")
        for (old, new) in zip(original, patched) where old.name != Self.sheet {
            #expect(old.data == new.data, "\(old.name) must be byte-identical")
        }

        let oldSheet = String(decoding: original.first { $0.name == Self.sheet }!.data, as: UTF8.self)
        var newSheet = String(decoding: patched.first { $0.name == Self.sheet }!.data, as: UTF8.self)
        for cell in Self.expectedCells {
            #expect(newSheet.contains(cell), "missing \(cell)")
        }
        #expect(!newSheet.contains("<f>"), "no formula may remain or be written")
        #expect(newSheet.contains(#"<c r="D3" s="2"><v>1</v></c><c r="D4""#) == false)
        #expect(newSheet.contains(#"<c r="C4" s="2" t="s"><v>7</v></c><c r="D4""#), "D4 follows C4")
        #expect(newSheet.contains(#"</row><row r="7"><c r="C7""#), "row 7 after row 5")
        #expect(newSheet.contains(#"</row><row r="12"><c r="B12""#), "row 12 after row 9")

        // Outside the target cells, the part is byte-identical.
        for cell in Self.expectedCells { newSheet = newSheet.replacingOccurrences(of: cell, with: "") }
        newSheet = newSheet.replacingOccurrences(of: #"<row r="7"></row>"#, with: "")
            .replacingOccurrences(of: #"<row r="12"></row>"#, with: "")
        let oldWithoutTargets =
            oldSheet
            .replacingOccurrences(of: #"<c r="C3" s="2" t="s"><v>7</v></c>"#, with: "")
            .replacingOccurrences(of: #"<c r="C5" s="2" t="str"><f>IF(A5="","",A5)</f><v>AIGN-03</v></c>"#, with: "")
        #expect(newSheet == oldWithoutTargets)
        #expect(newSheet.contains("<x14:dataValidations"), "the x14 extLst block survives")
        #expect(try WritingTestFiles.unzipTest(output))
    }

    @Test func calcChainChangesOnlyWhenAFormulaIsOverwritten() throws {
        let input = Fixtures.folder().appendingPathComponent("with_calc_chain.xlsx")
        let original = try WritingTestFiles.entries(of: input)
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url

        let plain = folder.appendingPathComponent("plain.xlsx")
        try XLSXCellPatcher.patch(input, edits: [XLSXCellEdit(part: Self.sheet, cell: CellAddress("C3")!, text: "Yes")], output: plain)
        for (old, new) in zip(original, try WritingTestFiles.entries(of: plain)) where old.name != Self.sheet {
            #expect(old.data == new.data, "\(old.name) must be byte-identical")
        }

        let formula = folder.appendingPathComponent("formula.xlsx")
        try XLSXCellPatcher.patch(input, edits: [XLSXCellEdit(part: Self.sheet, cell: CellAddress("C5")!, text: "No")], output: formula)
        let patched = try WritingTestFiles.entries(of: formula)
        #expect(
            patched.map(\.name) == original.map(\.name).filter { $0 != "xl/calcChain.xml" },
            "the chain's only entry is gone, so the chain is removed")
        let cuts = [
            "[Content_Types].xml": #"<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>"#,
            "xl/_rels/workbook.xml.rels": #"<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>"#,
        ]
        for new in patched where new.name != Self.sheet {
            let old = String(decoding: original.first { $0.name == new.name }!.data, as: UTF8.self)
            let expected = cuts[new.name].map { old.replacingOccurrences(of: $0, with: "") } ?? old
            #expect(String(decoding: new.data, as: UTF8.self) == expected, "\(new.name)")
        }
        #expect(try WritingTestFiles.unzipTest(formula))
    }

    @Test func refusesRowsWithoutReferences() throws {
        let input = Fixtures.folder().appendingPathComponent("rows_without_refs.xlsx")
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let output = folder.appendingPathComponent("out.xlsx")
        let error = #expect(throws: XLSXWriteError.self) {
            try XLSXCellPatcher.patch(input, edits: [XLSXCellEdit(part: Self.sheet, cell: CellAddress("B1")!, text: "x")], output: output)
        }
        #expect(error?.kind == .malformed)
        #expect(error?.location.file == "rows_without_refs.xlsx:xl/worksheets/sheet1.xml")
        #expect(!FileManager.default.fileExists(atPath: output.path), "no output after a failure")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).isEmpty,
            "no temporary file left behind")
    }

    @Test func fillsAnEmptyPrefixedSheetData() throws {
        let input = Fixtures.folder().appendingPathComponent("empty_sheet_data.xlsx")
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let output = folder.appendingPathComponent("out.xlsx")
        try XLSXCellPatcher.patch(
            input,
            edits: [
                XLSXCellEdit(part: Self.sheet, cell: CellAddress("B2")!, text: "a"),
                XLSXCellEdit(part: Self.sheet, cell: CellAddress("A1")!, text: "b"),
            ],
            output: output)
        let sheet = String(decoding: try WritingTestFiles.entries(of: output).first { $0.name == Self.sheet }!.data, as: UTF8.self)
        #expect(
            sheet.contains(
                #"<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">b</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve">a</x:t></x:is></x:c></x:row></x:sheetData><x:pageMargins"#
            ))
        #expect(try WritingTestFiles.unzipTest(output))
    }

    @Test func rejectsAnUnknownPart() throws {
        let input = Fixtures.folder().appendingPathComponent("questionnaire_to_patch.xlsx")
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let output = folder.appendingPathComponent("out.xlsx")
        let error = #expect(throws: XLSXWriteError.self) {
            try XLSXCellPatcher.patch(
                input, edits: [XLSXCellEdit(part: "xl/worksheets/sheet9.xml", cell: CellAddress("A1")!, text: "x")],
                output: output)
        }
        #expect(error?.kind == .invalidEdit)
        #expect(error?.location.description == "questionnaire_to_patch.xlsx:xl/worksheets/sheet9.xml")
    }

    @Test func refusesTextLongerThanACellHolds() throws {
        let input = Fixtures.folder().appendingPathComponent("questionnaire_to_patch.xlsx")
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let error = #expect(throws: XLSXWriteError.self) {
            try XLSXCellPatcher.patch(
                input, edits: [XLSXCellEdit(part: Self.sheet, cell: CellAddress("C3")!, text: String(repeating: "y", count: 32_768))],
                output: folder.appendingPathComponent("out.xlsx"))
        }
        #expect(error?.kind == .invalidEdit)
        #expect(error?.location.description == "questionnaire_to_patch.xlsx:xl/worksheets/sheet1.xml!C3")
    }

    @Test func refusesToOverwriteTheInput() throws {
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let copy = folder.appendingPathComponent("book.xlsx")
        try FileManager.default.copyItem(at: Fixtures.folder().appendingPathComponent("questionnaire_to_patch.xlsx"), to: copy)
        #expect(throws: XLSXWriteError.self) {
            try XLSXCellPatcher.patch(copy, edits: [], output: copy)
        }
    }
}
