import Foundation
import Questionnaire
import ResponderModel
import Spreadsheet

/// What every read must guarantee, whatever the input: the promises SECURITY.md makes about
/// workbooks, errors and detected questions, written as checks a fuzzer can run on each input.
package enum ReadInvariants {
    /// An error names the file it came from (with the part, for XML inside an archive:
    /// `buyer.xlsx:xl/worksheets/sheet1.xml`) and says something.
    package static func violations(in error: SpreadsheetError, path: String) -> [String] {
        var found: [String] = []
        if error.location.file != path && !error.location.file.hasPrefix(path + ":") { found.append("error names '\(error.location.file)', not '\(path)': \(error)") }
        if error.message.trimmingCharacters(in: .whitespaces).isEmpty { found.append("error without a message at \(error.location)") }
        return found
    }

    /// Rows and cells are inside Excel's grid, sorted, unique, and each cell sits in its own row.
    package static func violations(in workbook: Workbook, path: String) -> [String] {
        var found: [String] = []
        if workbook.path != path { found.append("workbook path '\(workbook.path)', not '\(path)'") }
        for sheet in workbook.sheets {
            var previousRow = 0
            for row in sheet.rows {
                if row.number <= previousRow { found.append("[\(sheet.name)] row \(row.number) after row \(previousRow)") }
                if row.number > CellAddress.maxRow { found.append("[\(sheet.name)] row \(row.number) beyond the grid") }
                previousRow = row.number
                var previousColumn = 0
                for cell in row.cells {
                    let address = cell.address
                    if address.row != row.number { found.append("[\(sheet.name)] cell \(address) listed in row \(row.number)") }
                    if address.column <= previousColumn { found.append("[\(sheet.name)] cell \(address) out of column order") }
                    if address.column > CellAddress.maxColumn { found.append("[\(sheet.name)] cell \(address) beyond column XFD") }
                    previousColumn = address.column
                }
            }
        }
        return found
    }

    /// Every question sits on a row of a sheet that was read, and its answer cells are in the grid.
    package static func violations(in scan: QuestionnaireScan, of workbook: Workbook) -> [String] {
        var found: [String] = []
        for question in scan.questions {
            guard let sheet = workbook.sheet(named: question.sheet) else {
                found.append("question \(question.key) on a sheet the workbook does not have")
                continue
            }
            if sheet.row(question.row) == nil { found.append("question \(question.key) on row \(question.row), which holds nothing") }
            if question.text.isEmpty { found.append("question \(question.key) has no text") }
            for answer in question.answerCells
            where CellAddress.columnNumber(answer.column).map({ (1...CellAddress.maxColumn).contains($0) }) != true {
                found.append("question \(question.key) answers into column '\(answer.column)', outside the grid")
            }
        }
        return found
    }
}
