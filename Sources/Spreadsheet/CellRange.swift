/// A rectangular block of cells, inclusive (`A1:C3`); a single cell is a range of one.
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    public var start: CellAddress
    public var end: CellAddress

    public init(start: CellAddress, end: CellAddress) {
        self.start = CellAddress(row: min(start.row, end.row), column: min(start.column, end.column))
        self.end = CellAddress(row: max(start.row, end.row), column: max(start.column, end.column))
    }

    /// Parses `A1:C3`, `$A$1:$C$3` or `B7`; nil when invalid.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let cell = CellAddress(parts[0]) else { return nil }
            self.init(start: cell, end: cell)
        case 2:
            guard let first = CellAddress(parts[0]), let last = CellAddress(parts[1]) else { return nil }
            self.init(start: first, end: last)
        default:
            return nil
        }
    }

    public func contains(_ address: CellAddress) -> Bool {
        (start.row...end.row).contains(address.row) && (start.column...end.column).contains(address.column)
    }

    public var rowCount: Int { end.row - start.row + 1 }
    public var columnCount: Int { end.column - start.column + 1 }

    public var description: String { start == end ? start.description : "\(start):\(end)" }
}
