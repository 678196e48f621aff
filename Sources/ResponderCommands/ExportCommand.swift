import ArgumentParser
import Drafting
import Foundation
import KnowledgeBase
import Spreadsheet
import RunStore
import Workflow

/// `responder export`: writes a run's reviewed answers into a copy of the buyer's file.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write approved and edited answers of a run into a copy of the buyer's questionnaire.",
        discussion: """
            Re-reads the questionnaire the run was drafted from (refused when it changed since) and writes a copy \
            with the answers in their cells: for XLSX only those cells change; for CSV the same rows and columns are \
            written back. Rejected and undecided questions stay empty and are listed on standard error. A choice goes \
            into the question's dropdown cell and the narrative into its free-text cell; with only a free-text cell it \
            gets both ("Yes. ..."). Cells holding a formula, a header label or the buyer's own text are left alone and \
            listed (--overwrite-existing replaces the buyer's text). The input is \
            never modified. --evidence-pack also writes (or, without --out, only writes) an evidence pack: coverage, \
            the approved and edited answers grouped by ISO/IEC 42001 control and the evidence they cite (public by \
            title and location, NDA as available under NDA, internal never); HTML when the path ends in .html, \
            Markdown otherwise.
            """
    )

    @Argument(help: "The run ID (see `responder runs`).")
    var runID: String

    @Option(name: .long, help: "The file to write (.xlsx for an XLSX run, .csv for a CSV run).")
    var out: String?

    @Option(name: .customLong("evidence-pack"), help: "Also write an evidence pack here (.html for HTML, else Markdown).")
    var evidencePack: String?

    @Flag(name: .customLong("include-drafts"), help: "Also write undecided drafts, their text prefixed with [DRAFT].")
    var includeDrafts = false

    @Flag(name: .customLong("overwrite-existing"),
          help: "Replace text the buyer already put in an answer cell (formulas and header labels are never replaced).")
    var overwriteExisting = false

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    func validate() throws {
        if out == nil && evidencePack == nil { throw ValidationError("give --out FILE, --evidence-pack FILE or both") }
    }

    func run() async throws {
        let workspace = try knowledgeBase.workspace()
        let store = try await knowledgeBase.openStore(workspace)
        guard let summary = try await store.run(runID) else {
            printError("error: no run '\(runID)' in \(store.location); `responder runs` lists them")
            throw ExitCode.failure
        }
        let questions = try await store.questions(run: runID)
        let decisions = try await store.decisions(run: runID)
        try await store.close()
        if let evidencePack {
            try writeEvidencePack(summary, questions: questions, decisions: decisions, workspace: workspace, to: evidencePack)
        }
        guard let out else { return }
        let outcome: RunExporter.Outcome
        do {
            outcome = try RunExporter.export(run: summary, questions: questions,
                                             decisions: decisions,
                                             options: RunExporter.Options(includeDrafts: includeDrafts, overwriteExisting: overwriteExisting),
                                             internalReferences: InternalReferenceScanner(evidence: try knowledgeBase.load(workspace).content.evidence),
                                             to: URL(fileURLWithPath: out))
        } catch let error as RunExporter.ExportError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        for key in outcome.rejected { printError("rejected, left empty: \(key)") }
        for key in outcome.undecided { printError("undecided, left empty: \(key)") }
        for key in outcome.nothingToWrite { printError("approved with nothing to write: \(key)") }
        for key in outcome.narrativeNotWritten { printError("only a choice cell, narrative not written: \(key)") }
        for refusal in outcome.refused { printError("not written, \(refusal)") }
        printError("\(out): \(outcome.written.count) reviewed answers, \(outcome.drafts.count) drafts, "
                   + "\(outcome.rejected.count) rejected, \(outcome.undecided.count) undecided"
                   + (outcome.refused.isEmpty ? "" : ", \(outcome.refused.count) cells refused"))
    }

    private func writeEvidencePack(_ summary: RunSummary, questions: [RunQuestion], decisions: [ReviewDecision],
                                   workspace: Workspace, to path: String) throws {
        let loaded = try knowledgeBase.load(workspace)
        if loaded.diagnostics.contains(where: { $0.severity == .error }) {
            printError("error: the knowledge base has errors; run `responder kb check` for the full list")
            throw ExitCode.failure
        }
        if loaded.content.version != summary.kbVersion {
            printError("warning: run \(summary.id) was drafted against knowledge base \(summary.kbVersion); "
                       + "naming controls and evidence from \(loaded.content.version)")
        }
        let pack = EvidencePack(run: summary, questions: questions, decisions: decisions, content: loaded.content)
        let text = path.lowercased().hasSuffix(".html") ? EvidencePackHTMLRenderer.render(pack) : EvidencePackMarkdownRenderer.render(pack)
        do {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot write \(path): \(error.localizedDescription)")
        }
        printError("\(path): evidence pack of \(pack.coverage.approved + pack.coverage.edited) reviewed answers under "
                   + "\(pack.groups.count) controls")
    }
}
