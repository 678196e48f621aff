/// Where in an input something was found, printed the way users read it:
/// `buyer.xlsx[AI]!C17`, `inventory.yaml:42:7`, `questions.csv:310`.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's path as the user gave it (or its last component).
    public var file: String
    /// The worksheet name, for workbooks.
    public var sheet: String?
    /// An A1-style cell reference, for workbooks.
    public var cell: String?
    /// A 1-based line (text files) or record number (CSV).
    public var line: Int?
    /// A 1-based column in a text file.
    public var column: Int?

    public init(file: String, sheet: String? = nil, cell: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = file
        if let sheet { text += "[\(sheet)]" }
        if let cell { text += "!\(cell)" }
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
