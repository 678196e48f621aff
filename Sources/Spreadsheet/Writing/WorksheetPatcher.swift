import ResponderModel

/// Rewrites chosen cells of one worksheet part (ECMA-376 Part 1, 18.3.1.4 `c`, 18.3.1.73 `row`)
/// at the byte level, leaving every byte outside the rewritten `<c>` elements (and inserted
/// `<c>`/`<row>` elements) as it was.
struct WorksheetPatcher {
    struct Outcome {
        var bytes: [UInt8]
        /// Cells that held a formula before being overwritten (their calcChain entries go stale).
        var replacedFormulaCells: [CellAddress]
    }

    private struct Replacement {
        var range: Range<Int>
        var text: String
    }

    private struct ExistingCell {
        var address: CellAddress
        var range: Range<Int>
        var style: String?
        var hasFormula: Bool
        /// Set when other cells depend on this one's `<f>`: the master of a shared formula or
        /// the anchor of an array formula spanning several cells.
        var anchors: String?
    }

    private let scanner: XMLTagScanner
    private let file: String

    /// - Parameter file: `book.xlsx:xl/worksheets/sheet1.xml`, for error locations.
    init(bytes: [UInt8], file: String) {
        scanner = XMLTagScanner(bytes: bytes)
        self.file = file
    }

    /// - Parameter edits: text per cell; every cell of this part.
    /// - Throws: ``XLSXWriteError`` `.malformed` when `<sheetData>` is missing or unclosed, or a
    ///   row or cell that must be located has no `r` reference.
    func apply(_ edits: [CellAddress: String]) throws(XLSXWriteError) -> Outcome {
        var columnStyles: [(min: Int, max: Int, style: String)] = []
        var position = 0
        var found: XMLTagScanner.Tag?
        while let tag = scanner.nextTag(from: position) {
            if tag.kind == .start || tag.kind == .empty {
                if tag.localName == "col", let min = scanner.attribute("min", of: tag).flatMap(Int.init),
                    let max = scanner.attribute("max", of: tag).flatMap(Int.init),
                    let style = scanner.attribute("style", of: tag)
                {
                    columnStyles.append((min, max, style))
                }
                if tag.localName == "sheetData" {
                    found = tag
                    break
                }
            }
            position = tag.end
        }
        guard let sheetData = found else { throw malformed(nil, "the worksheet has no <sheetData> element") }
        let prefix = sheetData.prefix
        func columnStyle(_ column: Int) -> String? {
            columnStyles.first { $0.min <= column && column <= $0.max }?.style
        }

        let editsByRow = Dictionary(grouping: edits.keys, by: \.row)
        var replacements: [Replacement] = []
        var formulaCells: [CellAddress] = []

        if sheetData.kind == .empty {
            let rows = editsByRow.keys.sorted().map { row in
                newRow(row, cells: editsByRow[row]!.sorted(), edits: edits, prefix: prefix, style: columnStyle)
            }
            replacements.append(
                Replacement(
                    range: (sheetData.end - 2)..<sheetData.end,
                    text: ">" + rows.joined() + "</\(prefix)sheetData>"))
            return Outcome(bytes: splice(replacements), replacedFormulaCells: [])
        }

        var rowTags: [(number: Int, tag: XMLTagScanner.Tag, end: Int)] = []
        var sheetDataClose: Int?
        position = sheetData.end
        while let tag = scanner.nextTag(from: position) {
            if tag.kind == .end {
                sheetDataClose = tag.start
                break
            }
            guard tag.kind == .start || tag.kind == .empty else {
                position = tag.end
                continue
            }
            guard let end = scanner.elementEnd(of: tag) else { throw malformed(nil, "the <\(tag.name)> element is not closed") }
            if tag.localName == "row" {
                guard let reference = scanner.attribute("r", of: tag) else {
                    throw malformed(nil, "a <row> without an r attribute (row number) follows \(rowTags.last.map { "row \($0.number)" } ?? "the start of <sheetData>"); refusing to guess its position")
                }
                guard let number = Int(reference), number >= 1, number <= CellAddress.maxRow else {
                    throw malformed(nil, "a <row> has an invalid r attribute '\(reference)'")
                }
                rowTags.append((number, tag, end))
            }
            position = end
        }
        guard let sheetDataClose else { throw malformed(nil, "the <sheetData> element is not closed") }

        for rowNumber in editsByRow.keys.sorted() {
            let columns = editsByRow[rowNumber]!.sorted()
            guard let row = rowTags.first(where: { $0.number == rowNumber }) else {
                let text = newRow(rowNumber, cells: columns, edits: edits, prefix: prefix, style: columnStyle)
                let at = rowTags.first { $0.number > rowNumber }?.tag.start ?? sheetDataClose
                replacements.append(Replacement(range: at..<at, text: text))
                continue
            }
            let rowStyle: String? = {
                let custom = scanner.attribute("customFormat", of: row.tag)
                guard custom == "1" || custom == "true" else { return nil }
                return scanner.attribute("s", of: row.tag)
            }()
            let cells = try existingCells(in: row.tag, rowEnd: row.end, rowNumber: rowNumber)
            var appended = ""
            for address in columns {
                let text = edits[address]!
                if let cell = cells.first(where: { $0.address == address }) {
                    if let anchors = cell.anchors {
                        throw XLSXWriteError(
                            .invalidEdit, at: SourceLocation(file: file, cell: "\(address)"),
                            "the cell anchors the \(anchors); overwriting it would break the other cells")
                    }
                    if cell.hasFormula { formulaCells.append(address) }
                    replacements.append(
                        Replacement(
                            range: cell.range,
                            text: cellXML(address, style: cell.style, text: text, prefix: prefix)))
                } else if let next = cells.first(where: { $0.address.column > address.column }) {
                    let style = rowStyle ?? columnStyle(address.column)
                    replacements.append(
                        Replacement(
                            range: next.range.lowerBound..<next.range.lowerBound,
                            text: cellXML(address, style: style, text: text, prefix: prefix)))
                } else {
                    appended += cellXML(address, style: rowStyle ?? columnStyle(address.column), text: text, prefix: prefix)
                }
            }
            if !appended.isEmpty {
                if row.tag.kind == .empty {
                    replacements.append(
                        Replacement(
                            range: (row.tag.end - 2)..<row.tag.end,
                            text: ">" + appended + "</\(row.tag.name)>"))
                } else {
                    var close = row.end - 1
                    while scanner.bytes[close] != UInt8(ascii: "<") { close -= 1 }
                    replacements.append(Replacement(range: close..<close, text: appended))
                }
            }
        }
        return Outcome(bytes: splice(replacements), replacedFormulaCells: formulaCells)
    }

