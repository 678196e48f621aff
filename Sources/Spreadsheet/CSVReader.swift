import Foundation
import ResponderModel

/// Reads CSV (RFC 4180) into a one-sheet ``Workbook``.
public enum CSVReader {
    /// Parses CSV bytes. The sheet is named after the file without its extension; row numbers are
    /// 1-based record numbers counting the header.
    /// - Throws: ``SpreadsheetError`` naming the line of malformed input.
    public static func read(data: Data, path: String) throws(SpreadsheetError) -> Workbook {
        // Provisional: comma-only, no quoting. Replaced by the full reader.
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpreadsheetError(.malformed, at: SourceLocation(file: path, line: 1), "not valid UTF-8")
        }
        var rows: [SheetRow] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).enumerated().compactMap { column, field -> Cell? in
                field.isEmpty ? nil : Cell(address: CellAddress(row: index + 1, column: column + 1), value: .text(String(field)))
            }
            rows.append(SheetRow(number: index + 1, cells: cells))
        }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return Workbook(path: path, format: .csv, sheets: [Sheet(name: name, index: 0, rows: rows)])
    }
}
