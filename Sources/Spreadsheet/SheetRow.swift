/// One row of a sheet: its cells in column order, and whether it is hidden.
public struct SheetRow: Sendable, Hashable {
    /// 1-based row number (for CSV: the 1-based record number).
    public var number: Int
    /// Cells that hold a value or a formula, plus empty cells whose lock differs from their column's
    /// default (usually unlocked answer cells of a protected sheet), sorted by column.
    public var cells: [Cell]
    public var isHidden: Bool

    public init(number: Int, cells: [Cell], isHidden: Bool = false) {
        self.number = number
        self.cells = cells
        self.isHidden = isHidden
    }

    /// The cell in the given 1-based column, if the row lists one.
    public func cell(inColumn column: Int) -> Cell? {
        var low = 0
        var high = cells.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = cells[middle].address.column
            if candidate == column { return cells[middle] }
            if candidate < column { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}
