import Foundation
import Spreadsheet

/// Renders a buyer's CSV sheet back as CSV with answers filled in.
enum CSVAnswerWriter {
    /// Every record keeps its fields (padded to the widest record, or to the furthest answer
    /// column) and the buyer's delimiter; answers overwrite their cells and, since spreadsheet programs run a field that
    /// starts with `=`, `+`, `-`, `@`, tab or CR as a formula, such answers get a leading `'`.
    static func render(_ sheet: Sheet?, answers: [(address: CellAddress, text: String)], delimiter: Character = ",",
                       byteOrderMark: Bool) -> Data {
        var grid: [Int: [Int: String]] = [:]
        for row in sheet?.rows ?? [] {
            for cell in row.cells { grid[row.number, default: [:]][cell.address.column] = cell.value.displayText }
        }
        for answer in answers { grid[answer.address.row, default: [:]][answer.address.column] = CSVField.neutralised(answer.text) }
        let width = grid.values.compactMap { $0.keys.max() }.max() ?? 0
        let lastRow = grid.keys.max() ?? 0
        var text = byteOrderMark ? "\u{FEFF}" : ""
        let delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
        for number in stride(from: 1, through: lastRow, by: 1) {
            let fields = (1...max(width, 1)).map { CSVField.quoted(grid[number]?[$0] ?? "", delimiter: delimiterByte) }
            text += fields.joined(separator: String(delimiter)) + "\r\n"
        }
        return Data(text.utf8)
    }
}
