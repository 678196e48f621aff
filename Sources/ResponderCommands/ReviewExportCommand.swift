import ArgumentParser
import Drafting
import Foundation
import KnowledgeBase

/// `responder review export`: writes a run's drafts into a workbook for reviewing in Excel.
struct ReviewExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a run's drafts into a review workbook (.xlsx) to decide in Excel.",
        discussion: """
            One row per question with its draft, confidence and flags (low confidence red, medium amber), and the \
            columns a reviewer fills: Decision (Approve, Edit, Reject), Edited choice, Edited answer, Reviewer notes. \
            Decisions already recorded are filled in. Read it back with `responder review import`.
            """
    )

    @Argument(help: "The run ID (see `responder runs`).")
    var runID: String

    @Option(name: .long, help: "The review workbook to write (.xlsx).")
    var out: String

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    func run() throws {
        let store = try knowledgeBase.openStore()
        guard try store.run(runID) != nil else {
            printError("error: no run '\(runID)' in \(knowledgeBase.storePath); `responder runs` lists them")
            throw ExitCode.failure
        }
        let questions = try store.questions(run: runID)
        do {
            let cuts = try ReviewWorkbook.write(runID: runID, questions: questions, decisions: try store.decisions(run: runID),
                                                to: URL(fileURLWithPath: out))
            for cut in cuts { printError("warning: \(cut)") }
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        printError("\(out): \(questions.count) questions of run \(runID) to review")
    }
}
