import Testing
@testable import Spreadsheet

@Suite struct CellAddressTests {
    @Test(arguments: [
        ("A1", 1, 1), ("C17", 17, 3), ("$AA$10", 10, 27), ("XFD1048576", 1_048_576, 16_384), ("zz3", 3, 702),
    ])
    func parsesReferences(text: String, row: Int, column: Int) {
        #expect(CellAddress(text) == CellAddress(row: row, column: column))
    }

    @Test(arguments: ["", "A", "17", "A0", "XFE1", "A1048577", "1A", "A1B", "A-1"])
    func rejectsInvalidReferences(text: String) {
        #expect(CellAddress(text) == nil)
    }

    @Test(arguments: [(1, "A"), (26, "Z"), (27, "AA"), (702, "ZZ"), (703, "AAA"), (16_384, "XFD")])
    func writesColumnLetters(column: Int, letters: String) {
        #expect(CellAddress.columnLetters(column) == letters)
        #expect(CellAddress.columnNumber(letters) == column)
    }
}
