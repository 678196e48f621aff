/// One worksheet (or the single table of a CSV file), with everything question detection and
/// answer write-back need to know about it.
public struct Sheet: Sendable, Hashable {
    public var name: String
    /// 0-based position in the workbook's sheet order.
    public var index: Int
    public var visibility: SheetVisibility
    /// The part inside the archive (`xl/worksheets/sheet1.xml`); empty for CSV.
    public var partPath: String
    /// Rows that hold at least one cell or are hidden, sorted by number.
    public var rows: [SheetRow]
    public var merges: [CellRange]
    public var validations: [DataValidation]
    /// True when `<sheetProtection sheet="1">` is present: only unlocked cells are editable.
    public var isProtected: Bool
    public var hiddenColumns: Set<Int>
    /// Columns whose default style (`<col style>`) is unlocked: cells there that the file does not
    /// list are editable when the sheet is protected.
    public var unlockedColumns: Set<Int>
    /// The `<dimension ref>` as declared, which real files often get wrong.
    public var declaredDimension: String?

    public init(
        name: String, index: Int, visibility: SheetVisibility = .visible, partPath: String = "",
        rows: [SheetRow] = [], merges: [CellRange] = [], validations: [DataValidation] = [],
        isProtected: Bool = false, hiddenColumns: Set<Int> = [], unlockedColumns: Set<Int> = [],
        declaredDimension: String? = nil
    ) {
        self.name = name
        self.index = index
        self.visibility = visibility
        self.partPath = partPath
        self.rows = rows
        self.merges = merges
        self.validations = validations
        self.isProtected = isProtected
        self.hiddenColumns = hiddenColumns
        self.unlockedColumns = unlockedColumns
        self.declaredDimension = declaredDimension
    }

    /// The real last cell: the highest row and the highest column that hold a value, whatever
    /// `<dimension>` claims. Nil for an empty sheet.
    public var lastCell: CellAddress? {
        let filled = rows.filter { $0.cells.contains { !$0.value.isEmpty } }
        guard let lastRow = filled.last?.number else { return nil }
        let lastColumn = filled.compactMap { $0.cells.last { !$0.value.isEmpty }?.address.column }.max() ?? 1
        return CellAddress(row: lastRow, column: lastColumn)
    }

    /// The row with the given number, if it holds cells or is hidden.
    public func row(_ number: Int) -> SheetRow? {
        var low = 0
        var high = rows.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = rows[middle].number
            if candidate == number { return rows[middle] }
            if candidate < number { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    public func isRowHidden(_ number: Int) -> Bool { row(number)?.isHidden ?? false }

    public func cell(at address: CellAddress) -> Cell? {
        row(address.row)?.cell(inColumn: address.column)
    }

    /// Whether the cell at an address is locked (only meaningful when ``isProtected``): the cell's
    /// own style decides, else its column's default style; Excel's default is locked.
    public func isLocked(at address: CellAddress) -> Bool {
        if let cell = cell(at: address) { return cell.isLocked }
        return !unlockedColumns.contains(address.column)
    }

    /// The merged range that covers an address, if any.
    public func merge(covering address: CellAddress) -> CellRange? {
        merges.first { $0.contains(address) }
    }

    /// The value a reader sees at an address: a cell inside a merged range shows the value of the
    /// range's top-left cell.
    public func displayedValue(at address: CellAddress) -> CellValue {
        if let own = cell(at: address), !own.value.isEmpty { return own.value }
        if let range = merge(covering: address), range.start != address {
            return cell(at: range.start)?.value ?? .empty
        }
        return cell(at: address)?.value ?? .empty
    }

    /// The list validation covering an address, preferring one whose values resolved.
    public func listValidation(at address: CellAddress) -> DataValidation? {
        let lists = validations.filter { $0.kind == .list && $0.applies(to: address) }
        return lists.first { $0.allowedValues != nil } ?? lists.first
    }
}
