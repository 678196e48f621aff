/// What a questionnaire column holds.
public enum ColumnRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The question's own ID (`A&A-01.1`).
    case id
    /// The question text.
    case question
    /// A choice answer (dropdown or yes/no).
    case answer
    /// A free-text answer: comments, notes, evidence, description.
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

    public init(column: Int, role: ColumnRole, source: ColumnSource, label: String? = nil) {
        self.column = column
        self.role = role
        self.source = source
        self.label = label
    }
}
