import Foundation
import Testing
import TestSupport
@testable import Spreadsheet

@Suite("XLSXWorkbookWriter")
struct XLSXWorkbookWriterTests {
    static let review = XLSXSheetSpec(
        name: "Review",
        rows: [
            [.text("ID"), .text("Question"), .text("Draft"), .text("Decision")],
            [.text("AIGN-01"), .text("Do you have an AI policy?"), .text("Yes.\nSee POL-1 & <annex>"), .empty],
            [.text("AIGN-02"), .text("Risk?"), .number(42), .number(0.5)],
        ],
        columnWidths: [2: 60, 3: 80.5],
        highlights: [2: .red, 3: .amber],
        validations: [.init(range: CellRange("D2:D3")!, choices: ["Approve", "Edit", "Reject"])])
    static let lists = XLSXSheetSpec(name: "Lists", rows: [[.text("Approve")]], hasHeaderRow: false, isHidden: true)

    @Test func writesTheRequiredPartsInAFixedOrder() throws {
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let url = folder.appendingPathComponent("review.xlsx")
        try XLSXWorkbookWriter.write([Self.review, Self.lists], to: url)
        #expect(
            try WritingTestFiles.entries(of: url).map(\.name) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
            ])
        #expect(try WritingTestFiles.unzipTest(url))
    }

    @Test func writesCellsStylesPaneAndDropdowns() throws {
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let url = folder.appendingPathComponent("review.xlsx")
        try XLSXWorkbookWriter.write([Self.review, Self.lists], to: url)
        let parts = try WritingTestFiles.entries(of: url)
        let sheet = String(decoding: parts.first { $0.name == "xl/worksheets/sheet1.xml" }!.data, as: UTF8.self)
        let expected = [
            // Bold + wrap header (style 12), frozen below row 1.
            #"<c r="A1" s="12" t="inlineStr"><is><t xml:space="preserve">ID</t></is></c>"#,
            #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#,
            // Red row: wrap + fill 1 = style 5, on the row too so empty cells are filled.
            #"<row r="2" s="5" customFormat="1">"#,
            "<c r=\"C2\" s=\"5\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Yes.\nSee POL-1 &amp; &lt;annex&gt;</t></is></c><c r=\"D2\" s=\"5\"/>",
            #"<c r="C3" s="6"><v>42</v></c><c r="D3" s="6"><v>0.5</v></c>"#,
            #"<col min="2" max="2" width="60" customWidth="1"/><col min="3" max="3" width="80.5" customWidth="1"/>"#,
            #"<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="D2:D3"><formula1>&quot;Approve,Edit,Reject&quot;</formula1></dataValidation>"#,
        ]
        for fragment in expected { #expect(sheet.contains(fragment), "missing \(fragment)") }
        let workbook = String(decoding: parts.first { $0.name == "xl/workbook.xml" }!.data, as: UTF8.self)
        #expect(workbook.contains(#"<sheet name="Lists" sheetId="2" state="hidden" r:id="rId2"/>"#))
        let styles = String(decoding: parts.first { $0.name == "xl/styles.xml" }!.data, as: UTF8.self)
        #expect(styles.contains(#"<cellXfs count="16">"#))
        #expect(styles.contains(#"<fgColor rgb="FFFFC7CE"/>"#))
    }

    @Test func outputIsDeterministic() throws {
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let first = folder.appendingPathComponent("a.xlsx")
        let second = folder.appendingPathComponent("b.xlsx")
        try XLSXWorkbookWriter.write([Self.review, Self.lists], to: first)
        try XLSXWorkbookWriter.write([Self.review, Self.lists], to: second)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.xlsx", "b.xlsx"],
            "no temporary files left behind")
    }

    struct Invalid: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var sheets: [XLSXSheetSpec]
        var location: String
    }

    @Test(arguments: [
        Invalid(testDescription: "name with a slash", sheets: [XLSXSheetSpec(name: "A/B", rows: [])], location: "x.xlsx[A/B]"),
        Invalid(
            testDescription: "name too long", sheets: [XLSXSheetSpec(name: String(repeating: "n", count: 32), rows: [])],
            location: "x.xlsx[\(String(repeating: "n", count: 32))]"),
        Invalid(
            testDescription: "duplicate name", sheets: [XLSXSheetSpec(name: "S", rows: []), XLSXSheetSpec(name: "s", rows: [])],
            location: "x.xlsx[s]"),
        Invalid(testDescription: "only hidden sheets", sheets: [XLSXSheetSpec(name: "S", rows: [], isHidden: true)], location: "x.xlsx"),
        Invalid(
            testDescription: "comma in a choice",
            sheets: [XLSXSheetSpec(name: "S", rows: [], validations: [.init(range: CellRange("A1:A2")!, choices: ["Yes, partly"])])],
            location: "x.xlsx[S]!A1:A2"),
        Invalid(
            testDescription: "text longer than a cell holds",
            sheets: [XLSXSheetSpec(name: "S", rows: [[.text(String(repeating: "x", count: 32_768))]])], location: "x.xlsx[S]!A1"),
        Invalid(
            testDescription: "infinite number", sheets: [XLSXSheetSpec(name: "S", rows: [[.empty, .number(.infinity)]])],
            location: "x.xlsx[S]!B1"),
    ])
    func rejects(_ invalid: Invalid) throws {
        let scratch = try ScratchFolder("writing-tests")
        let folder = scratch.url
        let url = folder.appendingPathComponent("x.xlsx")
        let error = #expect(throws: XLSXWriteError.self) { try XLSXWorkbookWriter.write(invalid.sheets, to: url) }
        #expect(error?.kind == .invalidEdit)
        #expect(error?.location.description == invalid.location)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }
}
