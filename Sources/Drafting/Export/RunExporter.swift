import Foundation
import KnowledgeBase
import ResponderModel
import Spreadsheet

/// Writes a run's reviewed answers into a copy of the buyer's own file.
///
/// Approved and edited answers are written; rejected and undecided questions stay empty unless
/// `includeDrafts` asks for undecided drafts too (their text then starts with `[DRAFT] `). The
/// input is re-read from the run's path and refused when its bytes changed since the draft; it is
/// never modified. XLSX goes through ``XLSXCellPatcher`` (only the answer cells change); CSV is
/// written back with the same rows and columns ([RFC 4180](https://www.rfc-editor.org/rfc/rfc4180),
/// with the buyer's delimiter, CRLF, UTF-8).
public enum RunExporter {
    /// Prefix of an undecided draft's text written with `includeDrafts`.
    public static let draftPrefix = "[DRAFT] "

    /// What was written and what was left empty.
    public struct Outcome: Sendable, Hashable {
        /// Keys whose approved or edited answer was written, in questionnaire order.
        public var written: [String] = []
        /// Keys of undecided questions whose draft was written (`includeDrafts`).
        public var drafts: [String] = []
        /// Keys left empty because they were rejected.
        public var rejected: [String] = []
        /// Keys left empty because nobody decided them.
        public var undecided: [String] = []
    }

    /// Why an export was refused; the message names the file.
    public struct ExportError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Exports `run` to `output`.
    /// - Throws: ``ExportError`` when the input is missing or changed, a question's sheet is gone,
    ///   or the output cannot be written.
    public static func export(run: RunSummary, questions: [RunQuestion], decisions: [ReviewDecision],
                              includeDrafts: Bool, to output: URL) throws -> Outcome {
        let input = URL(fileURLWithPath: run.path)
        guard input.standardizedFileURL.resolvingSymlinksInPath() != output.standardizedFileURL.resolvingSymlinksInPath() else {
            throw ExportError(description: "\(run.path): the output must not replace the input")
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: input)
        } catch {
            throw ExportError(description: "\(run.path): cannot read the questionnaire of run \(run.id): \(error.localizedDescription)")
        }
        guard KnowledgeBaseStore.fingerprint(bytes) == run.contentHash else {
            throw ExportError(description: "\(run.path) changed since run \(run.id) was drafted; draft it again and review the new run")
        }
        let byKey = Dictionary(decisions.map { ($0.key, $0) }) { first, _ in first }
        var outcome = Outcome()
        var answers: [(question: RunQuestion, choice: String?, text: String?)] = []
        for question in questions {
            if let decision = byKey[question.key] {
                if decision.status == .rejected {
                    outcome.rejected.append(question.key)
                } else {
                    answers.append((question, decision.choice, decision.text))
                    outcome.written.append(question.key)
                }
            } else if includeDrafts {
                let text = question.draftText.isEmpty ? nil : draftPrefix + question.draftText
                answers.append((question, question.draftChoice, text))
                outcome.drafts.append(question.key)
            } else {
                outcome.undecided.append(question.key)
            }
        }

        let workbook: Workbook
        do {
            workbook = try SpreadsheetReader.read(path: run.path).workbook
        } catch {
            throw ExportError(description: "\(error.location): \(error.message)")
        }
        var cells: [(sheet: String, address: CellAddress, text: String)] = []
        for answer in answers {
            let row = answer.question.row
            if let choice = answer.choice, let column = answer.question.choiceColumn.flatMap(CellAddress.columnNumber) {
                cells.append((answer.question.sheet, CellAddress(row: row, column: column), choice))
            }
            if let text = answer.text, let column = answer.question.textColumn.flatMap(CellAddress.columnNumber) {
                cells.append((answer.question.sheet, CellAddress(row: row, column: column), text))
            }
        }
        switch workbook.format {
        case .xlsx:
            var edits: [XLSXCellEdit] = []
            for cell in cells {
                guard let sheet = workbook.sheet(named: cell.sheet) else {
                    throw ExportError(description: "\(run.path): the workbook has no sheet '\(cell.sheet)'")
                }
                edits.append(XLSXCellEdit(part: sheet.partPath, cell: cell.address, text: cell.text))
            }
            do {
                try XLSXCellPatcher.patch(input, edits: edits, output: output)
            } catch {
                throw ExportError(description: "\(error)")
            }
        case .csv:
            let data = CSVAnswerWriter.render(workbook.sheets.first, answers: cells.map { ($0.address, $0.text) },
                                              delimiter: CSVReader.delimiter(of: bytes),
                                              byteOrderMark: bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            do {
                try data.write(to: output, options: .atomic)
            } catch {
                throw ExportError(description: "cannot write \(output.path): \(error.localizedDescription)")
            }
        }
        return outcome
    }
}
