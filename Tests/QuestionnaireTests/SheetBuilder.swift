import Spreadsheet

/// Builds an in-memory sheet from a grid of strings (row 1 first, "" for empty cells).
struct SheetBuilder {
    var name: String
    var grid: [[String]]
    var visibility: SheetVisibility = .visible
    var merges: [String] = []
    /// (range such as "C2:C20", allowed values)
    var lists: [(String, [String])] = []
    var isProtected = false
    /// 1-based columns whose cells are unlocked (editable) when the sheet is protected.
    var unlockedColumns: Set<Int> = []
    var hiddenRows: Set<Int> = []
    /// Cells holding a formula whose cached value is in the grid.
    var formulaCells: Set<String> = []
    /// Cells whose value is number-typed.
    var numberCells: Set<String> = []

    func build(index: Int = 0) -> Sheet {
        var rows: [SheetRow] = []
        for (offset, line) in grid.enumerated() {
            let number = offset + 1
            var cells: [Cell] = []
            for (columnOffset, text) in line.enumerated() where !text.isEmpty {
                let address = CellAddress(row: number, column: columnOffset + 1)
                let value: CellValue = numberCells.contains(address.description) ? .number(text) : .text(text)
                cells.append(
                    Cell(
                        address: address, value: value,
                        formula: formulaCells.contains(address.description) ? "VLOOKUP(A\(number),Master!A:B,2,0)" : nil,
                        isLocked: !unlockedColumns.contains(columnOffset + 1)))
            }
            if !cells.isEmpty || hiddenRows.contains(number) {
                rows.append(SheetRow(number: number, cells: cells, isHidden: hiddenRows.contains(number)))
            }
        }
        let validations = lists.map { range, values in
            DataValidation(
                kind: .list, ranges: [Self.range(range)], formula: "\"\(values.joined(separator: ","))\"",
                allowedValues: values, origin: .standard)
        }
        return Sheet(
            name: name, index: index, visibility: visibility, rows: rows, merges: merges.map(Self.range),
            validations: validations, isProtected: isProtected, unlockedColumns: unlockedColumns)
    }

    static func range(_ text: String) -> CellRange {
        let parts = text.split(separator: ":")
        let start = CellAddress(parts[0])!
        return CellRange(start: start, end: parts.count > 1 ? CellAddress(parts[1])! : start)
    }
}

extension Workbook {
    init(path: String, _ builders: [SheetBuilder]) {
        self.init(path: path, format: .xlsx, sheets: builders.enumerated().map { $1.build(index: $0) })
    }
}
