import Drafting
import Foundation
import ResponderModel
import RunStore
import RunStoreSQLite
import Spreadsheet
import Testing

/// Export a run to a review workbook, fill it in as a reviewer would, import it back.
@Suite struct ReviewWorkbookTests {
    /// A store with one recorded run and a folder for workbooks, removed when the test ends.
    final class Scratch {
        let folder: URL
        let store: SQLiteRunStore
        let runID: String

        init(texts: [String] = ReviewWorkbookTests.texts) async throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("ReviewWorkbookTests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            store = try SQLiteRunStore(path: folder.appendingPathComponent("kb.sqlite").path)
            runID = try await Self.record(store, texts: texts)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        @discardableResult
        static func record(_ store: SQLiteRunStore, texts: [String]) async throws -> String {
            try await store.recordRun(
                RunDraft(
                    path: "buyer.xlsx", contentHash: "hash", kbVersion: "kb-1", asOf: "2026-01-01",
                    createdAt: "2026-01-01T00:00:00Z", drafted: ReviewWorkbookTests.drafts(texts: texts)))
        }

        func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

        /// Exports the run, then writes `cells` (A1 reference on the Review sheet -> text) into a copy.
        func filledWorkbook(_ cells: [String: String], runCells: [String: String] = [:]) async throws -> URL {
            let blank = url("blank-\(UUID().uuidString).xlsx")
            try ReviewWorkbook.write(
                runID: runID, questions: try await store.questions(run: runID),
                decisions: try await store.decisions(run: runID), to: blank)
            let workbook = try SpreadsheetReader.read(path: blank.path).workbook
            let review = try #require(workbook.sheet(named: "Review")).partPath
            let run = try #require(workbook.sheet(named: "Run")).partPath
            let edits =
                cells.sorted { $0.key < $1.key }.map { XLSXCellEdit(part: review, cell: CellAddress($0.key)!, text: $0.value) }
                + runCells.sorted { $0.key < $1.key }.map { XLSXCellEdit(part: run, cell: CellAddress($0.key)!, text: $0.value) }
            let filled = url("review.xlsx")
            try XLSXCellPatcher.patch(blank, edits: edits, output: filled)
            return filled
        }

        func importing(_ workbook: URL, reviewer: String = "ana") async throws -> ReviewImporter.Outcome {
            try await ReviewImporter.apply(path: workbook.path, store: store, reviewer: reviewer, at: "2026-01-02T00:00:00Z")
        }
    }

    static let texts = ["Do you keep an AI inventory?", "Do you assess AI risks?", "Do you monitor models?", "Describe your AI policy."]

    static func drafts(texts: [String]) -> [DraftedQuestion] {
        let yesNo = [AnswerCell(column: "C", kind: .choice, allowed: ["Yes", "No", "N/A"]), AnswerCell(column: "D", kind: .text)]
        let shapes: [(id: String, row: Int, cells: [AnswerCell], choice: String?, confidence: Confidence)] = [
            ("Q-1", 5, yesNo, "Yes", .high),
            ("Q-2", 6, yesNo, "Yes", .medium),
            ("Q-3", 7, yesNo, "No", .low),
            ("", 8, [AnswerCell(column: "D", kind: .text)], nil, .high),
        ]
        return zip(shapes, texts).map { shape, text in
            DraftedQuestion(
                question: Question(id: shape.id, sheet: "AI", row: shape.row, text: text, answerCells: shape.cells),
                intent: .yesno, matches: [],
                answer: DraftAnswer(
                    choice: shape.choice, text: "Drafted \(shape.row).", citations: [],
                    confidence: shape.confidence, score: 0.5, flags: []))
        }
    }

    static func cell(_ sheet: Sheet?, _ reference: String) -> String {
        sheet?.cell(at: CellAddress(reference)!)?.value.displayText ?? ""
    }

