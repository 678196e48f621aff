import Foundation
import ResponderModel

/// Writes a new, small workbook from scratch (for review workbooks), following ECMA-376 Part 1
/// (SpreadsheetML) with only the required parts: `[Content_Types].xml`, `_rels/.rels`,
/// `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`, `xl/styles.xml` and one
/// `xl/worksheets/sheetN.xml` per sheet. Text is written as inline strings.
///
/// Output is deterministic: the same sheets give the same bytes (fixed entry order, fixed ZIP
/// timestamps, no document properties). The file is written to a temporary file in the
/// destination folder and renamed into place.
public enum XLSXWorkbookWriter {
    /// Writes `sheets`, in order, to `url`.
    ///
    /// - Throws: ``XLSXWriteError`` `.invalidEdit` for an invalid or duplicate sheet name, no
    ///   visible sheet, a non-finite number, a text longer than Excel's 32,767 characters or a list
    ///   validation Excel cannot store inline;
    ///   `.io` when the file cannot be written.
    public static func write(_ sheets: [XLSXSheetSpec], to url: URL) throws(XLSXWriteError) {
        let file = url.lastPathComponent
        try validate(sheets, file: file)
        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        let selected = sheets.firstIndex { !$0.isHidden } ?? 0
        for (index, sheet) in sheets.enumerated() {
            parts.append(
                (
                    "xl/worksheets/sheet\(index + 1).xml",
                    try worksheet(sheet, isSelected: index == selected, file: file)
                ))
        }
        // 1980-01-01, the earliest DOS date a ZIP entry can carry: fixed, so output is reproducible.
        let date = Date(timeIntervalSince1970: 315_532_800)
        try ZipPartWriter.write(parts.map { ZipPartWriter.Part(path: $0.path, data: Data($0.xml.utf8), modificationDate: date) }, to: url)
    }

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    private static func validate(_ sheets: [XLSXSheetSpec], file: String) throws(XLSXWriteError) {
        let location = SourceLocation(file: file)
        guard sheets.contains(where: { !$0.isHidden }) else {
            throw XLSXWriteError(.invalidEdit, at: location, "a workbook needs at least one visible sheet")
        }
        var seen: Set<String> = []
        for sheet in sheets {
            let sheetLocation = SourceLocation(file: file, sheet: sheet.name)
            guard (1...31).contains(sheet.name.count), !sheet.name.contains(where: { "[]:*?/\\".contains($0) }),
                !sheet.name.hasPrefix("'"), !sheet.name.hasSuffix("'")
            else {
                throw XLSXWriteError(
                    .invalidEdit, at: sheetLocation,
                    "a sheet name must have 1 to 31 characters, none of [ ] : * ? / \\, and not start or end with '")
            }
            guard seen.insert(sheet.name.lowercased()).inserted else {
                throw XLSXWriteError(.invalidEdit, at: sheetLocation, "two sheets have this name")
            }
            for validation in sheet.validations {
                let list = validation.choices.joined(separator: ",")
                guard !validation.choices.isEmpty, !validation.choices.contains(where: { $0.contains(",") || $0.contains("\"") }),
                    list.utf16.count <= 255
                else {
                    throw XLSXWriteError(
                        .invalidEdit, at: SourceLocation(file: file, sheet: sheet.name, cell: "\(validation.range)"),
                        "an inline dropdown list needs choices without commas or quotes, 255 characters in all")
                }
            }
        }
    }

