import Foundation
import KnowledgeBase
import RunStore
import Questionnaire
import ResponderModel
import Spreadsheet

/// Writes a run's reviewed answers into a copy of the buyer's own file.
///
/// Approved and edited answers are written; rejected and undecided questions stay empty unless
/// `includeDrafts` asks for undecided drafts too (their text then starts with `[DRAFT] `). The
/// input is re-read from the run's path and refused when its bytes changed since the draft; it is
/// never modified. XLSX goes through ``XLSXCellPatcher`` (only the answer cells change); CSV is
/// written back byte for byte except the answer fields ([RFC 4180](https://www.rfc-editor.org/rfc/rfc4180),
/// with the buyer's delimiter and line ends, UTF-8).
///
/// Where the answers go: a question's choice into its choice cell (a dropdown) and its narrative
/// into its first free-text cell; with no choice cell the free-text cell gets both ("Yes. ...").
/// A narrative with nowhere to go is reported, never squeezed into a cell. A cell is written only
/// when the buyer left it empty: one holding a formula or a header label is always refused, one
/// holding the buyer's own text unless `overwriteExisting`; a text longer than a cell holds
/// (``AnswerTextPolicy``) is refused for its cell while the others are written.
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
        /// Keys whose narrative was not written: the question has only a choice cell.
        public var narrativeNotWritten: [String] = []
        /// Approved or edited keys with nothing to write: no choice and no text, or no cell to take them.
        public var nothingToWrite: [String] = []
        /// Cells left as the buyer had them, each with why (`AI!C14: holds a formula`).
        public var refused: [String] = []
    }

    /// What a run's export may do beyond the defaults.
    public struct Options: Sendable, Hashable {
        /// Also write undecided drafts, prefixed with ``RunExporter/draftPrefix``.
        public var includeDrafts: Bool
        /// Replace text the buyer already put in an answer cell (never a formula or a header label).
        public var overwriteExisting: Bool

        public init(includeDrafts: Bool = false, overwriteExisting: Bool = false) {
            self.includeDrafts = includeDrafts
            self.overwriteExisting = overwriteExisting
        }
    }

    /// Why an export was refused; the message names the file.
    public struct ExportError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Exports `run` to `output`.
    /// - Parameter internalReferences: finds internal evidence in the texts to write (an edit
    ///   recorded before edits were checked); such a cell is refused, like one too long for a cell.
    /// - Throws: ``ExportError`` when the input is missing or changed, a question's sheet is gone,
    ///   or the output cannot be written.
    public static func export(
        run: RunSummary, questions: [RunQuestion], decisions: [ReviewDecision],
        options: Options = Options(),
        internalReferences: InternalReferenceScanner = InternalReferenceScanner(evidence: []),
        to output: URL
    ) throws -> Outcome {
        let includeDrafts = options.includeDrafts
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
        guard RunIdentity.fingerprint(bytes) == run.contentHash else {
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
        var writtenKeys = Set<String>()
        var nothing = Set<String>()
        for answer in answers {
            let question = answer.question
            var targets: [(column: String, text: String)] = []
            var narrativeDropped = false
            let narrative = answer.text.flatMap { $0.isEmpty ? nil : $0 }
            if let choice = answer.choice, let column = question.choiceColumn {
                targets.append((column, choice))
                if let narrative, let textColumn = question.textColumn {
                    targets.append((textColumn, narrative))
                } else if narrative != nil {
                    narrativeDropped = true
                }
            } else if let textColumn = question.textColumn, let text = combined(choice: answer.choice, narrative: narrative) {
                targets.append((textColumn, text))
            } else if narrative != nil, question.choiceColumn != nil {
                narrativeDropped = true
            }
            if narrativeDropped { outcome.narrativeNotWritten.append(question.key) }
            if targets.isEmpty && !narrativeDropped { nothing.insert(question.key) }
            // A CSV's one sheet is named after its file, which a moved copy (`--questionnaire`) may have renamed.
            guard let sheet = workbook.format == .csv ? workbook.sheets.first : workbook.sheet(named: question.sheet) else {
                throw ExportError(description: "\(run.path): the workbook has no sheet '\(question.sheet)'")
            }
            for target in targets {
                guard let column = CellAddress.columnNumber(target.column) else { continue }
                let address = CellAddress(row: question.row, column: column)
                if let reason = refusal(sheet.cell(at: address), overwriteExisting: options.overwriteExisting)
                    ?? AnswerTextPolicy.refusal(ofEdit: target.text, internalReferences: internalReferences)
                {
                    let place = workbook.format == .csv ? "\(run.path):\(question.row) column \(target.column)" : "\(sheet.name)!\(address)"
                    outcome.refused.append("\(place): \(reason)")
                    continue
                }
                cells.append((question.sheet, address, target.text))
                writtenKeys.insert(question.key)
            }
        }
        outcome.nothingToWrite = outcome.written.filter(nothing.contains)
        outcome.written.removeAll { !writtenKeys.contains($0) }
        outcome.drafts.removeAll { !writtenKeys.contains($0) }
        switch workbook.format {
        case .xlsx:
            var edits: [XLSXCellEdit] = []
            for cell in cells {
                guard let sheet = workbook.sheet(named: cell.sheet) else { continue }
                edits.append(XLSXCellEdit(part: sheet.partPath, cell: cell.address, text: cell.text))
            }
            do {
                try XLSXCellPatcher.patch(input, edits: edits, output: output)
            } catch {
                throw ExportError(description: "\(error)")
            }
        case .csv:
            let data = CSVAnswerWriter.render(
                bytes, answers: cells.map { ($0.address, $0.text) },
                delimiter: CSVReader.delimiter(of: bytes))
            do {
                try AtomicFile.write(data, to: output)
            } catch {
                throw ExportError(description: "cannot write \(output.path): \(error.localizedDescription)")
            }
        }
        return outcome
    }

    /// The text for a free-text cell that also stands in for a missing choice cell: "Yes." alone,
    /// the narrative alone when it already opens with the choice, else "Yes. <narrative>".
    static func combined(choice: String?, narrative: String?) -> String? {
        guard let choice, !choice.isEmpty else { return narrative }
        guard let narrative else { return choice }
        let opening = narrative.prefix(choice.count + 1).lowercased()
        if opening.hasPrefix(choice.lowercased()) && (opening.count == choice.count || !opening.last!.isLetter) { return narrative }
        return "\(choice). \(narrative)"
    }

    /// Why the buyer's cell must not be written, if it must not.
    static func refusal(_ cell: Cell?, overwriteExisting: Bool) -> String? {
        guard let cell else { return nil }
        if cell.formula != nil { return "holds a formula" }
        guard !cell.value.isEmpty else { return nil }
        let text = cell.value.displayText.trimmingCharacters(in: .whitespacesAndNewlines)
        if HeaderLabel.role(of: text) != nil { return "holds the header label '\(text)'" }
        if overwriteExisting { return nil }
        let shown = text.count > 40 ? String(text.prefix(39)) + "…" : text
        return "already holds the buyer's text '\(shown)' (--overwrite-existing replaces it)"
    }
}
