import Foundation
import Testing
@testable import Spreadsheet

/// Attack 16: a hostile file in the middle of a batch must not disturb the files around it.
@Suite struct BatchAttackTests {
    @Test func hostileFilesBetweenGoodOnesLeaveTheGoodOnesIntact() throws {
        let goodWorkbook = AttackHarness.fixture("good.xlsx")
        let goodCSV = AttackHarness.fixture("good.csv")
        let expectedWorkbook = try SpreadsheetReader.read(path: goodWorkbook).workbook
        let expectedCSV = try SpreadsheetReader.read(path: goodCSV).workbook
        #expect(expectedWorkbook.sheets[0].rows.count == 39)
        #expect(expectedCSV.sheets[0].rows.count == 3)

        let hostile = [
            "billion_laughs_after_comment.xlsx", "external_dtd.xlsx", "zip_bomb.xlsx", "entry_absolute.xlsx",
            "truncated_central_directory.xlsx", "damaged_entry.xlsx", "encrypted_agile.xlsx", "million_cells_row.xlsx",
            "shared_string_overflow.xlsx", "ref_ZZZZZ1.xlsx", "duplicate_row.xlsx", "nul_in_quotes.csv",
            "overlong_utf8.csv", "unclosed_quote_at_end.csv",
        ].map { AttackHarness.fixture($0) }
        var refused: [String] = []
        for attack in hostile {
            // The loop a batch command runs: each file read on its own, failures collected, never fatal.
            for path in [goodWorkbook, attack, goodCSV] {
                do throws(SpreadsheetError) {
                    let workbook = try SpreadsheetReader.read(path: path).workbook
                    #expect(path != attack, "\(attack) was read")
                    #expect(workbook == (path == goodCSV ? expectedCSV : expectedWorkbook))
                } catch {
                    #expect(error.location.file.hasPrefix(attack), "\(error)")
                    refused.append(URL(fileURLWithPath: attack).lastPathComponent)
                }
            }
        }
        #expect(refused == hostile.map { URL(fileURLWithPath: $0).lastPathComponent })
    }
}
