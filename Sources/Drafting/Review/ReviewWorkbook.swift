import Foundation
import ResponderModel
import RunStore
import Spreadsheet

/// The review workbook: one row per question of a run for a reviewer to decide in Excel, read
/// back by ``ReviewImporter``.
///
/// Sheet "Review" holds the drafts and the reviewer's columns (a Decision dropdown of
/// Approve/Edit/Reject, an edited choice and answer, notes), pre-filled from decisions already
/// made. The hidden sheet "Run" holds the run ID in A1 and, from row 2, each question's key, a
/// fingerprint of its text, the revision of its decision when exported (0: undecided) and the
/// fingerprint of the draft it shows (``RunQuestion/draftHash``), so an import can refuse a
/// workbook from another run, a row whose question changed, a row someone else decided since,
/// or a row whose draft was replaced by drafting the questionnaire again. The same run and decisions always give the same bytes.
public enum ReviewWorkbook {
    /// The visible sheet's name.
    public static let reviewSheet = "Review"
    /// The hidden sheet's name.
    public static let runSheet = "Run"
    /// Whether a workbook is one of ours: a "Review" sheet and the hidden "Run" sheet naming its run.
    public static func isReviewWorkbook(_ workbook: Workbook) -> Bool {
        guard let run = workbook.sheet(named: runSheet), run.visibility != .visible else { return false }
        return workbook.sheet(named: reviewSheet) != nil
    }

    /// The Decision dropdown's values.
    public static let decisionChoices = ["Approve", "Edit", "Reject"]

    /// The Review sheet's columns, 1-based.
    public enum Column: Int, CaseIterable, Sendable {
        case key = 1, id, sheet, row, question, draftChoice, draftAnswer, confidence, flags
        case decision, editedChoice, editedAnswer, notes
        /// After the reviewer's columns, so workbooks exported before frameworks still import.
        case framework, controls

        public var header: String {
            switch self {
            case .key: "Key"
            case .id: "ID"
            case .sheet: "Sheet"
            case .row: "Row"
            case .question: "Question"
            case .draftChoice: "Drafted choice"
            case .draftAnswer: "Drafted answer"
            case .confidence: "Confidence"
            case .flags: "Flags"
            case .decision: "Decision"
            case .editedChoice: "Edited choice"
            case .editedAnswer: "Edited answer"
            case .notes: "Reviewer notes"
            case .framework: "Framework"
            case .controls: "Controls"
            }
        }

        var width: Double {
            switch self {
            case .key: 18
            case .id, .sheet, .confidence, .decision: 12
            case .row: 6
            case .question, .draftAnswer, .editedAnswer: 60
            case .draftChoice, .editedChoice: 14
            case .flags: 20
            case .notes: 30
            case .framework: 12
            case .controls: 30
            }
        }

        /// The column letters, for cell references.
        public var letters: String { CellAddress.columnLetters(rawValue) }
    }

    /// The fingerprint of a question's text; runs of whitespace count as one space, so a
    /// spreadsheet's line-ending changes do not matter.
    public static func fingerprint(_ text: String) -> String {
        let normalised = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(RunIdentity.fingerprint(Data(normalised.utf8)).prefix(16))
    }

    /// The two sheets for `questions` of run `runID`, pre-filled from `decisions`.
    public static func sheets(runID: String, questions: [RunQuestion], decisions: [ReviewDecision]) -> [XLSXSheetSpec] {
        sheetsAndCuts(runID: runID, questions: questions, decisions: decisions).sheets
    }

    /// The mark that ends a text cut to fit a cell.
    static let cutMark = " [… cut: longer than an Excel cell holds]"

    /// A text as the workbook shows it: whole when it fits a cell, otherwise cut to fit with ``cutMark``.
    public static func shown(_ text: String) -> String {
        guard text.utf16.count > XLSXCellPatcher.maxCellCharacters else { return text }
        let room = XLSXCellPatcher.maxCellCharacters - cutMark.utf16.count
        var kept = ""
        var used = 0
        for character in text {
            let size = character.utf16.count
            guard used + size <= room else { break }
            kept.append(character)
            used += size
        }
        return kept + cutMark
    }

