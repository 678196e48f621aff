import Foundation
import Drafting
import KnowledgeBase
import Questionnaire
import ResponderModel
import RunStore

/// The draft workflow that the command line and a server share: load and check the knowledge
/// base, merge the answers learned from reviews, draft each questionnaire, record it as a run in
/// the store and render the outputs.
///
/// It never prints and never writes output files: ``draft(path:createdAt:writing:)`` hands each
/// file's drafts, run ID and rendered outputs to the caller to save, and records the run only
/// once that succeeded, so a run in the store always has its outputs.
///
/// A questionnaire drafted before (the same path, or the same content moved elsewhere) keeps
/// what its reviewers decided (``CarriedDecisions``): approved and edited answers of unchanged
/// questions and drafts are recorded in the new run, and a draft rejected before is flagged
/// `previously_rejected` and never more than medium confidence.
public struct DraftSession: Sendable {
    /// What to draft against and how.
    public struct Options: Sendable {
        /// The knowledge-base folder (already checked by ``Workspace``).
        public var kb: String
        public var mappings: String
        /// `YYYY-MM-DD`
        public var asOf: String
        public var systemScope: String?
        /// Frameworks to match against; nil for every framework the organisation claims.
        public var frameworks: Set<FrameworkCode>?
        public var detection: DetectionOptions
        public var formats: [DraftFormat]

        public init(
            kb: String, mappings: String, asOf: String, systemScope: String? = nil, frameworks: Set<FrameworkCode>? = nil,
            detection: DetectionOptions = DetectionOptions(), formats: [DraftFormat] = DraftFormat.allCases
        ) {
            self.kb = kb
            self.mappings = mappings
            self.asOf = asOf
            self.systemScope = systemScope
            self.frameworks = frameworks
            self.detection = detection
            self.formats = formats
        }
    }

    /// One questionnaire drafted: the drafts, the run it was recorded as and the rendered outputs.
    public struct FileOutcome: Sendable {
        public var file: DraftedFile
        /// The run ID, nil when the file failed (nothing is recorded then).
        public var runID: String?
        /// Keys whose earlier decision was recorded in this run (``CarriedDecisions``).
        public var carried: [String] = []
        /// This file's draft run (for rendering in other formats).
        public var run: DraftRun
        /// The outputs in the order of ``Options/formats``; empty when the file failed.
        public var rendered: [(format: DraftFormat, data: Data)]
    }

    public let options: Options
    public let store: any RunStore
    /// The knowledge base with the learned answers merged into its library.
    public let content: KnowledgeBaseContent
    /// Warnings the knowledge base loaded with.
    public let warnings: [Diagnostic]
    private let drafter: Drafter
    private let pipeline: DraftPipeline

