import ResponderModel

/// One questionnaire's drafts, or the reason it could not be read.
public struct DraftedFile: Sendable {
    public var path: String
    public var questions: [DraftedQuestion]
    public var diagnostics: [Diagnostic]
    /// True when the file could not be read at all.
    public var failed: Bool

    public init(path: String, questions: [DraftedQuestion], diagnostics: [Diagnostic], failed: Bool) {
        self.path = path
        self.questions = questions
        self.diagnostics = diagnostics
        self.failed = failed
    }

    /// Coverage figures for the summary table and the report.
    public var summary: DraftSummary { DraftSummary(questions) }
}
