import Foundation
import Spreadsheet

/// The `--columns` that would read a sheet holding a plain list of questions with no header row,
/// for the hint when nothing was found: the column where most cells read as questions, the column
/// of short codes just left of it as IDs, and the first column right of the list that is empty as
/// the answer.
public enum HeaderlessListGuess {
    /// The sheet and `--columns` value to suggest, or nil when no sheet looks like such a list.
    public static func suggestion(for workbook: Workbook) -> (sheet: String, columns: String)? {
        for sheet in workbook.sheets where sheet.visibility == .visible {
            if let columns = columns(for: sheet) { return (sheet.name, columns) }
        }
        return nil
    }

    /// The `--columns` value for one sheet (`id=A,question=B,answer=C`), or nil.
    static func columns(for sheet: Sheet) -> String? {
        let rows = sheet.rows.filter { row in row.cells.contains { !$0.value.isEmpty } }
        guard rows.count >= 2 else { return nil }
        var questionLike: [Int: Int] = [:]
        for row in rows {
            for cell in row.cells where looksLikeQuestion(cell.value.displayText) {
                questionLike[cell.address.column, default: 0] += 1
            }
        }
        // The lowest column wins a tie, so the guess is the same on every run.
        guard let (question, count) = questionLike.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).first,
            count >= 2, count * 2 >= rows.count
        else { return nil }
        var parts: [String] = []
        if question > 1 {
            let codes = rows.compactMap { $0.cell(inColumn: question - 1)?.value.displayText }.filter { !$0.isEmpty }
            if codes.count * 2 >= rows.count, codes.allSatisfy(looksLikeID) {
                parts.append("id=\(CellAddress.columnLetters(question - 1))")
            }
        }
        parts.append("question=\(CellAddress.columnLetters(question))")
        var answer = question + 1
        while rows.contains(where: { $0.cell(inColumn: answer).map { !$0.value.isEmpty } ?? false }) { answer += 1 }
        parts.append("answer=\(CellAddress.columnLetters(answer))")
        return parts.joined(separator: ",")
    }

    private static let openingWords: Set<String> = [
        "are", "can", "describe", "detail", "do", "does", "explain", "has", "have", "how", "is", "list", "please",
        "provide", "what", "when", "where", "which", "who", "will", "would",
    ]

    /// A sentence of a few words that asks something: ends with `?` or opens as questions do.
    private static func looksLikeQuestion(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = trimmed.split(whereSeparator: \.isWhitespace)
        guard words.count >= 3, let first = words.first else { return false }
        return trimmed.hasSuffix("?") || openingWords.contains(first.lowercased())
    }

    /// A short code without spaces (`AI-1`, `3.2`, `Q12`).
    private static func looksLikeID(_ text: String) -> Bool {
        text.count <= 16 && !text.contains(where: \.isWhitespace)
    }
}
