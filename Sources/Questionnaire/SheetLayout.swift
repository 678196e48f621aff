/// What detection found on one sheet: its header and its columns, or why it was skipped.
public struct SheetLayout: Sendable, Hashable, Codable {
    public var sheet: String
    /// The 1-based header row (the lower row of a two-row header); nil when the sheet has none.
    public var headerRow: Int?
    public var columns: [DetectedColumn]
    /// The template profile that fixed the layout, if any.
    public var template: String?
    public var questionCount: Int
    /// Why the sheet is not a questionnaire the vendor fills (`hidden`, `derived from 'AI'`,
    /// `master list for 'AI'`, `dropdown lists`, `changelog`, ...); nil when it is used.
    public var skippedReason: String?
    /// Rows that repeat another sheet's question with its answer pulled in by a formula (not questions).
    public var echoCount: Int = 0
    /// Section rows: titles and repeated header labels.
    public var sectionCount: Int = 0
    /// Instruction rows ("Please answer ...") under the header.
    public var instructionCount: Int = 0

    public init(
        sheet: String, headerRow: Int? = nil, columns: [DetectedColumn] = [], template: String? = nil,
        questionCount: Int = 0, skippedReason: String? = nil
    ) {
        self.sheet = sheet
        self.headerRow = headerRow
        self.columns = columns
        self.template = template
        self.questionCount = questionCount
        self.skippedReason = skippedReason
    }

    public func columns(_ role: ColumnRole) -> [DetectedColumn] { columns.filter { $0.role == role } }

    /// Whether the sheet is read as a questionnaire.
    public var isUsed: Bool { skippedReason == nil }
}
