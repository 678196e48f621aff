import ArgumentParser
import Drafting
import Foundation
import RunStore

/// `responder review export`: writes a run's drafts into a workbook for reviewing in Excel.
struct ReviewExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a run's drafts into a review workbook (.xlsx) to decide in Excel.",
        discussion: """
            One row per question with its draft, confidence and flags (low confidence red, medium amber), and the \
            columns a reviewer fills: Decision (Approve, Edit, Reject), Edited choice, Edited answer, Reviewer notes. \
            Decisions already recorded (with their notes) are filled in, and each row remembers the decision it showed, \
            so importing it after someone else decided that question refuses the row. Read it back with `responder review import`.
            """
    )

    @Argument(help: "The run ID (see `responder runs`).")
    var runID: String

    @Option(name: .long, help: "The review workbook to write (.xlsx).")
    var out: String

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    func run() async throws {
        let store = try await knowledgeBase.openStore(try knowledgeBase.workspace())
        guard try await store.run(runID) != nil else {
            printError("error: no run '\(runID)' in \(store.location); `responder runs` lists them")
            throw ExitCode.failure
        }
        let questions = try await store.questions(run: runID)
        let decisions = try await store.decisions(run: runID)
        try await store.close()
        do {
            let cuts = try ReviewWorkbook.write(runID: runID, questions: questions, decisions: decisions,
                                                to: URL(fileURLWithPath: out))
            for cut in cuts { printError("warning: \(cut)") }
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        printError("\(out): \(questions.count) questions of run \(runID) to review")
    }
}
