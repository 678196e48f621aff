/// What detection found on one sheet: its header and its columns, or why it was skipped.
public struct SheetLayout: Sendable, Hashable, Codable {
    public var sheet: String
    /// The 1-based header row (the lower row of a two-row header); nil when the sheet has none.
    public var headerRow: Int?
    public var columns: [DetectedColumn]
    /// The template profile that fixed the layout, if any.
    public var template: String?
    public var questionCount: Int
    /// Why the sheet yielded no questions on purpose (hidden duplicate, list sheet), if it did.
    public var skippedReason: String?

    public init(sheet: String, headerRow: Int? = nil, columns: [DetectedColumn] = [], template: String? = nil,
                questionCount: Int = 0, skippedReason: String? = nil) {
        self.sheet = sheet
        self.headerRow = headerRow
        self.columns = columns
        self.template = template
        self.questionCount = questionCount
        self.skippedReason = skippedReason
    }

    public func columns(_ role: ColumnRole) -> [DetectedColumn] { columns.filter { $0.role == role } }
}
