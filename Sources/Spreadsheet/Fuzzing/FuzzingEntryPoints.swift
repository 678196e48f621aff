import Foundation
import ResponderModel

/// The reader entry points the fuzz harnesses drive (`Sources/FuzzHarness`), visible only inside
/// this package.
///
/// They run the production readers with smaller caps, so that a fuzz input that reaches a cap costs
/// milliseconds instead of seconds, and every cap is exercised often.
package enum FuzzingEntryPoints {
    /// Caps for fuzzing: the same checks as ``ReadLimits/standard``, lower values.
    static let limits = ReadLimits(
        maxCSVFileBytes: 4 << 20, maxCSVFieldBytes: 64 << 10,
        maxArchiveFileBytes: 4 << 20, maxPartBytes: 8 << 20, maxTotalBytes: 16 << 20,
        maxEntries: 200, maxCellsPerRow: CellAddress.maxColumn, maxCellsPerSheet: 200_000)

    /// Shared strings the worksheet harness offers, so `t="s"` cells with indexes 0-3 resolve.
    static let sharedStrings = ["Question", "Answer", "Yes,No,N/A", "Does the vendor keep an AI inventory?"]
    /// Cell formats 0-2, the second unlocked, so `s="1"` exercises the protection lookup.
    static let lockedStyles = [true, false, true]

    /// Reads `data` as a CSV file named `path`.
    package static func readCSV(_ data: Data, path: String) throws(SpreadsheetError) -> Workbook {
        try CSVReader.read(data: data, path: path, limits: limits)
    }

    /// Parses `data` as one worksheet part and resolves its list validations against it.
    package static func readWorksheetXML(_ data: Data, path: String) throws(SpreadsheetError) -> (workbook: Workbook, diagnostics: [Diagnostic]) {
        let reader = try XMLStreamReader(data: data, file: "\(path):xl/worksheets/sheet1.xml")
        var parser = WorksheetParser(
            reader: reader, path: path, sheetName: "Sheet1", sharedStrings: sharedStrings,
            lockedStyles: lockedStyles, limits: limits)
        let (sheet, pending) = try parser.parse()
        var workbook = Workbook(path: path, format: .xlsx, sheets: [sheet])
        var diagnostics = DiagnosticCollector()
        let resolver = ListValidationResolver(workbook: workbook)
        workbook.sheets[0].validations = pending.map { resolver.resolve($0, onSheet: 0, diagnostics: &diagnostics) }
        return (workbook, diagnostics.diagnostics)
    }

    /// Reads the file at `path` the way ``SpreadsheetReader/read(path:)`` does: format sniffing,
    /// archive, every XML part, CSV.
    package static func readFile(path: String) throws(SpreadsheetError) -> (workbook: Workbook, diagnostics: [Diagnostic]) {
        try SpreadsheetReader.read(path: path, limits: limits)
    }
}
