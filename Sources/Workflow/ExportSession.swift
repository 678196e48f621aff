import Drafting
import Foundation
import KnowledgeBase
import ResponderModel
import RunStore
import Spreadsheet

/// The export workflow that the command line and a server share: check the run, its buyer file
/// and every output first, then write the filled questionnaire, the answers-only file and the
/// evidence pack, and record in the store which files went out with their SHA-256.
///
/// It never prints: ``export(_:)`` returns what was written and what changed since the run's last
/// export as data.
public struct ExportSession: Sendable {
    /// Where an answers-only file goes and in which format.
    public struct AnswersOutput: Sendable, Hashable {
        public var format: PortalAnswerFormat
        public var url: URL

        public init(format: PortalAnswerFormat, url: URL) {
            self.format = format
            self.url = url
        }
    }

    /// One run's export: which files to write and how.
    public struct Request: Sendable, Hashable {
        public var runID: String
        /// A copy of the buyer's file with the answers in it; nil for none.
        public var filled: URL?
        /// An answers-only file for a portal; nil for none.
        public var answers: AnswersOutput?
        /// An evidence pack (HTML or Markdown by the extension); nil for none.
        public var evidencePack: URL?
        public var options: RunExporter.Options
        /// Export even when the run has no approved or edited answer.
        public var allowEmpty: Bool
        /// Replace an output file that exists already.
        public var force: Bool
        /// The buyer's file where it is now, when it moved since the draft (accepted only with the drafted content).
        public var questionnaire: String?

        public init(
            runID: String, filled: URL? = nil, answers: AnswersOutput? = nil, evidencePack: URL? = nil,
            options: RunExporter.Options = RunExporter.Options(), allowEmpty: Bool = false, force: Bool = false,
            questionnaire: String? = nil
        ) {
            self.runID = runID
            self.filled = filled
            self.answers = answers
            self.evidencePack = evidencePack
            self.options = options
            self.allowEmpty = allowEmpty
            self.force = force
            self.questionnaire = questionnaire
        }
    }

    /// What one export wrote.
    public struct Outcome: Sendable {
        /// The run, its `path` being the buyer file that was read.
        public var run: RunSummary
        public var filled: RunExporter.Outcome?
        public var answers: PortalAnswers?
        public var pack: EvidencePack?
        /// The record stored: time, who, file names and their SHA-256.
        public var record: RunExport
        /// The paths written, in the order of ``RunExport/files``.
        public var paths: [String]
        /// What reviewers decided since the last export; nil for a run's first export.
        public var changes: ExportChanges?
        /// Questions of the run.
        public var questions: Int
        /// Questions whose answer went out (into the filled copy, else the answers file, else the pack).
        public var answersWritten: Int
        /// Questions whose answer did not go out: rejected, undecided, refused or with nothing to write.
        public var skippedQuestions: Int { questions - answersWritten }
        /// True when the run was drafted against another knowledge-base version than the one naming
        /// the controls and evidence now.
        public var knowledgeBaseChanged: Bool
    }

    public let store: any RunStore
    /// The knowledge base naming controls and evidence, and finding internal evidence in texts.
    public let content: KnowledgeBaseContent
    /// Who runs the exports, as recorded.
    public let exportedBy: String
    private let clock: @Sendable () -> String

    /// - Parameter clock: the time to record, ISO 8601 UTC to the millisecond (the format decisions use).
    public init(store: any RunStore, content: KnowledgeBaseContent, exportedBy: String, clock: @escaping @Sendable () -> String) {
        self.store = store
        self.content = content
        self.exportedBy = exportedBy
        self.clock = clock
    }

