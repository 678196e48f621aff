import ResponderModel

/// What a questionnaire column holds.
public enum ColumnRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The question's own ID (`A&A-01.1`).
    case id
    /// The question text.
    case question
    /// The answer column: a choice where a dropdown constrains the cell, free text otherwise.
    case answer
    /// A further free-text column: comments, notes, evidence, description.
    case comment
}

/// How a column's role was established, strongest first.
public enum ColumnSource: String, Sendable, Hashable, Codable {
    case override
    case template
    case header
    case content
}

/// One column of a sheet with its role.
public struct DetectedColumn: Sendable, Hashable, Codable {
    /// 1-based column number.
    public var column: Int
    public var role: ColumnRole
    public var source: ColumnSource
    /// The header label, when the column has one.
    public var label: String?
    /// The answer kind fixed by `--columns answer=C:text` (or `:choice`); nil lets the cell's
    /// dropdown decide.
    public var kind: AnswerCell.Kind?

    public init(column: Int, role: ColumnRole, source: ColumnSource, label: String? = nil, kind: AnswerCell.Kind? = nil) {
        self.column = column
        self.role = role
        self.source = source
        self.label = label
        self.kind = kind
    }
}
