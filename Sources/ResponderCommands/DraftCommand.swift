import ArgumentParser
import Drafting
import Foundation
import KnowledgeBase
import Questionnaire
import ResponderModel
import RunStore
import Spreadsheet
import Workflow

/// `responder draft`: drafts answers for questionnaires against a knowledge base.
struct DraftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft answers with citations, confidence and review flags.",
        discussion: """
            Reads each questionnaire (CSV or XLSX; folders are searched for them), matches every question to the \
            knowledge base and records it as a run in the workspace's store, and writes, per questionnaire, NAME.draft.json, NAME.draft.csv and NAME.review.md into \
            --out (inputs sharing a NAME are told apart by their folder: buyerA-q, buyerB-q). Existing outputs are \
            kept unless --force. A file in which no question is found fails, with a hint. A summary table goes to \
            standard error. Exit status 1 when a file failed, 2 when --fail-under is not met.

            Examples:
              responder draft Samples/questionnaires --out out
              responder draft buyer.xlsx --out drafts --system AIS-005 --framework iso42001
            """
    )

    @Argument(help: "Questionnaire files or folders holding them.")
    var inputs: [String]

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var detection: DetectionOptionGroup

    @Option(name: .long, help: "Folder for the outputs (created when missing).")
    var out: String = "out"

    @Option(name: .long, help: "Write JSON to this path instead of --out; '-' is standard output (single input only).")
    var output: String?

    @Option(name: .long, help: "Comma-separated output formats: json, csv, md.")
    var format: String = "json,csv,md"

    @Option(name: .long, help: "Scope every inventory and assessment fact to one AI system ID.")
    var system: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Comma-separated frameworks to match questions against (iso42001, iso27001, soc2); default: every framework the organisation claims.",
            valueName: "codes"))
    var framework: String?

    @Option(name: .customLong("fail-under"), help: "Fail when fewer than this percentage of questions are drafted with high confidence.")
    var failUnder: Double?

    func validate() throws {
        let formats = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for name in formats where DraftFormat(rawValue: name) == nil {
            throw ValidationError("unknown format '\(name)': use json, csv or md")
        }
        if output != nil && DraftOutputNames.unique(DraftPipeline.expandInputs(inputs)).count != 1 {
            throw ValidationError("--output takes exactly one questionnaire; use --out DIR for several")
        }
        _ = try frameworkLimit()
        if let failUnder, !(0...100).contains(failUnder) {
            throw ValidationError("--fail-under is a percentage between 0 and 100")
        }
    }

    @Flag(name: .long, help: "Replace output files that already exist (the questionnaires themselves never).")
    var force = false

    func run() async throws {
        let formats = format.split(separator: ",").compactMap { DraftFormat(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        let files = DraftOutputNames.unique(DraftPipeline.expandInputs(inputs))
        if files.isEmpty { throw CommandFailure(.usage, "no questionnaire files found in \(inputs.joined(separator: ", "))") }
        let outputs = try plannedOutputs(files, formats: formats)
        let workspace = try knowledgeBase.workspace()
        let options = DraftSession.Options(
            kb: try knowledgeBase.kbFolder(workspace), mappings: knowledgeBase.mappingsFolder(workspace).path,
            asOf: asOf.date, systemScope: system, frameworks: try frameworkLimit(),
            detection: try detection.detectionOptions(), formats: formats)
        let store = try await knowledgeBase.openStore(workspace)
        let session: DraftSession
        do {
            session = try await DraftSession(options: options, store: store)
        } catch let error as WorkflowError {
            for diagnostic in error.diagnostics { printError(diagnostic.description) }
            throw CommandFailure(error)
        }

        let progress = ProgressBar(total: files.count)
        var drafted: [DraftedFile] = []
        for (index, path) in files.enumerated() {
            progress.update(done: index, current: path)
            // The outputs are written before the run is recorded: a run whose outputs could not
            // be written (disk full, unwritable --out) is not in the store.
            let outcome: DraftSession.FileOutcome
            do {
                outcome = try await session.draft(path: path, createdAt: Timestamp.now()) { outcome in
                    if output == "-" {
                        FileHandle.standardOutput.write(DraftFormat.json.render(outcome.run))
                    } else if let output {
                        try write(DraftFormat.json.render(outcome.run), to: URL(fileURLWithPath: output))
                    } else if !outcome.file.failed {
                        do {
                            try FileManager.default.createDirectory(at: URL(fileURLWithPath: out), withIntermediateDirectories: true)
                        } catch {
                            throw OutputError(message: "cannot create the output folder \(out): \(error.localizedDescription)")
                        }
                        for (format, data) in outcome.rendered {
                            guard let url = outputs[index][format] else { continue }
                            try write(data, to: url)
                        }
                    }
                }
            } catch let error as OutputError {
                throw CommandFailure(.io, "\(error.message); no run recorded for \(path)")
            } catch {
                throw CommandFailure(.io, "cannot record the run of \(path) in \(store.location): \(error)")
            }
            let file = outcome.file
            for diagnostic in file.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
            drafted.append(file)
            if let id = outcome.runID { printError("run \(id): \(path)") }
            if !outcome.carried.isEmpty {
                printError("run \(outcome.runID ?? ""): \(outcome.carried.count) decisions carried forward from earlier runs of this questionnaire")
            }
        }
        progress.finish()
        try await store.close()
        printError(SummaryTable.render(drafted, frameworks: session.frameworks))
        if drafted.contains(where: \.failed) { throw ExitCode.failure }
        if let failUnder {
            let total = DraftSummary(adding: drafted.map(\.summary))
            if total.highPercent < failUnder {
                printError(String(format: "error: %.1f%% of questions drafted with high confidence, below --fail-under %.1f%%", total.highPercent, failUnder))
                throw ExitCode(2)
            }
        }
    }

    /// Every output file of the batch, per input, checked before anything is drafted: names that
    /// never collide (``DraftOutputNames``), and ``OutputPolicy`` for each (an existing file is kept
    /// without --force, a questionnaire is never an output).
    /// - Throws: ``CommandFailure`` `.usage` listing every refused path.
    private func plannedOutputs(_ files: [String], formats: [DraftFormat]) throws -> [[DraftFormat: URL]] {
        let policy = OutputPolicy(force: force, inputs: files)
        if let output, output != "-" {
            do {
                try policy.check(output, writes: .json, from: files.first)
            } catch {
                throw CommandFailure(error)
            }
            return files.map { _ in [:] }
        }
        if output == "-" { return files.map { _ in [:] } }
        let stems: [String]
        do {
            stems = try DraftOutputNames.stems(for: files)
        } catch {
            throw CommandFailure(error)
        }
        var refusals: [String] = []
        let folder = URL(fileURLWithPath: out)
        let planned = stems.map { stem in
            Dictionary(
                uniqueKeysWithValues: formats.map { format in
                    (format, folder.appendingPathComponent(stem + format.fileSuffix))
                })
        }
        for outputs in planned {
            for format in formats {
                guard let url = outputs[format] else { continue }
                do {
                    try policy.check(url.path, writes: format.outputFormat)
                } catch {
                    refusals.append(error.description)
                }
            }
        }
        guard refusals.isEmpty else {
            throw CommandFailure(.usage, refusals.joined(separator: "\nerror: "))
        }
        return planned
    }

    /// The `--framework` codes, or nil when the option is not given.
    private func frameworkLimit() throws -> Set<FrameworkCode>? {
        guard let framework else { return nil }
        var codes = Set<FrameworkCode>()
        for name in framework.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let code = FrameworkCode(rawValue: name) else {
                throw ValidationError("unknown framework '\(name)': use \(FrameworkCode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            codes.insert(code)
        }
        guard !codes.isEmpty else { throw ValidationError("--framework needs at least one framework code") }
        return codes
    }

    /// An output that could not be written, named by its own path (never the temporary file's).
    private struct OutputError: Error {
        var message: String
    }

    private func write(_ data: Data, to url: URL) throws {
        do {
            try AtomicFile.write(data, to: url)
        } catch {
            throw OutputError(message: "cannot write \(url.path): \(Self.reason(error))")
        }
    }

    /// Why a write failed, without the path of the temporary file it was going through.
    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}

private extension DraftFormat {
    /// What an output of this format holds, for ``OutputPolicy``.
    var outputFormat: OutputPolicy.Format {
        switch self {
        case .json: .json
        case .csv: .csv
        case .md: .markdown
        }
    }
}