    private func existingCells(in rowTag: XMLTagScanner.Tag, rowEnd: Int, rowNumber: Int) throws(XLSXWriteError) -> [ExistingCell] {
        guard rowTag.kind == .start else { return [] }
        var cells: [ExistingCell] = []
        var position = rowTag.end
        while let tag = scanner.nextTag(from: position), tag.start < rowEnd {
            guard tag.kind == .start || tag.kind == .empty else {
                position = tag.end
                continue
            }
            guard let end = scanner.elementEnd(of: tag) else { throw malformed(nil, "the <\(tag.name)> element is not closed") }
            if tag.localName == "c" {
                guard let reference = scanner.attribute("r", of: tag) else {
                    throw malformed(nil, "a <c> in row \(rowNumber) has no r attribute (cell reference); refusing to guess its column")
                }
                guard let address = CellAddress(reference), address.row == rowNumber else {
                    throw malformed(reference, "the cell reference '\(reference)' does not belong to row \(rowNumber)")
                }
                let formula = formulaTag(in: tag, end: end)
                var anchored: String?
                if let formula, let shape = scanner.attribute("t", of: formula), shape == "shared" || shape == "array",
                    let ref = scanner.attribute("ref", of: formula), ref != reference
                {
                    anchored = "\(shape) formula of \(ref)"
                }
                cells.append(
                    ExistingCell(
                        address: address, range: tag.start..<end, style: scanner.attribute("s", of: tag),
                        hasFormula: formula != nil, anchors: anchored))
            }
            position = end
        }
        return cells
    }

    private func formulaTag(in cell: XMLTagScanner.Tag, end: Int) -> XMLTagScanner.Tag? {
        guard cell.kind == .start else { return nil }
        var position = cell.end
        while let tag = scanner.nextTag(from: position), tag.start < end {
            if tag.kind != .end, tag.kind != .other, tag.localName == "f" { return tag }
            position = tag.end
        }
        return nil
    }

    private func newRow(
        _ row: Int, cells: [CellAddress], edits: [CellAddress: String], prefix: String,
        style: (Int) -> String?
    ) -> String {
        let content = cells.map { cellXML($0, style: style($0.column), text: edits[$0]!, prefix: prefix) }.joined()
        return "<\(prefix)row r=\"\(row)\">\(content)</\(prefix)row>"
    }

    private func cellXML(_ address: CellAddress, style: String?, text: String, prefix: String) -> String {
        let styleAttribute = style.map { " s=\"\(XMLText.escaped($0))\"" } ?? ""
        return "<\(prefix)c r=\"\(address)\"\(styleAttribute) t=\"inlineStr\"><\(prefix)is><\(prefix)t xml:space=\"preserve\">"
            + XMLText.escaped(text) + "</\(prefix)t></\(prefix)is></\(prefix)c>"
    }

    /// Applies replacements in document order; ones at the same position keep the order given.
    private func splice(_ replacements: [Replacement]) -> [UInt8] {
        let ordered = replacements.enumerated().sorted {
            ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
        }.map(\.element)
        var result: [UInt8] = []
        result.reserveCapacity(scanner.bytes.count + ordered.reduce(0) { $0 + $1.text.utf8.count })
        var cursor = 0
        for replacement in ordered {
            result.append(contentsOf: scanner.bytes[cursor..<replacement.range.lowerBound])
            result.append(contentsOf: replacement.text.utf8)
            cursor = replacement.range.upperBound
        }
        result.append(contentsOf: scanner.bytes[cursor...])
        return result
    }

    private func malformed(_ cell: String?, _ message: String) -> XLSXWriteError {
        XLSXWriteError(.malformed, at: SourceLocation(file: file, cell: cell), message)
    }
}