    @Test func exportListsEveryQuestionWithTheRunAndFingerprintsHidden() async throws {
        let scratch = try await Scratch()
        try await scratch.store.decide(
            run: scratch.runID, key: "Q-2", status: .edited, choice: "No", text: "Edited two.",
            reviewer: "bo", at: "t1")
        try await scratch.store.decide(run: scratch.runID, key: "Q-3", status: .rejected, reviewer: "bo", at: "t1")
        let first = scratch.url("one.xlsx"), second = scratch.url("two.xlsx")
        for url in [first, second] {
            try ReviewWorkbook.write(
                runID: scratch.runID, questions: try await scratch.store.questions(run: scratch.runID),
                decisions: try await scratch.store.decisions(run: scratch.runID), to: url)
        }
        #expect(try Data(contentsOf: first) == Data(contentsOf: second), "same run and decisions, same bytes")

        let workbook = try SpreadsheetReader.read(path: first.path).workbook
        let review = workbook.sheet(named: "Review"), run = workbook.sheet(named: "Run")
        #expect(review?.visibility == .visible)
        #expect(run?.visibility != .visible)
        #expect((1...15).map { Self.cell(review, "\(CellAddress.columnLetters($0))1") } == ReviewWorkbook.Column.allCases.map(\.header))
        #expect(
            ["A2", "B2", "C2", "D2", "E2", "F2", "G2", "H2"].map { Self.cell(review, $0) }
                == ["AI!Q-1", "Q-1", "AI", "5", "Do you keep an AI inventory?", "Yes", "Drafted 5.", "high"])
        #expect(Self.cell(review, "A5") == "AI!8" && Self.cell(review, "F5") == "")
        #expect(["J2", "J3", "K3", "L3", "J4", "K4"].map { Self.cell(review, $0) } == ["", "Edit", "No", "Edited two.", "Reject", ""])
        #expect(Self.cell(run, "A1") == scratch.runID)
        #expect(Self.cell(run, "A3") == "AI!Q-2")
        #expect(Self.cell(run, "B3") == ReviewWorkbook.fingerprint("Do you assess AI risks?"))
        let decision = try #require(review?.listValidation(at: CellAddress("J5")!))
        #expect(decision.ranges == [CellRange("J2:J5")!])
        #expect(decision.allowedValues == ["Approve", "Edit", "Reject"])
        #expect(
            review?.listValidation(at: CellAddress("K2")!)?.allowedValues == ["Yes", "No", "N/A"],
            "the edited choice offers the question's dropdown")
        #expect(review?.listValidation(at: CellAddress("K5")!) == nil, "no dropdown where the question has no choice")
    }

    @Test func importRecordsDecisionsOnceAndAgainChangesNothing() async throws {
        let scratch = try await Scratch()
        let filled = try await scratch.filledWorkbook([
            "J2": "Approve", "J3": "Edit", "K3": "No", "L3": "Edited two.",
            "J4": "reject", "J5": "Edit", "L5": "Edited eight.",
        ])
        let first = try await scratch.importing(filled)
        #expect(first.runID == scratch.runID)
        #expect(first.applied == ["AI!Q-1", "AI!Q-2", "AI!Q-3", "AI!8"])
        #expect(first.skipped.isEmpty)
        let decisions = try await scratch.store.decisions(run: scratch.runID)
        #expect(decisions.map(\.status) == [.approved, .edited, .rejected, .edited])
        #expect(decisions.map(\.choice) == ["Yes", "No", nil, nil])
        #expect(decisions.map(\.text) == ["Drafted 5.", "Edited two.", nil, "Edited eight."])
        #expect(decisions.allSatisfy { $0.reviewer == "ana" })
        #expect(try await scratch.store.auditLog(run: nil).count == 4)

        let again = try await scratch.importing(filled, reviewer: "bo")
        #expect(again.applied.isEmpty)
        #expect(again.unchanged.count == 4)
        #expect(try await scratch.store.auditLog(run: nil).count == 4, "importing the same workbook twice adds no audit rows")
        #expect(try await scratch.store.decisions(run: scratch.runID).allSatisfy { $0.reviewer == "ana" })
    }

    struct BadRow: Sendable, CustomTestStringConvertible {
        var name: String
        var cells: [String: String]
        var location: String
        var message: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadRow(name: "unknown key", cells: ["A2": "AI!Q-99", "J2": "Approve"], location: "[Review]!A2", message: "no question 'AI!Q-99'"),
        BadRow(
            name: "tampered question", cells: ["E3": "Do you sell AI risks?", "J3": "Approve"], location: "[Review]!E3",
            message: "not the run's question"),
        BadRow(
            name: "key moved to another row", cells: ["A3": "AI!Q-1", "J3": "Approve"], location: "[Review]!E3",
            message: "not the run's question"),
        BadRow(name: "choice not in dropdown", cells: ["J2": "Edit", "K2": "Maybe"], location: "[Review]!K2", message: "'Maybe' is not allowed"),
        BadRow(name: "edit without values", cells: ["J2": "Edit"], location: "[Review]!J2", message: "Edit needs"),
        BadRow(
            name: "approve with an edited answer", cells: ["J2": "Approve", "L2": "Other."], location: "[Review]!J2",
            message: "choose Edit"),
        BadRow(
            name: "edited answer without a decision", cells: ["L2": "Other."], location: "[Review]!J2",
            message: "without a Decision"),
        BadRow(name: "unknown decision", cells: ["J2": "Maybe later"], location: "[Review]!J2", message: "not one of Approve, Edit, Reject"),
        BadRow(
            name: "choice for a text-only question", cells: ["J5": "Edit", "K5": "Yes"], location: "[Review]!J5",
            message: "no choice cell"),
    ])
    func badRowsAreSkippedWithTheirCell(_ bad: BadRow) async throws {
        let scratch = try await Scratch()
        let filled = try await scratch.filledWorkbook(bad.cells.merging(["J4": "Reject"]) { mine, _ in mine })
        let outcome = try await scratch.importing(filled)
        #expect(outcome.skipped.count == 1)
        let issue = try #require(outcome.skipped.first)
        #expect(issue.location.description == filled.path + bad.location)
        #expect(issue.message.contains(bad.message), "\(issue.message)")
        #expect(outcome.applied == ["AI!Q-3"], "the good row still goes in")
        #expect(try await scratch.store.auditLog(run: nil).count == 1)
    }

    @Test func notesSurviveTheRoundTripAndAStaleRowIsRefusedNamingTheOtherReviewer() async throws {
        let scratch = try await Scratch()
        // Ana's workbook is exported while Q-1 and Q-2 are undecided ...
        let filled = try await scratch.filledWorkbook(["J2": "Approve", "M2": "Mine first.", "J3": "Reject", "M3": "Not offered."])
        // ... then Bob rejects Q-1 before she imports it.
        try await scratch.store.decide(run: scratch.runID, key: "Q-1", status: .rejected, reviewer: "Bob", at: "2026-01-01T12:00:00Z")
        let outcome = try await scratch.importing(filled, reviewer: "Ana")
        #expect(outcome.applied == ["AI!Q-2"])
        #expect(outcome.skipped.map(\.location.description) == [filled.path + "[Review]!J2"])
        #expect(outcome.skipped.first?.message.contains("Bob rejected it at 2026-01-01T12:00:00Z") == true, "\(outcome.skipped)")
        let decisions = try await scratch.store.decisions(run: scratch.runID)
        #expect(
            decisions.map { "\($0.key) \($0.status.rawValue) \($0.reviewer) \($0.notes ?? "-")" }
                == ["AI!Q-1 rejected Bob -", "AI!Q-2 rejected Ana Not offered."])
        // A workbook exported now shows the notes, and importing it back changes nothing.
        let again = scratch.url("again.xlsx")
        try ReviewWorkbook.write(
            runID: scratch.runID, questions: try await scratch.store.questions(run: scratch.runID),
            decisions: decisions, to: again)
        let review = try SpreadsheetReader.read(path: again.path).workbook.sheet(named: "Review")
        #expect(Self.cell(review, "M3") == "Not offered.")
        let reimport = try await scratch.importing(again, reviewer: "Ana")
        #expect(reimport.applied.isEmpty && reimport.skipped.isEmpty && reimport.unchanged == ["AI!Q-1", "AI!Q-2"])
    }

    @Test func aQuestionRewordedSinceTheExportIsSkipped() async throws {
        let scratch = try await Scratch()
        let filled = try await scratch.filledWorkbook(["J2": "Approve", "J3": "Approve"])
        var reworded = Self.texts
        reworded[1] = "Do you assess and treat AI risks?"
        #expect(try await Scratch.record(scratch.store, texts: reworded) == scratch.runID)
        let outcome = try await scratch.importing(filled)
        #expect(outcome.applied == ["AI!Q-1"])
        #expect(outcome.skipped.map(\.location.description) == [filled.path + "[Review]!E3"])
        #expect(outcome.skipped.first?.message.contains("changed since this workbook was exported") == true)
    }

    @Test func aWorkbookOfAnUnknownRunIsRefused() async throws {
        let scratch = try await Scratch()
        let filled = try await scratch.filledWorkbook(["J2": "Approve"], runCells: ["A1": "000000000000"])
        let error = await #expect(throws: ReviewImporter.ImportError.self) { try await scratch.importing(filled) }
        #expect(
            error?.description == filled.path + "[Run]!A1: run '000000000000' is not in the store; "
                + "the workbook belongs to another store or a deleted run")
        #expect(try await scratch.store.auditLog(run: nil).count == 0)
    }
}
