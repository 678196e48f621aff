import CXMLReader
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

    private func sheetLocation(cell: String? = nil, line: Int? = nil) -> SourceLocation {
        SourceLocation(file: path, sheet: sheetName, cell: cell, line: cell == nil ? line ?? reader.line : nil)
    }

    private func invalidReference(_ text: String, line: Int? = nil) -> SpreadsheetError {
        SpreadsheetError(.malformed, at: sheetLocation(line: line), "invalid cell reference '\(text)'")
    }

    private func isLocked(style: Int?) -> Bool {
        guard let style, lockedStyles.indices.contains(style) else { return true }
        return lockedStyles[style]
    }

    /// Reads a `<col min max>` span; a span outside A...XFD is layout only and is skipped.
    private mutating func readColumn() {
        guard let min = reader.attribute("min").flatMap({ Int($0) }), let max = reader.attribute("max").flatMap({ Int($0) }),
            1 <= min, min <= max, max <= CellAddress.maxColumn
        else { return }
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
            // The whole row is walked in C and comes back as byte ranges: per-node calls from Swift
            // were most of the reading time. The C side stops at the first cell over the limits.
            let batch = reader.readRowCells(maxCells: min(limits.maxCellsPerRow, limits.maxCellsPerSheet - cellCount))
            cells.reserveCapacity(batch.cells.count)
            var column = 0
            var seenColumns: Set<Int> = []
            for raw in batch.cells {
                if raw.is_cut_short != 0 {
                    // The XML broke inside this cell: only what was checked before its content
                    // (the reference) can fail ahead of the XML error.
                    _ = try address(of: raw, text: batch.text, row: number, after: column)
                    break
                }
                cellCount += 1
                let cell = try readCell(raw, text: batch.text, row: number, after: column)
                column = cell.address.column
                // Which of two cells at one address counts would decide what question is read.
                guard seenColumns.insert(column).inserted else {
                    throw SpreadsheetError(
                        .malformed, at: sheetLocation(cell: cell.address.description),
                        "cell \(cell.address) appears twice")
                }
                // An empty cell stays when its lock differs from its column's (`<cols>` comes before
                // `<sheetData>`): unlocked cells of a protected sheet are where answers go.
                let columnLocked = !sheet.unlockedColumns.contains(cell.address.column)
                if cell.value.displayText != "" || cell.formula != nil || cell.isLocked != columnLocked { cells.append(cell) }
            }
            switch batch.status {
            case 2:
                throw SpreadsheetError(
                    .limitExceeded, at: sheetLocation(),
                    "row \(number) has more than \(limits.maxCellsPerRow) cells or the sheet more than \(limits.maxCellsPerSheet)")
            case -1:
                throw reader.lastError()
            default:
                break
            }
        }
        if !cells.isEmpty || hidden {
            cells.sort { $0.address.column < $1.address.column }
            sheet.rows.append(SheetRow(number: number, cells: cells, isHidden: hidden))
            limits.counters?.addRow()
        }
        return number
    }

    /// The `t` attribute of a `<c>`; anything unknown reads as a number, as Excel does.
    private enum CellType {
        case number, sharedString, inlineString, string, boolean, error

        init(_ bytes: UnsafeBufferPointer<UInt8>?) {
            guard let bytes else { self = .number; return }
            if bytes.count == 1 {
                switch bytes[0] {
                case UInt8(ascii: "s"): self = .sharedString
                case UInt8(ascii: "d"): self = .string
                case UInt8(ascii: "b"): self = .boolean
                case UInt8(ascii: "e"): self = .error
                default: self = .number
                }
            } else if Self.equals(bytes, "str") {
                self = .string
            } else if Self.equals(bytes, "inlineStr") {
                self = .inlineString
            } else {
                self = .number
            }
        }

        /// A plain byte compare: the generic `elementsEqual` against a String's UTF-8 view was a
        /// visible cost at one call per cell.
        private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
            guard let base = bytes.baseAddress, bytes.count == literal.utf8CodeUnitCount else { return false }
            return memcmp(base, literal.utf8Start, bytes.count) == 0
        }
    }

    /// `Int(String(decoding: bytes, as: UTF8.self))` without making the String for plain digits.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else {
            return Int(String(decoding: bytes, as: UTF8.self))
        }
        return bytes.reduce(0) { $0 * 10 + Int($1 &- UInt8(ascii: "0")) }
    }

    /// The bytes of one text of a C cell record; nil when absent (length -1).
    private static func bytes(_ offset: UInt32, _ length: Int32, in text: UnsafePointer<UInt8>?) -> UnsafeBufferPointer<UInt8>? {
        guard length >= 0 else { return nil }
        guard length > 0, let text else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text + Int(offset), count: Int(length))
    }

    /// A cell's address from its `r`; a cell without `r` follows the previous cell of its row.
    private func address(of raw: rsp_xml_cell, text: UnsafePointer<UInt8>?, row: Int, after previousColumn: Int) throws(SpreadsheetError) -> CellAddress {
        if let ref = Self.bytes(raw.r_offset, raw.r_length, in: text) {
            guard let parsed = CellAddress(utf8: ref), parsed.row == row else {
                throw invalidReference(String(decoding: ref, as: UTF8.self), line: Int(raw.line))
            }
            return parsed
        }
        guard previousColumn < CellAddress.maxColumn else {
            throw SpreadsheetError(.limitExceeded, at: sheetLocation(line: Int(raw.line)), "row \(row) has cells beyond column XFD")
        }
        return CellAddress(row: row, column: previousColumn + 1)
    }

    /// Builds one cell from its C record.
    private func readCell(_ raw: rsp_xml_cell, text: UnsafePointer<UInt8>?, row: Int, after previousColumn: Int) throws(SpreadsheetError) -> Cell {
        func bytes(_ offset: UInt32, _ length: Int32) -> UnsafeBufferPointer<UInt8>? { Self.bytes(offset, length, in: text) }
        func string(_ bytes: UnsafeBufferPointer<UInt8>?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

        let address = try address(of: raw, text: text, row: row, after: previousColumn)
        let style = bytes(raw.s_offset, raw.s_length).flatMap(Self.integer)
        let rawBytes = bytes(raw.v_offset, raw.v_length)
        let value: CellValue
        switch CellType(bytes(raw.t_offset, raw.t_length)) {
        case .inlineString:
            value =
                bytes(raw.is_offset, raw.is_length).map { .text(ExcelText.decode(utf8: $0)) }
                ?? rawBytes.map { .text(ExcelText.decode(utf8: $0)) } ?? .empty
        case .sharedString:
            guard let rawBytes else { value = .empty; break }
            guard let index = Self.integer(rawBytes) ?? Int(String(decoding: rawBytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)),
                sharedStrings.indices.contains(index)
            else {
                throw SpreadsheetError(
                    .malformed, at: sheetLocation(cell: address.description),
                    "shared string index '\(String(decoding: rawBytes, as: UTF8.self))' is out of range (the table has \(sharedStrings.count) strings)")
            }
            value = .text(sharedStrings[index])
        case .string:
            value = rawBytes.map { .text(ExcelText.decode(utf8: $0)) } ?? .empty
        case .boolean:
            guard let raw = string(rawBytes) else { value = .empty; break }
            value = .bool(raw == "1" || raw.lowercased() == "true")
        case .error:
            value = string(rawBytes).map(CellValue.error) ?? .empty
        case .number:
            guard let raw = string(rawBytes), !raw.isEmpty else { value = .empty; break }
            value = .number(raw)
        }
        return Cell(
            address: address, value: value, formula: string(bytes(raw.f_offset, raw.f_length)),
            styleIndex: style, isLocked: isLocked(style: style))
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
        validations.append(
            PendingValidation(
                kind: kind, ranges: ranges, formula: formula.trimmingCharacters(in: .whitespacesAndNewlines),
                allowBlank: allowBlank, origin: origin))
    }
}
