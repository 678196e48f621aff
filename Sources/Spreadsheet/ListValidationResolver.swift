import Foundation
import ResponderModel

/// Turns a list validation's `formula1` into its allowed values: an inline list (`"Yes,No,N/A"`),
/// a range on any sheet (`'My Sheet'!$A$1:$A$3`, hidden sheets included), or a defined name
/// (sheet-local first, then workbook-level) that points at a range. Anything else, such as
/// `INDIRECT(...)`, stays unresolved with a warning.
struct ListValidationResolver {
    let workbook: Workbook

    func resolve(
        _ pending: WorksheetParser.PendingValidation, onSheet sheetIndex: Int,
        diagnostics: inout DiagnosticCollector
    ) -> DataValidation {
        var allowedValues: [String]?
        if pending.kind == .list {
            allowedValues = values(for: pending.formula, onSheet: sheetIndex)
            if allowedValues == nil {
                let sheet = workbook.sheets[sheetIndex]
                diagnostics.report(
                    .warning,
                    at: SourceLocation(file: workbook.path, sheet: sheet.name, cell: pending.ranges.first?.description),
                    "the dropdown list '\(pending.formula)' could not be resolved; its allowed values are unknown")
            }
        }
        return DataValidation(
            kind: pending.kind, ranges: pending.ranges, formula: pending.formula,
            allowedValues: allowedValues, origin: pending.origin, allowBlank: pending.allowBlank)
    }

    func values(for formula: String, onSheet sheetIndex: Int) -> [String]? {
        var text = formula.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("=") { text.removeFirst() }
        if text.hasPrefix("\"") { return Self.inlineList(text) }
        if let target = reference(text, onSheet: sheetIndex) { return values(in: target.range, of: target.sheet) }
        if let name = definedName(text, onSheet: sheetIndex), let target = reference(name.reference, onSheet: name.localSheetIndex ?? sheetIndex) {
            return values(in: target.range, of: target.sheet)
        }
        return nil
    }

    /// `"Yes,No,N/A"` -> ["Yes", "No", "N/A"]; nil unless the whole text is one quoted string.
    static func inlineList(_ text: String) -> [String]? {
        guard text.count >= 2, text.hasSuffix("\"") else { return nil }
        let body = text.dropFirst().dropLast()
        // Inside the quotes a doubled quote stands for one; an undoubled one means it was not one string.
        guard !body.replacingOccurrences(of: "\"\"", with: "").contains("\"") else { return nil }
        return body.replacingOccurrences(of: "\"\"", with: "\"")
            .split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Parses `Range`, `Sheet!Range` or `'My Sheet'!Range` into a sheet index and range.
    private func reference(_ text: String, onSheet sheetIndex: Int) -> (sheet: Int, range: CellRange)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).drop { $0 == "=" }
        guard let bang = trimmed.lastIndex(of: "!") else {
            return Self.range(trimmed).map { (sheetIndex, $0) }
        }
        var sheetName = String(trimmed[..<bang])
        if sheetName.count >= 2, sheetName.hasPrefix("'"), sheetName.hasSuffix("'") {
            sheetName = String(sheetName.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        guard let range = Self.range(trimmed[trimmed.index(after: bang)...]),
            let sheet = workbook.sheets.firstIndex(where: { $0.name.caseInsensitiveCompare(sheetName) == .orderedSame })
        else {
            return nil
        }
        return (sheet, range)
    }

    /// A range, including whole columns (`$A:$A`) and whole rows (`1:3`), which lists often use.
    static func range(_ text: some StringProtocol) -> CellRange? {
        if let range = CellRange(text) { return range }
        let parts = text.replacingOccurrences(of: "$", with: "").split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        if let first = CellAddress.columnNumber(parts[0]), let last = CellAddress.columnNumber(parts[1]) {
            return CellRange(start: CellAddress(row: 1, column: first), end: CellAddress(row: CellAddress.maxRow, column: last))
        }
        if let first = Int(parts[0]), let last = Int(parts[1]),
            (1...CellAddress.maxRow).contains(first), (1...CellAddress.maxRow).contains(last)
        {
            return CellRange(start: CellAddress(row: first, column: 1), end: CellAddress(row: last, column: CellAddress.maxColumn))
        }
        return nil
    }

    /// A defined name visible from the sheet: its own local name first, then the workbook-level one.
    private func definedName(_ text: String, onSheet sheetIndex: Int) -> DefinedName? {
        let matching = workbook.definedNames.filter { $0.name.caseInsensitiveCompare(text) == .orderedSame }
        return matching.first { $0.localSheetIndex == sheetIndex } ?? matching.first { $0.localSheetIndex == nil }
    }

    /// The displayed text of the range's non-empty cells, row by row; only rows the sheet holds are visited.
    private func values(in range: CellRange, of sheetIndex: Int) -> [String] {
        let sheet = workbook.sheets[sheetIndex]
        var result: [String] = []
        for row in sheet.rows where (range.start.row...range.end.row).contains(row.number) {
            for cell in row.cells where (range.start.column...range.end.column).contains(cell.address.column) {
                let text = cell.value.displayText.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { result.append(text) }
            }
        }
        return result
    }
}
