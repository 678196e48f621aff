import ResponderModel
import Spreadsheet

/// Answer-type codes that a questionnaire library defines on a sheet of its own and names in each
/// question's answer cell (`RESP01` = "Si / No / Parcial / N/A", one option per line; `TEXTO` = free
/// text), as ciso-assistant libraries do.
struct AnswerTypeCodes: Sendable {
    /// Code to its options; an empty list is a free-text code.
    private var codes: [String: [String]] = [:]

    init(_ workbook: Workbook) {
        // Code tables are short; a long sheet is a questionnaire, not a table of answer types.
        for sheet in workbook.sheets where sheet.rows.count <= 500 {
            var found: [String: [String]] = [:]
            var definesChoices = false
            for row in sheet.rows {
                guard let first = row.cells.first(where: { !$0.value.isEmpty }) else { continue }
                let code = first.value.displayText.trimmingCharacters(in: .whitespaces)
                guard code.count <= 16, !code.contains(" "), code.contains(where: \.isNumber) || code == code.uppercased() else { continue }
                let options =
                    row.cells.dropFirst().lazy.map { $0.value.displayText }
                    .first { $0.contains("\n") }
                    .map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
                if options.count >= 2 { definesChoices = true }
                found[code] = options.count >= 2 ? options : []
            }
            // Only a sheet that defines choice lists is a code table; its other codes are free text.
            if definesChoices { codes.merge(found) { first, _ in first } }
        }
    }

    /// The kind and options a cell holding `text` asks for, when `text` is a defined code.
    func answer(for text: String) -> (kind: AnswerCell.Kind, allowed: [String]?)? {
        guard !codes.isEmpty, let options = codes[text.trimmingCharacters(in: .whitespaces)] else { return nil }
        return options.isEmpty ? (.text, nil) : (.choice, options)
    }
}
