import ArgumentParser
import Drafting
import Foundation
import KnowledgeBase

/// `responder review import`: records the decisions of a filled-in review workbook.
struct ReviewImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record the decisions of a review workbook written by `responder review export`.",
        discussion: """
            Every row with a Decision is applied to the workbook's run (Edit needs an edited choice and/or answer). \
            Rows with an unknown key, a question text that no longer matches the run, a choice the question's \
            dropdown does not allow, or an unreadable decision are reported with their cell and skipped. Importing \
            the same workbook again changes nothing. Exit status 1 when the run is unknown or any row was skipped.
            """
    )

    @Argument(help: "The filled-in review workbook (.xlsx).")
    var workbook: String

    @Option(help: "Who decides (recorded in the audit log).")
    var reviewer: String

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    func validate() throws {
        if reviewer.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reviewer must name someone") }
    }

    func run() throws {
        let store = try knowledgeBase.openStore()
        let outcome: ReviewImporter.Outcome
        do {
            outcome = try ReviewImporter.apply(path: workbook, store: store, reviewer: reviewer, at: Timestamp.now())
        } catch let error as ReviewImporter.ImportError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        for issue in outcome.skipped { printError("\(issue.location): error: \(issue.message)") }
        print("run \(outcome.runID): \(outcome.applied.count) applied, \(outcome.unchanged.count) unchanged, "
              + "\(outcome.skipped.count) skipped")
        if !outcome.skipped.isEmpty { throw ExitCode.failure }
    }
}
