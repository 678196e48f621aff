/// A data-validation rule on a set of ranges. List rules carry the answer vocabulary of a dropdown.
public struct DataValidation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case list, whole, decimal, date, time, textLength, custom, any
    }

    /// Where the rule came from: the sheet's own `<dataValidations>` or the `x14` extension in `<extLst>`.
    public enum Origin: String, Sendable, Hashable {
        case standard
        case x14
    }

    public var kind: Kind
    public var ranges: [CellRange]
    /// `formula1` as written: `"Yes,No,N/A"`, `Lists!$A$1:$A$3`, `AnswerList`.
    public var formula: String
    /// For list rules, the allowed values after resolving inline lists, ranges and defined names;
    /// nil when they could not be resolved (a diagnostic says why).
    public var allowedValues: [String]?
    public var origin: Origin
    public var allowBlank: Bool

    public init(kind: Kind, ranges: [CellRange], formula: String, allowedValues: [String]?, origin: Origin, allowBlank: Bool = true) {
        self.kind = kind
        self.ranges = ranges
        self.formula = formula
        self.allowedValues = allowedValues
        self.origin = origin
        self.allowBlank = allowBlank
    }

    public func applies(to address: CellAddress) -> Bool {
        ranges.contains { $0.contains(address) }
    }
}
