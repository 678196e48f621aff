import Foundation

import ResponderModel

/// Streams one worksheet part (`<worksheet>`) into a ``Sheet``: rows and cells, hidden rows and
/// columns, merges, protection, the declared dimension and data validations (standard and `x14`).
struct WorksheetParser {
    /// A data validation as written, before list sources are resolved against the whole workbook.
    struct PendingValidation: Equatable {
        var kind: DataValidation.Kind
        var ranges: [CellRange]
        var formula: String
        var allowBlank: Bool
        var origin: DataValidation.Origin
    }

    private let reader: XMLStreamReader
    private let path: String
    private let sheetName: String
    private let sharedStrings: [String]
    private let lockedStyles: [Bool]
    private let limits: ReadLimits
    private var sheet: Sheet
    private var validations: [PendingValidation] = []
    private var cellCount = 0
    /// Row numbers read so far: a row listed twice has no single meaning, so it is refused.
    private var seenRows: Set<Int> = []

    init(reader: XMLStreamReader, path: String, sheetName: String, sharedStrings: [String], lockedStyles: [Bool], limits: ReadLimits) {
        self.reader = reader
        self.path = path
        self.sheetName = sheetName
        self.sharedStrings = sharedStrings
        self.lockedStyles = lockedStyles
        self.limits = limits
        sheet = Sheet(name: sheetName, index: 0)
    }

    mutating func parse() throws(SpreadsheetError) -> (sheet: Sheet, validations: [PendingValidation]) {
        var lastRow = 0
        while try reader.read() {
            guard reader.nodeType == .element else { continue }
            switch reader.localName {
            case "dimension":
                sheet.declaredDimension = reader.attribute("ref")
            case "col":
                readColumn()
            case "row":
                lastRow = try readRow(after: lastRow)
            case "mergeCell":
                // A merge that cannot be parsed is layout only: dropping it loses no value.
                if let range = reader.attribute("ref").flatMap(CellRange.init) { sheet.merges.append(range) }
            case "sheetProtection":
                sheet.isProtected = XLSXParts.isTrue(reader.attribute("sheet"))
            case "dataValidation":
                try readValidation(origin: reader.namespaceURI.contains("spreadsheetml/2009/9/main") ? .x14 : .standard)
            default:
                break
            }
        }
        sheet.rows.sort { $0.number < $1.number }
        return (sheet, validations)
    }

    private func sheetLocation(cell: String? = nil) -> SourceLocation {
        SourceLocation(file: path, sheet: sheetName, cell: cell, line: cell == nil ? reader.line : nil)
    }

    private func invalidReference(_ text: String) -> SpreadsheetError {
        SpreadsheetError(.malformed, at: sheetLocation(), "invalid cell reference '\(text)'")
    }

    private func isLocked(style: Int?) -> Bool {
        guard let style, lockedStyles.indices.contains(style) else { return true }
        return lockedStyles[style]
    }

    /// Reads a `<col min max>` span; a span outside A...XFD is layout only and is skipped.
    private mutating func readColumn() {
        guard let min = reader.attribute("min").flatMap({ Int($0) }), let max = reader.attribute("max").flatMap({ Int($0) }),
              1 <= min, min <= max, max <= CellAddress.maxColumn else { return }
        if XLSXParts.isTrue(reader.attribute("hidden")) { sheet.hiddenColumns.formUnion(min...max) }
        if !isLocked(style: reader.attribute("style").flatMap { Int($0) }) { sheet.unlockedColumns.formUnion(min...max) }
    }

    /// Reads one `<row>`; returns its number. Rows without `r` follow the previous one.
    private mutating func readRow(after previous: Int) throws(SpreadsheetError) -> Int {
        let number: Int
        if let text = reader.attribute("r") {
            guard let value = Int(text), (1...CellAddress.maxRow).contains(value) else { throw invalidReference(text) }
            number = value
        } else {
            number = previous + 1
            guard number <= CellAddress.maxRow else { throw invalidReference("row \(number)") }
        }
        guard seenRows.insert(number).inserted else {
            throw SpreadsheetError(.malformed, at: sheetLocation(), "row \(number) appears twice")
        }
        let hidden = XLSXParts.isTrue(reader.attribute("hidden"))
        var cells: [Cell] = []
        if !reader.isEmptyElement {
            let depth = reader.depth
            var column = 0
            var cellsInRow = 0
            var seenColumns: Set<Int> = []
            while try reader.read() {
                if reader.nodeType == .endElement && reader.depth == depth { break }
                guard reader.isElement("c") else { continue }
                cellsInRow += 1
                cellCount += 1
                guard cellsInRow <= limits.maxCellsPerRow, cellCount <= limits.maxCellsPerSheet else {
                    throw SpreadsheetError(.limitExceeded, at: sheetLocation(),
                                           "row \(number) has more than \(limits.maxCellsPerRow) cells or the sheet more than \(limits.maxCellsPerSheet)")
                }
                let cell = try readCell(row: number, after: column)
                column = cell.address.column
                // Which of two cells at one address counts would decide what question is read.
                guard seenColumns.insert(column).inserted else {
                    throw SpreadsheetError(.malformed, at: sheetLocation(cell: cell.address.description),
                                           "cell \(cell.address) appears twice")
                }
                // An empty cell stays when its lock differs from its column's (`<cols>` comes before
                // `<sheetData>`): unlocked cells of a protected sheet are where answers go.
                let columnLocked = !sheet.unlockedColumns.contains(cell.address.column)
                if cell.value.displayText != "" || cell.formula != nil || cell.isLocked != columnLocked { cells.append(cell) }
            }
        }
        if !cells.isEmpty || hidden {
            cells.sort { $0.address.column < $1.address.column }
            sheet.rows.append(SheetRow(number: number, cells: cells, isHidden: hidden))
        }
        return number
    }

