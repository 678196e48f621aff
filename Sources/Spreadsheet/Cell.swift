/// One cell of a sheet: it holds a value or a formula, or it is empty but locked differently from its column.
public struct Cell: Sendable, Hashable {
    public var address: CellAddress
    public var value: CellValue
    /// The formula text when the cell holds one; `value` is then its cached result (never evaluated).
    public var formula: String?
    /// The cell's style index into the workbook's `cellXfs`, when it has one.
    public var styleIndex: Int?
    /// Whether the cell is locked when its sheet is protected (Excel's default is locked).
    public var isLocked: Bool

    public init(address: CellAddress, value: CellValue, formula: String? = nil, styleIndex: Int? = nil, isLocked: Bool = true) {
        self.address = address
        self.value = value
        self.formula = formula
        self.styleIndex = styleIndex
        self.isLocked = isLocked
    }
}
