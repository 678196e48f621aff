import FuzzHarness
import Foundation
import Testing
@testable import Spreadsheet

/// Replays every input the fuzzers found (`Fuzz/Regressions/<target>/`) through the same checks
/// the fuzz harnesses run (scripts/fuzz, SECURITY.md).
@Suite struct FuzzRegressionTests {
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")

    /// Every saved input of every target, as (target, file).
    static var savedInputs: [(FuzzTarget, URL)] {
        FuzzTarget.allCases.flatMap { target in
            let folder = regressions.appendingPathComponent(target.rawValue)
            let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
            return files.sorted { $0.lastPathComponent < $1.lastPathComponent }.map { (target, $0) }
        }
    }

    /// A hang was the finding for the xlsx inputs; the two below check what they now come to (a
    /// damaged part) rather than timing them, which only a quiet machine could do reliably.
    @Test func everySavedInputIsHandled() throws {
        let inputs = Self.savedInputs
        #expect(inputs.count >= 5, "the regression folders lost their inputs")
        for (target, file) in inputs {
            let violations = target.violations(for: try Data(contentsOf: file))
            #expect(violations.isEmpty, "\(target.rawValue)/\(file.lastPathComponent): \(violations)")
        }
    }

    /// The first hang: a deflated part whose stream does not end inside its entry. ZIPFoundation's
    /// extraction read on to the end of the file and then looped forever; now it is a damaged part.
    @Test(arguments: [
        ("deflate-never-ends-in-sheet.xlsx", "xl/worksheets/sheet1.xml"),
        ("deflate-never-ends-in-shared-strings.xlsx", "xl/sharedStrings.xml"),
    ])
    func deflateStreamThatNeverEndsIsADamagedPart(file: String, part: String) {
        let path = Self.regressions.appendingPathComponent("xlsx/\(file)").path
        #expect(
            throws: SpreadsheetError(
                .malformed, at: .init(file: "\(path):\(part)"),
                "the part cannot be decompressed (damaged archive)")
        ) {
            try SpreadsheetReader.read(path: path)
        }
    }

    /// The harness's own checks can fail: a workbook with a cell filed under the wrong row, or rows
    /// out of order, is reported.
    @Test func invariantsCatchABrokenWorkbook() {
        let misfiled = Sheet(
            name: "S", index: 0,
            rows: [
                SheetRow(number: 2, cells: [Cell(address: CellAddress(row: 3, column: 1), value: .text("x"))]),
                SheetRow(number: 1, cells: []),
            ])
        let found = ReadInvariants.violations(in: Workbook(path: "f.xlsx", format: .xlsx, sheets: [misfiled]), path: "f.xlsx")
        #expect(found == ["[S] cell A3 listed in row 2", "[S] row 1 after row 2"])
        let error = SpreadsheetError(.malformed, at: .init(file: "other.xlsx"), "bad")
        #expect(ReadInvariants.violations(in: error, path: "f.xlsx") == ["error names 'other.xlsx', not 'f.xlsx': other.xlsx: error: bad"])
    }
}
