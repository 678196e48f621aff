import ResponderModel

/// The result of scanning one workbook for questions.
public struct QuestionnaireScan: Sendable, Hashable {
    /// Questions in sheet order, then row order.
    public var questions: [Question]
    /// One layout per sheet considered, in sheet order.
    public var layouts: [SheetLayout]
    public var diagnostics: [Diagnostic]

    public init(questions: [Question] = [], layouts: [SheetLayout] = [], diagnostics: [Diagnostic] = []) {
        self.questions = questions
        self.layouts = layouts
        self.diagnostics = diagnostics
    }
}