    private static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1...sheetCount).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + sheets
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "</Types>"
    }

    private static let rootRelationships =
        declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private static func workbook(_ sheets: [XLSXSheetSpec]) -> String {
        let active = sheets.firstIndex { !$0.isHidden } ?? 0
        let entries = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(XMLText.escaped(sheet.name))\" sheetId=\"\(index + 1)\"\(sheet.isHidden ? " state=\"hidden\"" : "") r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
            + "<bookViews><workbookView activeTab=\"\(active)\"/></bookViews>"
            + "<sheets>\(entries)</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        let sheets = (1...sheetCount).map {
            "<Relationship Id=\"rId\($0)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }.joined()
        return declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">" + sheets
            + "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
            + "</Relationships>"
    }

    /// Fills by ``XLSXSheetSpec/Highlight``; fills 0 and 1 are the two Excel requires first.
    private static let highlights: [XLSXSheetSpec.Highlight] = [.red, .amber, .green]
    private static let highlightColours: [XLSXSheetSpec.Highlight: String] = [.red: "FFFFC7CE", .amber: "FFFFEB9C", .green: "FFC6EFCE"]

    /// Cell formats (`cellXfs`) for every combination of bold × wrap × fill, at index
    /// `bold * 8 + wrap * 4 + fill` (fill 0 = none, 1...3 = ``highlights``).
    private static func styleIndex(bold: Bool, wrap: Bool, highlight: XLSXSheetSpec.Highlight?) -> Int {
        let fill = highlight.flatMap { highlights.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        return (bold ? 8 : 0) + (wrap ? 4 : 0) + fill
    }

    private static let styles: String = {
        let fills = highlights.map {
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(highlightColours[$0]!)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }.joined()
        var formats: [String] = []
        for bold in [false, true] {
            for wrap in [false, true] {
                for fill in 0...3 {
                    let fillID = fill == 0 ? 0 : fill + 1
                    var attributes = "numFmtId=\"0\" fontId=\"\(bold ? 1 : 0)\" fillId=\"\(fillID)\" borderId=\"0\" xfId=\"0\""
                    if bold { attributes += " applyFont=\"1\"" }
                    if fill > 0 { attributes += " applyFill=\"1\"" }
                    formats.append(wrap ? "<xf \(attributes) applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>" : "<xf \(attributes)/>")
                }
            }
        }
        return declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"\(2 + highlights.count)\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>\(fills)</fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(formats.count)\">\(formats.joined())</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }()

    private static func worksheet(_ sheet: XLSXSheetSpec, isSelected: Bool, file: String) throws(XLSXWriteError) -> String {
        var xml = declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<sheetViews><sheetView\(isSelected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        if sheet.hasHeaderRow {
            xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        let widths = sheet.columnWidths.filter { (1...CellAddress.maxColumn).contains($0.key) && $0.value > 0 }
        if !widths.isEmpty {
            xml +=
                "<cols>"
                + widths.keys.sorted().map {
                    "<col min=\"\($0)\" max=\"\($0)\" width=\"\(number(widths[$0]!))\" customWidth=\"1\"/>"
                }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (index, row) in sheet.rows.enumerated() {
            let rowNumber = index + 1
            let isHeader = sheet.hasHeaderRow && rowNumber == 1
            let highlight = sheet.highlights[rowNumber]
            let style = styleIndex(bold: isHeader, wrap: sheet.wrapsText, highlight: highlight)
            // A highlighted row carries its style so that empty cells are filled too.
            xml += highlight == nil ? "<row r=\"\(rowNumber)\">" : "<row r=\"\(rowNumber)\" s=\"\(style)\" customFormat=\"1\">"
            for (columnIndex, value) in row.enumerated() {
                let reference = CellAddress(row: rowNumber, column: columnIndex + 1)
                let styleAttribute = style == 0 ? "" : " s=\"\(style)\""
                switch value {
                case .empty:
                    if style != 0 { xml += "<c r=\"\(reference)\"\(styleAttribute)/>" }
                case .text(let text):
                    guard text.utf16.count <= XLSXCellPatcher.maxCellCharacters else {
                        throw XLSXWriteError(
                            .invalidEdit, at: SourceLocation(file: file, sheet: sheet.name, cell: "\(reference)"),
                            "the text has \(text.utf16.count) characters; a cell holds at most \(XLSXCellPatcher.maxCellCharacters)")
                    }
                    xml += "<c r=\"\(reference)\"\(styleAttribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLText.escaped(text))</t></is></c>"
                case .number(let value):
                    guard value.isFinite else {
                        throw XLSXWriteError(
                            .invalidEdit, at: SourceLocation(file: file, sheet: sheet.name, cell: "\(reference)"),
                            "a number must be finite")
                    }
                    xml += "<c r=\"\(reference)\"\(styleAttribute)><v>\(number(value))</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.validations.isEmpty {
            xml += "<dataValidations count=\"\(sheet.validations.count)\">"
            for validation in sheet.validations {
                let list = XMLText.escaped("\"" + validation.choices.joined(separator: ",") + "\"")
                xml += "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"\(validation.range)\"><formula1>\(list)</formula1></dataValidation>"
            }
            xml += "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
        return xml
    }

    /// Integers without a fraction (`12`), others in Swift's shortest round-trip form.
    private static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
