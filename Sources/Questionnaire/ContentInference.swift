import Foundation
import Spreadsheet

/// Infers columns from what their cells hold, when no header names them or a header's label does
/// not fit its content.
enum ContentInference {
    /// How question-like one column's cells are below a row.
    struct ColumnStats {
        /// Distinct texts that read as questions or requests (`?`, "Describe ...", "Provide ...").
        var distinctQuestions = 0
        /// Distinct sentence-like texts (a space and at least 25 characters).
        var distinctSentences = 0
        /// Cells that look like question IDs.
        var ids = 0
        /// Non-empty cells.
        var filled = 0

        var questionScore: Int { 2 * distinctQuestions + distinctSentences }
    }

    /// How many rows below the header the column choice looks at: enough to see what a column
    /// holds, and it keeps detection linear in a 50,000-row sheet's reading alone.
    static let sampleRows = 2_000

    /// Per-column statistics of the first ``sampleRows`` rows after `headerRow` (from the top when nil).
    static func stats(in sheet: Sheet, after headerRow: Int?) -> [Int: ColumnStats] {
        var stats: [Int: ColumnStats] = [:]
        var seen: [Int: Set<String>] = [:]
        for row in sheet.rows.lazy.filter({ $0.number > (headerRow ?? 0) }).prefix(sampleRows) {
            for cell in row.cells {
                let text = cell.value.displayText
                guard !cell.value.isEmpty else { continue }
                let column = cell.address.column
                stats[column, default: ColumnStats()].filled += 1
                if text.utf8.count <= 24 && QuestionIDPattern.matches(text) {
                    stats[column, default: ColumnStats()].ids += 1
                    continue
                }
                guard text.utf8.count >= 12, text.utf8.contains(UInt8(ascii: " ")) else { continue }
                guard seen[column, default: []].insert(text).inserted else { continue }
                if text.utf8.count >= 25 { stats[column, default: ColumnStats()].distinctSentences += 1 }
                if isQuestionLike(text) { stats[column, default: ColumnStats()].distinctQuestions += 1 }
            }
        }
        return stats
    }

    /// Reads as a question or a request for information.
    static func isQuestionLike(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "?")) || text.hasPrefix("¿") || TextCleaner.isRequest(text)
    }

    /// The best question column among `allowed` (all columns when nil), by content.
    static func questionColumn(_ stats: [Int: ColumnStats], allowed: (Int) -> Bool = { _ in true }) -> Int? {
        stats.filter { allowed($0.key) && $0.value.questionScore > 0 }
            .max { ($0.value.questionScore, -$0.key) < ($1.value.questionScore, -$1.key) }?.key
    }

    /// A column of question IDs: at least half the question rows hold an ID-shaped value.
    static func idColumn(in sheet: Sheet, questionColumn: Int, from firstRow: Int, excluding: Set<Int>) -> Int? {
        var counts: [Int: Int] = [:]
        var questionRows = 0
        for row in sheet.rows.lazy.filter({ $0.number >= firstRow }) {
            guard questionRows < sampleRows else { break }
            guard let question = row.cell(inColumn: questionColumn), !question.value.isEmpty else { continue }
            questionRows += 1
            for cell in row.cells where cell.address.column != questionColumn && !excluding.contains(cell.address.column) {
                let text = cell.value.displayText.trimmingCharacters(in: .whitespaces)
                if QuestionIDPattern.matches(text) { counts[cell.address.column, default: 0] += 1 }
            }
        }
        guard let best = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }),
            best.value >= 2, best.value * 2 >= questionRows
        else { return nil }
        return best.key
    }

    /// Columns with a list validation, or unlocked cells in a protected sheet, right of the questions.
    static func answerColumns(in sheet: Sheet, after questionColumn: Int, excluding: Set<Int>, after headerRow: Int) -> [DetectedColumn] {
        var result: [DetectedColumn] = []
        let listColumns = Set(
            sheet.validations.filter { $0.kind == .list }.flatMap { validation in
                validation.ranges.flatMap { Array($0.start.column...min($0.end.column, $0.start.column + 200)) }
            })
        for column in listColumns.sorted() where column > questionColumn && !excluding.contains(column) && column <= 200 {
            result.append(DetectedColumn(column: column, role: .answer, source: .content))
        }
        if sheet.isProtected {
            let unlocked = sheet.unlockedColumns.union(sheet.rows.filter { $0.number > headerRow }.flatMap { $0.cells.filter { !$0.isLocked }.map(\.address.column) })
            for column in unlocked.sorted() where column > questionColumn && !excluding.contains(column) && !listColumns.contains(column) {
                result.append(DetectedColumn(column: column, role: .comment, source: .content))
            }
        }
        return result
    }
}
