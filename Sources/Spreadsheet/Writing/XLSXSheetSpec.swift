/// One worksheet to write with ``XLSXWorkbookWriter``.
public struct XLSXSheetSpec: Sendable, Hashable {
    /// A cell's content.
    public enum Value: Sendable, Hashable {
        case text(String)
        case number(Double)
        case empty
    }

    /// A whole-row background colour, for drawing a reviewer's eye.
    public enum Highlight: String, Sendable, Hashable {
        /// Light red (Excel's "bad" fill, `FFC7CE`).
        case red
        /// Amber (Excel's "neutral" fill, `FFEB9C`).
        case amber
        /// Light green (Excel's "good" fill, `C6EFCE`).
        case green
    }

    /// A dropdown list on a range of cells, stored inline in the sheet (`"Approve,Edit,Reject"`).
    public struct ListValidation: Sendable, Hashable {
        public var range: CellRange
        /// The choices; none may contain `,` or `"`, and together they must fit Excel's 255
        /// characters for an inline list.
        public var choices: [String]

        public init(range: CellRange, choices: [String]) {
            self.range = range
            self.choices = choices
        }
    }

    /// 1 to 31 characters, none of `[ ] : * ? / \`, unique (ignoring case) in the workbook.
    public var name: String
    /// Rows from row 1 down; a row may be shorter than others.
    public var rows: [[Value]]
    /// When true the first row is bold and frozen in place while scrolling.
    public var hasHeaderRow: Bool
    /// When true every cell wraps its text.
    public var wrapsText: Bool
    /// Widths in characters, by 1-based column number; other columns keep Excel's default.
    public var columnWidths: [Int: Double]
    /// Highlights by 1-based row number.
    public var highlights: [Int: Highlight]
    public var validations: [ListValidation]
    /// A hidden sheet is still in the workbook; at least one sheet must stay visible.
    public var isHidden: Bool

    public init(
        name: String, rows: [[Value]], hasHeaderRow: Bool = true, wrapsText: Bool = true,
        columnWidths: [Int: Double] = [:], highlights: [Int: Highlight] = [:],
        validations: [ListValidation] = [], isHidden: Bool = false
    ) {
        self.name = name
        self.rows = rows
        self.hasHeaderRow = hasHeaderRow
        self.wrapsText = wrapsText
        self.columnWidths = columnWidths
        self.highlights = highlights
        self.validations = validations
        self.isHidden = isHidden
    }
}
