import ArgumentParser
import Drafting
import Foundation
import KnowledgeBase
import RunStore
import Workflow

/// `responder export`: writes a run's reviewed answers into a copy of the buyer's file, as an
/// answers-only file for a portal, or as an evidence pack; with `--all`, every reviewed run at once.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write approved and edited answers of a run (or of every reviewed run) back for the buyer.",
        usage: """
            responder export RUN --out FILE [--answers csv|json|xlsx] [--evidence-pack PACK] [--questionnaire PATH] [--force]
              responder export --all [--since DATE] [--buyer TEXT] [--out-dir DIR] [--answers csv|json|xlsx] [--evidence-packs html|md]
            """,
        discussion: """
            Re-reads the questionnaire the run was drafted from (refused when it changed since) and writes a copy \
            with the answers in their cells: for XLSX only those cells change; for CSV the same rows and columns are \
            written back. Rejected and undecided questions stay empty and are listed on standard error. A choice goes \
            into the question's dropdown cell and the narrative into its free-text cell; with only a free-text cell it \
            gets both ("Yes. ..."). Cells holding a formula, a header label or the buyer's own text are left alone and \
            listed (--overwrite-existing replaces the buyer's text). The input is never modified, never an output, and \
            an existing output is kept unless --force. A run with no approved or edited answer is refused unless \
            --include-drafts or --allow-empty. If the buyer's file moved, --questionnaire names where it is now (accepted \
            only with the same content).

            --answers csv|json|xlsx writes, instead of the filled copy, one row per question for a supplier portal: ID, \
            sheet, row, question, choice, answer, citations (controls with their framework, evidence as the buyer may see \
            it: public with its location, NDA as available under NDA, internal never), review status and decision date.

            --evidence-pack also writes (or, without --out, only writes) an evidence pack: the approved and edited \
            answers by framework and control with the evidence they cite; HTML for .html, Markdown for .md.

            --all exports every run with approved or edited answers (--since: drafted on or after DATE; --buyer: buyer \
            file names containing TEXT) into --out-dir under the buyer's own file names (NAME (2).xlsx when taken; \
            nothing is overwritten), with NAME.evidence.html|md per run for --evidence-packs and NAME.answers.FORMAT \
            for --answers. Runs whose buyer file moved or changed are listed and skipped (exit status 1).

            Every export is recorded in the store (time, who, file names and SHA-256); `responder runs` shows when a run \
            was last exported, and exporting again says what reviewers decided since.

            Examples:
              responder export 3f2a9c1b7d4e --out globex-answered.xlsx
              responder export --all --since 2026-11-01 --out-dir outbox --evidence-packs html
            """
    )

    @Argument(help: "The run ID (see `responder runs`); not with --all.")
    var runID: String?

    @Option(name: .long, help: "The file to write: the filled questionnaire (.xlsx for an XLSX run, .csv for a CSV run), or with --answers the answers file.")
    var out: String?

    @Option(name: .customLong("evidence-pack"), help: "Also write an evidence pack here (.html for HTML, .md for Markdown).")
    var evidencePack: String?

    @Option(name: .long, help: "Write answers only, for a portal: csv, json or xlsx (instead of the filled questionnaire).")
    var answers: PortalAnswerFormat?

    @Option(name: .long, help: "Where the buyer's file is now, when it moved since the draft (its content must be unchanged).")
    var questionnaire: String?

    @Flag(name: .long, help: "Export every run with approved or edited answers into --out-dir.")
    var all = false

    @Option(name: .long, help: "With --all: only runs drafted on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(name: .long, help: "With --all: only runs whose buyer file name contains this text (case-insensitive).")
    var buyer: String?

    @Option(name: .customLong("out-dir"), help: "With --all: the folder to write into (created when missing).")
    var outDir: String = "exports"

    @Option(name: .customLong("evidence-packs"), help: "With --all: also write an evidence pack per run, html or md.")
    var evidencePacks: EvidencePackFormat?

    @Flag(name: .customLong("include-drafts"), help: "Also write undecided drafts, their text prefixed with [DRAFT].")
    var includeDrafts = false

    @Flag(name: .customLong("allow-empty"), help: "Export even when no answer was approved or edited.")
    var allowEmpty = false

    @Flag(
        name: .customLong("overwrite-existing"),
        help: "Replace text the buyer already put in an answer cell (formulas and header labels are never replaced).")
    var overwriteExisting = false

    @Flag(name: .long, help: "Replace an output file that exists already (never the buyer's input).")
    var force = false

    @Option(name: .long, help: "Who is exporting, as recorded in the store; default: the login name.")
    var by: String?

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions

    func validate() throws {
        if all {
            if runID != nil { throw ValidationError("give a run ID or --all, not both") }
            for (given, name) in [(out, "--out"), (evidencePack, "--evidence-pack"), (questionnaire, "--questionnaire")] where given != nil {
                throw ValidationError("\(name) names one run's file; with --all use --out-dir (and --evidence-packs)")
            }
            if force { throw ValidationError("--all never overwrites: it picks free names in --out-dir") }
            if let since, CalendarDate(since) == nil { throw ValidationError("--since must be a date written YYYY-MM-DD, not '\(since)'") }
        } else {
            guard runID != nil else { throw ValidationError("give a run ID (see `responder runs`) or --all") }
            for (given, name) in [(since, "--since"), (buyer, "--buyer"), (evidencePacks?.rawValue, "--evidence-packs")] where given != nil {
                throw ValidationError("\(name) selects runs for --all; for one run use --evidence-pack FILE")
            }
            if out == nil && evidencePack == nil { throw ValidationError("give --out FILE, --evidence-pack FILE or both") }
            if answers != nil && out == nil { throw ValidationError("--answers writes to --out FILE") }
        }
    }

    func run() async throws {
        let workspace = try knowledgeBase.workspace()
        let loaded = try knowledgeBase.load(workspace)
        if (answers != nil || evidencePack != nil || evidencePacks != nil) && loaded.diagnostics.contains(where: { $0.severity == .error }) {
            throw CommandFailure(.data, "the knowledge base has errors; run `responder kb check` for the full list")
        }
        let store = try await knowledgeBase.openStore(workspace)
        let session = ExportSession(store: store, content: loaded.content, exportedBy: by ?? Self.loginName, clock: Timestamp.now)
        let succeeded: Bool
        do {
            succeeded = all ? try await exportAll(session) : try await exportOne(session)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
        if !succeeded { throw ExitCode.failure }
    }

    /// The login name of whoever runs the command.
    static var loginName: String {
        let name = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        return name.isEmpty ? "unknown" : name
    }

    private func exportOne(_ session: ExportSession) async throws -> Bool {
        let request = ExportSession.Request(
            runID: runID ?? "", filled: answers == nil ? out.map { URL(fileURLWithPath: $0) } : nil,
            answers: answers.flatMap { format in out.map { ExportSession.AnswersOutput(format: format, url: URL(fileURLWithPath: $0)) } },
            evidencePack: evidencePack.map { URL(fileURLWithPath: $0) },
            options: RunExporter.Options(includeDrafts: includeDrafts, overwriteExisting: overwriteExisting),
            allowEmpty: allowEmpty, force: force, questionnaire: questionnaire)
        let outcome: ExportSession.Outcome
        do {
            outcome = try await session.export(request)
        } catch let error as ExportError {
            throw CommandFailure(error)
        }
        if outcome.knowledgeBaseChanged && (outcome.pack != nil || outcome.answers != nil) {
            printError(
                "warning: run \(outcome.run.id) was drafted against knowledge base \(outcome.run.kbVersion); "
                    + "naming controls and evidence from \(session.content.version)")
        }
        if let filled = outcome.filled, let out {
            for key in filled.rejected { printError("rejected, left empty: \(key)") }
            for key in filled.undecided { printError("undecided, left empty: \(key)") }
            for key in filled.nothingToWrite { printError("approved with nothing to write: \(key)") }
            for key in filled.narrativeNotWritten { printError("only a choice cell, narrative not written: \(key)") }
            for refusal in filled.refused { printError("not written, \(refusal)") }
            printError(
                "\(out): \(filled.written.count) reviewed answers, \(filled.drafts.count) drafts, "
                    + "\(filled.rejected.count) rejected, \(filled.undecided.count) undecided"
                    + (filled.refused.isEmpty ? "" : ", \(filled.refused.count) cells refused"))
        }
        if let portal = outcome.answers, let out {
            for withheld in portal.withheld { printError("answer left out, \(withheld)") }
            printError("\(out): \(portal.answered) answers of \(portal.rows.count) questions")
        }
        if let pack = outcome.pack, let evidencePack {
            printError(
                "\(evidencePack): evidence pack of \(pack.coverage.approved + pack.coverage.edited) reviewed answers under "
                    + "\(pack.groups.count) controls")
        }
        printChanges(outcome)
        printError("recorded export \(outcome.record.id) of run \(outcome.run.id) by \(outcome.record.exportedBy) at \(outcome.record.exportedAt)")
        for file in outcome.record.files { printError("  \(file.sha256)  \(file.name)") }
        return true
    }

    private func exportAll(_ session: ExportSession) async throws -> Bool {
        let bulk = BulkExport(
            session: session,
            options: BulkExport.Options(
                since: since, buyer: buyer, outDir: URL(fileURLWithPath: outDir), answers: answers, evidencePacks: evidencePacks,
                exporter: RunExporter.Options(includeDrafts: includeDrafts, overwriteExisting: overwriteExisting)))
        var bar: ProgressBar?
        let results: [BulkExport.Result]
        do {
            results = try await bulk.run { done, total, current in
                if bar == nil { bar = ProgressBar(total: total) }
                // The last call only says all are done; the bar is cleared right after.
                if done < total { bar?.update(done: done, current: current) }
            }
        } catch let error as ExportError {
            printError("error: \(error)")
            return false
        }
        bar?.finish()
        guard !results.isEmpty else {
            let filters = [since.map { "drafted since \($0)" }, buyer.map { "from files named like '\($0)'" }].compactMap { $0 }
            printError(
                "nothing to export: no run" + (filters.isEmpty ? "" : " " + filters.joined(separator: " ")) + " has approved "
                    + "or edited answers in \(session.store.location); `responder runs` lists the runs")
            return allowEmpty
        }
        var rows = [["run", "buyer file", "answers written", "skipped questions", "output"]]
        for result in results {
            switch result.status {
            case .exported(let outcome):
                rows.append([
                    result.run.id, result.buyerFile, String(outcome.answersWritten), String(outcome.skippedQuestions),
                    outcome.paths.joined(separator: ", "),
                ])
            case .skipped(let error):
                rows.append([result.run.id, result.buyerFile, "-", "-", "skipped: \(error.kind == .questionnaireMissing ? "moved" : "not exported")"])
            }
        }
        print(TerminalText.safe(TextTable.render(rows)))
        var skipped = 0
        for result in results {
            switch result.status {
            case .exported(let outcome):
                printChanges(outcome)
            case .skipped(let error):
                skipped += 1
                printError("skipped run \(result.run.id): \(error)")
            }
        }
        let exported = results.count - skipped
        printError("\(exported) of \(results.count) runs exported into \(outDir)" + (skipped == 0 ? "" : "; \(skipped) skipped"))
        return skipped == 0
    }

    /// What reviewers decided since the run's last export, if it was exported before.
    private func printChanges(_ outcome: ExportSession.Outcome) {
        guard let changes = outcome.changes else { return }
        guard !changes.isEmpty else {
            printError("run \(outcome.run.id): nothing decided since its last export at \(changes.since)")
            return
        }
        let groups: [(label: String, keys: [String])] = [
            ("newly approved", changes.approved), ("edited", changes.edited),
            ("rejected", changes.rejected),
        ]
        let parts = groups.filter { !$0.keys.isEmpty }.map { "\($0.label) \($0.keys.joined(separator: ", "))" }
        printError("run \(outcome.run.id): since its last export at \(changes.since): " + parts.joined(separator: "; "))
    }
}

extension PortalAnswerFormat: ExpressibleByArgument {}
extension EvidencePackFormat: ExpressibleByArgument {}
