import ArgumentParser
import Drafting
import Foundation
import KnowledgeBase
import RunStore
import Workflow

/// `responder review import`: records the decisions of a filled-in review workbook.
struct ReviewImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record the decisions of a review workbook written by `responder review export`.",
        discussion: """
            Every row with a Decision is applied to the workbook's run (Edit needs an edited choice and/or answer). \
            Rows with an unknown key, a question text that no longer matches the run, a choice the question's \
            dropdown does not allow, an unreadable decision, or a question someone else decided since the workbook was \
            exported (named with who decided what and when) are reported with their cell and skipped; the other rows are \
            recorded in one transaction, with their Reviewer notes. Importing \
            the same workbook again changes nothing. Exit status 1 when the run is unknown or any row was skipped.

            Examples:
              responder review import review.xlsx --reviewer "Ana Silva"
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

    func run() async throws {
        let workspace = try knowledgeBase.workspace()
        let store = try await knowledgeBase.openStore(workspace)
        let outcome: ReviewImporter.Outcome
        do {
            outcome = try await ReviewImporter.apply(
                path: workbook, store: store, reviewer: reviewer, at: Timestamp.now(),
                internalReferences: InternalReferenceScanner(evidence: try knowledgeBase.load(workspace).content.evidence),
                afterEach: Self.pauseForInterruptionTest)
        } catch let error as ReviewImporter.ImportError {
            try? await store.close()
            throw CommandFailure(.data, "\(error)")
        }
        try await store.close()
        for issue in outcome.skipped { printError("\(issue.location): error: \(issue.message)") }
        print(
            "run \(outcome.runID): \(outcome.applied.count) applied, \(outcome.unchanged.count) unchanged, "
                + "\(outcome.skipped.count) skipped")
        if !outcome.skipped.isEmpty { throw ExitCode.failure }
    }

    /// A fault-injection point for the test that kills an import half-way
    /// (`ReviewImportInterruptionTests`): with `RESPONDER_TEST_PAUSE_IMPORT_AFTER=N` and
    /// `RESPONDER_TEST_PAUSE_MARKER=FILE` set, the import creates FILE after its Nth decision,
    /// inside the open transaction, and waits up to a minute to be killed. Unset, it does nothing.
    @Sendable private static func pauseForInterruptionTest(decided: Int) {
        let environment = ProcessInfo.processInfo.environment
        guard let after = environment["RESPONDER_TEST_PAUSE_IMPORT_AFTER"].flatMap(Int.init), decided == after,
            let marker = environment["RESPONDER_TEST_PAUSE_MARKER"]
        else { return }
        _ = FileManager.default.createFile(atPath: marker, contents: Data("\(decided)\n".utf8))
        Thread.sleep(forTimeInterval: 60)
    }
}