    /// Reads one `<c>`; a cell without `r` follows the previous cell of its row.
    private func readCell(row: Int, after previousColumn: Int) throws(SpreadsheetError) -> Cell {
        let address: CellAddress
        if let ref = reader.attribute("r") {
            guard let parsed = CellAddress(ref), parsed.row == row else { throw invalidReference(ref) }
            address = parsed
        } else {
            guard previousColumn < CellAddress.maxColumn else {
                throw SpreadsheetError(.limitExceeded, at: sheetLocation(), "row \(row) has cells beyond column XFD")
            }
            address = CellAddress(row: row, column: previousColumn + 1)
        }
        let type = reader.attribute("t") ?? "n"
        let style = reader.attribute("s").flatMap { Int($0) }
        var raw: String?
        var inline: String?
        var formula: String?
        if !reader.isEmptyElement {
            let depth = reader.depth
            while try reader.read() {
                if reader.nodeType == .endElement && reader.depth == depth { break }
                guard reader.nodeType == .element, reader.depth == depth + 1 else { continue }
                if reader.hasLocalName("v") {
                    raw = try reader.readText()
                } else if reader.hasLocalName("f") {
                    formula = try reader.readText()
                } else if reader.hasLocalName("is") {
                    inline = ExcelText.decode(try reader.readStringItem())
                }
            }
        }
        let value = try cellValue(type: type, raw: raw, inline: inline, address: address)
        return Cell(address: address, value: value, formula: formula, styleIndex: style, isLocked: isLocked(style: style))
    }

    private func cellValue(type: String, raw: String?, inline: String?, address: CellAddress) throws(SpreadsheetError) -> CellValue {
        switch type {
        case "inlineStr":
            return inline.map(CellValue.text) ?? raw.map { .text(ExcelText.decode($0)) } ?? .empty
        case "s":
            guard let raw else { return .empty }
            guard let index = Int(raw) ?? Int(raw.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                throw SpreadsheetError(.malformed, at: sheetLocation(cell: address.description),
                                       "shared string index '\(raw)' is out of range (the table has \(sharedStrings.count) strings)")
            }
            return .text(sharedStrings[index])
        case "str", "d":
            return raw.map { .text(ExcelText.decode($0)) } ?? .empty
        case "b":
            guard let raw else { return .empty }
            return .bool(raw == "1" || raw.lowercased() == "true")
        case "e":
            return raw.map(CellValue.error) ?? .empty
        default:
            guard let raw, !raw.isEmpty else { return .empty }
            return .number(raw)
        }
    }

    /// Reads a `<dataValidation>` (either namespace) up to its end.
    private mutating func readValidation(origin: DataValidation.Origin) throws(SpreadsheetError) {
        let kindText = reader.attribute("type") ?? "none"
        let kind = DataValidation.Kind(rawValue: kindText) ?? .any
        let allowBlank = XLSXParts.isTrue(reader.attribute("allowBlank"))
        var sqref = reader.attribute("sqref") ?? ""
        var formula = ""
        if !reader.isEmptyElement {
            let depth = reader.depth
            while try reader.read() {
                if reader.nodeType == .endElement && reader.depth == depth { break }
                guard reader.nodeType == .element else { continue }
                switch reader.localName {
                case "formula1": formula = try reader.readText()
                case "sqref": sqref = try reader.readText()
                default: break
                }
            }
        }
        var ranges: [CellRange] = []
        for part in sqref.split(whereSeparator: \.isWhitespace) {
            guard let range = CellRange(part) else { throw invalidReference(String(part)) }
            ranges.append(range)
        }
        validations.append(PendingValidation(kind: kind, ranges: ranges, formula: formula.trimmingCharacters(in: .whitespacesAndNewlines),
                                             allowBlank: allowBlank, origin: origin))
    }
}
