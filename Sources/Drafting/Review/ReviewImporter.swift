import Foundation
import KnowledgeBase
import ResponderModel
import RunStore
import Spreadsheet

/// Applies the decisions of a filled-in ``ReviewWorkbook`` to its run in the store.
///
/// Nothing is guessed: a row is applied only when its key names a question of the run and both
/// the hidden fingerprint and the visible question text still match that question's text. Every
/// other row with a decision is reported with its cell and skipped. The rows that pass are
/// recorded by `RunStore.decide` in one transaction, so an import interrupted at any point leaves
/// the store as it was, and importing the same workbook again changes nothing. Each row is
/// based on the decision it showed when exported: a row someone else decided since is refused
/// (naming who decided what and when), and the other rows still apply. Each row is also bound to
/// the draft it showed: a row whose draft changed since (the questionnaire was drafted again) is
/// refused at its Drafted answer cell. The reviewer's cells are read as typed
/// (``typedText(_:)``), never as a formula's result. Reviewer notes are stored with the decision.
public enum ReviewImporter {
    /// A row that was skipped, and why.
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        /// The cell at fault, such as `review.xlsx[Review]!J7`.
        public var location: SourceLocation
        public var message: String

        public var description: String { "\(location): \(message)" }
    }

    /// What an import did, in workbook row order.
    public struct Outcome: Sendable, Hashable {
        /// The run the workbook belongs to.
        public var runID: String
        /// Keys whose decision was recorded or changed.
        public var applied: [String] = []
        /// Keys whose decision was already recorded as it stands.
        public var unchanged: [String] = []
        public var skipped: [Issue] = []
    }

    /// Why a workbook could not be imported at all.
    public struct ImportError: Error, Sendable, CustomStringConvertible {
        public var location: SourceLocation
        public var message: String

        public var description: String { "\(location): \(message)" }
    }

    /// Reads the review workbook at `path` and records its decisions by `reviewer` at `at`.
    /// - Parameters:
    ///   - at: ISO 8601 UTC, stored with every decision made.
    ///   - internalReferences: finds internal evidence in edited answers; such rows are skipped.
    ///   - afterEach: called inside the store's transaction after each decision, with the count so
    ///     far; throwing from it rolls the whole import back.
    /// - Throws: ``ImportError`` when the workbook cannot be read, lacks its Review or Run sheet,
    ///   or names a run the store does not hold; the store's own errors when SQLite fails, and
    ///   whatever `afterEach` throws. Nothing is recorded when it throws.
    public static func apply(
        path: String, store: any RunStore, reviewer: String, at: String,
        internalReferences: InternalReferenceScanner = InternalReferenceScanner(evidence: []),
        afterEach: @escaping @Sendable (Int) throws -> Void = { _ in }
    ) async throws -> Outcome {
        let workbook: Workbook
        do {
            workbook = try SpreadsheetReader.read(path: path).workbook
        } catch {
            throw ImportError(location: SourceLocation(file: path), message: "cannot read the review workbook: \(error)")
        }
        return try await apply(
            workbook, path: path, store: store, reviewer: reviewer, at: at,
            internalReferences: internalReferences, afterEach: afterEach)
    }

    /// Records the decisions of a review workbook already read from `path` (see
    /// ``apply(path:store:reviewer:at:internalReferences:afterEach:)``).
    package static func apply(
        _ workbook: Workbook, path: String, store: any RunStore, reviewer: String, at: String,
        internalReferences: InternalReferenceScanner = InternalReferenceScanner(evidence: []),
        afterEach: @escaping @Sendable (Int) throws -> Void = { _ in }
    ) async throws -> Outcome {
        guard let review = workbook.sheet(named: ReviewWorkbook.reviewSheet),
            let runSheet = workbook.sheet(named: ReviewWorkbook.runSheet)
        else {
            throw ImportError(
                location: SourceLocation(file: path),
                message: "not a review workbook (it needs the sheets "
                    + "\(ReviewWorkbook.reviewSheet) and \(ReviewWorkbook.runSheet)); `responder review export` writes one")
        }
        let runID = text(runSheet, row: 1, column: 1).trimmingCharacters(in: .whitespaces)
        guard let run = try await store.run(runID) else {
            throw ImportError(
                location: SourceLocation(file: path, sheet: ReviewWorkbook.runSheet, cell: "A1"),
                message: "run '\(runID)' is not in the store; the workbook belongs to another store or a deleted run")
        }
        let questions = Dictionary(try await store.questions(run: run.id).map { ($0.key, $0) }) { first, _ in first }
        var exported: [String: String] = [:]
        // Workbooks written before revisions have no third column (before draft fingerprints, no
        // fourth): their rows decide on whatever is current.
        var bases: [String: Int] = [:]
        var drafts: [String: String] = [:]
        for row in runSheet.rows where row.number > 1 {
            let key = text(runSheet, row: row.number, column: 1)
            guard !key.isEmpty, exported[key] == nil else { continue }
            exported[key] = text(runSheet, row: row.number, column: 2)
            bases[key] = Double(text(runSheet, row: row.number, column: 3)).map { Int($0) }
            drafts[key] = nonEmpty(text(runSheet, row: row.number, column: 4))
        }

        // Rows are checked first; the ones that pass are recorded together, then every issue is
        // reported in row order.
        var skipped: [(row: Int, issue: Issue)] = []
        var accepted: [(row: Int, request: DecisionRequest)] = []
        var seen: [String: Int] = [:]
        func location(_ column: ReviewWorkbook.Column, row: Int) -> SourceLocation {
            SourceLocation(file: path, sheet: review.name, cell: "\(column.letters)\(row)")
        }
        for row in review.rows where row.number > 1 {
            func skip(_ column: ReviewWorkbook.Column, _ message: String) {
                skipped.append((row.number, Issue(location: location(column, row: row.number), message: message)))
            }
            // The reviewer's own cells are read as what was typed; one that cannot be (a working
            // formula, an error value) refuses the row rather than record a result nobody wrote.
            var typed: [ReviewWorkbook.Column: String] = [:]
            var unreadable: (column: ReviewWorkbook.Column, reason: String)?
            for column in [ReviewWorkbook.Column.decision, .editedChoice, .editedAnswer, .notes] {
                switch typedText(review.cell(at: CellAddress(row: row.number, column: column.rawValue))) {
                case .success(let text): typed[column] = text
                case .failure(let refusal): unreadable = unreadable ?? (column, refusal.reason)
                }
            }
            if let unreadable {
                skip(
                    unreadable.column,
                    "\(text(review, row: row.number, column: ReviewWorkbook.Column.key.rawValue)): "
                        + "\(unreadable.reason); not applied")
                continue
            }
            func cell(_ column: ReviewWorkbook.Column) -> String {
                typed[column] ?? text(review, row: row.number, column: column.rawValue)
            }
            let label = cell(.decision).trimmingCharacters(in: .whitespacesAndNewlines)
            let choice = nonEmpty(cell(.editedChoice).trimmingCharacters(in: .whitespacesAndNewlines))
            let answer = nonEmpty(cell(.editedAnswer))
            guard !label.isEmpty else {
                // An edit typed without its Decision would otherwise be lost without a word.
                if choice != nil || answer != nil {
                    skip(.decision, "\(cell(.key)): an edited choice or answer without a Decision; choose Edit or clear them")
                }
                continue
            }
            let key = cell(.key).trimmingCharacters(in: .whitespaces)
            guard let question = questions[key] else {
                skip(.key, "run \(run.id) has no question '\(key)'; skipped")
                continue
            }
            let expected = ReviewWorkbook.fingerprint(question.text)
            guard exported[key] == expected else {
                skip(.question, "\(key): the run's question text changed since this workbook was exported; export it again")
                continue
            }
            guard
                ReviewWorkbook.fingerprint(cell(.question)) == expected
                    || ReviewWorkbook.fingerprint(cell(.question)) == ReviewWorkbook.fingerprint(ReviewWorkbook.shown(question.text))
            else {
                skip(.question, "\(key): the question text in this row is not the run's question; skipped")
                continue
            }
            if let earlier = seen[key] {
                skip(.key, "\(key) is decided again (first in row \(earlier)); skipped")
                continue
            }
            seen[key] = row.number
            guard let status = status(label) else {
                skip(.decision, "\(key): decision '\(label)' is not one of \(ReviewWorkbook.decisionChoices.joined(separator: ", "))")
                continue
            }
            if status == .edited {
                guard choice != nil || answer != nil else {
                    skip(.decision, "\(key): Edit needs an edited choice and/or an edited answer")
                    continue
                }
                if let choice, let allowed = question.allowed, !allowed.contains(choice) {
                    skip(
                        .editedChoice,
                        "\(key): '\(choice)' is not allowed by the question's dropdown; allowed: "
                            + allowed.joined(separator: ", "))
                    continue
                }
                if let answer, let reason = AnswerTextPolicy.refusal(ofEdit: answer, internalReferences: internalReferences) {
                    skip(.editedAnswer, "\(key): edited answer refused: \(reason)")
                    continue
                }
            } else if choice != nil || answer != nil {
                skip(.decision, "\(key): \(label) with an edited choice or answer; choose Edit or clear the edited cells")
                continue
            }
            accepted.append(
                (
                    row.number,
                    DecisionRequest(
                        key: question.key, status: status, choice: choice, text: answer,
                        notes: cell(.notes), base: bases[key], seenDraft: drafts[key])
                ))
        }

        let results = try await store.decide(run: run.id, accepted.map(\.request), reviewer: reviewer, at: at, afterEach: afterEach)
        var outcome = Outcome(runID: run.id)
        for (row, result) in zip(accepted, results) {
            switch result {
            case .recorded(let key):
                outcome.applied.append(key)
            case .unchanged(let key):
                outcome.unchanged.append(key)
            case .refused(let error):
                let column: ReviewWorkbook.Column =
                    switch error.kind {
                    case .choiceNotAllowed where row.request.status == .edited: .editedChoice
                    case .draftChanged: .draftAnswer
                    default: .decision
                    }
                skipped.append((row.row, Issue(location: location(column, row: row.row), message: error.message)))
            }
        }
        outcome.skipped = skipped.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(\.element.issue)
        return outcome
    }

    private static func status(_ label: String) -> ReviewDecision.Status? {
        switch label.lowercased() {
        case "approve", "approved": .approved
        case "edit", "edited": .edited
        case "reject", "rejected": .rejected
        default: nil
        }
    }

    private static func text(_ sheet: Sheet, row: Int, column: Int) -> String {
        sheet.cell(at: CellAddress(row: row, column: column))?.value.displayText ?? ""
    }

    private static func nonEmpty(_ value: String) -> String? {
        value.allSatisfy(\.isWhitespace) ? nil : value
    }
}
