/// What a cell holds, as stored: text is never reinterpreted as a number or a date.
public enum CellValue: Sendable, Hashable {
    case empty
    /// Text from a shared string, an inline string, a `t="str"` formula result, or a CSV field.
    case text(String)
    /// A number exactly as written in the file (`18.1` stays `18.1`), never reformatted.
    case number(String)
    case bool(Bool)
    /// An error value such as `#REF!` or `#N/A`.
    case error(String)

    /// The value as a person would read it; empty for `.empty`.
    public var displayText: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let raw): raw
        case .bool(let value): value ? "TRUE" : "FALSE"
        case .error(let code): code
        }
    }

    public var isEmpty: Bool {
        if case .empty = self { return true }
        if case .text(let text) = self { return text.allSatisfy(\.isWhitespace) }
        return false
    }
}
