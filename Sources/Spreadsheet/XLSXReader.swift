import Foundation
import ResponderModel

/// Reads an Office Open XML workbook (ECMA-376 Part 1, SpreadsheetML) into a ``Workbook``.
///
/// Values are read as stored and never evaluated: a formula cell carries its formula text and the
/// cached result. Parts are streamed, so a `<dimension>` that claims a million rows costs nothing.
enum XLSXReader {
    /// Reads an opened archive; `path` is how errors name the file.
    /// - Returns: the workbook and warnings (for example dropdown lists that could not be resolved).
    /// - Throws: ``SpreadsheetError`` naming the file, part or sheet, and line or cell.
    static func read(archive: XLSXArchive, path: String, limits: ReadLimits) throws(SpreadsheetError) -> (workbook: Workbook, diagnostics: [Diagnostic]) {
        let parts = XLSXParts(archive: archive, path: path)
        let workbookPart = try parts.officeDocumentPath()
        guard let workbookReader = try parts.reader(for: workbookPart) else {
            throw SpreadsheetError(
                .malformed, at: SourceLocation(file: path),
                "the workbook part \(workbookPart) is missing: this is not a complete .xlsx file")
        }
        let relationships = try parts.relationships(of: workbookPart)
        let entries = try XLSXParts.sheetEntries(workbookReader)
        // Relationship Ids in sorted order, so a package with duplicates always reads the same way.
        func target(ofType suffix: String, default fallback: String) -> String? {
            relationships.sorted { $0.key < $1.key }.first { $0.value.type.hasSuffix(suffix) }?.value.target
                ?? (archive.contains(fallback) ? fallback : nil)
        }
        var sharedStrings: [String] = []
        if let part = target(ofType: "/sharedStrings", default: "xl/sharedStrings.xml"), let reader = try parts.reader(for: part) {
            sharedStrings = try XLSXParts.sharedStrings(reader)
        }
        var lockedStyles: [Bool] = []
        if let part = target(ofType: "/styles", default: "xl/styles.xml"), let reader = try parts.reader(for: part) {
            lockedStyles = try XLSXParts.cellFormatLocks(reader)
        }

        var sheets: [Sheet] = []
        var pendingValidations: [[WorksheetParser.PendingValidation]] = []
        for (index, entry) in entries.sheets.enumerated() {
            let sheetLocation = SourceLocation(file: path, sheet: entry.name)
            guard let relationship = relationships[entry.relationshipID] else {
                throw SpreadsheetError(
                    .malformed, at: sheetLocation,
                    "the workbook lists this sheet but has no relationship '\(entry.relationshipID)' for it")
            }
            guard let reader = try parts.reader(for: relationship.target) else {
                throw SpreadsheetError(.malformed, at: sheetLocation, "the sheet's part \(relationship.target) is missing")
            }
            guard relationship.type.hasSuffix("/worksheet") else {
                // Chart sheets and dialog sheets hold no cells: keep them so sheet indexes stay right.
                sheets.append(Sheet(name: entry.name, index: index, visibility: entry.visibility, partPath: relationship.target))
                pendingValidations.append([])
                continue
            }
            var parser = WorksheetParser(
                reader: reader, path: path, sheetName: entry.name,
                sharedStrings: sharedStrings, lockedStyles: lockedStyles, limits: limits)
            let result = try parser.parse()
            var sheet = result.sheet
            sheet.index = index
            sheet.visibility = entry.visibility
            sheet.partPath = relationship.target
            sheets.append(sheet)
            pendingValidations.append(result.validations)
        }

        var workbook = Workbook(path: path, format: .xlsx, sheets: sheets, definedNames: entries.definedNames)
        var diagnostics = DiagnosticCollector()
        let resolver = ListValidationResolver(workbook: workbook)
        for (index, pending) in pendingValidations.enumerated() {
            workbook.sheets[index].validations = pending.map { resolver.resolve($0, onSheet: index, diagnostics: &diagnostics) }
        }
        return (workbook, diagnostics.diagnostics)
    }
}
