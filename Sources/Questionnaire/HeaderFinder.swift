import Foundation
import Spreadsheet

/// Finds a sheet's header row by its labels.
enum HeaderFinder {
    struct Header {
        var row: Int
        var columns: [DetectedColumn]
        /// Every row that repeats this header (headers repeated per section), and a group row above.
        var allRows: Set<Int>
    }

    static func role(of label: String) -> ColumnRole? {
        let lower = label.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !lower.isEmpty, lower.count <= 60 else { return nil }
        let words = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "#" }).map(String.init)
        func has(_ options: [String]) -> Bool { options.contains { words.contains($0) } }
        if lower == "#" || has(["id", "ref", "no", "nº", "num", "number", "nr", "número"]) && !has(["yes"]) && words.count <= 3 { return .id }
        if has(["yes", "answer", "response", "compliance", "compliant", "respuesta", "antwort", "réponse", "reponse"])
            && !has(["comment", "comments", "explanation", "notes", "detail", "details"]) { return .answer }
        if has(["comment", "comments", "notes", "note", "evidence", "explanation", "remarks", "comentarios", "kommentar", "commentaires", "justification", "description", "information", "details"]) { return .comment }
        if has(["question", "questions", "control", "requirement", "requirements", "specification", "pregunta", "frage", "requisito", "exigence"]) { return .question }
        return nil
    }

    /// How many distinct roles a row's cells name.
    static func score(_ row: SheetRow) -> Int {
        Set(row.cells.compactMap { role(of: $0.value.displayText) }).count
    }

    static func find(in sheet: Sheet) -> Header? {
        var best: (row: SheetRow, score: Int)?
        for row in sheet.rows.prefix(40) {
            let score = score(row)
            guard score >= 2 else { continue }
            let roles = Set(row.cells.compactMap { role(of: $0.value.displayText) })
            guard roles.contains(.question) || roles.contains(.answer) else { continue }
            // On a two-row group+field header the lower (field) row wins.
            if let current = best, score < current.score || (score == current.score && row.number != current.row.number + 1) { continue }
            best = (row, score)
        }
        guard let header = best?.row else { return nil }
        var columns: [DetectedColumn] = []
        for cell in header.cells {
            guard let role = role(of: cell.value.displayText) else { continue }
            if role != .comment && columns.contains(where: { $0.role == role }) { continue }
            columns.append(DetectedColumn(column: cell.address.column, role: role, source: .header,
                                          label: TextCleaner.clean(cell.value.displayText).text))
        }
        let signature = header.cells.map { $0.value.displayText }
        var all: Set<Int> = [header.number]
        for row in sheet.rows where row.cells.map({ $0.value.displayText }) == signature { all.insert(row.number) }
        // A group row right above (two-row header) is not data either.
        if let above = sheet.row(header.number - 1), above.cells.count >= 1, score(above) >= 1 { all.insert(above.number) }
        return Header(row: header.number, columns: columns, allRows: all)
    }
}
