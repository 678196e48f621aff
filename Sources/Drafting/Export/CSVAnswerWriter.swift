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
        for answer in answers { grid[answer.address.row, default: [:]][answer.address.column] = neutralised(answer.text) }
        let width = grid.values.compactMap { $0.keys.max() }.max() ?? 0
        let lastRow = grid.keys.max() ?? 0
        var text = byteOrderMark ? "\u{FEFF}" : ""
        for number in stride(from: 1, through: lastRow, by: 1) {
            let fields = (1...max(width, 1)).map { quoted(grid[number]?[$0] ?? "", delimiter: delimiter) }
            text += fields.joined(separator: String(delimiter)) + "\r\n"
        }
        return Data(text.utf8)
    }

    private static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    private static func quoted(_ field: String, delimiter: Character) -> String {
        guard field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
