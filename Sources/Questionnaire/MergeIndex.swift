import Spreadsheet

/// The merged ranges of a sheet by row, so each cell's merge is found without scanning them all.
///
/// `Sheet.merge(covering:)` scans every range, which is quadratic over a long sheet with many
/// merges; detection asks for several cells of every row.
struct MergeIndex: Sendable {
    private var byRow: [Int: [CellRange]] = [:]
    /// Ranges too tall to list row by row (a hostile `A1:Z1048576`), checked one by one.
    private var tall: [CellRange] = []
    private static let tallRows = 5_000

    init(_ sheet: Sheet) {
        for range in sheet.merges {
            if range.end.row - range.start.row >= Self.tallRows {
                tall.append(range)
            } else {
                for row in range.start.row...range.end.row { byRow[row, default: []].append(range) }
            }
        }
    }

    /// The merged range covering an address, if any.
    func range(covering address: CellAddress) -> CellRange? {
        byRow[address.row]?.first { $0.contains(address) } ?? tall.first { $0.contains(address) }
    }

    /// The value shown at an address: a cell inside a merged range shows the range's top-left value.
    func displayedValue(at address: CellAddress, in sheet: Sheet, row: SheetRow?) -> CellValue {
        if let own = row?.cell(inColumn: address.column), !own.value.isEmpty { return own.value }
        if let range = range(covering: address), range.start != address {
            return sheet.cell(at: range.start)?.value ?? .empty
        }
        return .empty
    }
}
