/// A questionnaire file read into sheets: an XLSX workbook, or a CSV file as one sheet.
public struct Workbook: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case xlsx
        case csv
    }

    /// The path as the user gave it.
    public var path: String
    public var format: Format
    public var sheets: [Sheet]
    public var definedNames: [DefinedName]

    public init(path: String, format: Format, sheets: [Sheet], definedNames: [DefinedName] = []) {
        self.path = path
        self.format = format
        self.sheets = sheets
        self.definedNames = definedNames
    }

    public func sheet(named name: String) -> Sheet? { sheets.first { $0.name == name } }
}