    /// Exports one run as `request` asks and records the export.
    /// - Throws: ``ExportError``: `.unknownRun`, `.nothingToExport`, `.questionnaireMissing`,
    ///   `.questionnaireChanged` and `.outputRefused` before anything is written; `.failed` when
    ///   writing fails (files written before stay, and nothing is recorded). The store's errors.
    public func export(_ request: Request) async throws -> Outcome {
        guard let summary = try await store.run(request.runID) else {
            throw ExportError(.unknownRun, "no run '\(request.runID)' in \(store.location); `responder runs` lists them")
        }
        // The buyer's file first: a moved or changed file is what must be fixed whatever was approved.
        let (run, bytes) = try BuyerFile.locate(summary, at: request.questionnaire)
        let questions = try await store.questions(run: summary.id)
        let decisions = try await store.decisions(run: summary.id)
        let keys = Set(questions.map(\.key))
        let reviewed = decisions.filter { keys.contains($0.key) && $0.status != .rejected }
        let decided = Set(decisions.map(\.key))
        let drafts = request.options.includeDrafts && questions.contains { !decided.contains($0.key) && !$0.draftText.isEmpty }
        if reviewed.isEmpty && !drafts && !request.allowEmpty {
            throw ExportError(
                .nothingToExport,
                "run \(summary.id) (\(summary.path)) has no approved or edited answer, so the "
                    + "export would hand back the buyer's file unchanged; approve answers first (`responder review "
                    + "approve`), or pass --include-drafts or --allow-empty")
        }
        try checkOutputs(request, input: run.path, isWorkbook: BuyerFile.isWorkbook(bytes))
        let previous = try await store.exports(run: run.id).last

        var outcome = Outcome(
            run: run, record: RunExport(runId: run.id, exportedAt: "", exportedBy: exportedBy, files: []),
            paths: [], changes: ExportChanges.since(previous, decisions: decisions), questions: questions.count,
            answersWritten: 0, knowledgeBaseChanged: run.kbVersion != content.version)
        var written: [URL] = []
        do {
            if let filled = request.filled {
                let result = try RunExporter.export(
                    run: run, questions: questions, decisions: decisions, options: request.options,
                    internalReferences: InternalReferenceScanner(evidence: content.evidence), to: filled)
                outcome.filled = result
                outcome.answersWritten = result.written.count + result.drafts.count
                written.append(filled)
            }
            if let answers = request.answers {
                let portal = PortalAnswers(
                    run: run, questions: questions, decisions: decisions, content: content,
                    includeDrafts: request.options.includeDrafts)
                try answers.format.writer.write(portal, to: answers.url)
                outcome.answers = portal
                if request.filled == nil { outcome.answersWritten = portal.answered }
                written.append(answers.url)
            }
            if let path = request.evidencePack, let format = EvidencePackFormat(path: path.path) {
                let pack = EvidencePack(run: run, questions: questions, decisions: decisions, content: content)
                do {
                    try AtomicFile.write(Data(format.render(pack).utf8), to: path)
                } catch {
                    throw ExportError(.failed, "cannot write \(path.path): \(error.localizedDescription)")
                }
                outcome.pack = pack
                if request.filled == nil && request.answers == nil {
                    outcome.answersWritten = pack.groups.reduce(0) { $0 + $1.answers.count }
                }
                written.append(path)
            }
        } catch let error as RunExporter.ExportError {
            throw ExportError(.failed, error.description)
        }
        var files: [RunExport.File] = []
        for url in written {
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw ExportError(.failed, "cannot read back \(url.path) to record its hash: \(error.localizedDescription)")
            }
            files.append(RunExport.File(name: url.lastPathComponent, sha256: FileDigest.sha256Hex(data)))
        }
        var record = RunExport(runId: run.id, exportedAt: clock(), exportedBy: exportedBy, files: files)
        record.id = try await store.recordExport(record)
        outcome.record = record
        outcome.paths = written.map(\.path)
        return outcome
    }

    /// Refuses, before anything is written, an output that ``OutputPolicy`` refuses (a name not
    /// fitting what is written, an existing file without `force`, the buyer's input) and one path
    /// named for two outputs.
    private func checkOutputs(_ request: Request, input: String, isWorkbook: Bool) throws {
        var outputs: [(url: URL, format: OutputPolicy.Format, source: String?)] = []
        if let filled = request.filled { outputs.append((filled, isWorkbook ? .xlsx : .csv, input)) }
        if let answers = request.answers {
            let format: OutputPolicy.Format =
                switch answers.format {
                case .csv: .csv
                case .json: .json
                case .xlsx: .xlsx
                }
            outputs.append((answers.url, format, nil))
        }
        if let pack = request.evidencePack {
            outputs.append((pack, EvidencePackFormat(path: pack.path) == .md ? .markdown : .html, nil))
        }
        let policy = OutputPolicy(force: request.force, inputs: [input])
        var seen = Set<String>()
        for output in outputs {
            guard seen.insert(output.url.standardizedFileURL.resolvingSymlinksInPath().path).inserted else {
                throw ExportError(.outputRefused, "\(output.url.path) is named for two outputs; give each its own name")
            }
            do {
                try policy.check(output.url.path, writes: output.format, from: output.source)
            } catch {
                throw ExportError(.outputRefused, error.description)
            }
        }
    }
}
