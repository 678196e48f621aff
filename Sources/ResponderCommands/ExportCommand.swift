import ArgumentParser
import Drafting
import Foundation
import KnowledgeBase

/// `responder export`: writes a run's reviewed answers into a copy of the buyer's file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write approved and edited answers of a run into a copy of the buyer's questionnaire.",
        discussion: """
            Re-reads the questionnaire the run was drafted from (refused when it changed since) and writes a copy \
            with the answers in their cells: for XLSX only those cells change; for CSV the same rows and columns are \
            written back. Rejected and undecided questions stay empty and are listed on standard error. The input is \
            never modified.
            """
    )

    @Argument(help: "The run ID (see `responder runs`).")
    var runID: String

    @Option(name: .long, help: "The file to write (.xlsx for an XLSX run, .csv for a CSV run).")
    var out: String

    @Flag(name: .customLong("include-drafts"), help: "Also write undecided drafts, their text prefixed with [DRAFT].")
    var includeDrafts = false

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    func run() throws {
        let store = try knowledgeBase.openStore()
        guard let summary = try store.run(runID) else {
            printError("error: no run '\(runID)' in \(knowledgeBase.storePath); `responder runs` lists them")
            throw ExitCode.failure
        }
        let outcome: RunExporter.Outcome
        do {
            outcome = try RunExporter.export(run: summary, questions: try store.questions(run: runID),
                                             decisions: try store.decisions(run: runID), includeDrafts: includeDrafts,
                                             to: URL(fileURLWithPath: out))
        } catch let error as RunExporter.ExportError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        for key in outcome.rejected { printError("rejected, left empty: \(key)") }
        for key in outcome.undecided { printError("undecided, left empty: \(key)") }
        printError("\(out): \(outcome.written.count) reviewed answers, \(outcome.drafts.count) drafts, "
                   + "\(outcome.rejected.count) rejected, \(outcome.undecided.count) undecided")
    }
}
