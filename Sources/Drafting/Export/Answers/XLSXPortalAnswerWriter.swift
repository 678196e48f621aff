import Foundation
import Spreadsheet

/// Answers as a one-sheet workbook ("Answers"), every value written as text (never a formula),
/// with a frozen header row.
public struct XLSXPortalAnswerWriter: PortalAnswerWriter {
    public init() {}

    public func write(_ answers: PortalAnswers, to url: URL) throws {
        var rows: [[XLSXSheetSpec.Value]] = [PortalAnswerFormat.headings.map { .text($0) }]
        for row in answers.rows {
            rows.append([
                .text(row.id), .text(row.sheet), .number(Double(row.row)), .text(row.question),
                row.choice.map { .text($0) } ?? .empty, row.answer.isEmpty ? .empty : .text(row.answer),
                row.citations.isEmpty ? .empty : .text(row.citations.map(\.text).joined(separator: "; ")),
                .text(row.status), row.decidedAt.map { .text($0) } ?? .empty,
            ])
        }
        let sheet = XLSXSheetSpec(
            name: "Answers", rows: rows,
            columnWidths: [1: 12, 2: 18, 3: 6, 4: 60, 5: 12, 6: 80, 7: 50, 8: 11, 9: 25])
        do {
            try XLSXWorkbookWriter.write([sheet], to: url)
        } catch {
            throw RunExporter.ExportError(description: "\(error)")
        }
    }
}
