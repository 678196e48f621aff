import Foundation
import Testing
@testable import Spreadsheet

/// Attacks 9-11: worksheet content that claims impossible cells, strings or references.
@Suite struct WorksheetAttackTests {
    /// The fixtures' sheet is named "Attack"; errors name it and the part's line or the cell.
    private func place(_ path: String, _ suffix: String) -> String { "\(path)[Attack]\(suffix)" }

    @Test(arguments: [
        ("million_cells_row.xlsx", SpreadsheetError.Kind.limitExceeded, ":2", "row 1 has more than 16384 cells"),
        ("cell_beyond_xfd.xlsx", .limitExceeded, ":2", "row 1 has cells beyond column XFD"),
        ("cell_xfe.xlsx", .malformed, ":2", "invalid cell reference 'XFE1'"),
    ])
    func rowsWiderThanExcelAreRefused(name: String, kind: SpreadsheetError.Kind, suffix: String, message: String) {
        let path = AttackHarness.fixture(name)
        let outcome = AttackHarness.expectRefused(path, kind, at: place(path, suffix), message)
        // Refused in the first row, before it is kept.
        #expect(outcome.counters.rowsRead == 0)
    }

    @Test(arguments: [
        ("shared_string_minus.xlsx", "!B3", "shared string index '-1' is out of range (the table has 1 strings)"),
        ("shared_string_overflow.xlsx", "!B3", "shared string index '99999999999999999999' is out of range (the table has 1 strings)"),
        ("shared_string_text.xlsx", "!B3", "shared string index 'abc' is out of range (the table has 1 strings)"),
        ("shared_string_no_table.xlsx", "!C2", "shared string index '0' is out of range (the table has 0 strings)"),
    ])
    func sharedStringIndexOutOfRangeNamesTheCell(name: String, cell: String, message: String) {
        let path = AttackHarness.fixture(name)
        AttackHarness.expectRefused(path, .malformed, at: place(path, cell), message)
    }

    @Test(arguments: [
        ("ref_ZZZZZ1.xlsx", "ZZZZZ1"),
        ("ref_A0.xlsx", "A0"),
        ("ref_1A.xlsx", "1A"),
        ("ref_A1048577.xlsx", "A1048577"),
        ("ref_row_mismatch.xlsx", "B2"),
        ("ref_row_zero.xlsx", "0"),
        ("ref_row_huge.xlsx", "99999999999999999999"),
    ])
    func invalidCellReferencesNameTheLine(name: String, reference: String) {
        let path = AttackHarness.fixture(name)
        AttackHarness.expectRefused(path, .malformed, at: place(path, ":4"), "invalid cell reference '\(reference)'")
    }

    /// A cell or row listed twice has no single meaning: whichever twin a reader kept would decide
    /// the question drafted, so both are refused (they used to be read silently, both twins kept).
    @Test(arguments: [
        ("duplicate_cell.xlsx", "!A1", "cell A1 appears twice"),
        ("duplicate_row.xlsx", ":2", "row 1 appears twice"),
    ])
    func duplicatedCellsAndRowsAreRefused(name: String, suffix: String, message: String) {
        let path = AttackHarness.fixture(name)
        AttackHarness.expectRefused(path, .malformed, at: place(path, suffix), message)
    }
}