    /// Loads and checks the knowledge base and merges the store's learned answers.
    /// - Throws: ``WorkflowError`` `.knowledgeBaseErrors` (with the diagnostics) when the
    ///   knowledge base has errors, `.badOption` for a `systemScope` or framework it lacks; the
    ///   store's errors.
    public init(options: Options, store: any RunStore) async throws {
        let loaded = KnowledgeBaseLoader.load(mappings: options.mappings, organisation: options.kb)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw WorkflowError(
                .knowledgeBaseErrors, "the knowledge base has errors; run `responder kb check` for the full list",
                diagnostics: errors)
        }
        var content = loaded.content
        // Learned answers join the library after the version is computed, so the knowledge-base
        // version stays that of the files alone.
        content.library = LearnedAnswers.merging(try await store.learnedAnswers(), into: content.library)
        if let system = options.systemScope, !content.systems.contains(where: { $0.id == system }) {
            throw WorkflowError(.badOption, "--system \(system) is not in the knowledge base's inventory")
        }
        if let limit = options.frameworks,
            let missing = limit.sorted().first(where: { code in !content.catalogue.contains { $0.framework == code } })
        {
            throw WorkflowError(.badOption, "--framework \(missing.rawValue) has no catalogue in the mappings")
        }
        let drafter = Drafter(content: content, asOf: options.asOf, systemScope: options.systemScope, frameworks: options.frameworks)
        let detector = QuestionDetector(options: options.detection)
        self.options = options
        self.store = store
        self.content = content
        self.warnings = loaded.diagnostics.filter { $0.severity != .error }
        self.drafter = drafter
        self.pipeline = DraftPipeline(drafter: drafter) { workbook in
            let scan = detector.detect(in: workbook)
            return (scan.questions, scan.diagnostics)
        }
    }

    /// The frameworks drafts are matched against.
    public var frameworks: [FrameworkCode] { drafter.frameworks }

    /// Drafts one questionnaire, renders it, hands the outcome to `writing` and then, unless the
    /// file failed or `writing` threw, records it as a run with the decisions carried forward.
    /// - Parameters:
    ///   - createdAt: ISO 8601 UTC, stored with the run (and with carried decisions).
    ///   - writing: saves the outputs; when it throws, nothing is recorded and its error is rethrown.
    /// - Throws: whatever `writing` throws; a `RunStore` error when the run cannot be recorded. A
    ///   file that cannot be read is not an error but comes back `failed` with its diagnostics.
    public func draft(
        path: String, createdAt: String,
        writing: (FileOutcome) throws -> Void = { _ in }
    ) async throws -> FileOutcome {
        var file = pipeline.draftFile(at: path)
        var pending: RunDraft?
        var carried = CarriedDecisions.Plan()
        if !file.failed {
            let url = URL(fileURLWithPath: file.path).standardizedFileURL
            let bytes = try Data(contentsOf: url)
            var draft = RunDraft(
                path: url.path, contentHash: RunIdentity.fingerprint(bytes), kbVersion: content.version,
                asOf: options.asOf, systemScope: options.systemScope,
                frameworks: options.frameworks.map { $0.map(\.rawValue) }, createdAt: createdAt,
                drafted: file.questions)
            carried = CarriedDecisions.plan(for: draft.questions, earlier: try await store.reviewedEarlier(than: draft))
            if !carried.previouslyRejected.isEmpty {
                file.questions = file.questions.map { Self.markedRejected($0, carried.previouslyRejected) }
                draft = RunDraft(
                    path: draft.path, contentHash: draft.contentHash, kbVersion: draft.kbVersion, asOf: draft.asOf,
                    systemScope: draft.systemScope, frameworks: draft.frameworks, createdAt: createdAt,
                    drafted: file.questions)
            }
            pending = draft
        }
        let run = DraftRun(
            kbVersion: content.version, asOf: options.asOf, systemScope: options.systemScope, files: [file],
            frameworkTitles: Dictionary(content.frameworks.map { ($0.code, $0.title) }) { first, _ in first })
        // The formats render from the same finished run, each on its own core.
        let formats = file.failed ? [] : options.formats
        let rendered = ParallelMap.map(count: formats.count, chunkSize: 1) { index in
            (format: formats[index], data: formats[index].render(run))
        }
        var outcome = FileOutcome(file: file, runID: pending?.id, run: run, rendered: rendered)
        try writing(outcome)
        guard let pending else { return outcome }
        let id = try await store.recordRun(pending)
        for (reviewer, requests) in carried.requests.sorted(by: { $0.key < $1.key }) {
            for result in try await store.decide(run: id, requests, reviewer: reviewer, at: createdAt) {
                if case .recorded(let key) = result { outcome.carried.append(key) }
            }
        }
        return outcome
    }

    /// `drafted` flagged `previously_rejected`, at most medium confidence, when its key is in `keys`.
    private static func markedRejected(_ drafted: DraftedQuestion, _ keys: Set<String>) -> DraftedQuestion {
        guard keys.contains(drafted.question.key) else { return drafted }
        var drafted = drafted
        drafted.answer.flags = Array(Set(drafted.answer.flags).union([.previouslyRejected])).sorted()
        if drafted.answer.confidence == .high { drafted.answer.confidence = .medium }
        return drafted
    }
}
