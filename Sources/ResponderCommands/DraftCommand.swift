import ArgumentParser
import Drafting
import Foundation
import KnowledgeBase
import Questionnaire
import ResponderModel

/// `responder draft`: drafts answers for questionnaires against a knowledge base.
struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft answers with citations, confidence and review flags.",
        discussion: """
            Reads each questionnaire (CSV or XLSX; folders are searched for them), matches every question to the \
            knowledge base and writes, per questionnaire, NAME.draft.json, NAME.draft.csv and NAME.review.md into \
            --out. A summary table goes to standard error. Exit status 1 when a file failed, 2 when --fail-under \
            is not met.
            """
    )

    @Argument(help: "Questionnaire files or folders holding them.")
    var inputs: [String]

    @OptionGroup var knowledgeBase: KnowledgeBaseOptions
    @OptionGroup var detection: DetectionOptionGroup

    @Option(name: .long, help: "Folder for the outputs (created when missing).")
    var out: String = "out"

    @Option(name: .long, help: "Write JSON to this path instead of --out; '-' is standard output (single input only).")
    var output: String?

    @Option(name: .long, help: "Comma-separated output formats: json, csv, md.")
    var format: String = "json,csv,md"

    @Option(name: .long, help: "Scope every inventory and assessment fact to one AI system ID.")
    var system: String?

    @Option(name: .long, help: ArgumentHelp(
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
        if output != nil && DraftPipeline.expandInputs(inputs).count != 1 {
            throw ValidationError("--output takes exactly one questionnaire; use --out DIR for several")
        }
        _ = try frameworkLimit()
        if let failUnder, !(0...100).contains(failUnder) {
            throw ValidationError("--fail-under is a percentage between 0 and 100")
        }
    }

    func run() throws {
        let formats = format.split(separator: ",").compactMap { DraftFormat(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
        let loaded = try knowledgeBase.load()
        for diagnostic in loaded.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
        if loaded.diagnostics.contains(where: { $0.severity == .error }) {
            printError("error: the knowledge base has errors; run `responder kb check` for the full list")
            throw ExitCode.failure
        }
        var content = loaded.content
        let store = try knowledgeBase.openStore()
        if try knowledgeBase.synchronise(store, with: content) {
            printError("knowledge base \(content.version) stored in \(knowledgeBase.storePath)")
        }
        // Reviewed answers join the library after the store is synchronised, so the knowledge-base
        // version stays that of the files alone.
        content.library = KnowledgeBaseStore.merging(try store.approvedAnswers(), into: content.library)
        if let system, !content.systems.contains(where: { $0.id == system }) {
            throw ValidationError("--system \(system) is not in the knowledge base's inventory")
        }
        let asOf = knowledgeBase.asOfDate
        let limit = try frameworkLimit()
        if let limit, let missing = limit.sorted().first(where: { code in !content.catalogue.contains { $0.framework == code } }) {
            throw ValidationError("--framework \(missing.rawValue) has no catalogue in the mappings")
        }
        let drafter = Drafter(content: content, asOf: asOf, systemScope: system, frameworks: limit)
        let detector = QuestionDetector(options: try detection.detectionOptions())
        let pipeline = DraftPipeline(drafter: drafter) { workbook in
            let scan = detector.detect(in: workbook)
            return (scan.questions, scan.diagnostics)
        }
        let files = DraftPipeline.expandInputs(inputs)
        if files.isEmpty { throw ValidationError("no questionnaire files found in \(inputs.joined(separator: ", "))") }

        let progress = ProgressBar(total: files.count)
        var drafted: [DraftedFile] = []
        for (index, path) in files.enumerated() {
            progress.update(done: index, current: path)
            let file = pipeline.draftFile(at: path)
            for diagnostic in file.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
            drafted.append(file)
            if !file.failed {
                let id = try recordRun(file, kbVersion: content.version, asOf: asOf, in: store)
                printError("run \(id): \(path)")
            }
            let run = DraftRun(kbVersion: content.version, asOf: asOf, systemScope: system, files: [file],
                               frameworkTitles: Dictionary(content.frameworks.map { ($0.code, $0.title) }) { first, _ in first })
            if output == "-" {
                FileHandle.standardOutput.write(DraftFormat.json.render(run))
            } else if let output {
                try write(DraftFormat.json.render(run), to: URL(fileURLWithPath: output))
            } else if !file.failed {
                let folder = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                for format in formats {
                    try write(format.render(run), to: folder.appendingPathComponent(stem + format.fileSuffix))
                }
            }
        }
        progress.finish()
        printError(SummaryTable.render(drafted, frameworks: drafter.frameworks))
        if drafted.contains(where: \.failed) { throw ExitCode.failure }
        if let failUnder {
            let total = DraftSummary(adding: drafted.map(\.summary))
            if total.highPercent < failUnder {
                printError(String(format: "error: %.1f%% of questions drafted with high confidence, below --fail-under %.1f%%", total.highPercent, failUnder))
                throw ExitCode(2)
            }
        }
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

    /// Records the file's questions and drafts as a run in the store, for `review` and `export`.
    private func recordRun(_ file: DraftedFile, kbVersion: String, asOf: String, in store: KnowledgeBaseStore) throws -> String {
        let url = URL(fileURLWithPath: file.path).standardizedFileURL
        do {
            let bytes = try Data(contentsOf: url)
            return try store.recordRun(path: url.path, contentHash: KnowledgeBaseStore.fingerprint(bytes), kbVersion: kbVersion,
                                       asOf: asOf, createdAt: Timestamp.now(), questions: file.questions)
        } catch {
            throw ValidationError("cannot record the run of \(file.path) in \(knowledgeBase.storePath): \(error)")
        }
    }

    private func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw ValidationError("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
