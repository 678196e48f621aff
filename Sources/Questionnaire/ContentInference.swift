import Foundation
import Spreadsheet

/// Infers columns from content when a sheet has no header.
enum ContentInference {
    static func columns(in sheet: Sheet) -> [DetectedColumn] {
        guard let question = questionColumn(in: sheet, after: 0) else { return [] }
        var columns = [DetectedColumn(column: question, role: .question, source: .content)]
        if let id = idColumn(in: sheet, before: question) {
            columns.append(DetectedColumn(column: id, role: .id, source: .content))
        }
        return columns
    }

    /// The column whose cells are most often long, sentence-like text.
    static func questionColumn(in sheet: Sheet, after headerRow: Int) -> Int? {
        var counts: [Int: Int] = [:]
        for row in sheet.rows where row.number > headerRow {
            for cell in row.cells {
                let text = cell.value.displayText
                if text.count >= 25 && text.contains(" ") { counts[cell.address.column, default: 0] += 1 }
            }
        }
        return counts.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.first.map(\.key)
    }

    /// A column left of the questions holding short code-like values.
    static func idColumn(in sheet: Sheet, before question: Int) -> Int? {
        var counts: [Int: Int] = [:]
        for row in sheet.rows {
            guard row.cell(inColumn: question) != nil else { continue }
            for cell in row.cells where cell.address.column < question {
                let text = cell.value.displayText.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty && text.count <= 16 && !text.contains(" ") && text.contains(where: \.isNumber) {
                    counts[cell.address.column, default: 0] += 1
                }
            }
        }
        return counts.filter { $0.value >= 2 }.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.first.map(\.key)
    }

    /// Columns with a list validation, or unlocked cells in a protected sheet.
    static func answerColumns(in sheet: Sheet, excluding: Set<Int>, after headerRow: Int) -> [DetectedColumn] {
        var result: [DetectedColumn] = []
        let listColumns = Set(sheet.validations.filter { $0.kind == .list }.flatMap { validation in
            validation.ranges.flatMap { Array($0.start.column...$0.end.column) }
        })
        for column in listColumns.sorted() where !excluding.contains(column) && column <= 200 {
            result.append(DetectedColumn(column: column, role: .answer, source: .content))
        }
        if sheet.isProtected {
            let unlocked = sheet.unlockedColumns.union(sheet.rows.filter { $0.number > headerRow }.flatMap { $0.cells.filter { !$0.isLocked }.map(\.address.column) })
            for column in unlocked.sorted() where !excluding.contains(column) && !listColumns.contains(column) {
                result.append(DetectedColumn(column: column, role: .comment, source: .content))
            }
        }
        return result
    }
}
