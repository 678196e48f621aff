import Testing
@testable import Spreadsheet

/// Byte-level cases for the worksheet patcher, on hand-written parts.
@Suite("WorksheetPatcher")
struct WorksheetPatcherTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var sheetData: String
        var edits: [String: String]
        var expected: String
    }

    static func cell(_ reference: String, _ text: String, style: String? = nil) -> String {
        "<c r=\"\(reference)\"\(style.map { " s=\"\($0)\"" } ?? "") t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>"
    }

    @Test(arguments: [
        Case(
            testDescription: "self-closing row gets content",
            sheetData: #"<sheetData><row r="4" /></sheetData>"#, edits: ["B4": "x"],
            expected: #"<sheetData><row r="4" >"# + cell("B4", "x") + "</row></sheetData>"),
        Case(
            testDescription: "self-closing cell keeps its style",
            sheetData: #"<sheetData><row r="1"><c r="A1" s="7"/><c r="B1"/></row></sheetData>"#, edits: ["A1": "y"],
            expected: #"<sheetData><row r="1">"# + cell("A1", "y", style: "7") + #"<c r="B1"/></row></sheetData>"#),
        Case(
            testDescription: "cell inserted before a later column",
            sheetData: #"<sheetData><row r="2"><c r="A2"><v>1</v></c><c r="AA2"><v>2</v></c></row></sheetData>"#, edits: ["C2": "z"],
            expected: #"<sheetData><row r="2"><c r="A2"><v>1</v></c>"# + cell("C2", "z") + #"<c r="AA2"><v>2</v></c></row></sheetData>"#),
        Case(
            testDescription: "row inserted before the first row, two cells in column order",
            sheetData: #"<sheetData><row r="5"><c r="A5"><v>1</v></c></row></sheetData>"#, edits: ["B1": "b", "A1": "a"],
            expected: #"<sheetData><row r="1">"# + cell("A1", "a") + cell("B1", "b") + #"</row><row r="5"><c r="A5"><v>1</v></c></row></sheetData>"#),
        Case(
            testDescription: "row style applies to a new cell when customFormat is set",
            sheetData: #"<sheetData><row r="3" s="9" customFormat="1"></row></sheetData>"#, edits: ["A3": "r"],
            expected: #"<sheetData><row r="3" s="9" customFormat="1">"# + cell("A3", "r", style: "9") + "</row></sheetData>"),
        Case(
            testDescription: "end tags with space and a prefix",
            sheetData: #"<sheetData><row r="1"><c r="A1"><v>1</v></c></row ></sheetData >"#, edits: ["B1": "e"],
            expected: #"<sheetData><row r="1"><c r="A1"><v>1</v></c>"# + cell("B1", "e") + "</row ></sheetData >"),
        Case(
            testDescription: "attribute values holding > and single quotes",
            sheetData: #"<sheetData><row r='1' x=">"><c r='A1' s='3'><v>1</v></c></row></sheetData>"#, edits: ["A1": "q"],
            expected: #"<sheetData><row r='1' x=">">"# + cell("A1", "q", style: "3") + "</row></sheetData>"),
        Case(
            testDescription: "comments and rich text are stepped over",
            sheetData: #"<sheetData><!-- <row r="1"> --><row r="1"><c r="A1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row></sheetData>"#,
            edits: ["A1": "new"],
            expected: #"<sheetData><!-- <row r="1"> --><row r="1">"# + cell("A1", "new") + "</row></sheetData>"),
    ])
    func patches(_ example: Case) throws {
        let head = #"<?xml version="1.0"?><worksheet xmlns="urn:main">"#
        let part = head + example.sheetData + "<extLst><ext/></extLst></worksheet>"
        let edits = Dictionary(uniqueKeysWithValues: example.edits.map { (CellAddress($0.key)!, $0.value) })
        let outcome = try WorksheetPatcher(bytes: Array(part.utf8), file: "t.xlsx:s.xml").apply(edits)
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == head + example.expected + "<extLst><ext/></extLst></worksheet>")
    }

    @Test func reportsFormulaCellsAndMissingCellReferences() throws {
        let formula = #"<worksheet><sheetData><row r="2"><c r="B2"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>"#
        let outcome = try WorksheetPatcher(bytes: Array(formula.utf8), file: "t.xlsx:s.xml").apply([CellAddress("B2")!: "2"])
        #expect(outcome.replacedFormulaCells == [CellAddress("B2")!])

        let noReference = #"<worksheet><sheetData><row r="2"><c><v>2</v></c></row></sheetData></worksheet>"#
        let error = #expect(throws: XLSXWriteError.self) {
            try WorksheetPatcher(bytes: Array(noReference.utf8), file: "t.xlsx:s.xml").apply([CellAddress("B2")!: "2"])
        }
        #expect(error?.kind == .malformed)
        #expect(error?.message.contains("row 2") == true)
    }

    @Test(arguments: [
        (#"<f t="shared" ref="B2:B4" si="0">A2*2</f>"#, "the cell anchors the shared formula of B2:B4"),
        (#"<f t="array" ref="B2:C2">A2:A3</f>"#, "the cell anchors the array formula of B2:C2"),
    ])
    func refusesToOverwriteAFormulaOthersDependOn(_ formula: String, _ message: String) throws {
        let part = #"<worksheet><sheetData><row r="2"><c r="A2"><v>1</v></c><c r="B2">"# + formula + "<v>2</v></c></row></sheetData></worksheet>"
        let patcher = WorksheetPatcher(bytes: Array(part.utf8), file: "t.xlsx:s.xml")
        let error = #expect(throws: XLSXWriteError.self) { try patcher.apply([CellAddress("B2")!: "x"]) }
        #expect(error?.message.hasPrefix(message) == true)
        #expect(error?.location.description == "t.xlsx:s.xml!B2")
        // A neighbour in the same row can still be written.
        #expect(try patcher.apply([CellAddress("A2")!: "x"]).replacedFormulaCells.isEmpty)
    }

    @Test func calcChainLosesOnlyTheOverwrittenFormula() {
        let chain = #"<calcChain xmlns="urn:main"><c r="B2" i="1"/><c r="B3"/><c r="B2" i="2"/></calcChain>"#
        let pruned = CalcChainPruner.removing([(sheetID: "1", cell: CellAddress("B2")!)], from: Array(chain.utf8))
        // B3 inherited i="1" from the removed entry, so it now carries it itself.
        #expect(String(decoding: pruned, as: UTF8.self) == #"<calcChain xmlns="urn:main"><c i="1" r="B3"/><c r="B2" i="2"/></calcChain>"#)
    }
}
