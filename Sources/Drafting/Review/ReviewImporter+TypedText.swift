import Foundation
import Spreadsheet

extension ReviewImporter {
    /// Why a reviewer's cell cannot be read as the text they typed.
    struct UnreadableCell: Error, Hashable {
        var reason: String
    }

    /// What a reviewer typed into a cell of the workbook.
    ///
    /// Excel stores text typed starting with `=` as a formula: when it cannot compute it (the
    /// cached value is an error such as `#NAME?`), the person typed text, which is `=` and the
    /// formula's source. A formula that is one string literal (`="We do."`) is that literal. Any
    /// other formula computes its value from elsewhere (`=G2`), and an error value without a
    /// formula is no text at all: neither is what the reviewer wrote, so neither is read.
    static func typedText(_ cell: Cell?) -> Result<String, UnreadableCell> {
        guard let cell else { return .success("") }
        guard let formula = cell.formula else {
            if case .error(let code) = cell.value {
                return .failure(UnreadableCell(reason: "the cell holds the error value \(code), not text; type the text again"))
            }
            return .success(cell.value.displayText)
        }
        if let literal = stringLiteral(formula) { return .success(literal) }
        if case .error = cell.value, !formula.isEmpty { return .success("=" + formula) }
        return .failure(
            UnreadableCell(
                reason: "the cell holds a formula (=\(formula)), not typed text; type the answer "
                    + "itself (start it with an apostrophe to keep a leading =)"))
    }

    /// The text of a formula that is a single string literal (`"a ""quoted"" word"`), or nil.
    static func stringLiteral(_ formula: String) -> String? {
        let trimmed = formula.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else { return nil }
        let inner = trimmed.dropFirst().dropLast()
        var text = ""
        var index = inner.startIndex
        while index < inner.endIndex {
            let character = inner[index]
            if character == "\"" {
                // Inside a literal a quote is only ever doubled; a lone one ends it, so this is no single literal.
                let next = inner.index(after: index)
                guard next < inner.endIndex, inner[next] == "\"" else { return nil }
                text.append("\"")
                index = inner.index(after: next)
            } else {
                text.append(character)
                index = inner.index(after: index)
            }
        }
        return text
    }
}