    /// The sheets, and a note for each cell whose text was cut to fit (`Review!E2: ...`).
    static func sheetsAndCuts(runID: String, questions: [RunQuestion], decisions: [ReviewDecision]) -> (sheets: [XLSXSheetSpec], cuts: [String]) {
        var cuts: [String] = []
        let byKey = Dictionary(decisions.map { ($0.key, $0) }) { first, _ in first }
        var rows: [[XLSXSheetSpec.Value]] = [Column.allCases.map { .text($0.header) }]
        var highlights: [Int: XLSXSheetSpec.Highlight] = [:]
        var validations: [XLSXSheetSpec.ListValidation] = []
        var runRows: [[XLSXSheetSpec.Value]] = [[.text(runID)]]
        for (index, question) in questions.enumerated() {
            let rowNumber = index + 2
            let decision = byKey[question.key]
            // The draft's controls, framework-qualified, best first (so a reviewer can filter by framework).
            let controls = question.citations.compactMap { Citation(encoded: $0)?.controlRef }
            let cells: [Column: XLSXSheetSpec.Value] = [
                .key: .text(question.key), .id: text(question.questionId), .sheet: .text(question.sheet),
                .row: .number(Double(question.row)), .question: .text(question.text),
                .draftChoice: text(question.draftChoice), .draftAnswer: text(question.draftText),
                .confidence: .text(question.confidence), .flags: text(question.flags.joined(separator: ", ")),
                .decision: text(decision.map(label)),
                .editedChoice: decision?.status == .edited ? text(decision?.choice) : .empty,
                .editedAnswer: decision?.status == .edited ? text(decision?.text) : .empty,
                .notes: text(decision?.notes),
                .framework: text(controls.first?.framework.rawValue),
                .controls: text(controls.map(\.description).joined(separator: ", ")),
            ]
            rows.append(
                Column.allCases.map { column in
                    guard case .text(let value) = cells[column] ?? .empty, value.utf16.count > XLSXCellPatcher.maxCellCharacters else {
                        return cells[column] ?? .empty
                    }
                    cuts.append(
                        "\(reviewSheet)!\(column.letters)\(rowNumber): \(question.key)'s \(column.header.lowercased()) has "
                            + "\(value.utf16.count) characters; cut to the \(XLSXCellPatcher.maxCellCharacters) a cell holds")
                    return .text(shown(value))
                })
            switch question.confidence {
            case "low": highlights[rowNumber] = .red
            case "medium": highlights[rowNumber] = .amber
            default: break
            }
            if let allowed = question.allowed, fitsInlineList(allowed) {
                let cell = CellAddress(row: rowNumber, column: Column.editedChoice.rawValue)
                validations.append(.init(range: CellRange(start: cell, end: cell), choices: allowed))
            }
            runRows.append([
                .text(question.key), .text(fingerprint(question.text)), .number(Double(decision?.revision ?? 0)),
                .text(question.draftHash),
            ])
        }
        if !questions.isEmpty {
            let range = CellRange(
                start: CellAddress(row: 2, column: Column.decision.rawValue),
                end: CellAddress(row: questions.count + 1, column: Column.decision.rawValue))
            validations.insert(.init(range: range, choices: decisionChoices), at: 0)
        }
        let widths = Dictionary(uniqueKeysWithValues: Column.allCases.map { ($0.rawValue, $0.width) })
        return (
            [
                XLSXSheetSpec(name: reviewSheet, rows: rows, columnWidths: widths, highlights: highlights, validations: validations),
                XLSXSheetSpec(name: runSheet, rows: runRows, hasHeaderRow: false, wrapsText: false, isHidden: true),
            ], cuts
        )
    }

    /// Writes the review workbook for a run to `url` (atomically). A text longer than a cell holds
    /// (a buyer's 40,000-character question) is cut to fit (``shown(_:)``) rather than failing the
    /// run; the import still recognises the cut question.
    /// - Returns: a note for each cut cell, naming it (`Review!E2: ...`).
    /// - Throws: ``XLSXWriteError`` when it cannot be written.
    @discardableResult
    public static func write(runID: String, questions: [RunQuestion], decisions: [ReviewDecision], to url: URL) throws -> [String] {
        let (sheets, cuts) = sheetsAndCuts(runID: runID, questions: questions, decisions: decisions)
        try XLSXWorkbookWriter.write(sheets, to: url)
        return cuts
    }

    /// The Decision label for a stored decision.
    static func label(_ decision: ReviewDecision) -> String {
        switch decision.status {
        case .approved: "Approve"
        case .edited: "Edit"
        case .rejected: "Reject"
        }
    }

    private static func text(_ value: String?) -> XLSXSheetSpec.Value {
        guard let value, !value.isEmpty else { return .empty }
        return .text(value)
    }

    /// Excel keeps an inline list only when no value holds a comma or quote and all fit 255 characters.
    private static func fitsInlineList(_ choices: [String]) -> Bool {
        !choices.isEmpty && choices.allSatisfy { !$0.isEmpty && !$0.contains(",") && !$0.contains("\"") }
            && choices.joined(separator: ",").count <= 255
    }
}
