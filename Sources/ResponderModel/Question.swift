/// One question found in a buyer's questionnaire, with where its answer goes.
public struct Question: Sendable, Hashable, Codable {
    /// The question's own ID as text (`A&A-01.1`, `18.1.26`), or empty when it has none.
    public var id: String
    /// The sheet name (for CSV: the file name without extension).
    public var sheet: String
    /// The 1-based Excel row; for CSV the 1-based record number counting the header.
    public var row: Int
    /// The question text, with hard wraps joined and surrounding space trimmed.
    public var text: String
    /// The section heading the question sits under, when there is one.
    public var section: String?
    public var answerCells: [AnswerCell]
    /// For a follow-up row ("If so, describe ..."), the row of the question it belongs to.
    public var parentRow: Int?
    /// True when the source marked the question as critical (a trailing `*`).
    public var isCritical: Bool

    public init(
        id: String, sheet: String, row: Int, text: String, section: String? = nil,
        answerCells: [AnswerCell] = [], parentRow: Int? = nil, isCritical: Bool = false
    ) {
        self.id = id
        self.sheet = sheet
        self.row = row
        self.text = text
        self.section = section
        self.answerCells = answerCells
        self.parentRow = parentRow
        self.isCritical = isCritical
    }

    /// A stable key for the question within its file: its ID when it has one, else sheet and row.
    public var key: String { id.isEmpty ? "\(sheet)!\(row)" : "\(sheet)!\(id)" }
}
