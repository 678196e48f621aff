import ResponderModel

/// One questionnaire's drafts, or the reason it could not be read.
public struct DraftedFile: Sendable {
    public var path: String
    public var questions: [DraftedQuestion]
    public var diagnostics: [Diagnostic]
    /// True when the file could not be read or held no questions; nothing is recorded for it.
    public var failed: Bool
    /// Why it failed, when it did.
    public var failure: Failure?

    /// Why a file gave no drafts.
    public enum Failure: String, Sendable, Hashable {
        /// The file could not be read (missing, damaged, not a questionnaire format).
        case unreadable
        /// It was read, but no question was found in it.
        case noQuestions
        /// A file this tool wrote (a review workbook), not a buyer's questionnaire.
        case ownOutput

        /// The status the summary table shows.
        public var summary: String {
            switch self {
            case .unreadable: "FAILED"
            case .noQuestions: "FAILED: no questions found"
            case .ownOutput: "FAILED: a review workbook"
            }
        }
    }

    public init(path: String, questions: [DraftedQuestion], diagnostics: [Diagnostic], failed: Bool, failure: Failure? = nil) {
        self.path = path
        self.questions = questions
        self.diagnostics = diagnostics
        self.failed = failed
        self.failure = failed ? (failure ?? .unreadable) : nil
    }

    /// Coverage figures for the summary table and the report.
    public var summary: DraftSummary { DraftSummary(questions) }
}
