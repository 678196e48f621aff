/// A cell where the buyer expects an answer to one question.
public struct AnswerCell: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A dropdown or a yes/no column: the answer is one of `allowed` (when known).
        case choice
        /// Free text: a description, comment, notes or evidence column.
        case text
    }

    /// Column letters (`C`); for CSV, the letters of the field's position (first field = `A`).
    public var column: String
    public var kind: Kind
    /// The values the cell's dropdown allows, in the workbook's order; nil when it has no list.
    public var allowed: [String]?
    /// The header label of the column, when there is one (`Answer`, `Comments`).
    public var label: String?

    public init(column: String, kind: Kind, allowed: [String]? = nil, label: String? = nil) {
        self.column = column
        self.kind = kind
        self.allowed = allowed
        self.label = label
    }
}
