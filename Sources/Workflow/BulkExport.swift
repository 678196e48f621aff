import Drafting
import Foundation
import RunStore

/// `export --all`: every run with approved or edited answers, optionally only those drafted since
/// a date or from buyer files whose name contains a text, exported into one folder under the
/// buyer's own file names, each export recorded.
///
/// Names are taken run by run, oldest first: the buyer's file name, or `NAME (2).xlsx`,
/// `NAME (3).xlsx`, ... when an earlier run of the batch took it or a file of that name is in the
/// folder already, so nothing is ever overwritten and the same store and folder give the same
/// names. A run whose buyer file is gone or changed is skipped and reported with its path; the
/// others are still exported. It never prints: ``run(progress:)`` returns one ``Result`` per run.
public struct BulkExport: Sendable {
    /// Which runs and which files.
    public struct Options: Sendable, Hashable {
        /// Only runs drafted on or after this day (`YYYY-MM-DD`); nil for every run.
        public var since: String?
        /// Only runs whose buyer file name contains this text (case-insensitive); nil for every run.
        public var buyer: String?
        public var outDir: URL
        /// Answers-only files in this format instead of filled copies of the buyer's files.
        public var answers: PortalAnswerFormat?
        /// An evidence pack per run in this format; nil for none.
        public var evidencePacks: EvidencePackFormat?
        public var exporter: RunExporter.Options

        public init(
            since: String? = nil, buyer: String? = nil, outDir: URL, answers: PortalAnswerFormat? = nil,
            evidencePacks: EvidencePackFormat? = nil, exporter: RunExporter.Options = RunExporter.Options()
        ) {
            self.since = since
            self.buyer = buyer
            self.outDir = outDir
            self.answers = answers
            self.evidencePacks = evidencePacks
            self.exporter = exporter
        }
    }

    /// One run of the batch.
    public struct Result: Sendable {
        public enum Status: Sendable {
            case exported(ExportSession.Outcome)
            /// Not exported: the buyer file moved or changed, or the export failed; the error says which and names the path.
            case skipped(ExportError)
        }

        public var run: RunSummary
        public var status: Status

        /// The buyer's file name.
        public var buyerFile: String { URL(fileURLWithPath: run.path).lastPathComponent }
    }

    public let session: ExportSession
    public let options: Options

    public init(session: ExportSession, options: Options) {
        self.session = session
        self.options = options
    }

    /// The runs the options select, oldest first: those with an approved or edited answer, drafted
    /// on or after ``Options/since``, from a file whose name contains ``Options/buyer``.
    public func selectedRuns() async throws -> [RunSummary] {
        var selected: [RunSummary] = []
        for run in try await session.store.runs() {
            if let since = options.since, String(run.createdAt.prefix(10)) < since { continue }
            if let buyer = options.buyer,
                !URL(fileURLWithPath: run.path).lastPathComponent.localizedCaseInsensitiveContains(buyer)
            {
                continue
            }
            guard try await session.store.decisions(run: run.id).contains(where: { $0.status != .rejected }) else { continue }
            selected.append(run)
        }
        return selected
    }

    /// Exports every selected run in turn.
    /// - Parameter progress: called before each run with the runs done, the total and the buyer file's path.
    /// - Throws: the store's errors, and a failure to create the output folder; a run's own failure is its result.
    public func run(progress: (Int, Int, String) -> Void = { _, _, _ in }) async throws -> [Result] {
        let runs = try await selectedRuns()
        do {
            try FileManager.default.createDirectory(at: options.outDir, withIntermediateDirectories: true)
        } catch {
            throw ExportError(.failed, "cannot create \(options.outDir.path): \(error.localizedDescription)")
        }
        var taken = Set<String>()
        var results: [Result] = []
        for (index, run) in runs.enumerated() {
            progress(index, runs.count, run.path)
            let names = outputNames(for: run, taken: taken)
            let request = ExportSession.Request(
                runID: run.id,
                filled: options.answers == nil ? options.outDir.appendingPathComponent(names.primary) : nil,
                answers: options.answers.map { ExportSession.AnswersOutput(format: $0, url: options.outDir.appendingPathComponent(names.primary)) },
                evidencePack: names.pack.map { options.outDir.appendingPathComponent($0) },
                options: options.exporter)
            do {
                let outcome = try await session.export(request)
                results.append(Result(run: run, status: .exported(outcome)))
                taken.formUnion([names.primary] + (names.pack.map { [$0] } ?? []))
            } catch let error as ExportError {
                results.append(Result(run: run, status: .skipped(error)))
            }
        }
        progress(runs.count, runs.count, "")
        return results
    }

    /// The first free names for `run`'s outputs: `globex.xlsx` (or `globex.answers.json`) and
    /// `globex.evidence.html`, else with ` (2)`, ` (3)`, ... before the extensions.
    func outputNames(for run: RunSummary, taken: Set<String>) -> (primary: String, pack: String?) {
        let file = URL(fileURLWithPath: run.path)
        let stem = file.deletingPathExtension().lastPathComponent
        let primaryExtension = options.answers.map { "answers.\($0.fileExtension)" } ?? file.pathExtension
        var counter = 1
        while true {
            let base = counter == 1 ? stem : "\(stem) (\(counter))"
            let primary = primaryExtension.isEmpty ? base : "\(base).\(primaryExtension)"
            let pack = options.evidencePacks.map { "\(base).evidence.\($0.rawValue)" }
            let names = [primary] + (pack.map { [$0] } ?? [])
            let free = names.allSatisfy { name in
                !taken.contains(name) && !FileManager.default.fileExists(atPath: options.outDir.appendingPathComponent(name).path)
            }
            if free { return (primary, pack) }
            counter += 1
        }
    }
}
