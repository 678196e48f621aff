import ArgumentParser
import Drafting
import Foundation
import RunStore
import Workflow

/// `responder review export`: writes a run's drafts into a workbook for reviewing in Excel.
struct ReviewExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a run's drafts into a review workbook (.xlsx) to decide in Excel.",
        discussion: """
            One row per question with its draft, confidence and flags (low confidence red, medium amber), and the \
            columns a reviewer fills: Decision (Approve, Edit, Reject), Edited choice, Edited answer, Reviewer notes. \
            Decisions already recorded (with their notes) are filled in, and each row remembers the decision it showed, \
            so importing it after someone else decided that question refuses the row. Read it back with `responder review import`. \
            The name must end .xlsx; an existing workbook is kept unless --force.

            Examples:
              responder review export 3f2a9c1d0b7e --out review.xlsx
              responder review export 3f2a9c1d0b7e --out review.xlsx --force
            """
    )

    @Argument(help: "The run ID (see `responder runs`).")
    var runID: String

    @Option(name: .long, help: "The review workbook to write (.xlsx).")
    var out: String

    @Flag(name: .long, help: "Replace the workbook when it exists (a reviewer may have filled it in).")
    var force = false

    @OptionGroup var knowledgeBase: WorkspaceOptions

    func run() async throws {
        let store = try await knowledgeBase.openStore(try knowledgeBase.workspace())
        guard let summary = try await store.run(runID) else {
            printError("error: no run '\(runID)' in \(store.location); `responder runs` lists them")
            throw ExitCode.failure
        }
        do {
            try OutputPolicy(force: force, inputs: [summary.path]).check(out, writes: .xlsx)
        } catch {
            try await store.close()
            throw CommandFailure(error)
        }
        let questions = try await store.questions(run: runID)
        let decisions = try await store.decisions(run: runID)
        try await store.close()
        do {
            let cuts = try ReviewWorkbook.write(
                runID: runID, questions: questions, decisions: decisions,
                to: URL(fileURLWithPath: out))
            for cut in cuts { printError("warning: \(cut)") }
        } catch {
            throw CommandFailure(.io, "\(error)")
        }
        printError("\(out): \(questions.count) questions of run \(runID) to review")
    }
}
