import Foundation
import Spreadsheet

/// Writes a buyer's CSV file back with answers filled in.
enum CSVAnswerWriter {
    /// The buyer's `original` bytes with each answer put in its field.
    ///
    /// Only answer fields are encoded anew: every other field, every delimiter and every line end
    /// comes back byte for byte (a buyer's quoted `"\r=1+1"` stays exactly that), and a record
    /// without an answer is copied whole. An answer beyond a record's last field pads the record
    /// with empty fields; one below the last record adds records ending like the file's first.
    /// Since spreadsheet programs run a field that starts with `=`, `+`, `-`, `@`, tab or CR as a
    /// formula, such answers get a leading `'`. A UTF-8 byte order mark is kept; UTF-16 text (which
    /// the reader accepts with its byte order mark) is written as UTF-8.
    static func render(_ original: Data, answers: [(address: CellAddress, text: String)], delimiter: Character = ",") -> Data {
        let delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
        var output: [UInt8] = []
        let body: [UInt8]
        if original.starts(with: [0xEF, 0xBB, 0xBF]) {
            output = [0xEF, 0xBB, 0xBF]
            body = Array(original.dropFirst(3))
        } else if original.starts(with: [0xFF, 0xFE]) || original.starts(with: [0xFE, 0xFF]) {
            body = Array((String(data: original, encoding: .utf16) ?? "").utf8)
        } else {
            body = Array(original)
        }
        var byRow: [Int: [Int: String]] = [:]
        for answer in answers {
            byRow[answer.address.row, default: [:]][answer.address.column] = CSVField.quoted(
                CSVField.neutralised(answer.text),
                delimiter: delimiterByte)
        }
        let records = CSVRecordSplitter.records(in: body, delimiter: delimiterByte)
        let lineEnd = records.first.map { Array(body[$0.lineEnd]) }.flatMap { $0.isEmpty ? nil : $0 } ?? Array("\r\n".utf8)
        for (position, record) in records.enumerated() {
            guard let filled = byRow[position + 1] else {
                let start = record.fields.first?.lowerBound ?? record.lineEnd.lowerBound
                output += body[start..<record.lineEnd.upperBound]
                continue
            }
            let width = max(record.fields.count, filled.keys.max() ?? 0)
            for column in 1...width {
                if column > 1 { output.append(delimiterByte) }
                if let answer = filled[column] {
                    output += answer.utf8
                } else if column <= record.fields.count {
                    output += body[record.fields[column - 1]]
                }
            }
            output += body[record.lineEnd]
        }
        let lastRow = byRow.keys.max() ?? 0
        if lastRow > records.count {
            if let last = records.last, last.lineEnd.isEmpty { output += lineEnd }
            for row in (records.count + 1)...lastRow {
                let filled = byRow[row] ?? [:]
                let width = filled.keys.max() ?? 0
                for column in stride(from: 1, through: width, by: 1) {
                    if column > 1 { output.append(delimiterByte) }
                    output += (filled[column] ?? "").utf8
                }
                output += lineEnd
            }
        }
        return Data(output)
    }
}
